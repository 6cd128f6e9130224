// A step that committed while its 文书 failed (DESIGN.md §2: errors are values; issue #10 item 5):
// the answer is ok with a warning that names the paper, the step stands and synced, and the
// paper can be made again once the fault is gone. The fault here is the disk's: the documents
// folder cannot be written (a file stands where it should be), which throws inside the service.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import type { CommandOutcome } from '../../domain/matters/rpc';
import { tempDir, testBackend, validVisit } from '../support/backend';
import { configureNotices } from '../support/noticeSettings';

const backends: ReturnType<typeof testBackend>[] = [];
afterEach(async () => {
  while (backends.length) await backends.pop()!.close();
});

it('answers ok with a warning when the step is saved and its document is not, and the document can be made again', async () => {
  const logged: string[] = [];
  const dataDir = tempDir();
  const b = testBackend({ dataDir, log: (msg) => logged.push(msg) });
  backends.push(b);
  await configureNotices(b.dispatch, 'supervisor');
  const reg = await b.dispatch('intake.register', validVisit);
  if (!reg.ok) throw new Error(reg.message);
  const { matterId } = reg.value as { matterId: string };
  const classify = await b.dispatch('matters.command', { matterId, command: { at: new Date().toISOString(), type: 'classify', class: 'complaint', route: 'petition-procedure', body: '郑州市中原区人力资源和社会保障局' } });
  expect(classify).toMatchObject({ ok: true });

  const documentsDir = path.join(dataDir, 'documents');
  fs.rmSync(documentsDir, { recursive: true, force: true });
  fs.writeFileSync(documentsDir, 'not a folder');
  const outboxBefore = b.db.$client.prepare('SELECT count(*) FROM outbox').pluck().get() as number;

  const r = await b.dispatch('matters.command', { matterId, command: { at: new Date().toISOString(), type: 'accept', documents: ['acceptance-notice'] } });
  expect(r.ok).toBe(true);
  const outcome = (r as { value: CommandOutcome }).value;
  expect(outcome.detail.status).toBe('accepted');
  expect(outcome.warnings).toEqual(['已受理，但文书未能生成：保存文书时出错。可在“文书”中重新生成。']);
  expect(outcome.detail.documents.filter((d) => d.kind === 'acceptance-notice')).toEqual([]);
  expect(b.db.$client.prepare('SELECT count(*) FROM outbox').pluck().get()).toBeGreaterThan(outboxBefore);
  expect(logged.some((m) => m.includes('acceptance-notice'))).toBe(true);

  fs.rmSync(documentsDir);
  const again = await b.dispatch('documents.generate', { matterId, kind: 'acceptance-notice' });
  expect(again).toMatchObject({ ok: true });
});
