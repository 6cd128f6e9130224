// The life of a petition matter (domain/matters/lifecycle.ts): which steps may follow which,
// the stable refusal codes, the deadlines each state runs, and properties over random command
// sequences. Hand-computed dates are checked against the 2025 State Council holiday arrangement.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { deadlineFor } from '../../domain/calendar/deadlines';
import {
  COMMAND_TYPES,
  MATTER_STATES,
  STATE_LABELS,
  allowedCommands,
  allowedCommandsFor,
  applyCommand,
  chinaDateOf,
  initialLifecycle,
  nextDeadline,
  type ApplyResult,
  type CommandType,
  type MatterCommand,
  type MatterLifecycle,
  type MatterState,
} from '../../domain/matters/lifecycle';
import type { MatterClass, MatterRoute } from '../../domain/matters/classification';
import { actor, at, command, mustApply } from '../support/matterCommands';

const RECEIVED = '2025-03-03'; // a Monday, no holiday near

type Step = [CommandType, string, Record<string, unknown>?];
const run = (steps: Step[], start = initialLifecycle(RECEIVED)) =>
  steps.reduce((m, [t, day, extra]) => mustApply(m, command(t, at(day), extra)), start);

// The petition-procedure path, one step a day or so; each prefix reaches one state.
const FULL_PATH: Step[] = [
  ['classify', '2025-03-03'],
  ['accept', '2025-03-10'],
  ['startHandling', '2025-03-11'],
  ['extend', '2025-05-06'],
  ['reply', '2025-05-19'],
  ['deliver', '2025-05-20'],
  ['rate', '2025-05-21'],
  ['close', '2025-05-22'],
  ['requestReview', '2025-06-10'],
  ['reviewOpinion', '2025-06-30'],
  ['deliver', '2025-07-01'],
  ['requestReReview', '2025-07-15'],
  ['pauseForHearing', '2025-07-20', { days: 5 }],
  ['reReviewOpinion', '2025-08-10'],
  ['deliver', '2025-08-11'],
  ['terminate', '2025-08-20'],
];

const WITHOUT_EXTENSION = FULL_PATH.filter(([t]) => t !== 'extend');
const upTo = (steps: Step[], state: MatterState): MatterLifecycle => {
  let m = initialLifecycle(RECEIVED);
  if (m.state === state) return m;
  for (const [t, day, extra] of steps) {
    m = mustApply(m, command(t, at(day), extra));
    if (m.state === state) return m;
  }
  throw new Error(`path never reaches ${state}`);
};

/** A matter in `state`, reached by a legal path (route chosen so the path is legal). */
function matterIn(state: MatterState): MatterLifecycle {
  const classifyAs = (cls: MatterClass, route: MatterRoute): Step => ['classify', '2025-03-03', { class: cls, route }];
  switch (state) {
    case 'guided':
      return run([classifyAs('complaint', 'arbitration'), ['guide', '2025-03-04']]);
    case 'transferred':
      return run([classifyAs('complaint', 'duty-performance'), ['transfer', '2025-03-04']]);
    case 'assigned':
      return run([['classify', '2025-03-03'], ['assign', '2025-03-04']]);
    case 'not-accepted':
      return run([['classify', '2025-03-03'], ['decline', '2025-03-04']]);
    case 'handling':
    case 'replied':
    case 'delivered':
    case 'rated':
      return upTo(WITHOUT_EXTENSION, state);
    case 'review-opinion':
    case 're-review-opinion':
      // Before the opinion is delivered (the delivery is a step within the state).
      return upTo(FULL_PATH, state);
    default:
      return upTo(FULL_PATH, state);
  }
}

describe('initialLifecycle', () => {
  it('starts registered, with the 15-day acceptance-notice deadline from receipt', () => {
    const m = initialLifecycle(RECEIVED);
    expect(m.state).toBe('registered');
    expect(m.historyLength).toBe(0);
    // 2025-03-03 + 15 = Tue 03-18, a working day.
    expect(m.deadlines).toEqual({ nextStep: 'acceptance-notice', from: RECEIVED, lastDay: '2025-03-18', party: 'authority' });
  });
  it('refuses an impossible date', () => {
    expect(() => initialLifecycle('2025-02-30')).toThrow(RangeError);
  });
});

