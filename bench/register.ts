// The full register and 统计 at scale (DESIGN.md §7, issue #12), through the backend as the window
// calls it (the RPC gate, the reader worker, rows named and masked):
// - register.filter.p95: the first page of a view with three filters and a sort, the views taken
//   in turn; baseline, the same pages from the store layer alone on a plain connection.
// - indicators.year.ms: a year's figures (figures.get); baseline, reading the lifecycles of the
//   matters received in the year alone (what every request replayed before the figure facts).
// - export.100k.s and export.100k.rate: a 100,000-row view to .xlsx as an export job, followed to
//   its end; baseline, the same rows' raw columns straight into exceljs's streaming writer.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { openReadOnlyDb } from '../db/open';
import { registerPage, registerWhere } from '../db/register';
import { registerFilterSchema, type RegisterFilterInput, registerSortSchema } from '../domain/register/filter';
import { sourceTreeOptions } from '../backend/host/sourceTree';
import { createBackend } from '../backend/services/backend';
import { signIn } from '../tests/support/staff';
import { msSince, quantile, report } from './report';
import { DB_FILE, seedStore } from './seed';
import { EXPORT_ROWS, EXPORT_VIEW, exportView, must, vary } from './exportJob';

const YEAR = { from: '2026-01-01', to: '2026-12-31' };
const TODAY_MS = Date.parse('2026-12-15T10:00:00+08:00');

/** Three filters and a sort each: the views a county's desk asks for, in turn. */
const VIEWS: { filter: RegisterFilterInput; sort: { key: 'receivedAt' | 'nextDue'; dir: 'asc' | 'desc' } }[] = [
  { filter: { states: ['registered', 'accepted', 'handling'], categories: ['03'], places: ['410102003'] }, sort: { key: 'receivedAt', dir: 'desc' } },
  { filter: { channels: ['letter'], deadline: 'overdue', categories: ['05'] }, sort: { key: 'nextDue', dir: 'asc' } },
  { filter: { classes: ['complaint'], places: ['410102007'], from: '2026-06-01' }, sort: { key: 'receivedAt', dir: 'desc' } },
  { filter: { units: ['县人民法院'], channels: ['visit'], categories: ['11'] }, sort: { key: 'receivedAt', dir: 'asc' } },
];

/** Raw columns of the view's rows straight into exceljs's streaming writer: the floor of an export. */
async function rawExport(file: string, key: string, rows: number): Promise<number> {
  const db = openReadOnlyDb(file, key);
  const where = registerWhere(registerFilterSchema.parse(EXPORT_VIEW.filter), { today: '2026-12-15', drillRows: null, voided: true });
  const sort = registerSortSchema.parse(EXPORT_VIEW.sort);
  const stream = new PassThrough();
  stream.resume();
  const t0 = process.hrtime.bigint();
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: false, useSharedStrings: false });
  const sheet = book.addWorksheet('台账');
  let after: { value: string; matterNo: string } | null = null;
  let written = 0;
  while (written < rows) {
    const page = registerPage(db, where, sort, after, 2000);
    for (const r of page) sheet.addRow([r.matterNo, r.receivedAt, r.channel, r.visitorName, r.idNumber, r.mobile, r.categoryCode, r.placeRegion, r.respondent, r.summary, r.status]).commit();
    written += page.length;
    if (page.length < 2000) break;
    after = { value: String(page.at(-1)!.sortValue), matterNo: page.at(-1)!.matterNo };
  }
  sheet.commit();
  await book.commit();
  const seconds = msSince(t0) / 1000;
  db.$client.close();
  return seconds;
}

export async function run({ quick }: { quick: boolean }): Promise<void> {
  const existing = quick ? 20_000 : 1_000_000;
  const samples = quick ? 40 : 200;
  const exportRows = Math.min(EXPORT_ROWS, existing);
  const at = `${existing} matters`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xf-bench-register-'));
  const key = await seedStore(dataDir, existing);
  vary(dataDir, key);
  const file = path.join(dataDir, DB_FILE);

  // Baselines: the store layer alone, on its own read-only connection.
  const db = openReadOnlyDb(file, key);
  const views = VIEWS.map((v) => ({ where: registerWhere(registerFilterSchema.parse(v.filter), { today: '2026-12-15', drillRows: null, voided: true }), sort: registerSortSchema.parse(v.sort) }));
  const rawPages: number[] = [];
  for (let i = -views.length; i < samples; i++) {
    const v = views[(i + views.length) % views.length]!;
    const t0 = process.hrtime.bigint();
    registerPage(db, v.where, v.sort, null, 100);
    if (i >= 0) rawPages.push(msSince(t0));
  }
  const rawYear: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = process.hrtime.bigint();
    db.$client.prepare('SELECT lifecycle FROM matter WHERE received_on >= ? AND received_on <= ?').all(YEAR.from, YEAR.to);
    rawYear.push(msSince(t0));
  }
  db.$client.close();

  const backend = createBackend({ ...sourceTreeOptions(dataDir), key, log: () => {}, now: () => new Date(TODAY_MS) });
  await signIn(backend.dispatch, 'supervisor');
  const pages: number[] = [];
  for (let i = -views.length; i < samples; i++) {
    const v = VIEWS[(i + VIEWS.length) % VIEWS.length]!;
    const t0 = process.hrtime.bigint();
    await must(backend.dispatch('register.page', { ...v, limit: 100 }));
    if (i >= 0) pages.push(msSince(t0));
  }
  const year: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = process.hrtime.bigint();
    const f = await must<{ indicators: { timelyAcceptance: { denominator: number } } }>(backend.dispatch('figures.get', YEAR));
    year.push(msSince(t0));
    // Every seeded matter's acceptance notice falls due in the year or just after: a year that counts none counted nothing.
    if (f.indicators.timelyAcceptance.denominator < existing * 0.9) throw new Error(`bench figures counted ${f.indicators.timelyAcceptance.denominator} acceptance notices of ${existing} matters`);
  }

  const t0 = process.hrtime.bigint();
  const exported = await exportView(backend.dispatch);
  const exportSeconds = msSince(t0) / 1000;
  await backend.close();
  const rawSeconds = await rawExport(file, key, exported);
  fs.rmSync(dataDir, { recursive: true, force: true });
  if (exported !== exportRows) throw new Error(`bench export wrote ${exported} rows, not ${exportRows}`);

  report({ figure: 'register.filter.p95', value: quantile(pages, 0.95), unit: 'ms', baseline: quantile(rawPages, 0.95), n: samples, at: `${at}, first page of 100, ${VIEWS.length} views of three filters and a sort` });
  report({ figure: 'indicators.year.ms', value: quantile(year, 0.5), unit: 'ms', baseline: quantile(rawYear, 0.5), n: year.length, at: `${at}, a year's figures (median)` });
  report({ figure: 'export.100k.s', value: exportSeconds, unit: 's', baseline: rawSeconds, n: 1, at: `${at}, ${exported} rows` });
  report({ figure: 'export.100k.rate', value: exported / exportSeconds, unit: 'rows/s', baseline: exported / rawSeconds, n: 1, at: `${at}, ${exported} rows` });
}
