// A desk for tests of the notices through the backend (tests/integration/*Notices*.test.ts): a
// backend on a clock the test moves, with the bureau and the organisation tree set, steps taken
// on a given day, and a notice read back with pdftotext, the layout's spaces squashed.
import { afterEach, expect } from 'vitest';
import type { DocumentKind } from '../../domain/documents/kinds';
import type { CommandOutcome } from '../../domain/matters/rpc';
import type { z } from 'zod';
import { applyPulledPage } from '../../db/pulled';
import type { deviceSettingsSchema } from '../../domain/sync/pull';
import { tempDir, testBackend, validVisit } from './backend';
import { configureNotices } from './noticeSettings';
import { pdfText } from './pdfText';

export type Desk = ReturnType<typeof testBackend>;

/** Call once at the top of a test file: the desks it opens are closed after each test. */
export function noticeDesks() {
  let clock = new Date('2026-03-02T09:00:00+08:00');
  const backends: Desk[] = [];
  afterEach(async () => {
    while (backends.length) await backends.pop()!.close();
  });

  /** The clock stands at 10:00 on `day`. */
  const setDay = (day: string) => {
    clock = new Date(`${day}T10:00:00+08:00`);
  };

  /**
   * A desk opened 2026-03-02, its notices set by the 管理员 (unless not `configured`), worked by a
   * 科长. `settings` are the city's, as a pull stores them, read when the desk starts.
   */
  async function desk(configured = true, settings?: z.input<typeof deviceSettingsSchema>): Promise<Desk> {
    clock = new Date('2026-03-02T09:00:00+08:00');
    const dataDir = tempDir();
    if (settings) {
      const first = testBackend({ dataDir, now: () => clock });
      applyPulledPage(first.db, { cursor: '1', reference: [{ key: 'settings', value: settings, updatedAt: '2026-03-01T00:00:00Z' }], supervision: [], terminations: [] });
      await first.close();
    }
    const b = testBackend({ dataDir, now: () => clock });
    backends.push(b);
    if (configured) await configureNotices(b.dispatch, 'supervisor');
    return b;
  }

  async function register(b: Desk, summary = '反映某公司拖欠工资三个月，请求督促支付'): Promise<string> {
    const r = await b.dispatch('intake.register', { ...validVisit, summary });
    if (!r.ok) throw new Error(r.message);
    return (r.value as { matterId: string }).matterId;
  }

  /** Runs a command on `day` at 10:00 (the clock moves there too). */
  async function step(b: Desk, matterId: string, day: string, command: Record<string, unknown>) {
    setDay(day);
    const r = await b.dispatch('matters.command', { matterId, command: { at: `${day}T10:00:00+08:00`, ...command } });
    if (!r.ok) throw new Error(`${String(command.type)}: ${r.code} ${r.message}`);
    const outcome = r.value as CommandOutcome;
    expect(outcome.warnings).toEqual([]);
    return outcome.detail;
  }

  /** The newest document of `kind` on the matter, as text with the layout's spaces squashed. */
  async function noticeText(b: Desk, matterId: string, kind: DocumentKind): Promise<string> {
    const detail = await b.dispatch('matters.get', { matterId });
    if (!detail.ok) throw new Error(detail.message);
    const doc = (detail.value as { documents: { id: string; kind: string }[] }).documents.filter((d) => d.kind === kind).at(-1);
    if (!doc) throw new Error(`no ${kind}`);
    const file = await b.dispatch('documents.read', { documentId: doc.id });
    if (!file.ok) throw new Error(file.message);
    return pdfText(Buffer.from((file.value as { dataBase64: string }).dataBase64, 'base64')).replace(/\s+/g, '');
  }

  /** Issues `kind` from the file (出具文书) and reads it back. */
  async function generated(b: Desk, matterId: string, kind: DocumentKind): Promise<string> {
    const r = await b.dispatch('documents.generate', { matterId, kind });
    if (!r.ok) throw new Error(`${kind}: ${r.code} ${r.message}`);
    return noticeText(b, matterId, kind);
  }

  return { desk, setDay, register, step, noticeText, generated };
}