describe('legal transitions', () => {
  const cases: [MatterState, CommandType, MatterState][] = [
    ['registered', 'classify', 'classified'],
    ['classified', 'transfer', 'transferred'],
    ['classified', 'assign', 'assigned'],
    ['classified', 'accept', 'accepted'],
    ['classified', 'decline', 'not-accepted'],
    ['transferred', 'accept', 'accepted'],
    ['transferred', 'startHandling', 'handling'],
    ['assigned', 'accept', 'accepted'],
    ['assigned', 'startHandling', 'handling'],
    ['accepted', 'startHandling', 'handling'],
    ['handling', 'extend', 'extended'],
    ['handling', 'reply', 'replied'],
    ['extended', 'reply', 'replied'],
    ['replied', 'deliver', 'delivered'],
    ['delivered', 'rate', 'rated'],
    ['delivered', 'close', 'closed'],
    ['delivered', 'requestReview', 'review-requested'],
    ['rated', 'close', 'closed'],
    ['rated', 'requestReview', 'review-requested'],
    ['closed', 'requestReview', 'review-requested'],
    ['guided', 'close', 'closed'],
    ['not-accepted', 'close', 'closed'],
    ['review-requested', 'reviewOpinion', 'review-opinion'],
    ['review-opinion', 'deliver', 'review-opinion'],
    ['review-opinion', 'requestReReview', 're-review-requested'],
    ['re-review-requested', 'pauseForHearing', 're-review-requested'],
    ['re-review-requested', 'reReviewOpinion', 're-review-opinion'],
    ['re-review-opinion', 'deliver', 're-review-opinion'],
    ['re-review-opinion', 'terminate', 'terminated'],
  ];
  it.each(cases)('%s --%s--> %s', (from, type, to) => {
    const m = matterIn(from);
    expect(m.state).toBe(from);
    // The evening of the last event's day: in time order, and inside every window.
    const when = at(chinaDateOf(m.lastEventAt ?? at(RECEIVED)), 18);
    const r2 = applyCommand(m, command(type, when));
    expect(r2.ok, JSON.stringify(r2)).toBe(true);
    if (!r2.ok) return;
    expect(r2.value.matter.state).toBe(to);
    expect(r2.value.transition).toMatchObject({ from, to, actor });
    expect(r2.value.matter.historyLength).toBe(m.historyLength + 1);
    expect(allowedCommands(from)).toContain(type);
  });

  it('guides a matter into its legal route (art. 31 items 1–4)', () => {
    const m = run([['classify', '2025-03-03', { route: 'litigation-etc', body: '县人民法院' }]]);
    const r = applyCommand(m, command('guide', at('2025-03-04'), { documents: ['non-acceptance-notice'] }));
    expect(r.ok && r.value.matter.state).toBe('guided');
    expect(r.ok && r.value.transition.documents).toEqual(['non-acceptance-notice']);
    expect(r.ok && r.value.matter.body).toBe('县人民法院');
    // Guided out of the petition channel: no petition deadline runs any more.
    expect(r.ok && r.value.matter.deadlines).toBeNull();
  });

  it('a repeat visit is recorded in every state but terminated, and never changes state', () => {
    for (const s of MATTER_STATES.filter((x) => x !== 'terminated')) {
      const m = matterIn(s);
      const when = at(chinaDateOf(m.lastEventAt ?? at(RECEIVED)), 20);
      const r = applyCommand(m, command('repeatVisit', when));
      expect(r.ok, s).toBe(true);
      if (!r.ok) continue;
      expect(r.value.matter.state).toBe(s);
      expect(r.value.matter.repeatVisits).toBe(m.repeatVisits + 1);
      expect(r.value.matter.deadlines).toEqual(m.deadlines);
    }
  });

  it('classifying an accusation protects the reporter (条例 art. 30)', () => {
    const m = run([['classify', '2025-03-03', { class: 'accusation', route: 'discipline-inspection', body: '县纪委监委' }]]);
    expect(m.protectReporter).toBe(true);
  });
});

