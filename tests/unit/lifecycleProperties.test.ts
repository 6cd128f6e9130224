// Properties of a matter's life over random command sequences (domain/matters/applyCommand.ts):
// only known states, refusals that change nothing and carry a stable code, deadlines that fall
// after the event they count from, and a terminated matter that stays terminated.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { chinaDateOf } from '../../domain/calendar/chinaDay';
import { deadlineFor, defaultDeadlineEngine } from '../../domain/calendar/deadlines';
import { applyCommand, initialLifecycle, type ApplyResult } from '../../domain/matters/applyCommand';
import { COMMAND_TYPES, type CommandType, type MatterCommand } from '../../domain/matters/commands';
import { currentDeadline } from '../../domain/matters/deadlines';
import { matterLifecycleSchema, type MatterLifecycle } from '../../domain/matters/lifecycle';
import { isLegalRoute } from '../../domain/matters/routes';
import type { MatterClass, MatterRoute } from '../../domain/matters/routes';
import { MATTER_STATES } from '../../domain/matters/states';
import { allowedCommands, allowedCommandsFor } from '../../domain/matters/transitions';
import { at, command } from '../support/matterCommands';
import { matterIn, RECEIVED } from '../support/matterPaths';

/** Steps recorded beside the way forward: they never change the state. */
const SIDE_STEPS: readonly CommandType[] = ['repeatVisit', 'pauseForHearing', 'noticeHearing', 'report', 'higherLevelVisit', 'desist'];

const STABLE_CODES = new Set([
  'already_terminated',
  'illegal_transition',
  'extension_limit',
  'extension_too_late',
  'review_window_closed',
  'review_window_open',
  'opinion_not_delivered',
  'hearing_not_noticed',
  'simplified_not_eligible',
  'route_mismatch',
  'time_out_of_order',
  'invalid_command',
]);
const CLASS_ROUTES: [MatterClass, MatterRoute][] = [
  ['suggestion', 'study-and-reply'],
  ['accusation', 'discipline-inspection'],
  ['accusation', 'competent-body'],
  ['complaint', 'litigation-etc'],
  ['complaint', 'arbitration'],
  ['complaint', 'party-appeal'],
  ['complaint', 'administrative'],
  ['complaint', 'duty-performance'],
  ['complaint', 'petition-procedure'],
  ['complaint', 'petition-procedure'], // weighted: the route with the longest life
];

/**
 * One random step: which command — one the window offers ('fine'), one the state table allows,
 * so the finer rules must refuse what they should ('table'), or any at all ('any') — how much
 * later, and contents.
 */
const stepArb = fc.record({
  steer: fc.constantFrom('fine', 'table', 'any'),
  pick: fc.nat(1000),
  // Hours, days, or long enough for a deadline or a window to run out in between.
  gapHours: fc.oneof(fc.integer({ min: 0, max: 48 }), fc.integer({ min: 0, max: 24 * 45 }), fc.integer({ min: 24 * 55, max: 24 * 90 })),
  routePick: fc.nat(CLASS_ROUTES.length - 1),
  days: fc.integer({ min: 1, max: 40 }),
});
type RandomStep = typeof stepArb extends fc.Arbitrary<infer T> ? T : never;

const START_MS = Date.parse(at(RECEIVED, 9));
function toCommand(m: MatterLifecycle, s: RandomStep, clockMs: number): MatterCommand {
  const choices = s.steer === 'fine' ? allowedCommandsFor(m) : s.steer === 'table' ? allowedCommands(m.state) : COMMAND_TYPES;
  const type = (choices.length > 0 ? choices : COMMAND_TYPES)[s.pick % (choices.length || COMMAND_TYPES.length)]!;
  const [cls, route] = CLASS_ROUTES[s.routePick]!;
  const when = new Date(clockMs).toISOString();
  const extra: Record<string, unknown> =
    type === 'classify'
      ? { class: cls, route }
      : type === 'extend' || type === 'pauseForHearing'
        ? { days: Math.min(s.days, 30) }
        : type === 'assign'
          ? { dueOn: chinaDateOf(new Date(clockMs + s.days * 86_400_000).toISOString()) }
          : type === 'noticeHearing'
            ? { hearingOn: chinaDateOf(new Date(clockMs + s.days * 86_400_000).toISOString()) }
            : {};
  const c = command(type, when, extra);
  // Sometimes an extension beyond the limit, bypassing the schema as a buggy caller would.
  return type === 'extend' && s.days > 30 ? ({ ...c, days: s.days } as MatterCommand) : c;
}

