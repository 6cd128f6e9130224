// A matter's whole life through the services: every step a transition row, the lifecycle, one
// outbox event, and its documents as PDFs whose text says what it should.
import { afterEach, describe, expect, it } from 'vitest';
import type { CommandOutcome, MatterDetail } from '../../domain/matters/rpc';
import { checkEventContent, type SyncEvent } from '../../domain/sync/events';
import { STAFF } from '../support/staff';
import { OUTBOX_RECORDS, residentId, testBackend, validVisit } from '../support/backend';
import { configureNotices } from '../support/noticeSettings';
import { pdfText } from '../support/pdfText';
import { applyPulledPage } from '../../db/pulled';
import { terminationHash } from '../../backend/services/records/terminationHash';

let clock = new Date('2026-03-02T09:00:00+08:00');
const backends: ReturnType<typeof testBackend>[] = [];
function open() {
  clock = new Date('2026-03-02T09:00:00+08:00');
  const b = testBackend({ now: () => clock });
  backends.push(b);
  return b;
}
// The backend types its outbox payloads instead of parsing them: every event it queued must pass the city's content check.
afterEach(async () => {
  for (const b of backends) {
    const rows = b.db.$client.prepare('SELECT seq, id, type, entity_id AS entityId, occurred_at AS occurredAt, payload FROM outbox').all() as (Omit<SyncEvent, 'payload'> & { payload: string })[];
    for (const r of rows) expect(checkEventContent({ ...r, payload: JSON.parse(r.payload) }), `${r.type} #${r.seq}`).toMatchObject({ ok: true });
  }
  while (backends.length) await backends.pop()!.close();
});


