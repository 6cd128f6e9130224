// The clocks of DOMAIN.md §4 on a matter's lifecycle (issue #13 item 2), each with its answer
// worked out by hand from DOMAIN.md and the 2025 holiday arrangement (劳动节 05-01..05-05,
// 国庆 10-01..10-08 with Sun 09-28 and Sat 10-11 worked): which deadline runs, who owes it, and
// when a step is refused with its stable code.
import { describe, expect, it } from 'vitest';
import { defaultDeadlineEngine } from '../../domain/calendar/deadlines';
import { applyCommand } from '../../domain/matters/applyCommand';
import { deadlineOn, nextDeadline } from '../../domain/matters/deadlines';
import { at, command, live, type Step } from '../support/matterCommands';

const lived = (steps: Step[], receivedOn = '2025-03-03') => live(receivedOn, steps).lifecycle;
const refusal = (steps: Step[], [type, day, extra]: Step, receivedOn = '2025-03-03') => {
  const r = applyCommand(lived(steps, receivedOn), command(type, at(day), extra));
  return r.ok ? 'accepted' : r.code;
};

describe('after a transfer: the receiving body’s 15-day notice runs; its objection is optional', () => {
  // Transferred Tue 03-04: notice due +15 = Wed 03-19; objection window 5 working days = Tue 03-11.
  const transferred = lived([['classify', '2025-03-03', { route: 'duty-performance' }], ['transfer', '2025-03-04']]);
  it('runs the receiving body’s notice, an authority’s duty', () => {
    expect(transferred.deadlines).toEqual({ nextStep: 'receiving-notice', from: '2025-03-04', lastDay: '2025-03-19', party: 'authority' });
  });
  it('is not red the day after the 5 working days lapse, and red only once the 15 days are over', () => {
    expect(nextDeadline(transferred, '2025-03-12')).toMatchObject({ step: 'receiving-notice', daysLeft: 7, overdue: false });
    expect(nextDeadline(transferred, '2025-03-20')).toMatchObject({ step: 'receiving-notice', overdue: true });
  });
  it('the objection window, shown on its own, is never overdue and disappears once lapsed', () => {
    const last = defaultDeadlineEngine.deadlineFor('transfer-objection', '2025-03-04');
    expect(last).toBe('2025-03-11');
    expect(deadlineOn('transfer-objection', last, '2025-03-11', defaultDeadlineEngine)).toMatchObject({ overdue: false, party: 'optional' });
    expect(deadlineOn('transfer-objection', last, '2025-03-12', defaultDeadlineEngine)).toBeNull();
  });
});

describe('交办: the deadline the bureau sets, with a 办结报告 due then', () => {
  const assigned = (dueOn: string, more: Step[] = []) => lived([['classify', '2025-03-03'], ['assign', '2025-03-04', { dueOn }], ...more]);
  it('runs the 办结报告 on the bureau’s day, red after it', () => {
    const m = assigned('2025-04-15');
    expect(m.deadlines).toEqual({ nextStep: 'assignment-report', from: '2025-03-04', lastDay: '2025-04-15', party: 'authority' });
    expect(nextDeadline(m, '2025-04-16')).toMatchObject({ overdue: true, label: '交办办结报告期限' });
  });
  it('shows the report while handling when it falls first, and the handling deadline once reported', () => {
    // Accepted Thu 03-06: +60 = Mon 05-05 (劳动节) -> Tue 05-06.
    const handling = assigned('2025-04-15', [['accept', '2025-03-06'], ['startHandling', '2025-03-06']]);
    expect(handling.deadlines).toMatchObject({ nextStep: 'assignment-report', lastDay: '2025-04-15' });
    const reported = applyCommand(handling, command('report', at('2025-04-10')));
    expect(reported.ok && reported.value.matter.deadlines).toMatchObject({ nextStep: 'handling', lastDay: '2025-05-06' });
    expect(reported.ok && applyCommand(reported.value.matter, command('report', at('2025-04-11')))).toMatchObject({ ok: false, code: 'illegal_transition' });
  });
  it('the report comes before a petitioner’s window: a delivered matter still owes it', () => {
    const m = assigned('2025-05-30', [['accept', '2025-03-06'], ['startHandling', '2025-03-06'], ['reply', '2025-04-01'], ['deliver', '2025-04-02']]);
    expect(m.deadlines).toMatchObject({ nextStep: 'assignment-report', lastDay: '2025-05-30' });
  });
  it('refuses a 交办 whose day is not after the day of the 交办', () => {
    expect(refusal([['classify', '2025-03-03']], ['assign', '2025-03-04', { dueOn: '2025-03-04' }])).toBe('invalid_command');
  });
});

