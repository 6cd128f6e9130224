// The life of a petition matter (domain/matters/applyCommand.ts over transitions.ts): which
// steps may follow which, the stable refusal codes, the review windows and the deadlines a full
// path runs. Hand-computed dates are checked against the 2025 State Council holiday arrangement.
import { describe, expect, it } from 'vitest';
import { chinaDateOf } from '../../domain/calendar/chinaDay';
import { applyCommand, applyParsedCommand, initialLifecycle } from '../../domain/matters/applyCommand';
import type { CommandType, MatterCommand } from '../../domain/matters/commands';
import type { MatterLifecycle } from '../../domain/matters/lifecycle';
import { MATTER_STATES, type MatterState } from '../../domain/matters/states';
import { allowedCommands, allowedCommandsFor } from '../../domain/matters/transitions';
import { actor, at, command, mustApply } from '../support/matterCommands';
import { FULL_PATH, matterIn, RECEIVED, run } from '../support/matterPaths';

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
    ['re-review-requested', 'noticeHearing', 're-review-requested'],
    ['re-review-requested', 'reReviewOpinion', 're-review-opinion'],
    ['re-review-opinion', 'deliver', 're-review-opinion'],
    ['registered', 'decline', 'not-accepted'],
    ['classified', 'acceptSimplified', 'simplified'],
    ['simplified', 'reply', 'replied'],
    ['simplified', 'startHandling', 'handling'],
    ['handling', 'settle', 'settled'],
    ['handling', 'noticeHearing', 'handling'],
    ['settled', 'close', 'closed'],
    ['review-requested', 'orderRehandling', 'handling'],
    ['terminated', 'desist', 'terminated'],
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
    ['terminate before the re-review opinion is delivered', () => matterIn('re-review-opinion'), 'terminate', 'opinion_not_delivered'],
    ['hearing record without a notice', () => matterIn('handling'), 'pauseForHearing', 'hearing_not_noticed'],
    ['hearing after the reply', () => matterIn('delivered'), 'noticeHearing', 'illegal_transition'],
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

  it('offers nothing for a terminated matter but 息诉罢访, and that once', () => {
    expect(allowedCommands('terminated')).toEqual(['desist']);
    const m = matterIn('terminated');
    expect(allowedCommandsFor(m)).toEqual(['desist']);
    const desisted = mustApply(m, command('desist', at('2025-09-01')));
    expect(desisted).toMatchObject({ state: 'terminated', desistedOn: '2025-09-01', terminatedOn: m.terminatedOn });
    expect(allowedCommandsFor(desisted)).toEqual([]);
    expect(applyCommand(desisted, command('desist', at('2025-09-02')))).toMatchObject({ ok: false, code: 'illegal_transition' });
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
    // (after the request and the hearing notice, the third step in that state is the hearing record)
    expect(seen.filter((x) => x.state === 're-review-requested')[2]?.deadline?.lastDay).toBe('2025-08-19');
  });
});

describe('applyParsedCommand', () => {
  it('takes a command checked at its boundary through the same rules as applyCommand, step by step and refusal by refusal', () => {
    let m = initialLifecycle(RECEIVED);
    for (const [t, day, extra] of FULL_PATH) {
      const c = command(t, at(day), extra);
      const parsed = applyParsedCommand(m, c);
      expect(parsed, t).toEqual(applyCommand(m, c));
      // The same step again later that day: mostly refused, and alike both ways.
      const again = command(t, at(day, 18), extra);
      expect(applyParsedCommand(parsed.ok ? parsed.value.matter : m, again), `${t} again`).toEqual(applyCommand(parsed.ok ? parsed.value.matter : m, again));
      m = mustApply(m, c);
    }
    expect(m.state).toBe('terminated');
  });
});
