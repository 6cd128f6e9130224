// The repeat-visit check (DOMAIN.md §2): the moment a 证件 number (or name + mobile) is
// entered, every earlier matter of that person — open, answered, terminated — for the side panel.
import { parsePhone } from '../../domain/contact/phone';
import { parseCredential } from '../../domain/identity/credentials';
import { toWire } from '../../domain/sync/wireCredential';
import type { lookupPersonInputSchema, PriorMatter } from '../../domain/intake/rpc';
import { chinaDateOf } from '../../domain/calendar/chinaDay';
import { STATE_LABELS, type MatterState } from '../../domain/matters/states';
import { deadlineOn } from '../../domain/matters/deadlines';
import { ok, type Result } from '../../domain/result';
import type { z } from 'zod';
import { findVisitorIds, mattersOfVisitors, visitorById } from '../../db/registrations';
import { terminationsOf } from '../../db/pulled';
import { terminationHash } from './records/terminationHash';
import { localDay, type ServiceContext } from './context';
import { reporterVisible } from './operator';

type Query = z.output<typeof lookupPersonInputSchema>;

/** A matter's state as the side panel words it; a terminated one is flagged for the red warning. */
function describeState(status: string) {
  return { status, statusLabel: STATE_LABELS[status as MatterState] ?? status, terminated: status === 'terminated' };
}

/**
 * This device's records at once; when the window is enrolled and the city answers within its
 * short timeout, the city's record too (other windows, other counties), and the check is no
 * longer provisional. Offline, the local answer stands, marked provisional.
 */
export async function lookupPerson(ctx: ServiceContext, q: Query): Promise<Result<{ provisional: boolean; visitorName: string | null; matters: PriorMatter[] }>> {
  const today = localDay(ctx.now());
  const doc = q.credential && q.credential.number !== '' ? parseCredential(q.credential.type, q.credential.number, today) : null;
  // A half-typed number finds nobody; name + mobile may still find the person.
  if (doc && !doc.ok && !(q.name && q.mobile)) return doc;
  const phone = q.mobile ? parsePhone(q.mobile) : null;
  const ids = findVisitorIds(ctx.db, {
    idType: doc?.ok ? doc.value.type : undefined,
    idNumber: doc?.ok ? doc.value.number : undefined,
    name: q.name,
    mobile: phone?.ok ? phone.value.number : undefined,
  });
  const found = mattersOfVisitors(ctx.db, ids);
  // 条例 art. 30: that this person reported a 检举控告 is the reporter's identity itself, so for a
  // role that may not see it the matter is left out whole: no number, no state, not even a
  // "there is one" (search.ts does the same), and not again from the city or its register.
  const withheld = new Set(reporterVisible(ctx) ? [] : found.filter((m) => m.reporterProtected).map((m) => m.matterId));
  const matters = found
    .filter((m) => !withheld.has(m.matterId))
    .map(
      (m): PriorMatter => ({
        source: 'local',
        countyCode: null,
        matterId: m.matterId,
        matterNo: m.matterNo,
        ...describeState(m.status),
        summary: m.summary,
        receivedOn: m.receivedOn,
        visits: m.visits,
        lastVisitOn: m.lastVisitOn,
        nextDeadline: m.nextStep && m.nextDue ? deadlineOn(m.nextStep, m.nextDue, today, ctx.reference().deadlines) : null,
      }),
    );
  // The city's termination register as last pulled: a terminated matter of another window, known offline.
  if (doc?.ok) matters.push(...registerEntries(terminationsOf(ctx.db, terminationHash(doc.value.number)), new Set([...matters.map((m) => m.matterId), ...withheld])));
  // The name on file, unless it is known here only through matters withheld above.
  const first = ids[0] && !(found.length > 0 && withheld.size === found.length) ? visitorById(ctx.db, ids[0]) : undefined;
  const city = doc?.ok ? await ctx.cityLookup(toWire(doc.value)) : null;
  if (!city) return ok({ provisional: true, visitorName: first?.name ?? null, matters });
  // What the city answers now supersedes what its register said when last pulled.
  const answered = new Set(city.matters.map((m) => m.matterId));
  const own = matters.filter((m) => m.source !== 'register' || !answered.has(m.matterId));
  const known = new Set([...own.map((m) => m.matterId), ...withheld]);
  const elsewhere = city.matters
    .filter((m) => !known.has(m.matterId))
    .map((m): PriorMatter => {
      const visitDays = m.visits.map((v) => chinaDateOf(v.receivedAt)).sort();
      return {
        source: 'city',
        countyCode: m.countyCode,
        matterId: m.matterId,
        matterNo: m.matterNo,
        ...describeState(m.status),
        // The city tells another window's matter apart only by number, county, state and dates.
        summary: '',
        receivedOn: chinaDateOf(m.receivedAt),
        visits: m.visits.length,
        lastVisitOn: visitDays.at(-1) ?? null,
        nextDeadline: null,
      };
    });
  return ok({ provisional: false, visitorName: first?.name ?? null, matters: [...own, ...elsewhere] });
}

/** Entries of the termination register for matters not already listed, as the side panel shows them. */
function registerEntries(entries: ReturnType<typeof terminationsOf>, listed: Set<string>): PriorMatter[] {
  return entries
    .filter((e) => !listed.has(e.matterId))
    .map((e) => ({
      source: 'register',
      countyCode: e.countyCode,
      matterId: e.matterId,
      matterNo: e.matterNo,
      ...describeState('terminated'),
      // The register holds no request: only that this person's matter was terminated, where and when.
      summary: '',
      receivedOn: e.receivedOn,
      visits: 0,
      lastVisitOn: null,
      nextDeadline: null,
    }));
}
