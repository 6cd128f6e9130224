// Corrections that keep history: 更正 of registration fields, 作废 of a mistaken registration and
// 撤回 of a lifecycle step — each in the store with its reason, one outbox event and an audit
// line, role-checked by the backend, and applied by a real city on the next sync.
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import type { MatterDetail } from '../../domain/matters/rpc';
import { matters } from '../../server/store/schema';
import { OUTBOX_RECORDS, testBackend, validVisit } from '../support/backend';
import { enroll, noJitter, startFaultCity } from '../support/faultProxy';

const clock = new Date('2026-03-02T09:00:00+08:00');
const backends: ReturnType<typeof testBackend>[] = [];
const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (backends.length) await backends.pop()!.close();
  while (cleanup.length) await cleanup.pop()!();
});

function open() {
  const b = testBackend({ now: () => clock, sync: { random: noJitter, debounceMs: 60_000, timerMs: 60_000, healthEveryMs: 60_000 } });
  backends.push(b);
  return b;
}

async function call<T>(b: ReturnType<typeof testBackend>, method: string, input: unknown): Promise<T> {
  const r = await b.dispatch(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.code} ${r.message}`);
  return r.value as T;
}

const register = (b: ReturnType<typeof testBackend>, over: object = {}) => call<{ matterId: string; matterNo: string }>(b, 'intake.register', { ...validVisit, ...over });
const step = (b: ReturnType<typeof testBackend>, matterId: string, command: object) =>
  call<{ detail: MatterDetail }>(b, 'matters.command', { matterId, command: { at: '2026-03-02T10:00:00+08:00', ...command } }).then((r) => r.detail);
const classify = { type: 'classify', class: 'complaint', route: 'petition-procedure', body: '县人社局' };

function rows(b: ReturnType<typeof testBackend>, sql: string, ...params: unknown[]) {
  return b.db.$client.prepare(sql).all(...params);
}

describe('更正 of registration fields', () => {
  it('changes the fields, keeps old and new values with the reason, and queues one event', async () => {
    const b = open();
    const { matterId } = await register(b);
    const detail = await call<MatterDetail>(b, 'matters.correct', { matterId, values: { visitorName: '张叁', categoryCode: '0102', summary: validVisit.summary }, reason: '登记时姓名录错' });
    expect(detail.visitor.name).toBe('张叁');
    expect(detail.corrections).toEqual([
      {
        id: expect.any(String),
        kind: 'correct',
        at: '2026-03-02T09:00:00.000+08:00',
        actorName: '赵科长',
        reason: '登记时姓名录错',
        // The summary given again unchanged is no change.
        changes: [
          { field: 'visitorName', label: '信访人姓名', from: '张三', to: '张叁' },
          { field: 'categoryCode', label: '问题分类', from: expect.stringContaining(' / '), to: expect.stringContaining(' / ') },
        ],
        withdrawn: null,
      },
    ]);
    expect(rows(b, 'SELECT name FROM visitor')).toEqual([{ name: '张叁' }]);
    expect(rows(b, "SELECT visitor_name FROM visit WHERE kind = 'first'")).toEqual([{ visitor_name: '张叁' }]);
    const events = rows(b, `SELECT type, payload FROM ${OUTBOX_RECORDS} ORDER BY seq`) as { type: string; payload: string }[];
    expect(events.map((e) => e.type)).toEqual(['matter.registered', 'matter.corrected']);
    expect(JSON.parse(events[1]!.payload)).toMatchObject({ matterId, reason: '登记时姓名录错', changes: [{ field: 'visitorName', from: '张三', to: '张叁' }, { field: 'categoryCode', from: '0101', to: '0102' }] });
    expect(rows(b, "SELECT outcome, target FROM audit_log WHERE action = 'matters.correct'")).toEqual([{ outcome: 'ok', target: matterId }]);
  });

  it('refuses a correction that changes nothing, a bad value or a missing reason, and writes nothing', async () => {
    const b = open();
    const { matterId } = await register(b);
    const before = rows(b, `SELECT count(*) AS n FROM ${OUTBOX_RECORDS}`);
    expect(await b.dispatch('matters.correct', { matterId, values: { visitorName: '张三' }, reason: '核对' })).toMatchObject({ ok: false, code: 'no_change' });
    expect(await b.dispatch('matters.correct', { matterId, values: { categoryCode: '9999' }, reason: '核对' })).toMatchObject({ ok: false, code: 'category_unknown' });
    expect(await b.dispatch('matters.correct', { matterId, values: { mobile: '123' }, reason: '核对' })).toMatchObject({ ok: false });
    expect(await b.dispatch('matters.correct', { matterId, values: { visitorName: '李四' }, reason: ' ' })).toMatchObject({ ok: false, message: '请填写更正理由' });
    expect(rows(b, `SELECT count(*) AS n FROM ${OUTBOX_RECORDS}`)).toEqual(before);
    expect(rows(b, 'SELECT count(*) AS n FROM matter_correction')).toEqual([{ n: 0 }]);
  });

  it('lets the window correct what it typed, but not a protected reporter it may not see', async () => {
    const b = open();
    const { matterId } = await register(b);
    await step(b, matterId, { ...classify, class: 'accusation', route: 'discipline-inspection' });
    await b.as('handler');
    expect(await b.dispatch('matters.correct', { matterId, values: { visitorName: '李四' }, reason: '录错' })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await b.dispatch('matters.correct', { matterId, values: { respondent: '某局' }, reason: '补录' })).toMatchObject({ ok: true });
    await b.as('clerk');
    expect(await b.dispatch('matters.correct', { matterId, values: { headcount: 2 }, reason: '人数录错' })).toMatchObject({ ok: true });
  });
});

describe('作废 of a mistaken registration', () => {
  it('is the 科长’s: the matter stays, leaves the queue, the repeat check and the figures, and takes no more steps', async () => {
    const b = open();
    const { matterId } = await register(b);
    await b.as('clerk');
    expect(await b.dispatch('matters.void', { matterId, reason: '重复登记' })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(rows(b, 'SELECT voided_at FROM matter')).toEqual([{ voided_at: null }]);
    await b.as('supervisor');
    const voided = await call<MatterDetail>(b, 'matters.void', { matterId, reason: '重复登记' });
    expect(voided).toMatchObject({ voided: { actorName: '赵科长', reason: '重复登记' }, allowedCommands: [] });
    expect(await b.dispatch('matters.void', { matterId, reason: '再次' })).toMatchObject({ ok: false, code: 'matter_voided' });
    expect(await b.dispatch('matters.command', { matterId, command: { at: '2026-03-02T10:00:00+08:00', ...classify } })).toMatchObject({ ok: false, code: 'matter_voided' });
    expect((await call<{ counts: { open: number } }>(b, 'matters.queue', {})).counts.open).toBe(0);
    // Nor is it anyone's to supervise: no 督办, 包案 or campaign on it, and nothing queued for the city.
    const outboxBefore = rows(b, 'SELECT count(*) AS n FROM outbox');
    expect(await b.dispatch('supervision.issue', { matterId, dueOn: '2026-03-20', content: '请报送办理情况' })).toMatchObject({ ok: false, code: 'matter_voided' });
    expect(await b.dispatch('leaderCase.assign', { matterId, leader: '赵副县长', staff: '李承办', plan: '约谈', dueOn: '2026-04-30' })).toMatchObject({ ok: false, code: 'matter_voided' });
    const { matterNo } = rows(b, 'SELECT matter_no AS matterNo FROM matter')[0] as { matterNo: string };
    expect(await b.dispatch('campaigns.create', { name: '专项', issuedBy: '县信访局', dueOn: '2026-04-30', matterNos: [matterNo] })).toMatchObject({ ok: false, code: 'matter_voided' });
    expect(rows(b, 'SELECT count(*) AS n FROM outbox')).toEqual(outboxBefore);
    const lookup = await call<{ matters: unknown[] }>(b, 'intake.lookupPerson', { credential: validVisit.visitor.credential });
    expect(lookup.matters).toEqual([]);
    const figures = await call<{ visits: number }>(b, 'figures.get', { from: '2026-03-01', to: '2026-03-31' });
    expect(figures.visits).toBe(0);
    expect(rows(b, 'SELECT count(*) AS n FROM matter')).toEqual([{ n: 1 }]);
    await b.as('handler');
    expect(await b.dispatch('matters.get', { matterId })).toMatchObject({ ok: false, code: 'matter_voided' });
  });
});

describe('撤回 of a lifecycle step', () => {
  it('takes back the latest step by a compensating step: the row stays, the lifecycle is replayed without it', async () => {
    const b = open();
    const { matterId } = await register(b);
    await step(b, matterId, classify);
    const accepted = await step(b, matterId, { type: 'accept' });
    const [classified, accept] = accepted.transitions;
    expect(await b.dispatch('matters.withdrawStep', { matterId, transitionId: classified!.id, reason: '误点' })).toMatchObject({ ok: false, code: 'not_latest_step' });
    await b.as('handler');
    expect(await b.dispatch('matters.withdrawStep', { matterId, transitionId: accept!.id, reason: '误点' })).toMatchObject({ ok: false, code: 'forbidden' });
    await b.as('supervisor');
    const back = await call<MatterDetail>(b, 'matters.withdrawStep', { matterId, transitionId: accept!.id, reason: '应转送，误点受理' });
    expect(back.status).toBe('classified');
    expect(back.lifecycle).toMatchObject({ acceptedOn: null, historyLength: 1 });
    expect(back.transitions.map((t) => t.command)).toEqual(['classify', 'accept']);
    expect(back.withdrawnSteps).toEqual([accept!.id]);
    expect(back.corrections).toMatchObject([{ kind: 'withdraw', reason: '应转送，误点受理', withdrawn: { transitionId: accept!.id, label: '受理', from: 'accepted', to: 'classified' } }]);
    expect(rows(b, 'SELECT status FROM matter')).toEqual([{ status: 'classified' }]);
    // The way forward is open again, and the next 撤回 takes back the classification.
    const transferred = await step(b, matterId, { type: 'transfer', toBody: '县住建局' });
    expect(transferred.status).toBe('transferred');
    const events = rows(b, `SELECT type FROM ${OUTBOX_RECORDS} ORDER BY seq`) as { type: string }[];
    expect(events.map((e) => e.type)).toEqual(['matter.registered', 'matter.transitioned', 'matter.transitioned', 'matter.stepWithdrawn', 'matter.transitioned']);
  });

  it('has nothing to take back on a matter without steps', async () => {
    const b = open();
    const { matterId } = await register(b);
    expect(await b.dispatch('matters.withdrawStep', { matterId, transitionId: matterId, reason: '误点' })).toMatchObject({ ok: false, code: 'nothing_to_withdraw' });
  });
});

describe('the city applies corrections', () => {
  it('takes the corrected name and mobile, the withdrawn step and the void into its matters', async () => {
    const city = await startFaultCity();
    cleanup.push(() => city.close());
    const b = open();
    await enroll(b, city);
    const { matterId } = await register(b);
    await step(b, matterId, classify);
    const accepted = await step(b, matterId, { type: 'accept' });
    await call(b, 'matters.correct', { matterId, values: { visitorName: '张叁', mobile: '13900139000' }, reason: '录错' });
    await call(b, 'matters.withdrawStep', { matterId, transitionId: accepted.transitions.at(-1)!.id, reason: '误点' });
    await call(b, 'sync.now', {});
    expect(b.sync.status()).toMatchObject({ lastError: null, waiting: 0 });
    const [row] = await city.db().select().from(matters).where(eq(matters.matterId, matterId));
    expect(row).toMatchObject({ visitorName: '张叁', status: 'classified', voidedAt: null, lifecycle: { state: 'classified', acceptedOn: null } });
    expect(row!.visitor).toMatchObject({ name: '张叁', mobile: '13900139000' });
    expect(row!.steps).toEqual([expect.objectContaining({ withdrawnBy: null }), expect.objectContaining({ withdrawnBy: expect.any(String) })]);

    await call(b, 'matters.void', { matterId, reason: '重复登记' });
    await call(b, 'sync.now', {});
    const [after] = await city.db().select({ voidedAt: matters.voidedAt }).from(matters).where(eq(matters.matterId, matterId));
    expect(after!.voidedAt).toBeInstanceOf(Date);
  }, 180_000);
});
