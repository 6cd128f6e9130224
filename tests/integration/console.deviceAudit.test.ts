// The city checks the audit trail a window sent (server/city/deviceAudit.ts, issue #11): lines
// made with the window's own hash (db/audit.ts) hold; a line changed, or one deleted, at the
// window before it was sent is named by its number; a window that restored a backup and went on
// from the copy's last line is not called broken. Only the 管理员 asks, about a device that exists.
import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { auditHash, type AuditEntry } from '../../db/audit';
import { GENESIS } from '../../domain/staff/auditChain';
import type { SyncEvent } from '../../domain/sync/events';
import { describeEachBackend, enrolledDevice, pushAll } from '../support/cityFixtures';
import { setUpAdmin, staffMember } from '../support/consoleSession';

type Line = AuditEntry & { seq: number; prevHash: string; hash: string };

function entry(seq: number): AuditEntry {
  return { id: randomUUID(), at: `2026-03-02T09:${String(seq).padStart(2, '0')}:00.000+08:00`, actorNo: 'C001', actorName: '王登记', actorRole: 'clerk', action: 'matters.get', kind: 'view', target: randomUUID(), outcome: 'ok' };
}

/** `count` lines chained after `after` (or from the first), as the window writes them. */
function chain(count: number, after: Line | null = null): Line[] {
  const lines: Line[] = [];
  let prev = after;
  for (let i = 0; i < count; i++) {
    const seq = (prev?.seq ?? 0) + 1;
    const prevHash = prev?.hash ?? GENESIS;
    const e = entry(seq);
    prev = { ...e, seq, prevHash, hash: auditHash(prevHash, seq, e) };
    lines.push(prev);
  }
  return lines;
}

/** The lines as the window's outbox sends them, from event `first`. */
const asEvents = (lines: Line[], first = 1): SyncEvent[] =>
  lines.map((l, i) => ({ seq: first + i, id: l.id, type: 'audit.recorded', entityId: l.id, occurredAt: l.at, payload: l as unknown as Record<string, unknown> }));

describeEachBackend('the city checks a window’s audit trail', (city) => {
  async function sent(lines: Line[]) {
    const device = await enrolledDevice(city.app, '410102');
    await pushAll(city.app, device, asEvents(lines));
    return device.deviceId;
  }

  it('holds a whole trail, names a line changed or deleted before it was sent, and follows a restore', async () => {
    const admin = await setUpAdmin(city.app);
    const check = async (deviceId: string) => (await admin.call('GET', `/api/console/devices/${deviceId}/audit`)).json().verdict;
    const lines = chain(6);

    expect(await check(await sent(lines))).toEqual({ ok: true, rows: 6, head: lines[5]!.hash });

    const edited = lines.map((l) => (l.seq === 2 ? { ...l, actorName: '李某' } : l));
    expect(await check(await sent(edited))).toEqual({ ok: false, rows: 2, brokenAt: 2, reason: 'edited' });

    const deleted = lines.filter((l) => l.seq !== 3);
    expect(await check(await sent(deleted))).toEqual({ ok: false, rows: 3, brokenAt: 4, reason: 'missing-or-reordered' });

    // Restored to a copy that held lines 1–4: the window writes a new 5 and 6 after the old 4.
    const afterRestore = chain(2, lines[3]!);
    expect(await check(await sent([...lines, ...afterRestore]))).toEqual({ ok: true, rows: 8, head: afterRestore[1]!.hash });

    // A line that claims to follow a line the city never received is not saved by that rule.
    const orphan = chain(2, { ...lines[3]!, hash: 'f'.repeat(64) });
    expect(await check(await sent([...lines, ...orphan]))).toMatchObject({ ok: false, brokenAt: 5, reason: 'missing-or-reordered' });
  });

  it('answers only the 管理员, and only about a device that exists', async () => {
    const admin = await setUpAdmin(city.app);
    const deviceId = await sent(chain(1));
    const supervisor = await staffMember(city.app, admin, 'supervisor');
    expect((await supervisor.call('GET', `/api/console/devices/${deviceId}/audit`)).statusCode).toBe(403);
    const unknown = await admin.call('GET', `/api/console/devices/${randomUUID()}/audit`);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'device_not_found' });
    expect((await admin.call('GET', '/api/console/devices/not-a-uuid/audit')).statusCode).toBe(400);
  });
});
