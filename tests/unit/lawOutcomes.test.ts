// The outcomes the law has (DOMAIN.md §4–§5, issue #13 item 3), on a matter's lifecycle with the
// answers worked out by hand: 调解/和解 with its agreement, a hearing's notice and record, a 复查
// that orders the matter handled again, closing when the 复查 or 复核 window lapses unused, and
// 终结 only once the 复核 opinion is delivered.
import { describe, expect, it } from 'vitest';
import { applyCommand } from '../../domain/matters/applyCommand';
import type { MatterCommand } from '../../domain/matters/commands';
import { allowedCommandsFor } from '../../domain/matters/transitions';
import { at, command, live, mustApply, type Step } from '../support/matterCommands';
import { matterIn } from '../support/matterPaths';

const lived = (steps: Step[]) => live('2025-03-03', steps).lifecycle;
const handling: Step[] = [['classify', '2025-03-03'], ['accept', '2025-03-10'], ['startHandling', '2025-03-10']];
// Delivered Tue 05-20: the 复查 window runs to Thu 06-19.
const delivered: Step[] = [...handling, ['reply', '2025-05-19'], ['deliver', '2025-05-20']];

describe('调解 / 和解 (art. 33): the agreement ends the handling', () => {
  it('records the agreement’s day and kind; nothing more runs; it closes', () => {
    const m = lived([...handling, ['settle', '2025-04-15', { kind: 'reconciliation' }]]);
    expect(m).toMatchObject({ state: 'settled', settledOn: '2025-04-15', settlement: 'reconciliation', deadlines: null });
    expect(allowedCommandsFor(m)).toContain('close');
    expect(applyCommand(m, command('requestReview', at('2025-04-20')))).toMatchObject({ ok: false, code: 'illegal_transition' });
  });
  it('needs the agreement’s content', () => {
    expect(applyCommand(lived(handling), { ...command('settle', at('2025-04-15')), agreement: ' ' } as MatterCommand)).toMatchObject({ ok: false, code: 'invalid_command' });
  });
});

describe('hearing: a notice, then its record', () => {
  it('a record without a notice is refused; a second notice before the record too', () => {
    expect(applyCommand(lived(handling), command('pauseForHearing', at('2025-03-20')))).toMatchObject({ ok: false, code: 'hearing_not_noticed' });
    const noticed = lived([...handling, ['noticeHearing', '2025-03-20', { hearingOn: '2025-03-25' }]]);
    expect(noticed.hearingNoticedOn).toBe('2025-03-20');
    expect(applyCommand(noticed, command('noticeHearing', at('2025-03-21'), { hearingOn: '2025-03-26' }))).toMatchObject({ ok: false, code: 'illegal_transition' });
    expect(applyCommand(noticed, { ...command('pauseForHearing', at('2025-03-25')), record: '' } as MatterCommand)).toMatchObject({ ok: false, code: 'invalid_command' });
  });
  it('a hearing cannot be set before the day of its notice', () => {
    expect(applyCommand(lived(handling), command('noticeHearing', at('2025-03-20'), { hearingOn: '2025-03-19' }))).toMatchObject({ ok: false, code: 'invalid_command', field: 'hearingOn' });
  });
});

describe('a 复查 that orders the matter handled again (责令重新办理)', () => {
  const ordered = lived([...delivered, ['requestReview', '2025-06-01'], ['orderRehandling', '2025-06-10']]);
  it('goes back to handling with a new 60-day period from the order: 06-10 + 60 = Sat 08-09 -> Mon 08-11', () => {
    expect(ordered).toMatchObject({ state: 'handling', rehandleFrom: '2025-06-10', replyDeliveredOn: null, deadlines: { nextStep: 'handling', lastDay: '2025-08-11' } });
  });
  it('the new opinion can be reviewed in its turn, once', () => {
    const again = mustApply(mustApply(ordered, command('reply', at('2025-07-01'))), command('deliver', at('2025-07-02')));
    const reviewed = mustApply(again, command('requestReview', at('2025-07-10')));
    expect(reviewed.state).toBe('review-requested');
    const opinion = mustApply(mustApply(reviewed, command('reviewOpinion', at('2025-07-20'))), command('deliver', at('2025-07-21')));
    expect(allowedCommandsFor(opinion)).not.toContain('requestReview');
  });
  it('only from a 复查 request', () => {
    expect(applyCommand(lived(delivered), command('orderRehandling', at('2025-06-01')))).toMatchObject({ ok: false, code: 'illegal_transition' });
  });
});

describe('closing when a window lapses unused', () => {
  it('a delivered reply with no 复查: the window shows until 06-19, then nothing runs', () => {
    const closed = lived([...delivered, ['close', '2025-06-20']]);
    expect(closed.state).toBe('closed');
    expect(applyCommand(closed, command('requestReview', at('2025-06-21')))).toMatchObject({ ok: false, code: 'review_window_closed' });
  });
  // The 复查 opinion delivered Tue 07-01: the 复核 window runs to Thu 07-31.
  const opinion = () => mustApply(matterIn('review-opinion'), command('deliver', at('2025-07-01')));
  it('a 复查 opinion closes only once its 复核 window lapsed: refused on 07-31, taken on 08-01', () => {
    expect(applyCommand(opinion(), command('close', at('2025-07-31')))).toMatchObject({ ok: false, code: 'review_window_open' });
    const closed = mustApply(opinion(), command('close', at('2025-08-01')));
    expect(closed).toMatchObject({ state: 'closed', closedOn: '2025-08-01', deadlines: null });
    expect(allowedCommandsFor(closed)).not.toContain('requestReview');
    expect(applyCommand(closed, command('requestReview', at('2025-08-02')))).toMatchObject({ ok: false, code: 'illegal_transition' });
  });
  it('a 复查 opinion not yet delivered does not close', () => {
    expect(applyCommand(matterIn('review-opinion'), command('close', at('2025-09-30')))).toMatchObject({ ok: false, code: 'opinion_not_delivered' });
  });
});

describe('终结 only after the 复核 opinion is delivered', () => {
  it('refused before delivery, taken after', () => {
    const opinion = matterIn('re-review-opinion');
    expect(applyCommand(opinion, command('terminate', at('2025-08-10', 20)))).toMatchObject({ ok: false, code: 'opinion_not_delivered' });
    expect(allowedCommandsFor(opinion)).not.toContain('terminate');
    const deliveredOpinion = mustApply(opinion, command('deliver', at('2025-08-11')));
    expect(mustApply(deliveredOpinion, command('terminate', at('2025-08-20')))).toMatchObject({ state: 'terminated', terminatedOn: '2025-08-20', deadlines: null });
  });
});
