// The audit log (DESIGN.md §6): who wrote or saw what, append-only and hash-chained. The store
// refuses edits and deletions outright; someone who removes that guard (they hold the key)
// still cannot edit, delete or reorder a row, or cut rows the sync had taken from the end, without
// the verifier naming where the chain broke. The 管理员 runs it from the desk.
import { afterEach, describe, expect, it } from 'vitest';
import { queueAuditForSync, verifyAuditChain } from '../../db/audit';
import { auditVerdictText, type AuditVerdict } from '../../domain/staff/auditVerdict';
import { validVisit, testBackend } from '../support/backend';
import { STAFF } from '../support/staff';

const backends: ReturnType<typeof testBackend>[] = [];
afterEach(async () => {
  while (backends.length) await backends.pop()!.close();
});

async function withTrail() {
  const b = testBackend();
  backends.push(b);
  const reg = await b.dispatch('intake.register', validVisit);
  if (!reg.ok) throw new Error(reg.message);
  const { matterId } = reg.value as { matterId: string };
  await b.dispatch('matters.get', { matterId });
  await b.dispatch('intake.lookupPerson', { credential: validVisit.visitor.credential });
  await b.as('clerk');
  await b.dispatch('supervision.issue', { matterId, dueOn: '2099-01-01', content: '越权尝试' });
  return { b, matterId, sql: b.db.$client };
}

type Row = { seq: number; action: string; kind: string; actor_no: string; target: string | null; outcome: string };

