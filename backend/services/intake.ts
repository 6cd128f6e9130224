// 来访登记: a first visit writes visitor(s), matter, visit and a matter.registered event; a repeat
// visit writes the visit and a visit.recorded event — each in one short synchronous transaction,
// so a registration is either wholly on disk (and queued for the city) or not at all.
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import { categorySelectionSchema } from '../../domain/reference/categories';
import { maskIdNumber } from '../../domain/identity/residentId';
import type { CredentialInfo } from '../../domain/identity/credentials';
import type { PersonPayload } from '../../domain/intake/events';
import type { EventPayload } from '../../domain/sync/events';
import { fromWire, toWire } from '../../domain/sync/wireCredential';
import { channelSchema, type RegisterVisit, type RegistrationSummary } from '../../domain/intake/registration';
import type { Registered } from '../../domain/intake/rpc';
import { initialLifecycle } from '../../domain/matters/applyCommand';
import { nextDeadline } from '../../domain/matters/deadlines';
import { regionSelectionSchema } from '../../domain/regions/regions';
import { err, errFromZod, ok, type Err, type Result } from '../../domain/result';
import { deleteDraft } from '../../db/drafts';
import { appendEvent } from '../../db/outbox';
import { insertMatter, insertVisit, matterById, nextCounter, upsertVisitor, visitsOn, type VisitorRow } from '../../db/registrations';
import { getDevice, getSyncState } from '../../db/syncState';
import { maskName } from '../../domain/staff/roles';
import { reporterVisible } from './operator';
import { refreshFacts } from './figureFacts';
import { localDay, localTimestamp, type ServiceContext } from './context';

/**
 * 信访件编号: county code, device code, year, per-device sequence — unique across devices
 * without coordination. Before enrolment the county is unknown: 000000 and a code from the
 * install id stand in, so the window can work from the first minute. A record imported from the
 * 历史台账 has its own sequence, marked H.
 */
export function matterNumber(county: string | null, deviceCode: string | null, installId: string, year: string, n: number, series: '' | 'H' = '') {
  const dev = deviceCode ?? `L${installId.replace(/-/g, '').slice(-4).toUpperCase()}`;
  return `${county ?? '000000'}-${dev}-${year}-${series}${String(n).padStart(6, '0')}`;
}

type Person = RegisterVisit['representatives'][number] & Partial<RegisterVisit['visitor']>;

function personPayload(visitorId: string, p: Person): PersonPayload {
  const doc: CredentialInfo = p.credential;
  return {
    visitorId,
    ...toWire(doc),
    name: p.name,
    gender: doc.gender ?? p.gender ?? null,
    birthDate: doc.birthDate ?? (p.birthDate || null),
    regionCode: doc.regionCode ?? null,
    ethnicity: p.ethnicity ?? '',
    mobile: p.mobile,
    landline: p.landline ?? '',
    householdRegion: p.household?.region ?? '',
    householdAddress: p.household?.detail ?? '',
    currentRegion: p.current?.region ?? '',
    currentAddress: p.current?.detail ?? '',
    workUnit: p.workUnit ?? '',
  };
}

function visitorRow(p: PersonPayload, at: string): VisitorRow {
  return {
    id: p.visitorId,
    ...fromWire(p),
    name: p.name,
    gender: p.gender,
    ethnicity: p.ethnicity,
    birthDate: p.birthDate,
    regionCode: p.regionCode,
    mobile: p.mobile,
    landline: p.landline,
    householdRegion: p.householdRegion,
    householdAddress: p.householdAddress,
    currentRegion: p.currentRegion,
    currentAddress: p.currentAddress,
    workUnit: p.workUnit,
    createdAt: at,
    updatedAt: at,
  };
}

/** Codes the schema could only check for shape, checked against the reference data. */
function checkReferences(ctx: ServiceContext, input: RegisterVisit): Err | null {
  const { regions, categories } = ctx.reference();
  const region = regionSelectionSchema(regions);
  const checks: [string, string, z.ZodType][] = [
    ['visitor.household.region', input.visitor.household.region, region],
    ['visitor.current.region', input.visitor.current.region, region],
    ['placeRegion', input.placeRegion, region],
    ['categoryCode', input.categoryCode, categorySelectionSchema(categories)],
  ];
  for (const [field, code, schema] of checks) {
    if (code === '') continue;
    const r = schema.safeParse(code);
    if (!r.success) return errFromZod(r.error, field);
  }
  return null;
}

