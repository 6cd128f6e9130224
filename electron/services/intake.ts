// 来访登记: visitor + matter + outbox event in one short synchronous transaction, so a
// registration is either wholly on disk (and queued for the city) or not at all.
import { v7 as uuidv7 } from 'uuid';
import { maskIdNumber, parseResidentId } from '../../domain/identity/residentId';
import type { RegisterVisit, RegistrationSummary } from '../../domain/intake/registration';
import { ok, type Result } from '../../domain/result';
import { matterRegisteredPayload } from '../../domain/sync/events';
import { appendEvent } from '../../db/outbox';
import { insertMatter, nextCounter, registrationsOn, upsertVisitor } from '../../db/registrations';
import { getDevice, getSyncState } from '../../db/syncState';
import { localDay, localTimestamp, type ServiceContext } from './context';

export interface Registered {
  matterId: string;
  matterNo: string;
  visitorId: string;
  receivedAt: string;
}

/**
 * 信访件编号: county code, device code, year, per-device sequence — unique across devices
 * without coordination. Before enrolment the county is unknown: 000000 and a code from the
 * install id stand in, so the window can work from the first minute.
 */
function matterNumber(county: string | null, deviceCode: string | null, installId: string, year: string, n: number) {
  const dev = deviceCode ?? `L${installId.replace(/-/g, '').slice(-4).toUpperCase()}`;
  return `${county ?? '000000'}-${dev}-${year}-${String(n).padStart(6, '0')}`;
}

export function registerVisit(ctx: ServiceContext, input: RegisterVisit): Result<Registered> {
  const now = ctx.now();
  const receivedAt = localTimestamp(now);
  const today = localDay(now);
  const id = parseResidentId(input.idNumber, today);
  if (!id.ok) return id; // the RPC schema already checked; a direct caller may not have
  const dev = getDevice(ctx.db);
  const offset = getSyncState(ctx.db).clockOffsetMs;
  const visitorId = uuidv7();
  const matterId = uuidv7();
  const result = ctx.db.transaction((tx) => {
    const vid = upsertVisitor(tx, {
      id: visitorId,
      idType: 'resident',
      idNumber: id.value.number,
      name: input.name,
      gender: id.value.gender,
      birthDate: id.value.birthDate,
      regionCode: id.value.regionCode,
      phone: input.phone,
      address: input.address,
      createdAt: receivedAt,
      updatedAt: receivedAt,
    });
    const year = today.slice(0, 4);
    const matterNo = matterNumber(dev.countyCode, dev.deviceCode, dev.installId, year, nextCounter(tx, `matter:${year}`));
    insertMatter(tx, {
      id: matterId,
      matterNo,
      visitorId: vid,
      channel: input.channel,
      headcount: input.headcount,
      summary: input.summary,
      status: 'registered',
      receivedAt,
      receivedOn: today,
      createdAt: receivedAt,
    });
    const payload = matterRegisteredPayload.parse({
      matterId,
      matterNo,
      receivedAt,
      clockOffsetMs: offset,
      channel: input.channel,
      headcount: input.headcount,
      summary: input.summary,
      visitor: {
        visitorId: vid,
        name: input.name,
        idNumber: id.value.number,
        gender: id.value.gender,
        birthDate: id.value.birthDate,
        regionCode: id.value.regionCode,
        phone: input.phone,
        address: input.address,
      },
    });
    appendEvent(tx, { id: uuidv7(), type: 'matter.registered', entityId: matterId, occurredAt: receivedAt, payload });
    return { matterId, matterNo, visitorId: vid, receivedAt };
  });
  ctx.afterLocalWrite();
  return ok(result);
}

export function listToday(ctx: ServiceContext): Result<RegistrationSummary[]> {
  const acked = getSyncState(ctx.db).lastAckedSeq;
  const rows = registrationsOn(ctx.db, localDay(ctx.now()));
  return ok(
    rows.map((r) => ({
      matterId: r.matterId,
      matterNo: r.matterNo,
      visitorName: r.visitorName,
      maskedIdNumber: maskIdNumber(r.idNumber),
      headcount: r.headcount,
      channel: r.channel as RegistrationSummary['channel'],
      summary: r.summary,
      receivedAt: r.receivedAt,
      synced: r.seq !== null && r.seq <= acked,
    })),
  );
}

