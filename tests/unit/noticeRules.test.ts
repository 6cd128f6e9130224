// The rules behind the notices (DOMAIN.md §5), as tables: a review's decision follows from its
// opinion on the request; a new request carries what its notice says; the review bodies are the
// levels above the handling body in the organisation tree; routes and grounds print in words.
import { describe, expect, it } from 'vitest';
import { DECLINE_GROUNDS, LEGAL_ROUTE_WORDS, routeInWords } from '../../domain/documents/wording';
import { commandRequestSchema, opinionSchema } from '../../domain/matters/commands';
import { decisionFitsOpinion, reviewDecisionSchema } from '../../domain/matters/noticeFields';
import { declineGroundSchema } from '../../domain/matters/prescreen';
import { LEGAL_ROUTES } from '../../domain/matters/routes';
import { indexOrganisations, organisationTreeSchema, reviewBodyFor, type OrganisationTree } from '../../domain/reference/organisation';

describe('a review decides on the earlier opinion as its opinion on the request requires', () => {
  it.each([
    // opinion on the request, decision, allowed — DOMAIN.md §5: 维持 when it stands, 撤销 or 变更 when it does not
    ['support', 'uphold', false],
    ['support', 'revoke', true],
    ['support', 'modify', true],
    ['explain', 'uphold', true],
    ['explain', 'revoke', false],
    ['explain', 'modify', false],
    ['not-support', 'uphold', true],
    ['not-support', 'revoke', false],
    ['not-support', 'modify', false],
  ] as const)('%s with %s: %s', (opinion, decision, allowed) => {
    expect(decisionFitsOpinion(opinion, decision)).toBe(allowed);
    const request = { at: '2026-06-20T10:00:00+08:00', type: 'reviewOpinion', opinion, decision, basis: 'b', text: 't', factsFound: 'f', reasons: 'r' };
    expect(commandRequestSchema.safeParse(request).success).toBe(allowed);
  });
  it('covers every pair', () => {
    expect(opinionSchema.options.length * reviewDecisionSchema.options.length).toBe(9);
  });
});

describe('a new request carries what its notice will say', () => {
  const at = '2026-03-03T10:00:00+08:00';
  it.each([
    [{ type: 'reply', opinion: 'support', basis: 'b', text: 't', reasons: 'r' }, 'factsFound'],
    [{ type: 'reply', opinion: 'support', basis: 'b', text: 't', factsFound: 'f' }, 'reasons'],
    [{ type: 'reviewOpinion', opinion: 'not-support', decision: 'uphold', text: 't', factsFound: 'f', reasons: 'r' }, 'basis'],
    [{ type: 'reReviewOpinion', opinion: 'not-support', basis: 'b', text: 't', factsFound: 'f', reasons: 'r' }, 'decision'],
    [{ type: 'decline', reason: '越级', toBody: '某局' }, 'ground'],
    [{ type: 'decline', reason: '越级', ground: 'skip-level' }, 'toBody'],
    [{ type: 'orderRehandling', text: 't', factsFound: 'f', reasons: 'r' }, 'basis'],
    // The hearing notice gives the hour; the record who took part, what they said and what was found; the agreement the other party.
    [{ type: 'noticeHearing', hearingOn: '2026-03-10', place: '听证室' }, 'hearingTime'],
    [{ type: 'pauseForHearing', days: 1, record: 'r', statements: 's', factsHeard: 'f' }, 'participants'],
    [{ type: 'pauseForHearing', days: 1, record: 'r', participants: 'p', factsHeard: 'f' }, 'statements'],
    [{ type: 'pauseForHearing', days: 1, record: 'r', participants: 'p', statements: 's' }, 'factsHeard'],
    [{ type: 'settle', kind: 'mediation', agreement: 'a' }, 'otherParty'],
  ])('%o lacks %s', (command, field) => {
    const r = commandRequestSchema.safeParse({ at, ...command });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join('.'))).toContain(field);
  });
  it('a terminated matter raised again has no body to go to', () => {
    expect(commandRequestSchema.safeParse({ at, type: 'decline', reason: '已终结', ground: 'terminated' }).success).toBe(true);
  });
});

const TREE: OrganisationTree = [
  { code: 'C', name: '郑州市人民政府', level: 'city', parent: null },
  { code: 'G', name: '郑州市中原区人民政府', level: 'county', parent: 'C' },
  { code: 'D', name: '郑州市中原区住房和城乡建设局', level: 'county', parent: 'G' },
  { code: 'T', name: '某街道办事处', level: 'township', parent: 'G' },
  { code: 'X', name: '郑州市中原区建设局', level: 'county', parent: 'G', retired: true },
];

describe('the organisation tree names the review bodies (条例 arts. 35–36)', () => {
  const index = indexOrganisations(organisationTreeSchema.parse(TREE));
  it.each([
    // handling body, 复查 body, 复核 body
    ['郑州市中原区住房和城乡建设局', '郑州市中原区人民政府', '郑州市人民政府'],
    ['某街道办事处', '郑州市中原区人民政府', '郑州市人民政府'],
    ['郑州市中原区建设局', '郑州市中原区人民政府', '郑州市人民政府'], // retired, still read for old matters
    ['郑州市中原区人民政府', '郑州市人民政府', undefined],
    ['郑州市人民政府', undefined, undefined],
    ['不在表中的单位', undefined, undefined],
  ])('%s: reviewed by %s, re-reviewed by %s', (body, review, reReview) => {
    expect(reviewBodyFor(index, body, 'review')?.name).toBe(review);
    expect(reviewBodyFor(index, body, 're-review')?.name).toBe(reReview);
  });

  it.each([
    [[...TREE, { code: 'C', name: '重复', level: 'city', parent: null }], '机构代码重复'],
    [[...TREE, { code: 'Y', name: '郑州市人民政府', level: 'city', parent: null }], '机构名称重复'],
    [[...TREE, { code: 'Y', name: '某局', level: 'county', parent: 'NOPE' }], '不存在'],
    [[{ code: 'A', name: '甲', level: 'county', parent: 'B' }, { code: 'B', name: '乙', level: 'county', parent: 'A' }], '循环'],
  ] as const)('refuses a tree that cannot be right (%#)', (tree, message) => {
    const r = organisationTreeSchema.safeParse(tree);
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message).join(' ')).toContain(message);
  });
});

describe('routes and grounds print in words', () => {
  it.each(LEGAL_ROUTES)('%s', (route) => {
    expect(routeInWords(route)).toBe(LEGAL_ROUTE_WORDS[route]);
    expect(routeInWords(route)).toMatch(/^[\u4e00-\u9fa5、]+$/u);
  });
  it.each(declineGroundSchema.options)('%s has its words, what it cites and where to go', (ground) => {
    const g = DECLINE_GROUNDS[ground];
    expect(g.finding).toMatch(/[\u4e00-\u9fa5]/u);
    expect(g.article).toMatch(/^(第[一二三四五六七八九十]+条|关于.+)$/u);
    expect(g.whereToGo('某某局')).not.toMatch(/[a-z]/);
  });
});
