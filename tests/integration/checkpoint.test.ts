// The WAL is checkpointed off the writer's path (db/open.ts, backend/reader/readerWorker.ts): the
// writer leaves it to a far fallback, and the reader worker's own connection copies committed
// pages into the store on a timer, so a registration's commit does not pay for it.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { WRITER_CHECKPOINT_PAGES } from '../../db/open';
import { DB_FILE } from '../../backend/services/backend';
import { residentId, tempDir, testBackend, validVisit } from '../support/backend';

const backends: ReturnType<typeof testBackend>[] = [];
afterEach(async () => {
  while (backends.length) await backends.pop()!.close();
});

it('the reader worker checkpoints what the writer committed, long before the writer would', async () => {
  const dataDir = tempDir();
  const b = testBackend({ dataDir });
  backends.push(b);
  expect(b.db.$client.pragma('wal_autocheckpoint', { simple: true })).toBe(WRITER_CHECKPOINT_PAGES);
  await b.dispatch('intake.listToday', {});
  const store = path.join(dataDir, DB_FILE);
  const pageSize = b.db.$client.pragma('page_size', { simple: true }) as number;
  const before = fs.statSync(store).size;
  for (let i = 0; i < 40; i++) {
    const r = await b.dispatch('intake.register', { ...validVisit, visitor: { ...validVisit.visitor, credential: { type: 'resident', number: residentId('410102', '19800101', 300 + i) } } });
    expect(r.ok).toBe(true);
  }
  const walPages = () => Math.ceil(fs.statSync(`${store}-wal`).size / pageSize);
  // Far fewer pages than the writer's own threshold: only the reader's checkpoint moves them.
  expect(walPages()).toBeLessThan(WRITER_CHECKPOINT_PAGES);
  await expect.poll(() => fs.statSync(store).size, { timeout: 15_000, interval: 100 }).toBeGreaterThan(before);
});
