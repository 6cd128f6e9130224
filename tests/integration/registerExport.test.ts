// The register's Excel export through the services: a job on the reader worker whose progress the
// window follows, the .xlsx read back with exceljs (the view's rows, in its order, the petitioner
// as the role may see them), and the export role-checked and in the audit log.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { auditLog } from '../../db/schema';
import type { ExportProgress } from '../../domain/register/rpc';
import { residentId, testBackend, validVisit } from '../support/backend';

let clock = new Date('2026-03-02T09:00:00+08:00');
const b = testBackend({ now: () => clock });
const ROWS = 30;

async function call<T>(method: string, input: unknown): Promise<T> {
  const r = await b.dispatch(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.code} ${r.message}`);
  return r.value as T;
}

beforeAll(async () => {
  for (let i = 1; i <= ROWS; i++) {
    clock = new Date(Date.parse('2026-03-02T09:00:00+08:00') + i * 3_600_000);
    const { matterId } = await call<{ matterId: string }>('intake.register', {
      ...validVisit,
      channel: i % 3 === 0 ? 'letter' : 'visit',
      visitor: { ...validVisit.visitor, credential: { type: 'resident', number: residentId('410102', '19700101', i) }, name: `来访人${i}`, mobile: '13800138000' },
    });
    // The first matter is a 检举控告: its reporter is protected.
    if (i === 1) await call('matters.command', { matterId, command: { type: 'classify', class: 'accusation', route: 'discipline-inspection', body: '县纪委监委', at: clock.toISOString() } });
  }
});
afterAll(() => b.close());

/** Starts an export of the view and follows it to the end, as the window does. */
async function exported(view: object): Promise<{ book: ExcelJS.Workbook; progress: ExportProgress[]; fileName: string }> {
  const { id, total } = await call<{ id: string; total: number }>('register.exportStart', view);
  const progress: ExportProgress[] = [];
  for (;;) {
    const p = await call<ExportProgress>('register.exportProgress', { id });
    progress.push(p);
    expect(p.total).toBe(total);
    if (p.state !== 'running') break;
    await new Promise((r) => setTimeout(r, 20));
  }
  const file = await call<{ fileName: string; dataBase64: string }>('register.exportTake', { id });
  const book = new ExcelJS.Workbook();
  // exceljs's typings predate Node's generic Buffer.
  await book.xlsx.load(Buffer.from(file.dataBase64, 'base64') as unknown as ExcelJS.Buffer);
  return { book, progress, fileName: file.fileName };
}

const rowsOf = (book: ExcelJS.Workbook) => (book.getWorksheet('台账')!.getSheetValues().filter(Boolean) as unknown[][]).map((r) => r.slice(1));

it('writes the view’s rows in its order, and the petitioner as the 科长 may see them', async () => {
  await b.as('supervisor');
  const { book, progress, fileName } = await exported({ filter: { channels: ['visit'] }, sort: { key: 'receivedAt', dir: 'asc' } });
  expect(fileName).toMatch(/^信访台账_\d{8}-\d{4}\.xlsx$/);
  expect(progress.at(-1)).toMatchObject({ state: 'done', written: 20, total: 20 });
  const [header, ...rows] = rowsOf(book);
  expect(header!.slice(0, 6)).toEqual(['信访件编号', '登记时间', '渠道', '信访人', '证件号码', '联系电话']);
  expect(rows).toHaveLength(20);
  expect(rows.map((r) => r[1])).toEqual([...rows.map((r) => r[1])].sort());
  expect(rows.every((r) => r[2] === '来访')).toBe(true);
  // The 科长 sees the protected reporter, as in the matter's file.
  expect(rows[0]!.slice(3, 6)).toEqual(['来访人1', residentId('410102', '19700101', 1), '13800138000']);
  const cover = (book.getWorksheet('说明')!.getSheetValues().filter(Boolean) as unknown[][]).map((r) => String(r[1]));
  expect(cover).toContain('共 20 件');
  expect(cover).toContain('渠道：来访');
});

it('masks a protected reporter for the 承办人, and shows every other petitioner as the matter’s file does', async () => {
  await b.as('handler');
  const { book } = await exported({ filter: {}, sort: { key: 'receivedAt', dir: 'asc' } });
  const rows = rowsOf(book).slice(1);
  expect(rows).toHaveLength(ROWS);
  expect(rows[0]!.slice(3, 6)).toEqual(['来***', '******************', '***********']);
  expect(rows[1]!.slice(3, 6)).toEqual(['来访人2', residentId('410102', '19700101', 2), '13800138000']);
  expect(rows[0]![11]).toBe('检举控告类');
});

it('is refused to the 登记员, is for its owner only, and leaves its two lines in the audit log', async () => {
  await b.as('clerk');
  expect(await b.dispatch('register.exportStart', {})).toMatchObject({ ok: false, code: 'forbidden' });
  await b.as('supervisor');
  const { id } = await call<{ id: string }>('register.exportStart', {});
  await b.as('handler');
  expect(await b.dispatch('register.exportProgress', { id })).toMatchObject({ ok: false, code: 'export_not_found' });
  expect(await b.dispatch('register.exportTake', { id })).toMatchObject({ ok: false, code: 'export_not_found' });
  await b.as('supervisor');
  while ((await call<ExportProgress>('register.exportProgress', { id })).state === 'running') await new Promise((r) => setTimeout(r, 20));
  await call('register.exportTake', { id });
  // Handed over once: a second take finds nothing.
  expect(await b.dispatch('register.exportTake', { id })).toMatchObject({ ok: false, code: 'export_not_found' });
  const lines = b.db.select().from(auditLog).all().filter((l) => l.action.startsWith('register.export') && l.target === id);
  expect(lines.map((l) => [l.action, l.kind, l.actorRole, l.outcome])).toEqual([
    ['register.exportStart', 'view', 'supervisor', 'ok'],
    ['register.exportTake', 'view', 'supervisor', 'ok'],
  ]);
  expect(b.db.select().from(auditLog).all().some((l) => l.action === 'register.exportStart' && l.outcome === 'forbidden' && l.actorRole === 'clerk')).toBe(true);
});
