// A matter's deadlines as the window shows them (domain/matters/deadlines.ts): label, days left,
// red only when the authority is late, and nothing once a petitioner's own window has lapsed —
// the same from a lifecycle record (detail, work queue) as from a stored step and last day
// (the repeat-visit panel).
import { describe, expect, it } from 'vitest';
import { defaultDeadlineEngine } from '../../domain/calendar/deadlines';
import { initialLifecycle } from '../../domain/matters/applyCommand';
import { deadlineOn, nextDeadline } from '../../domain/matters/deadlines';
import { matterIn, RECEIVED } from '../support/matterPaths';

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
      estimated: false,
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
});

describe('deadlineOn (a stored step and last day)', () => {
  it('gives what nextDeadline gives for the matter it was stored from', () => {
    for (const [m, today] of [[initialLifecycle(RECEIVED), '2025-03-19'], [matterIn('handling'), '2025-04-01'], [matterIn('delivered'), '2025-06-01']] as const) {
      const d = m.deadlines!;
      expect(deadlineOn(d.nextStep, d.lastDay, today, defaultDeadlineEngine)).toEqual(nextDeadline(m, today));
    }
  });
  it("is red for a late authority and null for a petitioner's lapsed window", () => {
    expect(deadlineOn('review-opinion', '2025-07-10', '2025-07-11', defaultDeadlineEngine)).toMatchObject({ label: '复查意见期限', daysLeft: -1, overdue: true, party: 'authority' });
    expect(deadlineOn('re-review-request', '2025-07-31', '2025-07-31', defaultDeadlineEngine)).toMatchObject({ daysLeft: 0, overdue: false, party: 'petitioner' });
    expect(deadlineOn('re-review-request', '2025-07-31', '2025-08-01', defaultDeadlineEngine)).toBeNull();
  });
});