describe('extension: approved before the handling deadline runs out, refused after (extension_too_late)', () => {
  // Accepted Mon 03-10: +60 = Fri 05-09.
  const handling: Step[] = [['classify', '2025-03-03'], ['accept', '2025-03-10'], ['startHandling', '2025-03-10']];
  it('on the last day: taken, +30 from 05-09 = Sun 06-08 -> Mon 06-09', () => {
    expect(lived([...handling, ['extend', '2025-05-09']]).deadlines).toMatchObject({ nextStep: 'extension', lastDay: '2025-06-09' });
  });
  it('the day after: refused with a stable code, in Beijing time', () => {
    expect(refusal(handling, ['extend', '2025-05-10'])).toBe('extension_too_late');
    const r = applyCommand(lived(handling), command('extend', '2025-05-09T16:30:00Z')); // 00:30 on 05-10 in Beijing
    expect(r).toMatchObject({ ok: false, code: 'extension_too_late', field: 'at' });
  });
  it('a matter on the bureau’s 30-day target can be extended only within those 30 days', () => {
    const suggestion: Step[] = [['classify', '2025-03-03', { class: 'suggestion', route: 'study-and-reply' }], ['accept', '2025-03-10'], ['startHandling', '2025-03-10']];
    const m = live('2025-03-03', []).lifecycle;
    const ctx = { handlingTargetDays: 30 };
    const steps = suggestion.reduce((acc, [t, d, e]) => {
      const r = applyCommand(acc, command(t, at(d), e), ctx);
      if (!r.ok) throw new Error(r.code);
      return r.value.matter;
    }, m);
    // +30 from 03-10 = Wed 04-09.
    expect(steps.deadlines).toMatchObject({ nextStep: 'handling-target', lastDay: '2025-04-09' });
    expect(applyCommand(steps, command('extend', at('2025-04-10')), ctx)).toMatchObject({ ok: false, code: 'extension_too_late' });
  });
});

describe('hearing days go into the 30 days before the roll off a holiday', () => {
  // 复核 asked Mon 09-01: +30 = Wed 10-01 -> Thu 10-09; a 10-day hearing: +40 = Sat 10-11, worked.
  const reReview: Step[] = [
    ['classify', '2025-06-03'],
    ['accept', '2025-06-04'],
    ['startHandling', '2025-06-04'],
    ['reply', '2025-07-10'],
    ['deliver', '2025-07-11'],
    ['requestReview', '2025-07-20'],
    ['reviewOpinion', '2025-08-10'],
    ['deliver', '2025-08-11'],
    ['requestReReview', '2025-09-01'],
  ];
  it('without a hearing: 2025-10-09', () => {
    expect(lived(reReview, '2025-06-03').deadlines).toMatchObject({ nextStep: 're-review-opinion', lastDay: '2025-10-09' });
  });
  it('with 10 hearing days: 2025-10-11, not 10-09 + 10 rolled (10-20)', () => {
    const m = lived([...reReview, ['noticeHearing', '2025-09-05', { hearingOn: '2025-09-10' }], ['pauseForHearing', '2025-09-10', { days: 10 }]], '2025-06-03');
    expect(m.deadlines).toMatchObject({ nextStep: 're-review-opinion', lastDay: '2025-10-11' });
  });
  it('a hearing while handling records its days but does not stop the 60 days', () => {
    const m = lived([['classify', '2025-03-03'], ['accept', '2025-03-10'], ['startHandling', '2025-03-10'], ['noticeHearing', '2025-03-20', { hearingOn: '2025-03-25' }], ['pauseForHearing', '2025-03-25', { days: 3 }]]);
    expect(m).toMatchObject({ hearingPauseDays: 0, hearingNoticedOn: null, deadlines: { nextStep: 'handling', lastDay: '2025-05-09' } });
  });
});

