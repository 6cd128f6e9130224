// The content checks of a pushed event that need no database (server/push/eventChecks.ts).
import { describe, expect, it } from 'vitest';
import { checkContent, hasOverlongText, issuesNumber, MAX_TEXT_LENGTH } from '../../server/push/eventChecks';
import { eventsAbout, registrationEvent } from '../support/cityEvents';

const device = { id: 'd', countyCode: '410102', deviceCode: 'D001' };

describe('issuesNumber', () => {
  it("takes the device's own county and device code, or a window's number from before it was enrolled", () => {
    expect(issuesNumber(device, '410102-D001-2026-000001')).toBe(true);
    expect(issuesNumber(device, '000000-L3F9A-2026-000001')).toBe(true);
  });

  it("refuses another county's, another window's, and a prefix that only looks alike", () => {
    for (const n of ['410184-D001-2026-000001', '410102-D002-2026-000001', '410102-D0012026-000001', '410102-D001', '410102-d001-2026-1', '000000-L3F9-2026-1', '000000-LXYZW-2026-1']) {
      expect(issuesNumber(device, n), n).toBe(false);
    }
  });
});

describe('hasOverlongText', () => {
  it('finds a string over the limit anywhere, keys included', () => {
    const long = 'x'.repeat(MAX_TEXT_LENGTH + 1);
    expect(hasOverlongText({ a: [{ b: long }] })).toBe(true);
    expect(hasOverlongText({ [long]: 1 })).toBe(true);
    expect(hasOverlongText({ a: ['x'.repeat(MAX_TEXT_LENGTH)], n: 1e308 })).toBe(false);
  });

  it('walks no deeper than any storable value, so no nesting can exhaust the stack', () => {
    let deep: unknown = 'x'.repeat(MAX_TEXT_LENGTH + 1);
    for (let i = 0; i < 1_000_000; i++) deep = [deep];
    expect(hasOverlongText(deep)).toBe(false);
  });
});

describe('checkContent', () => {
  it('takes an event type named like an object property for an unknown type', () => {
    for (const type of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(checkContent(device, { ...registrationEvent(1), type })).toMatchObject({ ok: false, code: 'unknown_type' });
    }
  });

  it('refuses a registration under a number the device does not issue, and one received before 1900', () => {
    const own = registrationEvent(1);
    // A passed check hands on the payload as parsed, which is what gets applied.
    expect(checkContent(device, own)).toEqual({ ok: true, checked: { type: 'matter.registered', payload: own.payload } });
    expect(checkContent(device, { ...own, payload: { ...own.payload, matterNo: '410184-D001-2026-000001' } })).toMatchObject({ ok: false, code: 'matter_no_foreign' });
    expect(checkContent(device, { ...own, payload: { ...own.payload, receivedAt: '0099-01-01T00:00:00.000+08:00' } })).toMatchObject({ ok: false, code: 'bad_payload' });
  });

  it('refuses a corrected channel that is none of the four, as the city keeps it as one of them', () => {
    const corrected = eventsAbout(1, registrationEvent(1).payload).find((e) => e.type === 'matter.corrected')!;
    const toChannel = (to: string) => ({ ...corrected, payload: { ...corrected.payload, changes: [{ field: 'channel', from: 'visit', to }] } });
    expect(checkContent(device, toChannel('letter'))).toMatchObject({ ok: true, checked: { type: 'matter.corrected' } });
    expect(checkContent(device, toChannel('fax'))).toMatchObject({ ok: false, code: 'bad_payload', message: expect.stringContaining('信访方式') });
  });
});
