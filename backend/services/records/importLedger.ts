// Excel in (历史台账): the rows that passed their check written as matters of origin 'import' —
// closed or terminated, each with its person and one 'matter.imported' event — all in one
// transaction, so a file is wholly in or not at all. A row already in the store (its 原编号
// imported before, or the same person, day and request) is refused here and reported with the
// rest. The repeat-visit and terminated checks find these matters at once: they are matters.
import { v7 as uuidv7 } from 'uuid';
import type { EventPayload } from '../../../domain/sync/events';
import { toWire } from '../../../domain/sync/wireCredential';
import { importedLifecycle } from '../../../domain/records/importedLifecycle';
import type { ImportedRecord } from '../../../domain/records/importRow';
import { missingColumns, IMPORT_FIELD_LABELS, type ImportMapping } from '../../../domain/records/importColumns';
import type { ImportCheck } from '../../../domain/records/rpc';
import { err, ok, type Result } from '../../../domain/result';
import { importedSourceNos, ledgerWriter } from '../../../db/records';
import { getDevice } from '../../../db/syncState';
import { localTimestamp, type ServiceContext } from '../context';
import { matterNumber } from '../intake';
import type { Reader } from '../../reader/reader';
import { summarise, type Refusal } from './checkLedger';

export async function importLedger(
  ctx: ServiceContext,
  reader: Pick<Reader, 'task'>,
  input: { fileName: string; dataBase64: string; mapping: ImportMapping },
): Promise<Result<{ batchId: string; imported: number; check: ImportCheck }>> {
  const missing = missingColumns(input.mapping);
  if (missing.length > 0) return err('import_columns', `请为必填项选择对应的列：${missing.map((f) => IMPORT_FIELD_LABELS[f]).join('、')}`);
  const checked = await reader.task('records.checkImport', input);
  if (!checked.ok) return checked;
  const { preview, good, refused: refusedByCheck } = checked.value;
  if (!preview.check) return err('import_columns', '文件缺少必需的列');

  const batchId = uuidv7();
  const now = localTimestamp(ctx.now());
  const dev = getDevice(ctx.db);
  const written: typeof good = [];
  const refused: Refusal[] = [];
  ctx.db.transaction((tx) => {
    const w = ledgerWriter(ctx.db);
    const sourceNos = importedSourceNos(tx);
    const seen = new Set<string>();
    for (const g of good) {
      const r = g.record;
      const key = `${r.credential.number}|${r.receivedOn}|${r.summary}`;
      const again = r.sourceNo !== '' && sourceNos.has(r.sourceNo);
      if (again || seen.has(key)) {
        refused.push({ row: g.row, name: r.name, reasons: [again ? `原编号“${r.sourceNo}”已导入过` : '与本文件中前面的一行重复'] });
        continue;
      }
      seen.add(key);
      const c = r.credential;
      const visitorId = w.visitorFor({ id: uuidv7(), idType: c.type, idNumber: c.number, name: r.name, gender: c.gender ?? null, birthDate: c.birthDate ?? null, regionCode: c.regionCode ?? null, mobile: r.mobile, landline: r.landline, at: now });
      if (w.hasRecord(visitorId, r.receivedOn, r.summary)) {
        refused.push({ row: g.row, name: r.name, reasons: ['本机已有该信访人同一天、同一诉求的记录'] });
        continue;
      }
      if (r.sourceNo) sourceNos.add(r.sourceNo);
      const year = r.receivedOn.slice(0, 4);
      writeRecord(w, r, { visitorId, batchId, now, matterNo: matterNumber(dev.countyCode, dev.deviceCode, dev.installId, year, w.nextNumber(`import:${year}`), 'H') });
      written.push(g);
    }
  });
  if (written.length > 0) ctx.afterLocalWrite();
  const allRefused = [...refusedByCheck, ...refused].sort((a, b) => a.row - b.row);
  const terminated = written.filter((w) => w.record.state === 'terminated').length;
  return ok({ batchId, imported: written.length, check: summarise(preview.check.rows, written.length, terminated, allRefused) });
}

function writeRecord(w: ReturnType<typeof ledgerWriter>, r: ImportedRecord, o: { visitorId: string; batchId: string; now: string; matterNo: string }): void {
  const matterId = uuidv7();
  const { matterNo } = o;
  const lifecycle = importedLifecycle(r.receivedOn, r.state, r.closedOn);
  // The ledger gives a day, not a time: the record stands at the start of that day, Beijing time.
  const receivedAt = `${r.receivedOn}T00:00:00.000+08:00`;
  w.addMatter({
    id: matterId,
    matterNo,
    visitorId: o.visitorId,
    channel: r.channel,
    categoryCode: r.categoryCode,
    respondent: r.respondent,
    summary: r.summary,
    status: lifecycle.state,
    lifecycle: JSON.stringify(lifecycle),
    receivedAt,
    receivedOn: r.receivedOn,
    sourceNo: r.sourceNo,
    at: o.now,
  });
  const payload = {
    matterId,
    matterNo,
    sourceNo: r.sourceNo,
    batchId: o.batchId,
    visitor: {
      visitorId: o.visitorId,
      ...toWire(r.credential),
      name: r.name,
      gender: r.credential.gender ?? null,
      birthDate: r.credential.birthDate ?? null,
      regionCode: r.credential.regionCode ?? null,
      ethnicity: '',
      mobile: r.mobile,
      landline: r.landline,
      householdRegion: '',
      householdAddress: '',
      currentRegion: '',
      currentAddress: '',
      workUnit: '',
    },
    channel: r.channel,
    categoryCode: r.categoryCode,
    respondent: r.respondent,
    summary: r.summary,
    receivedOn: r.receivedOn,
    state: r.state,
    closedOn: r.closedOn,
    importedAt: o.now,
  } satisfies EventPayload<'matter.imported'>;
  w.addEvent({ id: uuidv7(), type: 'matter.imported', entityId: matterId, occurredAt: o.now, payload });
}
