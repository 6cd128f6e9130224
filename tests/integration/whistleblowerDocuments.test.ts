// A 检举控告's papers (条例 art. 30): a role that may not see the reporter neither opens, issues
// nor records the delivery of a 文书 that names them, and the matter's file marks those papers
// instead of offering them; the masked 转送告知书 stays open to the handler who transfers, and
// delivers. The 科长/督办 sees all.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { MatterDetail } from '../../domain/matters/rpc';
import { OUTBOX_RECORDS, tempDir, testBackend, validVisit } from '../support/backend';
import { configureNotices } from '../support/noticeSettings';
import { pdfText } from '../support/pdfText';

const REFUSED = { ok: false, code: 'reporter_protected', message: '该文书含受保护的检举人信息，仅科长/督办可查看' };
const backends: ReturnType<typeof testBackend>[] = [];
afterEach(async () => {
  while (backends.length) await backends.pop()!.close();
});

async function open() {
  const dataDir = tempDir();
  const b = testBackend({ dataDir, now: () => new Date('2026-03-03T10:00:00+08:00') });
  backends.push(b);
  await configureNotices(b.dispatch, 'handler');
  await b.as('handler');
  /** What a refusal must leave as it was: the papers' rows and files, and the records to sync. */
  const written = () => ({
    documents: b.db.$client.prepare('SELECT count(*) AS n FROM document').get(),
    files: readdirSync(path.join(dataDir, 'documents')).length,
    outbox: b.db.$client.prepare(`SELECT count(*) AS n FROM ${OUTBOX_RECORDS}`).get(),
  });
  return { b, written };
}

async function call<T>(b: ReturnType<typeof testBackend>, method: string, input: unknown): Promise<T> {
  const r = await b.dispatch(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.code} ${r.message}`);
  return r.value as T;
}

const at = '2026-03-03T10:00:00+08:00';
const command = (b: ReturnType<typeof testBackend>, matterId: string, c: Record<string, unknown>) => call(b, 'matters.command', { matterId, command: { at, ...c } });
const text = async (b: ReturnType<typeof testBackend>, documentId: string) =>
  pdfText(Buffer.from((await call<{ dataBase64: string }>(b, 'documents.read', { documentId })).dataBase64, 'base64')).replace(/\s+/g, '');
const docOf = (m: MatterDetail, kind: string) => m.documents.find((d) => d.kind === kind)!;

describe('the papers of a 检举控告', () => {
  it('are refused to the handler and the clerk when they name the reporter, and open to the 科长/督办', async () => {
    const { b, written } = await open();
    const { matterId } = await call<{ matterId: string }>(b, 'intake.register', validVisit);
    // The receipt was made before anyone knew it was an accusation: it names the reporter.
    const receipt = await call<{ documentId: string }>(b, 'documents.generate', { matterId, kind: 'registration-receipt' });
    await command(b, matterId, { type: 'classify', class: 'accusation', route: 'discipline-inspection', body: '县纪委监委' });
    await command(b, matterId, { type: 'transfer', toBody: '县纪委监委', documents: ['transfer-notice'] });

    const asHandler = await call<MatterDetail>(b, 'matters.get', { matterId });
    expect(docOf(asHandler, 'registration-receipt')).toMatchObject({ id: receipt.documentId, withheld: true });
    const transfer = docOf(asHandler, 'transfer-notice');
    expect(transfer.withheld).toBe(false);
    expect(await b.dispatch('documents.read', { documentId: receipt.documentId })).toEqual(REFUSED);
    const notice = await text(b, transfer.id);
    expect(notice).toContain('张*');
    expect(notice).not.toContain('张三');

    const before = written();
    const audited = () => b.db.$client.prepare("SELECT action, outcome FROM audit_log WHERE outcome = 'reporter_protected'").all();
    expect(await b.dispatch('documents.generate', { matterId, kind: 'acceptance-notice' })).toEqual(REFUSED);
    // Its delivery names the reporter as recipient, by someone who held the paper.
    expect(await b.dispatch('documents.deliver', { documentId: receipt.documentId, method: 'in-person', to: '张三', at })).toEqual(REFUSED);
    expect(written(), 'a refused paper is neither rendered nor recorded, nor its delivery').toEqual(before);
    expect(audited()).toEqual([
      { action: 'documents.read', outcome: 'reporter_protected' },
      { action: 'documents.generate', outcome: 'reporter_protected' },
      { action: 'documents.deliver', outcome: 'reporter_protected' },
    ]);
    expect(await b.dispatch('documents.deliver', { documentId: transfer.id, method: 'in-person', to: '张*', at })).toMatchObject({ ok: true });
    // The masked kind may still be issued again.
    expect(await b.dispatch('documents.generate', { matterId, kind: 'transfer-notice' })).toMatchObject({ ok: true });

    await b.as('clerk');
    expect(await b.dispatch('documents.read', { documentId: receipt.documentId })).toEqual(REFUSED);
    expect(await b.dispatch('documents.generate', { matterId, kind: 'registration-receipt' })).toEqual(REFUSED);

    await b.as('supervisor');
    const asSupervisor = await call<MatterDetail>(b, 'matters.get', { matterId });
    expect(asSupervisor.documents.map((d) => d.withheld)).toEqual(asSupervisor.documents.map(() => false));
    expect(await text(b, receipt.documentId)).toContain('张三');
    expect(docOf(asSupervisor, 'registration-receipt').deliveredAt).toBeNull();
    expect(await b.dispatch('documents.deliver', { documentId: receipt.documentId, method: 'in-person', to: '张三', at })).toMatchObject({ ok: true });
    const again = await call<{ documentId: string }>(b, 'documents.generate', { matterId, kind: 'registration-receipt' });
    expect(await text(b, again.documentId)).toContain('张三');
  });

  it('withholds a 转送告知书 made before the matter became an accusation, as it names the reporter', async () => {
    const { b } = await open();
    const { matterId } = await call<{ matterId: string }>(b, 'intake.register', validVisit);
    await command(b, matterId, { type: 'classify', class: 'suggestion', route: 'study-and-reply', body: '县发改委' });
    await command(b, matterId, { type: 'transfer', toBody: '县发改委', documents: ['transfer-notice'] });
    const unmasked = docOf(await call<MatterDetail>(b, 'matters.get', { matterId }), 'transfer-notice').id;
    expect(await text(b, unmasked)).toContain('张三');

    // The 科长 takes both steps back, and the matter is classified again as an accusation.
    await b.as('supervisor');
    const steps = (await call<MatterDetail>(b, 'matters.get', { matterId })).transitions.map((t) => t.id);
    for (const transitionId of steps.reverse()) await call(b, 'matters.withdrawStep', { matterId, transitionId, reason: '分类有误，撤回重新分类' });
    await b.as('handler');
    await command(b, matterId, { type: 'classify', class: 'accusation', route: 'discipline-inspection', body: '县纪委监委' });
    await command(b, matterId, { type: 'transfer', toBody: '县纪委监委', documents: ['transfer-notice'] });

    const file = await call<MatterDetail>(b, 'matters.get', { matterId });
    const notices = file.documents.filter((d) => d.kind === 'transfer-notice');
    expect(notices.map((d) => [d.id === unmasked, d.withheld])).toEqual([
      [true, true],
      [false, false],
    ]);
    expect(await b.dispatch('documents.read', { documentId: unmasked })).toEqual(REFUSED);
  });
});
