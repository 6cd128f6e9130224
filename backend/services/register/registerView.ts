// The full register (台账) on the reader worker: a page of matters under a view's filter and sort,
// the count, and the filter's lists. Rows name what the codes mean (category, place, state,
// class, route, deadline) and show the petitioner as the matter's file does, the number shortened
// as every list shortens it (DOMAIN.md §8).
import type { SQL } from 'drizzle-orm';
import { registerCount, registerOptions, registerPage, registerWhere, type RegisterDbRow } from '../../../db/register';
import { maskIdNumber } from '../../../domain/identity/residentId';
import { type Flags, pickFlags } from '../../../domain/intake/flags';
import { channelSchema } from '../../../domain/intake/registration';
import { deadlineOn } from '../../../domain/matters/deadlines';
import { CLASS_LABELS, ROUTE_LABELS } from '../../../domain/matters/routes';
import { matterStateSchema, STATE_LABELS } from '../../../domain/matters/states';
import { categoryPath } from '../../../domain/reference/categories';
import { REGISTER_FLAG_LABELS, type RegisterFilter, type RegisterSort, seesVoided } from '../../../domain/register/filter';
import type { RegisterCursor, RegisterRow } from '../../../domain/register/rpc';
import { type RegionData, regionPath } from '../../../domain/regions/regions';
import { ok } from '../../../domain/result';
import { localDay, type ReadContext } from '../context';
import { visitorView } from '../matters/visitorView';
import { reporterVisible } from '../operator';
import { lifecycleOf } from '../storedLifecycle';
import { drilledRows } from './drill';

export function whereOf(ctx: ReadContext, filter: RegisterFilter): SQL | undefined {
  const rows = filter.drill?.kind === 'indicator' ? drilledRows(ctx, filter.drill) : null;
  const role = ctx.actor()?.role;
  return registerWhere(filter, { today: localDay(ctx.now()), drillRows: rows, voided: role !== undefined && seesVoided(role) });
}

/** A place as the county's desk says it: its county and township (中原区林山寨街道), or the code it does not know. */
export function placeName(regions: RegionData, code: string): string {
  return regionPath(regions, code)?.slice(-2).join('') ?? code;
}

/** The flags a row carries, by name: 越级 first, then the form's marks in its order. */
function flagNames(f: Flags): string[] {
  return (Object.keys(REGISTER_FLAG_LABELS) as (keyof typeof REGISTER_FLAG_LABELS)[]).filter((k) => (k === 'skipLevel' ? f.skipLevel !== null : f[k])).map((k) => REGISTER_FLAG_LABELS[k]);
}

/** A stored row in words, with the petitioner as `showReporter` allows; for the list and the export alike. */
export function describeRow(ctx: ReadContext, r: RegisterDbRow, today: string, showReporter: boolean) {
  const lifecycle = lifecycleOf(r.lifecycle);
  const reference = ctx.reference();
  const status = matterStateSchema.parse(r.status);
  return {
    matterId: r.matterId,
    matterNo: r.matterNo,
    receivedAt: r.receivedAt,
    channel: channelSchema.parse(r.channel),
    category: categoryPath(reference.categories, r.categoryCode) ?? (r.categoryCode ? [r.categoryCode] : []),
    place: placeName(reference.regions, r.placeRegion),
    visitor: visitorView({ name: r.visitorName, idNumber: r.idNumber, mobile: r.mobile }, r.reporterProtected && !showReporter),
    respondent: r.respondent,
    summary: r.summary,
    status,
    statusLabel: STATE_LABELS[status],
    classLabel: lifecycle.class ? CLASS_LABELS[lifecycle.class] : null,
    routeLabel: lifecycle.route ? ROUTE_LABELS[lifecycle.route] : null,
    unit: lifecycle.body,
    nextDeadline: r.nextStep && r.nextDue ? deadlineOn(r.nextStep, r.nextDue, today, reference.deadlines) : null,
    flags: flagNames(pickFlags(r)),
    voided: r.voidedAt !== null,
    imported: r.origin === 'import',
  };
}

export function registerView(ctx: ReadContext, input: { filter: RegisterFilter; sort: RegisterSort; after: RegisterCursor | null; limit: number }) {
  const today = localDay(ctx.now());
  const showReporter = reporterVisible(ctx);
  const found = registerPage(ctx.db, whereOf(ctx, input.filter), input.sort, input.after, input.limit);
  const rows: RegisterRow[] = found.map((r) => {
    const d = describeRow(ctx, r, today, showReporter);
    const { masked, name, credential } = d.visitor;
    return { ...d, visitor: { name, masked, credential: masked ? credential : maskIdNumber(credential) } };
  });
  const last = found.at(-1);
  return ok({ rows, next: last && found.length === input.limit ? { value: String(last.sortValue), matterNo: last.matterNo } : null });
}

export const registerCountOf = (ctx: ReadContext, filter: RegisterFilter) => ok({ count: registerCount(ctx.db, whereOf(ctx, filter)) });

export function registerFilterOptions(ctx: ReadContext) {
  const { places, units, devices } = registerOptions(ctx.db);
  const regions = ctx.reference().regions;
  return ok({ places: places.map((code) => ({ code, name: placeName(regions, code) })), units, devices });
}