async function call<T>(b: ReturnType<typeof testBackend>, method: string, input: unknown): Promise<T> {
  const r = await b.dispatch(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.code} ${r.message}`);
  return r.value as T;
}

/** Moves the clock to `day` at 10:00 and runs the command on that day. */
async function step(b: ReturnType<typeof testBackend>, matterId: string, day: string, command: Record<string, unknown>) {
  clock = new Date(`${day}T10:00:00+08:00`);
  return (await call<CommandOutcome>(b, 'matters.command', { matterId, command: { at: `${day}T10:00:00+08:00`, ...command } })).detail;
}

async function docText(b: ReturnType<typeof testBackend>, documentId: string) {
  const d = await call<{ dataBase64: string }>(b, 'documents.read', { documentId });
  return pdfText(Buffer.from(d.dataBase64, 'base64')).replace(/\s+/g, '');
}

describe('a matter from registration to termination', () => {
  it('goes through every stage, writes every document, and syncs every step', async () => {
    const b = open();
    // Notices go out only once the 管理员 has set the bureau and the organisation tree.
    await configureNotices(b.dispatch, 'supervisor');
    const reg = await call<{ matterId: string; matterNo: string }>(b, 'intake.register', validVisit);
    const receipt = await call<{ documentId: string }>(b, 'documents.generate', { matterId: reg.matterId, kind: 'registration-receipt' });
    const receiptText = await docText(b, receipt.documentId);
    expect(receiptText).toContain(reg.matterNo);
    expect(receiptText).toContain('1101**********002X');
    expect(receiptText).toContain('2026年3月17日'); // 15 days from 3-02 is 3-17 (Tuesday)

    const id = reg.matterId;
    let m = await step(b, id, '2026-03-03', { type: 'classify', class: 'complaint', route: 'petition-procedure', body: '郑州市中原区人力资源和社会保障局' });
    expect(m.status).toBe('classified');
    m = await step(b, id, '2026-03-04', { type: 'accept', documents: ['acceptance-notice'] });
    expect(m.nextDeadline).toMatchObject({ label: '办理期限', lastDay: '2026-05-06' }); // 60 days from 3-04 is 5-03 (Sun, in the 劳动节 break) -> 5-06
    m = await step(b, id, '2026-03-05', { type: 'startHandling' });
    m = await step(b, id, '2026-04-20', { type: 'extend', days: 30, reason: '需要补充调查取证', approvedBy: '张局长', documents: ['extension-notice'] });
    m = await step(b, id, '2026-05-20', { type: 'reply', opinion: 'support', basis: '《保障农民工工资支付条例》第三条', text: '责成用人单位于30日内支付拖欠工资。', factsFound: '经调查核实，情况属实。', reasons: '事实清楚，依据充分。', documents: ['handling-opinion'] });
    m = await step(b, id, '2026-05-21', { type: 'deliver', method: 'in-person', to: '张三', documents: ['delivery-receipt'] });
    // The 送达 step records the reply's delivery and its 送达回证 names the reply and the method.
    expect(m.documents.find((d) => d.kind === 'handling-opinion')).toMatchObject({ deliveryMethod: 'in-person', deliveredAt: '2026-05-21T10:00:00+08:00' });
    const receiptOfReply = await docText(b, m.documents.find((d) => d.kind === 'delivery-receipt')!.id);
    expect(receiptOfReply).toContain('信访事项处理意见书');
    expect(receiptOfReply).toContain('直接送达');
    m = await step(b, id, '2026-05-21', { type: 'rate', rating: 'unsatisfied' });
    m = await step(b, id, '2026-06-01', { type: 'requestReview' });
    m = await step(b, id, '2026-06-20', { type: 'reviewOpinion', opinion: 'not-support', decision: 'uphold', basis: '《保障农民工工资支付条例》第三条', text: '原处理意见认定事实清楚，予以维持。', factsFound: '经调查核实，情况属实。', reasons: '事实清楚，依据充分。', documents: ['review-opinion'] });
    m = await step(b, id, '2026-06-22', { type: 'deliver', method: 'post', to: '张三' });
    m = await step(b, id, '2026-07-01', { type: 'requestReReview' });
    m = await step(b, id, '2026-07-20', { type: 'reReviewOpinion', opinion: 'not-support', decision: 'uphold', basis: '《保障农民工工资支付条例》第三条', text: '复查意见正确，予以维持。', factsFound: '经调查核实，情况属实。', reasons: '事实清楚，依据充分。', documents: ['re-review-opinion'] });
    // 终结 only once the 复核 opinion is delivered (DOMAIN.md §4).
    expect(m.allowedCommands).not.toContain('terminate');
    m = await step(b, id, '2026-07-22', { type: 'deliver', method: 'in-person', to: '张三' });
    m = await step(b, id, '2026-07-25', { type: 'terminate' });
    expect(m.status).toBe('terminated');
    expect(m.statusLabel).toContain('终结');
    expect(m.transitions.map((t) => t.command)).toEqual([
      'classify', 'accept', 'startHandling', 'extend', 'reply', 'deliver', 'rate', 'requestReview', 'reviewOpinion', 'deliver', 'requestReReview', 'reReviewOpinion', 'deliver', 'terminate',
    ]);
    // Every step is recorded under the signed-in user: the caller sends no actor at all.
    expect(new Set(m.transitions.map((t) => t.actorName))).toEqual(new Set([STAFF.supervisor.name]));

    const texts = Object.fromEntries(await Promise.all(m.documents.map(async (d) => [d.kind, await docText(b, d.id)] as const)));
    expect(Object.keys(texts).sort()).toEqual(['acceptance-notice', 'delivery-receipt', 'extension-notice', 'handling-opinion', 're-review-opinion', 'registration-receipt', 'review-opinion']);
    for (const t of Object.values(texts)) expect(t).toContain(reg.matterNo);
    expect(texts['acceptance-notice']).toContain('郑州市中原区人力资源和社会保障局');
    expect(texts['extension-notice']).toContain('需要补充调查取证');
    expect(texts['handling-opinion']).toContain('责成用人单位于30日内支付拖欠工资');
    expect(texts['review-opinion']).toContain('维持郑州市中原区人力资源和社会保障局于2026年5月20日作出的信访处理意见');
    expect(texts['re-review-opinion']).toContain('维持郑州市中原区人民政府于2026年6月20日作出的复查意见');

    // The same request on a terminated matter is refused with the stable code.
    clock = new Date('2026-07-26T10:00:00+08:00');
    const again = await b.dispatch('matters.command', { matterId: id, command: { at: '2026-07-26T10:00:00+08:00', type: 'requestReview' } });
    expect(again).toMatchObject({ ok: false, code: 'already_terminated' });

    const events = b.db.$client.prepare("SELECT count(*) AS n FROM outbox WHERE type = 'matter.transitioned'").get() as { n: number };
    expect(events.n).toBe(14);
  }, 60_000);

  it('records delivery of a document with a 送达回证', async () => {
    const b = open();
    await configureNotices(b.dispatch, 'supervisor');
    const reg = await call<{ matterId: string; matterNo: string }>(b, 'intake.register', validVisit);
    const m = await step(b, reg.matterId, '2026-03-03', { type: 'classify', class: 'complaint', route: 'petition-procedure', body: '县人社局' });
    expect(m.allowedCommands).toContain('accept');
    const accepted = await step(b, reg.matterId, '2026-03-04', { type: 'accept', documents: ['acceptance-notice'] });
    const notice = accepted.documents.find((d) => d.kind === 'acceptance-notice')!;
    await call(b, 'documents.deliver', { documentId: notice.id, method: 'post', to: '张三', at: '2026-03-05T09:00:00+08:00' });
    const after = await call<MatterDetail>(b, 'matters.get', { matterId: reg.matterId });
    const receipt = after.documents.find((d) => d.kind === 'delivery-receipt')!;
    const text = await docText(b, receipt.id);
    expect(text).toContain('信访事项受理告知书');
    expect(text).toContain('邮寄送达');
    expect(await b.dispatch('documents.deliver', { documentId: notice.id, method: 'post', to: '张三', at: '2026-03-05T09:00:00+08:00' })).toMatchObject({
      ok: false,
      code: 'already_delivered',
    });
  });

  it('refuses an illegal step with a stable code and writes nothing', async () => {
    const b = open();
    const reg = await call<{ matterId: string }>(b, 'intake.register', validVisit);
    const before = b.db.$client.prepare(`SELECT count(*) AS n FROM ${OUTBOX_RECORDS}`).get();
    const r = await b.dispatch('matters.command', { matterId: reg.matterId, command: { at: '2026-03-03T10:00:00+08:00', type: 'reply', opinion: 'support', basis: 'x', text: 'y', factsFound: 'f', reasons: 'r' } });
    expect(r).toMatchObject({ ok: false, code: 'illegal_transition', message: expect.stringMatching(/不能执行/) });
    expect(b.db.$client.prepare(`SELECT count(*) AS n FROM ${OUTBOX_RECORDS}`).get()).toEqual(before);
    expect(await b.dispatch('matters.command', { matterId: reg.matterId, command: { type: 'fly' } })).toMatchObject({ ok: false, code: 'invalid_input' });
  });

  it('refuses a step the signed-in role may not take, and a caller who claims an actor', async () => {
    const b = open();
    const reg = await call<{ matterId: string }>(b, 'intake.register', validVisit);
    const classify = { at: '2026-03-03T10:00:00+08:00', type: 'classify', class: 'suggestion', route: 'study-and-reply', body: '县发改委' };
    const claimed = await b.dispatch('matters.command', { matterId: reg.matterId, command: { ...classify, actor: { userId: 'S001', name: '赵科长', role: 'supervisor' } } });
    expect(claimed).toMatchObject({ ok: false, code: 'invalid_input' });
    await b.as('clerk');
    expect(await b.dispatch('matters.command', { matterId: reg.matterId, command: classify })).toMatchObject({ ok: false, code: 'forbidden', message: expect.stringMatching(/登记员.*无权分类/) });
    await b.as('handler');
    expect(await b.dispatch('matters.command', { matterId: reg.matterId, command: classify })).toMatchObject({ ok: true });
  });
});

describe('whistle-blower protection', () => {
  it('masks the reporter of a 检举控告 for roles that do not need the identity, in the file and the queue', async () => {
    const b = open();
    await b.as('handler');
    const reg = await call<{ matterId: string; matterNo: string }>(b, 'intake.register', validVisit);
    await step(b, reg.matterId, '2026-03-03', { type: 'classify', class: 'accusation', route: 'discipline-inspection', body: '县纪委监委' });
    const asHandler = await call<MatterDetail>(b, 'matters.get', { matterId: reg.matterId });
    expect(asHandler.visitor).toMatchObject({ name: '张*', masked: true });
    expect(asHandler.visitor.credential).not.toMatch(/\d/);
    const queue = await call<{ items: { visitorName: string }[] }>(b, 'matters.queue', {});
    expect(queue.items[0]!.visitorName).toBe('张*');
    clock = new Date('2026-03-02T17:00:00+08:00'); // the day of the visit, for the day's list
    const today = await call<{ visitorName: string; maskedIdNumber: string }[]>(b, 'intake.listToday', {});
    expect(today[0]).toMatchObject({ visitorName: '张*', maskedIdNumber: '******************' });
    // The person lookup leaves the accusation out, and the name it alone would give, even when the
    // city's termination register names it too; the materials follow the file.
    const terminated = { matterId: reg.matterId, matterNo: reg.matterNo, countyCode: '410102', documentHash: terminationHash(validVisit.visitor.credential.number), terminatedOn: '2026-03-02', active: true };
    applyPulledPage(b.db, { cursor: '1', reference: [], supervision: [], terminations: [terminated] });
    const lookup = () => call<{ visitorName: string | null; matters: { matterId: string; summary: string }[] }>(b, 'intake.lookupPerson', { credential: validVisit.visitor.credential });
    expect(await lookup()).toEqual({ provisional: true, visitorName: null, matters: [] });
    const other = await call<{ matterId: string }>(b, 'intake.register', { ...validVisit, summary: '小区噪音扰民，请求协调处理。' });
    expect(await lookup()).toMatchObject({ visitorName: '张三', matters: [{ matterId: other.matterId, summary: '小区噪音扰民，请求协调处理。' }] });
    await b.as('clerk');
    const att = await call<{ id: string }>(b, 'attachments.add', { matterId: reg.matterId, fileName: '举报信.pdf', mime: 'application/pdf', dataBase64: Buffer.from('%PDF-1.4 x').toString('base64') });
    const listed = await call<{ fileName: string }[]>(b, 'attachments.list', { matterId: reg.matterId });
    expect(listed[0]!.fileName).toBe('（检举控告材料）');
    expect(await b.dispatch('attachments.read', { id: att.id })).toMatchObject({ ok: false, code: 'forbidden' });

    await b.as('supervisor');
    const asSupervisor = await call<MatterDetail>(b, 'matters.get', { matterId: reg.matterId });
    expect(asSupervisor.visitor).toMatchObject({ name: '张三', masked: false });
    const seen = await lookup();
    expect(seen.matters.map((m) => [m.matterId, m.summary])).toEqual(
      expect.arrayContaining([
        [reg.matterId, validVisit.summary],
        [other.matterId, '小区噪音扰民，请求协调处理。'],
      ]),
    );
    expect(await b.dispatch('attachments.read', { id: att.id })).toMatchObject({ ok: true, value: { fileName: '举报信.pdf' } });
  });
});

describe('work queue', () => {
  it('lists overdue matters first and its counts match the database', async () => {
    const b = open();
    const ids: string[] = [];
    for (const [i, day] of ['2026-01-05', '2026-02-20', '2026-03-01'].entries()) {
      clock = new Date(`${day}T09:00:00+08:00`);
      const r = await call<{ matterId: string }>(b, 'intake.register', { ...validVisit, visitor: { ...validVisit.visitor, credential: { type: 'resident', number: residentId('410102', '19700101', i) } } });
      ids.push(r.matterId);
    }
    clock = new Date('2026-03-05T09:00:00+08:00');
    // Registered 01-05: acceptance notice due 01-20, overdue by 03-05. 02-20: due 03-09 (4 days). 03-01: due 03-16.
    const q = await call<{ counts: { open: number; overdue: number; dueSoon: number }; items: { matterId: string; nextDeadline: { overdue: boolean; lastDay: string } }[] }>(
      b,
      'matters.queue',
      { scope: 'all', dueSoonDays: 5 },
    );
    expect(q.items.map((i) => i.matterId)).toEqual(ids);
    expect(q.items[0]!.nextDeadline).toMatchObject({ overdue: true, lastDay: '2026-01-20' });
    const dbOpen = (b.db.$client.prepare("SELECT count(*) AS n FROM matter WHERE status NOT IN ('guided','not-accepted','closed','terminated')").get() as { n: number }).n;
    const dbOverdue = (b.db.$client.prepare("SELECT count(*) AS n FROM matter WHERE next_due < '2026-03-05'").get() as { n: number }).n;
    expect(q.counts).toEqual({ open: dbOpen, overdue: dbOverdue, dueSoon: 1 });
    const overdueOnly = await call<{ items: unknown[] }>(b, 'matters.queue', { scope: 'overdue' });
    expect(overdueOnly.items).toHaveLength(1);
  });
});

describe('supervision', () => {
  it('issues a numbered 督办 notice, assigns a leader case, records a lawyer, and computes a campaign’s resolution rate', async () => {
    const b = open();
    const reg = await call<{ matterId: string; matterNo: string; visitId: string }>(b, 'intake.register', validVisit);
    const s = await call<{ id: string; noticeNo: string }>(b, 'supervision.issue', { matterId: reg.matterId, dueOn: '2026-03-20', content: '请于3月20日前报送办理情况' });
    expect(s.noticeNo).toBe('督〔2026〕1号');
    await call(b, 'leaderCase.assign', { matterId: reg.matterId, leader: '赵副县长', staff: '李承办', plan: '约谈企业，督促支付', dueOn: '2026-04-30' });
    await call(b, 'participants.add', { visitId: reg.visitId, role: 'lawyer', name: '孙律师', organisation: '某律师事务所' });
    const c = await call<{ assigned: number; resolved: number; resolutionRate: number }>(b, 'campaigns.create', {
      name: '欠薪专项',
      issuedBy: '市信访局',
      dueOn: '2026-06-30',
      matterNos: [reg.matterNo],
    });
    expect(c).toMatchObject({ assigned: 1, resolved: 0, resolutionRate: 0 });
    const m = await call<MatterDetail>(b, 'matters.get', { matterId: reg.matterId });
    expect(m.supervision).toMatchObject([{ noticeNo: '督〔2026〕1号', resolvedAt: null }]);
    expect(m.leaderCase).toMatchObject({ leader: '赵副县长' });
    expect(m.participants).toMatchObject([{ role: 'lawyer', name: '孙律师' }]);
    await call(b, 'supervision.resolve', { id: s.id });
    const types = (b.db.$client.prepare(`SELECT type FROM ${OUTBOX_RECORDS} ORDER BY seq`).all() as { type: string }[]).map((r) => r.type);
    expect(types).toEqual(['matter.registered', 'supervision.issued', 'leaderCase.assigned', 'participant.recorded', 'campaign.created', 'supervision.resolved']);
  });

  it('lets only a supervisor issue a 督办 notice', async () => {
    const b = open();
    await b.as('handler');
    const reg = await call<{ matterId: string }>(b, 'intake.register', validVisit);
    expect(await b.dispatch('supervision.issue', { matterId: reg.matterId, dueOn: '2026-03-20', content: 'x' })).toMatchObject({ ok: false, code: 'forbidden' });
  });
});