/**
 * Walks the steps from a new matter: each command built for the matter as it stands, a copy of
 * the matter taken before applying it, and what applying it gave; accepted commands move it on.
 */
function* walk(steps: RandomStep[], start = initialLifecycle(RECEIVED)): Generator<{ m: MatterLifecycle; before: MatterLifecycle; c: MatterCommand; r: ApplyResult }> {
  let m = start;
  let clock = start.lastEventAt === null ? START_MS : Date.parse(start.lastEventAt);
  for (const s of steps) {
    clock += s.gapHours * 3_600_000;
    const c = toCommand(m, s, clock);
    const before = structuredClone(m);
    const r = applyCommand(m, c);
    yield { m, before, c, r };
    if (r.ok) m = r.value.matter;
  }
}

/**
 * What no sequence of steps may ever produce (DOMAIN.md §3–§6): each is a state the law does not
 * know — a matter terminated before its 复核 opinion reached the petitioner, an extension approved
 * after the deadline, a legal-route matter in the petition procedure, a deadline that is not the
 * one its dates give. Returns the broken rule, or null.
 */
function illegal(m: MatterLifecycle): string | null {
  if (!matterLifecycleSchema.safeParse(m).success) return 'not a lifecycle';
  if (m.state === 'terminated' && m.reReviewOpinionDeliveredOn === null) return 'terminated before the 复核 opinion was delivered';
  if (m.extendedOn !== null) {
    const base = deadlineFor(m.handlingTrack === 'target' ? 'handling-target' : 'handling', m.rehandleFrom ?? m.acceptedOn!, m.handlingTrack === 'target' ? { days: m.targetDays! } : {});
    if (m.extendedOn > base) return 'extension approved after the deadline';
  }
  if (m.extensionDays > 30) return 'extension beyond 30 days';
  if (m.handlingTrack === 'simplified' && m.extended) return '简易办理 extended';
  if (m.handlingTrack === 'simplified' && m.class === 'accusation') return '简易办理 of a 检举控告';
  if (m.route !== null && isLegalRoute(m.route) && m.acceptedOn !== null) return 'legal-route matter accepted into the petition procedure';
  if (['accepted', 'handling', 'extended', 'simplified', 'replied', 'delivered', 'rated', 'settled'].includes(m.state) && m.acceptedOn === null) return 'handled without acceptance';
  if (m.state === 'settled' && (m.settledOn === null || m.firstClosedOn === null)) return 'settled without its agreement';
  if (m.replyDeliveredOn !== null && m.firstClosedOn === null) return 'delivered without 办结';
  if (m.reviewRequestedOn !== null && (m.route !== 'petition-procedure' || m.firstReviewRequestedOn === null)) return 'review outside the petition procedure';
  if (m.hearingPauseDays > 0 && m.reReviewRequestedOn === null) return 'hearing days counted outside a 复核';
  if (m.state === 'closed' && m.reviewOpinionOn !== null && m.rehandleFrom === null && m.reviewOpinionDeliveredOn === null) return 'closed on an undelivered 复查 opinion';
  if (m.deadlines?.party !== undefined && m.deadlines.party !== 'authority' && m.deadlines.nextStep === 'transfer-objection') return 'the objection runs as the deadline';
  if (JSON.stringify(m.deadlines) !== JSON.stringify(currentDeadline(m, defaultDeadlineEngine))) return 'deadline not the one its dates give';
  return null;
}

