// Excel in (历史台账): a preview with a proposed mapping and every row checked; the import writes
// the rows that passed in one transaction, as matters the repeat and terminated checks find at
// once, and reports every refused row with its reasons. A bad file — wrong columns, not a
// workbook, 100,000 bad rows — gets a clear report and writes nothing.
import { afterEach, describe, expect, it } from 'vitest';
import type { PriorMatter } from '../../domain/intake/rpc';
import { suggestMapping } from '../../domain/records/importColumns';
import type { ImportPreview } from '../../domain/records/rpc';
import { OUTBOX_RECORDS, testBackend, validVisit } from '../support/backend';
import { enroll, noJitter, startFaultCity } from '../support/faultProxy';
import { LEDGER_HEADINGS, ledgerId, ledgerRow, ledgerXlsx } from '../support/ledger';

const clock = new Date('2026-03-02T09:00:00+08:00');
const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanup.length) await cleanup.pop()!();
});

function open() {
  const b = testBackend({ now: () => clock, sync: { random: noJitter, debounceMs: 60_000, timerMs: 60_000, healthEveryMs: 60_000 } });
  cleanup.push(() => b.close());
  return b;
}
type Backend = ReturnType<typeof open>;

async function call<T>(b: Backend, method: string, input: unknown): Promise<T> {
  const r = await b.dispatch(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.code} ${r.message}`);
  return r.value as T;
}

const file = async (rows: (string | Date | number)[][], headings?: string[]) => ({ fileName: '2019年台账.xlsx', dataBase64: (await ledgerXlsx(rows, headings)).toString('base64') });
const count = (b: Backend, sql: string) => (b.db.$client.prepare(sql).get() as { n: number }).n;
const written = (b: Backend) => ({ matters: count(b, 'SELECT count(*) AS n FROM matter'), visitors: count(b, 'SELECT count(*) AS n FROM visitor'), events: count(b, `SELECT count(*) AS n FROM ${OUTBOX_RECORDS}`) });

/** Two good rows (one terminated) and five refused, each for its own reason. */
function mixedRows() {
  const badCheck = ledgerRow(3);
  badCheck[2] = String(badCheck[2]).slice(0, 17) + (String(badCheck[2]).endsWith('0') ? '1' : '0');
  const future = ledgerRow(4);
  future[4] = '2027-01-01';
  const unknownCategory = ledgerRow(5);
  unknownCategory[6] = '星际移民';
  const pending = ledgerRow(6);
  pending[9] = '在办';
  const noName = ledgerRow(7);
  noName[1] = '';
  return [ledgerRow(1), ledgerRow(2, '终结'), badCheck, future, unknownCategory, pending, noName];
}

describe('import of a 历史台账', () => {
  it('previews with a mapping from the headings, imports the good rows, and flags the terminated person at once', async () => {
    const b = open();
    const ledger = await file(mixedRows());
    const preview = await call<ImportPreview>(b, 'records.importPreview', ledger);
    expect(preview.mapping).toEqual(suggestMapping(LEDGER_HEADINGS));
    expect(preview.mapping).toMatchObject({ sourceNo: 0, name: 1, idNumber: 2, receivedOn: 4, categoryCode: 6, summary: 8, state: 9, closedOn: 10, idType: null });
    expect(preview.missing).toEqual([]);
    expect(preview.sample[0]).toEqual(['2019-00001', '历史1', ledgerId(1), '13800138000', '2019-04-02', '来访', '城乡建设/物业管理', '某物业公司', '反映第1号小区供暖问题', '办结', '2019-12-20']);
    expect(preview.check).toMatchObject({ rows: 7, good: 2, terminated: 1, refused: 5 });
    expect(preview.check!.refusedRows).toEqual([
      { row: 4, name: '历史3', reasons: [expect.stringContaining('校验')] },
      { row: 5, name: '历史4', reasons: ['登记日期2027-01-01不在1980-01-01至今天之间', '办结（终结）日期应在登记日期之后、今天之前'] },
      { row: 6, name: '历史5', reasons: ['问题分类“星际移民”不在分类表中'] },
      { row: 7, name: '历史6', reasons: ['办理状态“在办”应为“办结”或“终结”（在办事项请在窗口登记）'] },
      { row: 8, name: '', reasons: ['缺少姓名'] },
    ]);
    expect(written(b).matters).toBe(0);

    const done = await call<{ imported: number; check: ImportPreview['check'] }>(b, 'records.import', { ...ledger, mapping: preview.mapping });
    expect(done).toMatchObject({ imported: 2, check: { good: 2, terminated: 1, refused: 5 } });
    const rows = b.db.$client.prepare("SELECT matter_no, status, origin, source_no, received_on, category_code FROM matter ORDER BY source_no").all();
    expect(rows).toEqual([
      { matter_no: expect.stringMatching(/^000000-L[0-9A-F]{4}-2019-H000001$/), status: 'closed', origin: 'import', source_no: '2019-00001', received_on: '2019-04-02', category_code: '0104' },
      { matter_no: expect.stringMatching(/-2019-H000002$/), status: 'terminated', origin: 'import', source_no: '2019-00002', received_on: '2019-04-03', category_code: '0104' },
    ]);
    expect(b.db.$client.prepare(`SELECT type FROM ${OUTBOX_RECORDS}`).all()).toEqual([{ type: 'matter.imported' }, { type: 'matter.imported' }]);

    // The next registration of the terminated person sees the matter, terminated, and a visit linked to it says so.
    const credential = { type: 'resident', number: ledgerId(2) };
    const lookup = await call<{ matters: PriorMatter[] }>(b, 'intake.lookupPerson', { credential });
    expect(lookup.matters).toEqual([expect.objectContaining({ source: 'local', terminated: true, statusLabel: '已终结', receivedOn: '2019-04-03' })]);
    const visit = await call<{ terminated: boolean }>(b, 'intake.register', { ...validVisit, visitor: { ...validVisit.visitor, credential, name: '历史2' }, link: { kind: 'repeat', matterId: lookup.matters[0]!.matterId } });
    expect(visit.terminated).toBe(true);
    // Imported history is not this window's figures.
    expect(await call(b, 'figures.get', { from: '2019-01-01', to: '2019-12-31' })).toMatchObject({ visits: 0 });

    // The same file again: every row already there, nothing written.
    const before = written(b);
    const again = await call<{ imported: number; check: NonNullable<ImportPreview['check']> }>(b, 'records.import', { ...ledger, mapping: preview.mapping });
    expect(again.imported).toBe(0);
    expect(again.check.byReason).toEqual(expect.arrayContaining([{ reason: '原编号“…”已导入过', rows: 2 }]));
    expect(written(b)).toEqual(before);
  });

  it('keeps the window’s own, newer record of a person it already knows', async () => {
    const b = open();
    await call(b, 'intake.register', { ...validVisit, visitor: { ...validVisit.visitor, credential: { type: 'resident', number: ledgerId(1) }, name: '现名' } });
    const ledger = await file([ledgerRow(1)]);
    await call(b, 'records.import', { ...ledger, mapping: suggestMapping(LEDGER_HEADINGS) });
    expect(b.db.$client.prepare('SELECT name FROM visitor').all()).toEqual([{ name: '现名' }]);
    expect(count(b, "SELECT count(*) AS n FROM matter WHERE origin = 'import'")).toBe(1);
  });

  it('is the 科长’s or the 管理员’s to do', async () => {
    const b = open();
    await b.as('clerk');
    const ledger = await file([ledgerRow(1)]);
    expect(await b.dispatch('records.import', { ...ledger, mapping: suggestMapping(LEDGER_HEADINGS) })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await b.dispatch('records.importPreview', ledger)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(written(b).matters).toBe(0);
  });
});

describe('a bad import file', () => {
  it('with wrong columns: the preview names the required fields without a column, and the import refuses it', async () => {
    const b = open();
    const ledger = await file([['张三', '2019-04-01']], ['名字', '时间']);
    const preview = await call<ImportPreview>(b, 'records.importPreview', ledger);
    expect(preview).toMatchObject({ headings: ['名字', '时间'], missing: ['name', 'idNumber', 'receivedOn', 'summary', 'state'], check: null });
    expect(await b.dispatch('records.import', { ...ledger, mapping: preview.mapping })).toEqual({
      ok: false,
      code: 'import_columns',
      message: '请为必填项选择对应的列：姓名、证件号码、登记日期、诉求摘要、办理状态',
    });
    const beyond = { ...suggestMapping(LEDGER_HEADINGS), name: 0, idNumber: 7, receivedOn: 1, summary: 0, state: 1 };
    expect(await b.dispatch('records.import', { ...ledger, mapping: beyond })).toMatchObject({ ok: false, code: 'import_columns', message: '所选的列超出了文件的列数（共2列）' });
    expect(written(b)).toEqual({ matters: 0, visitors: 0, events: 0 });
  });

  it('that is not a workbook: refused in words, nothing written', async () => {
    const b = open();
    const broken = { fileName: '台账.xlsx', dataBase64: Buffer.from('PK\u0003\u0004 this is not really a zip').toString('base64') };
    const expected = { ok: false, code: 'import_unreadable', message: expect.stringContaining('不是有效的 Excel 工作簿') };
    expect(await b.dispatch('records.importPreview', broken)).toMatchObject(expected);
    expect(await b.dispatch('records.import', { ...broken, mapping: suggestMapping(LEDGER_HEADINGS) })).toMatchObject(expected);
    expect(written(b)).toEqual({ matters: 0, visitors: 0, events: 0 });
  });

  it('of 100,000 bad rows: every row refused and counted by reason, the first ones listed, nothing written', async () => {
    const b = open();
    const rows = Array.from({ length: 100_000 }, (_, i) => {
      const r = ledgerRow(i);
      r[2] = `41010219700101${String(i % 10_000).padStart(4, '0')}`.slice(0, 17) + 'Y';
      return r;
    });
    const ledger = await file(rows);
    const done = await call<{ imported: number; check: NonNullable<ImportPreview['check']> }>(b, 'records.import', { ...ledger, mapping: suggestMapping(LEDGER_HEADINGS) });
    expect(done.imported).toBe(0);
    expect(done.check).toMatchObject({ rows: 100_000, good: 0, refused: 100_000 });
    expect(done.check.refusedRows).toHaveLength(200);
    expect(done.check.refusedRows[0]).toEqual({ row: 2, name: '历史0', reasons: [expect.any(String)] });
    expect(done.check.byReason).toEqual([{ reason: done.check.refusedRows[0]!.reasons[0], rows: 100_000 }]);
    expect(written(b)).toEqual({ matters: 0, visitors: 0, events: 0 });
  }, 600_000);
});

describe('the termination register comes down through pull', () => {
  it('lets another window flag a person terminated elsewhere, offline, by the hash alone', async () => {
    const city = await startFaultCity();
    cleanup.push(() => city.close());
    const importer = open();
    await enroll(importer, city);
    await call(importer, 'records.import', { ...(await file([ledgerRow(9, '终结')])), mapping: suggestMapping(LEDGER_HEADINGS) });
    await call(importer, 'sync.now', {});
    expect(importer.sync.status()).toMatchObject({ lastError: null, waiting: 0 });

    const other = open();
    await enroll(other, city);
    await call(other, 'sync.now', {});
    expect(other.db.$client.prepare('SELECT county_code, terminated_on, received_on, active FROM termination_entry').all()).toEqual([{ county_code: '410102', terminated_on: '2019-12-20', received_on: '2019-04-10', active: 1 }]);
    // The city cannot answer now: the register pulled earlier still flags the person.
    city.setRule(() => ({ kind: 'status', status: 503 }));
    const lookup = await call<{ provisional: boolean; matters: PriorMatter[] }>(other, 'intake.lookupPerson', { credential: { type: 'resident', number: ledgerId(9) } });
    expect(lookup).toMatchObject({ provisional: true, matters: [{ source: 'register', countyCode: '410102', terminated: true, receivedOn: '2019-04-10' }] });
  }, 240_000);
});
