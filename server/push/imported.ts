// The city applies a record a window brought in from its 历史台账 ('matter.imported'): a matter of
// the device's county, of origin 'import', closed or terminated as the ledger says, so the
// person lookup finds it across counties and, if terminated, the termination register holds it.
// It is history: the figures leave it out (city/figures.ts).
import { flagsSchema } from '../../domain/intake/flags';
import { importedLifecycle } from '../../domain/records/importedLifecycle';
import type { EventPayload } from '../../domain/sync/events';
import { fromWire } from '../../domain/sync/wireCredential';
import { enterTermination } from '../city/terminations';
import type { AuthedDevice } from '../http/auth';
import type { CityDb } from '../store/db';
import { matters } from '../store/schema';
import type { Verdict } from './eventChecks';

export async function applyImported(tx: CityDb, device: AuthedDevice, p: EventPayload<'matter.imported'>): Promise<Verdict> {
  const receivedAt = new Date(`${p.receivedOn}T00:00:00+08:00`);
  const credential = fromWire(p.visitor);
  const inserted = await tx
    .insert(matters)
    .values({
      matterId: p.matterId,
      matterNo: p.matterNo,
      countyCode: device.countyCode,
      deviceId: device.id,
      visitorId: p.visitor.visitorId,
      visitorName: p.visitor.name,
      ...credential,
      visitor: p.visitor,
      representatives: [],
      channel: p.channel,
      headcount: 1,
      categoryCode: p.categoryCode,
      placeRegion: '',
      respondent: p.respondent,
      summary: p.summary,
      facts: '',
      flags: flagsSchema.parse({}),
      status: p.state,
      lifecycle: importedLifecycle(p.receivedOn, p.state, p.closedOn),
      receivedAt,
      origin: 'import',
    })
    .onConflictDoNothing()
    .returning({ id: matters.matterId });
  if (inserted.length === 0) return { ok: false, code: 'matter_conflict', message: `信访事项 ${p.matterNo}（${p.matterId}）已在市里登记` };
  if (p.state === 'terminated') {
    await enterTermination(tx, { matterId: p.matterId, matterNo: p.matterNo, countyCode: device.countyCode, idNumber: credential.idNumber, receivedAt, terminatedOn: p.closedOn });
  }
  return { ok: true };
}