describe('illegal transitions — stable codes', () => {
  const cases: [string, () => MatterLifecycle, CommandType, string, Record<string, unknown>?][] = [
    ['reply before classification', () => matterIn('registered'), 'reply', 'illegal_transition'],
    ['accept before classification', () => matterIn('registered'), 'accept', 'illegal_transition'],
    ['classify twice', () => matterIn('classified'), 'classify', 'illegal_transition'],
    ['deliver before reply', () => matterIn('handling'), 'deliver', 'illegal_transition'],
    ['review while handling', () => matterIn('handling'), 'requestReview', 'illegal_transition'],
    ['re-review before review', () => matterIn('delivered'), 'requestReReview', 'illegal_transition'],
    ['terminate before re-review', () => matterIn('review-opinion'), 'terminate', 'illegal_transition'],
    ['hearing pause outside re-review', () => matterIn('handling'), 'pauseForHearing', 'illegal_transition'],
    ['rate before delivery', () => matterIn('replied'), 'rate', 'illegal_transition'],
    ['close while handling', () => matterIn('handling'), 'close', 'illegal_transition'],
    ['extend after reply', () => matterIn('replied'), 'extend', 'illegal_transition'],
    ['reopen a guided matter', () => matterIn('guided'), 'accept', 'illegal_transition'],
    [
      'review of a declined matter (no reply to review)',
      () => run([['classify', '2025-03-03'], ['decline', '2025-03-04'], ['close', '2025-03-05']]),
      'requestReview',
      'illegal_transition',
    ],
    ['extend twice', () => matterIn('extended'), 'extend', 'extension_limit'],
    ['extend beyond 30 days', () => matterIn('handling'), 'extend', 'extension_limit', { days: 31 }],
    ['extend with no reason', () => matterIn('handling'), 'extend', 'invalid_command', { reason: ' ' }],
    ['decline with no reason', () => matterIn('classified'), 'decline', 'invalid_command', { reason: '' }],
    ['guide a petition-procedure matter', () => matterIn('classified'), 'guide', 'route_mismatch'],
    ['accept a matter for arbitration', () => run([['classify', '2025-03-03', { route: 'arbitration' }]]), 'accept', 'route_mismatch'],
    [
      'review of a suggestion',
      () =>
        run([
          ['classify', '2025-03-03', { class: 'suggestion', route: 'study-and-reply' }],
          ['accept', '2025-03-04'],
          ['startHandling', '2025-03-04'],
          ['reply', '2025-03-20'],
          ['deliver', '2025-03-21'],
        ]),
      'requestReview',
      'route_mismatch',
    ],
    ['anything on a terminated matter', () => matterIn('terminated'), 'repeatVisit', 'already_terminated'],
    ['reply on a terminated matter', () => matterIn('terminated'), 'reply', 'already_terminated'],
  ];
  it.each(cases)('%s', (_name, make, type, code, extra) => {
    const m = make();
    const before = structuredClone(m);
    const when = at(chinaDateOf(m.lastEventAt ?? at(RECEIVED)), 20);
    // `extra` is spread after parsing, as a caller bypassing the schema would send it.
    const r2 = applyCommand(m, { ...command(type, when), ...extra } as MatterCommand);
    expect(r2.ok).toBe(false);
    if (!r2.ok) {
      expect(r2.code).toBe(code);
      expect(r2.message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(m).toEqual(before);
  });

  it('a classify command whose route does not fit its class is invalid', () => {
    const r = applyCommand(matterIn('registered'), {
      ...command('classify', at(RECEIVED)),
      class: 'suggestion',
    } as MatterCommand);
    expect(r).toMatchObject({ ok: false, code: 'invalid_command', field: 'route' });
  });

  it('commands must come in time order', () => {
    const m = matterIn('handling'); // last event 2025-03-11
    expect(applyCommand(m, command('reply', at('2025-03-10')))).toMatchObject({ ok: false, code: 'time_out_of_order' });
    expect(applyCommand(initialLifecycle(RECEIVED), command('classify', at('2025-03-02')))).toMatchObject({ ok: false, code: 'time_out_of_order' });
  });

  it('the review or re-review opinion is delivered once', () => {
    const m = mustApply(matterIn('review-opinion'), command('deliver', at('2025-07-01')));
    expect(applyCommand(m, command('deliver', at('2025-07-02')))).toMatchObject({ ok: false, code: 'illegal_transition' });
  });
});

describe('the review window (30 days from receipt of the written reply)', () => {
  // Reply delivered Tue 2025-05-20; +30 = Thu 06-19, a working day.
  const delivered = () => matterIn('delivered');
  it('runs to 2025-06-19 inclusive', () => {
    expect(delivered().replyDeliveredOn).toBe('2025-05-20');
    expect(delivered().deadlines).toMatchObject({ nextStep: 'review-request', lastDay: '2025-06-19', party: 'petitioner' });
    expect(applyCommand(delivered(), command('requestReview', at('2025-06-19', 23))).ok).toBe(true);
  });
  it('refuses a review asked for after it: review_window_closed', () => {
    const r = applyCommand(delivered(), command('requestReview', at('2025-06-20', 9)));
    expect(r).toMatchObject({ ok: false, code: 'review_window_closed' });
  });
  it('counts the day in Beijing time, whatever offset the timestamp carries', () => {
    // 16:30 UTC on 06-19 is 00:30 on 06-20 in Beijing: one day late.
    expect(applyCommand(delivered(), command('requestReview', '2025-06-19T16:30:00Z'))).toMatchObject({ code: 'review_window_closed' });
    expect(applyCommand(delivered(), command('requestReview', '2025-06-19T15:30:00Z')).ok).toBe(true);
  });
  it('also closes for a rated or closed matter', () => {
    const closed = matterIn('closed');
    expect(applyCommand(closed, command('requestReview', at('2025-07-30')))).toMatchObject({ ok: false, code: 'review_window_closed' });
  });
  it('the re-review window runs 30 days from receipt of the review opinion', () => {
    const m = mustApply(matterIn('review-opinion'), command('deliver', at('2025-07-01')));
    // Tue 07-01 + 30 = Thu 07-31.
    expect(m.deadlines).toMatchObject({ nextStep: 're-review-request', lastDay: '2025-07-31', party: 'petitioner' });
    expect(applyCommand(m, command('requestReReview', at('2025-08-01')))).toMatchObject({ code: 'review_window_closed' });
    expect(applyCommand(m, command('requestReReview', at('2025-07-31'))).ok).toBe(true);
  });
});

describe('a full path: registration → … → terminated', () => {
  it('walks every stage with the statutory deadlines', () => {
    let m = initialLifecycle(RECEIVED);
    const seen: { state: MatterState; deadline: MatterLifecycle['deadlines'] }[] = [];
    for (const [t, day, extra] of FULL_PATH) {
      const r = applyCommand(m, command(t, at(day), extra));
      expect(r.ok, `${t} in ${m.state}`).toBe(true);
      if (!r.ok) return;
      expect(r.value.transition.from).toBe(m.state);
      m = r.value.matter;
      seen.push({ state: m.state, deadline: m.deadlines });
    }
    expect(m.state).toBe('terminated');
    expect(m.historyLength).toBe(FULL_PATH.length);
    expect(m.deadlines).toBeNull();
    const lastDayIn = (s: MatterState) => seen.find((x) => x.state === s)?.deadline?.lastDay;
    expect(lastDayIn('classified')).toBe('2025-03-18'); // 03-03 + 15
    // Accepted 03-10; +60 = Fri 05-09 (after the 05-01..05-05 holiday): a working day.
    expect(lastDayIn('handling')).toBe('2025-05-09');
    // +30 from 05-09 = Sun 06-08 -> Mon 06-09.
    expect(lastDayIn('extended')).toBe('2025-06-09');
    expect(seen.find((x) => x.state === 'extended')?.deadline?.nextStep).toBe('extension');
    expect(lastDayIn('delivered')).toBe('2025-06-19'); // 05-20 + 30
    expect(lastDayIn('review-requested')).toBe('2025-07-10'); // 06-10 + 30, Thu
    expect(lastDayIn('re-review-requested')).toBe('2025-08-14'); // 07-15 + 30, Thu
    // The hearing's 5 days are not counted: 08-14 + 5 = Tue 08-19.
    expect(seen.filter((x) => x.state === 're-review-requested')[1]?.deadline?.lastDay).toBe('2025-08-19');
  });
});

describe('nextDeadline', () => {
  it('shows label, days left and red when the authority is late', () => {
    const m = initialLifecycle(RECEIVED);
    expect(nextDeadline(m, '2025-03-10')).toEqual({
      step: 'acceptance-notice',
      label: '受理告知期限',
      lastDay: '2025-03-18',
      daysLeft: 8,
      overdue: false,
      party: 'authority',
    });
    expect(nextDeadline(m, '2025-03-18')).toMatchObject({ daysLeft: 0, overdue: false });
    expect(nextDeadline(m, '2025-03-19')).toMatchObject({ daysLeft: -1, overdue: true });
  });
  it("a petitioner's lapsed window is not red: it gives null", () => {
    const m = matterIn('delivered');
    expect(nextDeadline(m, '2025-06-19')).toMatchObject({ step: 'review-request', label: '申请复查期限', overdue: false });
    expect(nextDeadline(m, '2025-06-20')).toBeNull();
  });
  it('is null when no deadline runs', () => {
    expect(nextDeadline(matterIn('guided'), '2025-03-05')).toBeNull();
    expect(nextDeadline(matterIn('terminated'), '2025-09-01')).toBeNull();
  });
  it('STATE_LABELS names every state in Chinese', () => {
    for (const s of MATTER_STATES) expect(STATE_LABELS[s]).toMatch(/^[\u4e00-\u9fff]+$/);
    expect(allowedCommands('terminated')).toEqual([]);
  });
});

// --- properties

const STABLE_CODES = new Set([
  'already_terminated',
  'illegal_transition',
  'extension_limit',
  'review_window_closed',
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

/** One random step: which command (steered towards allowed ones half the time), how much later, and contents. */
const stepArb = fc.record({
  steer: fc.boolean(),
  pick: fc.nat(1000),
  gapHours: fc.oneof(fc.integer({ min: 0, max: 48 }), fc.integer({ min: 0, max: 24 * 45 })),
  routePick: fc.nat(CLASS_ROUTES.length - 1),
  days: fc.integer({ min: 1, max: 40 }),
});
type RandomStep = typeof stepArb extends fc.Arbitrary<infer T> ? T : never;

const START_MS = Date.parse(at(RECEIVED, 9));
function toCommand(m: MatterLifecycle, s: RandomStep, clockMs: number): MatterCommand {
  const choices = s.steer ? allowedCommandsFor(m) : COMMAND_TYPES;
  const type = (choices.length > 0 ? choices : COMMAND_TYPES)[s.pick % (choices.length || COMMAND_TYPES.length)]!;
  const [cls, route] = CLASS_ROUTES[s.routePick]!;
  const when = new Date(clockMs).toISOString();
  const extra: Record<string, unknown> =
    type === 'classify' ? { class: cls, route } : type === 'extend' || type === 'pauseForHearing' ? { days: Math.min(s.days, 30) } : {};
  const c = command(type, when, extra);
  // Sometimes an extension beyond the limit, bypassing the schema as a buggy caller would.
  return type === 'extend' && s.days > 30 ? ({ ...c, days: s.days } as MatterCommand) : c;
}

/**
 * Walks the steps from a new matter: each command built for the matter as it stands, a copy of
 * the matter taken before applying it, and what applying it gave; accepted commands move it on.
 */
function* walk(steps: RandomStep[]): Generator<{ m: MatterLifecycle; before: MatterLifecycle; c: MatterCommand; r: ApplyResult }> {
  let m = initialLifecycle(RECEIVED);
  let clock = START_MS;
  for (const s of steps) {
    clock += s.gapHours * 3_600_000;
    const c = toCommand(m, s, clock);
    const before = structuredClone(m);
    const r = applyCommand(m, c);
    yield { m, before, c, r };
    if (r.ok) m = r.value.matter;
  }
}

describe('properties over random command sequences', () => {
  it('never reach an unknown state; history grows by one per accepted command; refusals change nothing', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 40 }), (steps) => {
        for (const { m, before, c, r } of walk(steps)) {
          expect(m).toEqual(before);
          if (!r.ok) {
            expect(STABLE_CODES.has(r.code), r.code).toBe(true);
            // A command the state allows is never refused as an illegal transition from the table.
            if (!allowedCommands(m.state).includes(c.type) && m.state !== 'terminated' && r.code !== 'extension_limit') {
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
          if (c.type === 'repeatVisit' || c.type === 'pauseForHearing') expect(next.state).toBe(m.state);
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
          expect(d.lastDay >= deadlineFor(d.nextStep === 'extension' ? 'handling' : d.nextStep, d.nextStep === 'extension' ? m.acceptedOn! : d.from)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('the steered walk reaches the end of the road (terminated) in some runs', () => {
    // Guards the generator: the properties above would be weak if they never got deep.
    let deepest = 0;
    fc.assert(
      fc.property(fc.array(stepArb.map((s) => ({ ...s, steer: true, gapHours: s.gapHours % 72 })), { minLength: 30, maxLength: 60 }), (steps) => {
        let m = initialLifecycle(RECEIVED);
        for (const { r } of walk(steps)) if (r.ok) m = r.value.matter;
        deepest = Math.max(deepest, MATTER_STATES.indexOf(m.state));
      }),
      { numRuns: 300, seed: 20250303 },
    );
    expect(MATTER_STATES[deepest]).toBe('terminated');
  });

  it('a terminated matter refuses every command and stays as it is', () => {
    const terminated = matterIn('terminated');
    fc.assert(
      fc.property(stepArb, fc.integer({ min: 0, max: 24 * 400 }), (s, hours) => {
        const clock = Date.parse(terminated.lastEventAt!) + hours * 3_600_000;
        const c = toCommand(terminated, { ...s, steer: false }, clock);
        const before = structuredClone(terminated);
        const r = applyCommand(terminated, c);
        expect(r).toMatchObject({ ok: false, code: 'already_terminated' });
        expect(terminated).toEqual(before);
      }),
    );
  });
});