describe('properties over random command sequences', () => {
  it('no sequence of steps reaches an illegal state, from a new matter or from any state a legal path reaches', () => {
    // Every state as a start, so the deep ones (handling, 复查, 复核) get as many random steps as the first.
    const starts = [...MATTER_STATES.map((state) => matterIn(state)), initialLifecycle(RECEIVED)];
    fc.assert(
      fc.property(fc.constantFrom(...starts), fc.array(stepArb, { maxLength: 30 }), (start, steps) => {
        for (const { r } of walk(steps, start)) if (r.ok) expect(illegal(r.value.matter), JSON.stringify(r.value.matter)).toBeNull();
      }),
      { numRuns: 1000 },
    );
  });

  it('never reach an unknown state; history grows by one per accepted command; refusals change nothing', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 40 }), (steps) => {
        for (const { m, before, c, r } of walk(steps)) {
          expect(m).toEqual(before);
          if (!r.ok) {
            expect(STABLE_CODES.has(r.code), r.code).toBe(true);
            // A command the state allows is never refused as an illegal transition from the table.
            if (!allowedCommands(m.state).includes(c.type) && (m.state !== 'terminated' || c.type === 'desist') && r.code !== 'extension_limit') {
              expect(r.code).toBe('illegal_transition');
            }
            continue;
          }
          const next = r.value.matter;
          expect(MATTER_STATES).toContain(next.state);
          expect(allowedCommands(m.state)).toContain(c.type);
          expect(next.historyLength).toBe(m.historyLength + 1);
          expect(r.value.transition.from).toBe(m.state);
          expect(r.value.transition.to).toBe(next.state);
          if (SIDE_STEPS.includes(c.type)) expect(next.state).toBe(m.state);
          if (next.extended) expect(next.extensionDays).toBeLessThanOrEqual(30);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('deadlines always fall after the event they count from, which is on or after receipt', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 40 }), (steps) => {
        for (const { r } of walk(steps)) {
          if (!r.ok) continue;
          const m = r.value.matter;
          const d = m.deadlines;
          if (!d) continue;
          expect(d.lastDay > d.from, JSON.stringify(d)).toBe(true);
          expect(d.from >= m.receivedOn).toBe(true);
          if (d.nextStep !== 'extension' && m.lastEventAt) expect(d.from <= chinaDateOf(m.lastEventAt)).toBe(true);
          // No counted period is shorter than its rule (a 交办's report is due on the bureau's own day).
          if (d.nextStep === 'assignment-report') continue;
          const handlingStep = m.handlingTrack === 'target' ? 'handling-target' : 'handling';
          const floor = d.nextStep === 'extension' ? deadlineFor(handlingStep, m.rehandleFrom ?? m.acceptedOn!) : deadlineFor(d.nextStep, d.from);
          expect(d.lastDay >= floor).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('the steered walk reaches the end of the road (terminated) in some runs', () => {
    // Guards the generator: the properties above would be weak if they never got deep.
    let reached = false;
    fc.assert(
      fc.property(fc.array(stepArb.map((s) => ({ ...s, steer: 'fine' as const, gapHours: s.gapHours % 72 })), { minLength: 30, maxLength: 60 }), (steps) => {
        let m = initialLifecycle(RECEIVED);
        for (const { r } of walk(steps)) if (r.ok) m = r.value.matter;
        reached ||= m.state === 'terminated';
      }),
      { numRuns: 300, seed: 20250303 },
    );
    expect(reached).toBe(true);
  });

  it('a terminated matter refuses every command but 息诉罢访 and stays as it is', () => {
    const terminated = matterIn('terminated');
    fc.assert(
      fc.property(stepArb, fc.integer({ min: 0, max: 24 * 400 }), (s, hours) => {
        const clock = Date.parse(terminated.lastEventAt!) + hours * 3_600_000;
        const c = toCommand(terminated, { ...s, steer: 'any' }, clock);
        const before = structuredClone(terminated);
        const r = applyCommand(terminated, c);
        expect(terminated).toEqual(before);
        if (c.type !== 'desist') expect(r).toMatchObject({ ok: false, code: 'already_terminated' });
        // 息诉罢访 is recorded on a terminated matter; it stays terminated, every other field as it was.
        else expect(r.ok && r.value.matter).toEqual({ ...terminated, desistedOn: chinaDateOf(c.at), historyLength: terminated.historyLength + 1, lastEventAt: c.at });
      }),
    );
  });
});
