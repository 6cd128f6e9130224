// The console's matters (issue #14): identities masked by role — a 查询员 or 统计员 never gets a
// name or 证件 number whole, a protected reporter (检举控告) only the 督办员 — every full record
// viewed is audited, and a figure opens exactly the matters it counts.
import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { initialLifecycle } from '../../domain/matters/applyCommand';
import { matters } from '../../server/store/schema';
import { describeEachBackend, enrolledDevice, expectCleanError, pushAll } from '../support/cityFixtures';
import { registrationEvent } from '../support/cityEvents';
import { setUpAdmin, staffMember } from '../support/consoleSession';

const PERIOD = 'from=2026-03-01&to=2026-03-31';

describeEachBackend('console matters', (city) => {
  async function registered() {
    const device = await enrolledDevice(city.app);
    const open = registrationEvent(1);
    const accusing = registrationEvent(2, { visitor: { ...open.payload.visitor, name: '李四', documentNumber: '410102198001010011' }, summary: '检举某单位' });
    await pushAll(city.app, device, [open, accusing]);
    // As the replayed lifecycle says once the window classifies it 检举控告.
    await city.db.update(matters).set({ lifecycle: { ...initialLifecycle('2026-03-01'), protectReporter: true } }).where(eq(matters.matterId, accusing.payload.matterId));
    return { open: open.payload, accusing: accusing.payload };
  }

  it('masks identities for the 查询员 and 统计员, and a protected reporter for all but the 督办员', async () => {
    const { open, accusing } = await registered();
    const admin = await setUpAdmin(city.app);
    const byRole = async (role: 'viewer' | 'statistician' | 'supervisor') => {
      const who = await staffMember(city.app, admin, role);
      return (await who.call('GET', '/api/console/matters')).json().rows as { matterId: string; visitorName: string; idNumber: string; masked: boolean }[];
    };
    const row = (rows: Awaited<ReturnType<typeof byRole>>, id: string) => rows.find((r) => r.matterId === id)!;

    for (const role of ['viewer', 'statistician'] as const) {
      const rows = await byRole(role);
      expect(row(rows, open.matterId)).toMatchObject({ visitorName: '张*', idNumber: '1101**********002X', masked: true });
      expect(JSON.stringify(rows)).not.toContain(open.visitor.documentNumber);
      expect(JSON.stringify(rows)).not.toContain('李四');
    }
    const supervisor = await byRole('supervisor');
    expect(row(supervisor, open.matterId)).toMatchObject({ visitorName: '张三', masked: false });
    expect(row(supervisor, accusing.matterId)).toMatchObject({ visitorName: '李四', masked: false });
    const adminRows = (await admin.call('GET', '/api/console/matters')).json().rows;
    expect(row(adminRows, open.matterId).visitorName).toBe('张三');
    expect(row(adminRows, accusing.matterId)).toMatchObject({ visitorName: '李*', masked: true });

    // The full record is masked the same way, and its visitor carries nothing more.
    const viewer = await staffMember(city.app, admin, 'viewer', 'viewer2');
    const record = (await viewer.call('GET', `/api/console/matters/${open.matterId}`)).json();
    expect(record.visitor).toEqual({ name: '张*', idType: 'resident', idNumber: '1101**********002X', masked: true });
    expect(JSON.stringify(record)).not.toContain(open.visitor.mobile);
  });

  it('audits every view of a full record, with who viewed it', async () => {
    const { open } = await registered();
    const admin = await setUpAdmin(city.app);
    const record = await admin.call('GET', `/api/console/matters/${open.matterId}`);
    expect(record.json()).toMatchObject({
      row: { matterNo: open.matterNo, status: 'registered', channel: 'visit' },
      visitor: { mobile: '13800138000', idType: 'resident', idNumber: open.visitor.documentNumber, masked: false },
      timeline: [expect.objectContaining({ type: 'matter.registered', label: '登记' })],
    });
    expect(record.json().visitor).not.toHaveProperty('documentNumber');
    const [entry] = (await admin.call('GET', '/api/console/audit?action=matter.viewed')).json().entries;
    expect(entry).toMatchObject({ actor: '市局管理员（admin）', target: open.matterNo, detail: { masked: false } });
    expectCleanError(await admin.call('GET', '/api/console/matters/0190a000-0000-7000-8000-000000000001'), 404, 'matter_not_found');
  });

  it('filters the register by state, and refuses a state there is none of', async () => {
    const { open, accusing } = await registered();
    const admin = await setUpAdmin(city.app);
    const ids = async (q: string) => (await admin.call('GET', `/api/console/matters?${q}`)).json().rows.map((r: { matterId: string }) => r.matterId).sort();
    expect(await ids('status=registered')).toEqual([open.matterId, accusing.matterId].sort());
    expect(await ids('status=closed')).toEqual([]);
    expectCleanError(await admin.call('GET', '/api/console/matters?status=done'), 400, 'invalid_request');
  });

  it('opens a figure to exactly the matters it counts, and downloads the figures as a workbook', async () => {
    const { open, accusing } = await registered();
    const admin = await setUpAdmin(city.app);
    const figures = (await admin.call('GET', `/api/console/figures?${PERIOD}`)).json();
    expect(figures.total).toMatchObject({ matters: 2, visits: 2, firstVisits: 2, repeatVisits: 0 });
    const drilled = (await admin.call('GET', `/api/console/figures/matters?${PERIOD}&figure=matters&countyCode=410102`)).json();
    expect(drilled.rows.map((r: { matterId: string }) => r.matterId).sort()).toEqual([open.matterId, accusing.matterId].sort());
    expect((await admin.call('GET', `/api/console/figures/matters?${PERIOD}&figure=repeatVisits`)).json().rows).toEqual([]);
    // A rate opens the matters due in the period: here the acceptance notices that fell due in March.
    const due = (await admin.call('GET', `/api/console/figures/matters?${PERIOD}&figure=timelyAcceptance`)).json().rows;
    expect(due).toHaveLength(figures.total.indicators.timelyAcceptance.denominator);
    expect(due.length).toBeGreaterThan(0);

    const book = await admin.call('GET', `/api/console/figures.xlsx?${PERIOD}`);
    expect(book.statusCode).toBe(200);
    expect(book.headers['content-type']).toContain('spreadsheetml');
    expect(book.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});