export function registerVisit(ctx: ServiceContext, input: RegisterVisit): Result<Registered> {
  const refError = checkReferences(ctx, input);
  if (refError) return refError;
  const linked = input.link.kind === 'repeat' ? matterById(ctx.db, input.link.matterId) : undefined;
  if (input.link.kind === 'repeat' && !linked) return err('matter_not_found', '要关联的信访事项不存在', 'link');

  const now = ctx.now();
  const receivedAt = localTimestamp(now);
  const today = localDay(now);
  const dev = getDevice(ctx.db);
  const clockOffsetMs = getSyncState(ctx.db).clockOffsetMs;
  const visitId = uuidv7();

  const result = ctx.db.transaction((tx): Registered => {
    const visitor = personPayload(uuidv7(), input.visitor);
    visitor.visitorId = upsertVisitor(tx, visitorRow(visitor, receivedAt));
    const reps = input.representatives.map((r) => {
      const p = personPayload(uuidv7(), r);
      p.visitorId = upsertVisitor(tx, visitorRow(p, receivedAt));
      return p;
    });
    const common = { visitId, receivedAt, clockOffsetMs, channel: input.channel, headcount: input.headcount, visitor, representatives: reps };
    const visitRow = { id: visitId, visitorId: visitor.visitorId, visitorName: visitor.name, channel: input.channel, headcount: input.headcount, receivedAt, receivedOn: today };

    if (linked) {
      insertVisit(tx, { ...visitRow, matterId: linked.id, kind: 'repeat', summary: input.summary }, reps.map((r) => r.visitorId));
      // A repeat visit within the window after 办结 undoes the earlier matter's 一次性化解.
      refreshFacts(tx, ctx.reference(), linked.id);
      const terminated = linked.status === 'terminated';
      const payload = { ...common, matterId: linked.id, matterNo: linked.matterNo, summary: input.summary, terminatedMatter: terminated } satisfies EventPayload<'visit.recorded'>;
      appendEvent(tx, { id: uuidv7(), type: 'visit.recorded', entityId: visitId, occurredAt: receivedAt, payload });
      if (input.draftId) deleteDraft(tx, input.draftId);
      return { matterId: linked.id, matterNo: linked.matterNo, visitId, visitKind: 'repeat', visitorId: visitor.visitorId, receivedAt, terminated, nextDeadline: null };
    }

    const matterId = uuidv7();
    const year = today.slice(0, 4);
    const matterNo = matterNumber(dev.countyCode, dev.deviceCode, dev.installId, year, nextCounter(tx, `matter:${year}`));
    const calendar = { deadlines: ctx.reference().deadlines };
    const lifecycle = initialLifecycle(today, calendar);
    const next = nextDeadline(lifecycle, today, calendar);
    insertMatter(tx, {
      id: matterId,
      matterNo,
      visitorId: visitor.visitorId,
      channel: input.channel,
      headcount: input.headcount,
      categoryCode: input.categoryCode,
      placeRegion: input.placeRegion,
      respondent: input.respondent,
      summary: input.summary,
      facts: input.facts,
      ...input.flags,
      status: lifecycle.state,
      lifecycle: JSON.stringify(lifecycle),
      nextStep: next?.step ?? null,
      nextDue: next?.lastDay ?? null,
      receivedAt,
      receivedOn: today,
      createdAt: receivedAt,
      updatedAt: receivedAt,
    });
    insertVisit(tx, { ...visitRow, matterId, kind: 'first', summary: input.summary }, reps.map((r) => r.visitorId));
    refreshFacts(tx, ctx.reference(), matterId);
    const payload = {
      ...common,
      matterId,
      matterNo,
      categoryCode: input.categoryCode,
      placeRegion: input.placeRegion,
      respondent: input.respondent,
      summary: input.summary,
      facts: input.facts,
      flags: input.flags,
    } satisfies EventPayload<'matter.registered'>;
    appendEvent(tx, { id: uuidv7(), type: 'matter.registered', entityId: matterId, occurredAt: receivedAt, payload });
    if (input.draftId) deleteDraft(tx, input.draftId);
    return {
      matterId,
      matterNo,
      visitId,
      visitKind: 'first',
      visitorId: visitor.visitorId,
      receivedAt,
      terminated: false,
      nextDeadline: next,
    };
  });
  ctx.afterLocalWrite();
  return ok(result);
}

export function listToday(ctx: ServiceContext): Result<RegistrationSummary[]> {
  const acked = getSyncState(ctx.db).lastAckedSeq;
  const showReporter = reporterVisible(ctx);
  return ok(
    visitsOn(ctx.db, localDay(ctx.now())).map((r) => {
      // A 检举控告 reporter stays masked in lists for roles that do not need the identity.
      const hide = r.reporterProtected && !showReporter;
      return {
        matterId: r.matterId,
        matterNo: r.matterNo,
        visitKind: r.visitKind,
        visitorName: hide ? maskName(r.visitorName) : r.visitorName,
        maskedIdNumber: hide ? '*'.repeat(r.idNumber.length) : maskIdNumber(r.idNumber),
        headcount: r.headcount,
        channel: channelSchema.parse(r.channel),
        summary: r.summary,
        receivedAt: r.receivedAt,
        synced: r.seq !== null && r.seq <= acked,
      };
    }),
  );
}