describe('the 60 days bind route 6; 建议意见, 检举控告 and route 5 run on the bureau’s target', () => {
  const accepted = (classify: Record<string, unknown>, ctx?: { handlingTargetDays: number }) => {
    let m = live('2025-03-03', []).lifecycle;
    for (const [t, d, e] of [['classify', '2025-03-03', classify], ['accept', '2025-03-10']] as Step[]) {
      const r = applyCommand(m, command(t, at(d), e), ctx);
      if (!r.ok) throw new Error(r.code);
      m = r.value.matter;
    }
    return m;
  };
  it.each([
    ['route 6, whatever the target', { route: 'petition-procedure' }, 30, 'handling', '2025-05-09'],
    ['建议意见, default target 60', { class: 'suggestion', route: 'study-and-reply' }, undefined, 'handling-target', '2025-05-09'],
    ['建议意见, target 30', { class: 'suggestion', route: 'study-and-reply' }, 30, 'handling-target', '2025-04-09'],
    ['检举控告, target 45 (+45 = Thu 04-24)', { class: 'accusation', route: 'competent-body' }, 45, 'handling-target', '2025-04-24'],
    ['route 5, target 30', { route: 'duty-performance' }, 30, 'handling-target', '2025-04-09'],
  ] as const)('%s', (_name, classify, target, step, lastDay) => {
    const m = accepted(classify, target === undefined ? undefined : { handlingTargetDays: target });
    expect(m.deadlines).toMatchObject({ nextStep: step, lastDay });
  });
});

describe('简易办理: a path of its own, 10 working days from acceptance', () => {
  it('accepted Tue 03-04: due Tue 03-18', () => {
    const m = lived([['classify', '2025-03-03'], ['acceptSimplified', '2025-03-04']]);
    expect(m).toMatchObject({ state: 'simplified', handlingTrack: 'simplified', deadlines: { nextStep: 'simplified-handling', lastDay: '2025-03-18' } });
  });
  it('accepted Fri 09-26 across 国庆: due Thu 10-16', () => {
    expect(lived([['classify', '2025-09-26'], ['acceptSimplified', '2025-09-26']], '2025-09-26').deadlines).toMatchObject({ lastDay: '2025-10-16' });
  });
  it('not for a repeat visitor, a 检举控告 or a legal route; never extended', () => {
    expect(refusal([['classify', '2025-03-03'], ['repeatVisit', '2025-03-03']], ['acceptSimplified', '2025-03-04'])).toBe('simplified_not_eligible');
    expect(refusal([['classify', '2025-03-03', { class: 'accusation', route: 'competent-body' }]], ['acceptSimplified', '2025-03-04'])).toBe('simplified_not_eligible');
    expect(refusal([['classify', '2025-03-03', { route: 'arbitration' }]], ['acceptSimplified', '2025-03-04'])).toBe('simplified_not_eligible');
    expect(refusal([['classify', '2025-03-03'], ['acceptSimplified', '2025-03-04']], ['extend', '2025-03-10'])).toBe('illegal_transition');
  });
  it('one that proves not simple goes on in the ordinary procedure: 60 days from the same acceptance (03-04 + 60 = Sat 05-03 -> Tue 05-06)', () => {
    const m = lived([['classify', '2025-03-03'], ['acceptSimplified', '2025-03-04'], ['startHandling', '2025-03-10']]);
    expect(m).toMatchObject({ state: 'handling', handlingTrack: 'statutory', acceptedOn: '2025-03-04', deadlines: { nextStep: 'handling', lastDay: '2025-05-06' } });
  });
});