describe('the audit log', () => {
  it('records writes, views of personal records, sign-ins and refused attempts, with who and what', async () => {
    const { sql, matterId } = await withTrail();
    const rows = sql.prepare('SELECT seq, action, kind, actor_no, target, outcome FROM audit_log ORDER BY seq').all() as Row[];
    const find = (action: string, actor: string) => rows.find((r) => r.action === action && r.actor_no === actor);
    expect(find('session.setup', STAFF.admin.userNo)).toMatchObject({ kind: 'session', outcome: 'ok' });
    expect(find('intake.register', STAFF.supervisor.userNo)).toMatchObject({ kind: 'write', target: matterId, outcome: 'ok' });
    expect(find('matters.get', STAFF.supervisor.userNo)).toMatchObject({ kind: 'view', target: matterId });
    expect(find('intake.lookupPerson', STAFF.supervisor.userNo)).toMatchObject({ kind: 'view', target: `credential:resident:${validVisit.visitor.credential.number}` });
    // A clerk trying what only a supervisor may do is recorded as refused.
    expect(find('supervision.issue', STAFF.clerk.userNo)).toMatchObject({ kind: 'write', target: matterId, outcome: 'forbidden' });
    // A failed sign-in is recorded under the 工号 that was tried.
    expect(rows.some((r) => r.action === 'session.login' && r.outcome === 'login_failed')).toBe(true);
    // Reading the list of today's visits is not a view of one person's full record.
    expect(rows.some((r) => r.action === 'intake.listToday')).toBe(false);
    expect(verifyAuditChain(backends[0]!.db)).toMatchObject({ ok: true, rows: rows.length });
  });

  it('cannot be edited or deleted through the store', async () => {
    const { sql } = await withTrail();
    expect(() => sql.prepare("UPDATE audit_log SET outcome = 'ok' WHERE seq = 1").run()).toThrow(/append-only/);
    expect(() => sql.prepare('DELETE FROM audit_log WHERE seq = 1').run()).toThrow(/append-only/);
  });

  describe('with the guard removed, the verifier still finds', () => {
    async function tampered(edit: (sql: ReturnType<typeof testBackend>['db']['$client']) => void) {
      const { b, sql } = await withTrail();
      sql.exec('DROP TRIGGER audit_log_append_only_update; DROP TRIGGER audit_log_append_only_delete;');
      edit(sql);
      return verifyAuditChain(b.db);
    }

    it('an edited row', async () => {
      const v = await tampered((sql) => sql.prepare("UPDATE audit_log SET actor_no = 'S999' WHERE seq = 3").run());
      expect(v).toMatchObject({ ok: false, brokenAt: 3, reason: 'edited' });
    });

    it('an edited row whose hash was recomputed alone', async () => {
      const v = await tampered((sql) => sql.prepare("UPDATE audit_log SET hash = '" + 'f'.repeat(64) + "' WHERE seq = 3").run());
      expect(v).toMatchObject({ ok: false, brokenAt: 3 });
    });

    it('a deleted row', async () => {
      const v = await tampered((sql) => sql.prepare('DELETE FROM audit_log WHERE seq = 4').run());
      expect(v).toMatchObject({ ok: false, brokenAt: 5, reason: 'missing-or-reordered' });
    });

    it('reordered rows', async () => {
      const v = await tampered((sql) => {
        sql.prepare('UPDATE audit_log SET seq = -1 WHERE seq = 4').run();
        sql.prepare('UPDATE audit_log SET seq = 4 WHERE seq = 5').run();
        sql.prepare('UPDATE audit_log SET seq = 5 WHERE seq = -1').run();
      });
      expect(v).toMatchObject({ ok: false, brokenAt: 4 });
    });

    it('rows cut from the end once the sync had taken them for the city', async () => {
      const { b, sql } = await withTrail();
      const lines = queueAuditForSync(b.db);
      sql.exec('DROP TRIGGER audit_log_append_only_delete;');
      sql.prepare('DELETE FROM audit_log WHERE seq > ?').run(lines - 2);
      expect(verifyAuditChain(b.db)).toEqual({ ok: false, rows: lines - 2, brokenAt: lines - 1, reason: 'truncated' });
    });
  });

  it('is checked by the 管理员 through the backend, in words, and by nobody else', async () => {
    const { b, sql } = await withTrail();
    await b.as('admin');
    const fine = await b.dispatch('audit.verify', {});
    expect(fine).toMatchObject({ ok: true, value: { ok: true, rows: expect.any(Number) } });
    if (!fine.ok) return;
    expect(auditVerdictText(fine.value as AuditVerdict)).toMatch(/^审计日志完整：共 \d+ 条记录/);
    sql.exec('DROP TRIGGER audit_log_append_only_update;');
    sql.prepare("UPDATE audit_log SET actor_no = 'S999' WHERE seq = 2").run();
    const broken = await b.dispatch('audit.verify', {});
    expect(broken).toMatchObject({ ok: true, value: { ok: false, brokenAt: 2, reason: 'edited' } });
    if (broken.ok) expect(auditVerdictText(broken.value as AuditVerdict)).toBe('审计日志第 2 条记录被改动过：其内容与校验值不符。');
    await b.as('supervisor');
    expect(await b.dispatch('audit.verify', {})).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('records opening and discarding a draft, not the form saving itself as the clerk types', async () => {
    const b = testBackend();
    backends.push(b);
    const actions = () => (b.db.$client.prepare("SELECT action FROM audit_log WHERE action LIKE 'drafts.%' ORDER BY seq").pluck().all() as string[]);
    for (const summary of ['工资', '工资被拖欠']) await b.dispatch('drafts.save', { id: 'd1', title: '张三', data: { summary } });
    expect(actions()).toEqual([]);
    await b.dispatch('drafts.get', { id: 'd1' });
    await b.dispatch('drafts.discard', { id: 'd1' });
    expect(actions()).toEqual(['drafts.get', 'drafts.discard']);
  });

  it('goes to the city as events, each line once, in order', async () => {
    const { b, sql } = await withTrail();
    const lines = (sql.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
    expect(queueAuditForSync(b.db)).toBe(lines);
    expect(queueAuditForSync(b.db)).toBe(0);
    const events = sql.prepare("SELECT entity_id, payload FROM outbox WHERE type = 'audit.recorded' ORDER BY seq").all() as { entity_id: string; payload: string }[];
    expect(events.map((e) => JSON.parse(e.payload).seq)).toEqual(Array.from({ length: lines }, (_, i) => i + 1));
    await b.dispatch('intake.listToday', {});
    await b.dispatch('matters.queue', {});
    await b.dispatch('session.lock', {});
    expect(queueAuditForSync(b.db)).toBe(1);
  });
});
