// The rules behind the hearing's and the agreement's papers (DOMAIN.md §4–§5, 条例 arts. 31, 33,
// 36), as tables with answers from the law: which stage a hearing belongs to and what it cites,
// whether its days count; which agreement a 调解 or a 和解 makes; which papers the file offers
// once which step is taken; and that only a 申诉求决 matter is settled (art. 33).
import { describe, expect, it } from 'vitest';
import { offeredNotices } from '../../domain/documents/offered';
import { HEARING_STAGES, hearingStageOf } from '../../domain/documents/wording';
import { applyCommand } from '../../domain/matters/applyCommand';
import { commandDocuments, commandRequestSchema } from '../../domain/matters/commands';
import { MATTER_STATES } from '../../domain/matters/states';
import { allowedCommandsFor } from '../../domain/matters/transitions';
import { at, command, live } from '../support/matterCommands';

describe('a hearing belongs to the stage it is noticed in', () => {
  it.each([
    // state, stage, article printed after 《信访工作条例》, whether its days are left out of the period
    ['handling', 'handling', '第三十一条第六项', false],
    ['extended', 'handling', '第三十一条第六项', false],
    ['review-requested', 'review', '第三十一条第六项', false],
    // Art. 36: 听证所需时间不计算在前款规定的期限内 — only in the 复核.
    ['re-review-requested', 're-review', '第三十六条', true],
  ] as const)('%s: %s, %s', (state, stage, article, leftOut) => {
    expect(hearingStageOf(state)).toBe(stage);
    expect(HEARING_STAGES[stage].article).toBe(article);
    expect(HEARING_STAGES[stage].period.includes('不计算')).toBe(leftOut);
  });
  it('no other state holds a hearing', () => {
    const holding = ['handling', 'extended', 'review-requested', 're-review-requested'];
    for (const s of MATTER_STATES.filter((x) => !holding.includes(x))) expect(hearingStageOf(s)).toBeNull();
  });
});

describe('调解 makes a 调解协议书, 和解 a 和解协议书 (art. 33)', () => {
  it.each([
    [undefined, []],
    ['mediation', ['mediation-agreement']],
    ['reconciliation', ['reconciliation-agreement']],
  ] as const)('kind %s: %o', (kind, documents) => {
    expect(commandDocuments('settle', { kind })).toEqual(documents);
  });
  it('the hearing steps make their own papers', () => {
    expect(commandDocuments('noticeHearing', {})).toEqual(['hearing-notice']);
    expect(commandDocuments('pauseForHearing', {})).toEqual(['hearing-record']);
  });
  it('the hour is a time of day', () => {
    const base = { at: '2026-03-03T10:00:00+08:00', type: 'noticeHearing', hearingOn: '2026-03-10', place: '听证室' };
    for (const [hearingTime, ok] of [['09:30', true], ['23:59', true], ['24:00', false], ['9:30', false], ['上午九点', false]] as const) {
      expect(commandRequestSchema.safeParse({ ...base, hearingTime }).success, hearingTime).toBe(ok);
    }
  });
});

describe('the file offers a step’s papers once the step is taken', () => {
  const stepPapers = ['hearing-notice', 'hearing-record', 'mediation-agreement', 'reconciliation-agreement'];
  it.each([
    [[], null, []],
    [['noticeHearing'], null, ['hearing-notice']],
    [['noticeHearing', 'pauseForHearing'], null, ['hearing-notice', 'hearing-record']],
    [['settle'], 'mediation', ['mediation-agreement']],
    [['settle'], 'reconciliation', ['reconciliation-agreement']],
  ] as const)('after %o (%s): %o', (steps, settlement, papers) => {
    const offered = offeredNotices(steps, settlement);
    expect(offered.filter((k) => stepPapers.includes(k))).toEqual(papers);
    // The others always: the backend says why one cannot go out yet. A 送达回证 only by a delivery.
    expect(offered).toContain('late-review-notice');
    expect(offered).not.toContain('delivery-receipt');
  });
});

describe('only a 申诉求决 matter is settled (art. 33)', () => {
  const handling = (cls: string, route: string) =>
    live('2026-03-02', [['classify', '2026-03-03', { class: cls, route, body: '某单位' }], ['accept', '2026-03-04'], ['startHandling', '2026-03-05']]).lifecycle;
  it.each([
    ['complaint', 'petition-procedure', true],
    ['suggestion', 'study-and-reply', false],
    ['accusation', 'discipline-inspection', false],
  ] as const)('%s: %s', (cls, route, settles) => {
    const m = handling(cls, route);
    expect(allowedCommandsFor(m).includes('settle')).toBe(settles);
    const r = applyCommand(m, command('settle', at('2026-04-10')));
    expect(r.ok).toBe(settles);
    if (!r.ok) expect(r).toMatchObject({ code: 'route_mismatch' });
  });
});
