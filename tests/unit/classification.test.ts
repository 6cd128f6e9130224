// 依法分类处理 (domain/matters/classification.ts): each route of 条例 art. 31, the accusation
// rule of art. 30, and the refusals of incomplete or malformed answers.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { QUESTION_BY_ID, classificationAnswersSchema } from '../../domain/matters/questions';
import { isLegalRoute, routeFitsClass } from '../../domain/matters/routes';
import { classify, type Classification } from '../../domain/matters/classification';

const NONE = { class: 'complaint', litigation: 'no', arbitration: false, partyAppeal: false, administrative: 'no', dutyPerformance: false } as const;

const value = (answers: unknown): Classification => {
  const r = classify(answers);
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
  return r.value;
};

describe('classify — one row per route', () => {
  const cases: [string, unknown, Partial<Classification>][] = [
    [
      '建议意见',
      { class: 'suggestion' },
      { class: 'suggestion', route: 'study-and-reply', outcome: 'transfer', responsibleBodyKind: '有权处理的机关、单位', protectReporter: false },
    ],
    [
      '检举控告 against a public official',
      { class: 'accusation', accusedIsPublicOfficial: true },
      { class: 'accusation', route: 'discipline-inspection', outcome: 'transfer', responsibleBodyKind: '纪检监察机关', protectReporter: true, basis: '《信访工作条例》第三十条' },
    ],
    [
      '检举控告 against another body',
      { class: 'accusation', accusedIsPublicOfficial: false },
      { route: 'competent-body', outcome: 'transfer', responsibleBodyKind: '有权处理的机关、单位', protectReporter: true },
    ],
    [
      '(一) litigation in court',
      { class: 'complaint', litigation: 'court' },
      { class: 'complaint', route: 'litigation-etc', outcome: 'guide', responsibleBodyKind: '人民法院', litigationOrgan: 'court', basis: '《信访工作条例》第三十一条第一项' },
    ],
    ['(一) prosecution', { class: 'complaint', litigation: 'procuratorate' }, { route: 'litigation-etc', outcome: 'guide', responsibleBodyKind: '人民检察院' }],
    ['(一) police procedure', { class: 'complaint', litigation: 'police' }, { route: 'litigation-etc', outcome: 'guide', responsibleBodyKind: '公安机关' }],
    [
      '(二) arbitration',
      { class: 'complaint', litigation: 'no', arbitration: true },
      { route: 'arbitration', outcome: 'guide', responsibleBodyKind: '仲裁委员会', basis: '《信访工作条例》第三十一条第二项' },
    ],
    [
      '(三) party-member appeal',
      { class: 'complaint', litigation: 'no', arbitration: false, partyAppeal: true },
      { route: 'party-appeal', outcome: 'guide', responsibleBodyKind: '党组织或纪检监察机关', basis: '《信访工作条例》第三十一条第三项' },
    ],
    [
      '(四) administrative reconsideration',
      { class: 'complaint', litigation: 'no', arbitration: false, partyAppeal: false, administrative: 'reconsideration' },
      { route: 'administrative', outcome: 'guide', responsibleBodyKind: '行政复议机关', administrativeKind: 'reconsideration', basis: '《信访工作条例》第三十一条第四项' },
    ],
    [
      '(四) administrative licensing',
      { class: 'complaint', litigation: 'no', arbitration: false, partyAppeal: false, administrative: 'licensing' },
      { route: 'administrative', outcome: 'guide', responsibleBodyKind: '有权处理的行政机关', administrativeKind: 'licensing' },
    ],
    [
      '(五) duty performance',
      { ...NONE, dutyPerformance: true },
      { route: 'duty-performance', outcome: 'transfer', responsibleBodyKind: '负有法定职责的行政机关', basis: '《信访工作条例》第三十一条第五项' },
    ],
    [
      '(六) none of the above: petition procedure',
      NONE,
      { route: 'petition-procedure', outcome: 'accept', responsibleBodyKind: '有权处理的机关、单位', basis: '《信访工作条例》第三十一条第六项' },
    ],
  ];
  it.each(cases)('%s', (_name, answers, expected) => {
    const c = value(answers);
    expect(c).toMatchObject(expected);
    expect(c.visitorText).toMatch(/[\u4e00-\u9fff]{10,}/);
  });

  it('the wizard stops at the first route that applies: later answers do not matter', () => {
    expect(value({ class: 'complaint', litigation: 'court', arbitration: true, administrative: 'penalty' }).route).toBe('litigation-etc');
    expect(value({ class: 'complaint', litigation: 'no', arbitration: true, partyAppeal: true }).route).toBe('arbitration');
  });

  it('tells the visitor about art. 31 for complaints, and that the reporter is protected for accusations', () => {
    for (const answers of [{ class: 'complaint', litigation: 'police' }, NONE, { ...NONE, dutyPerformance: true }]) {
      expect(value(answers).visitorText).toContain('《信访工作条例》第三十一条');
    }
    const acc = value({ class: 'accusation', accusedIsPublicOfficial: true }).visitorText;
    expect(acc).toContain('第三十条');
    expect(acc).toContain('保密');
    expect(value({ class: 'complaint', litigation: 'no', arbitration: false, partyAppeal: false, administrative: 'penalty' }).visitorText).not.toContain('申请行政处罚');
  });
});

describe('classify — refusals', () => {
  it('names the next unanswered question', () => {
    expect(classify({ class: 'complaint' })).toMatchObject({ ok: false, code: 'incomplete_answers', field: 'litigation' });
    expect(classify({ class: 'complaint', litigation: 'no', arbitration: false })).toMatchObject({ code: 'incomplete_answers', field: 'partyAppeal' });
    expect(classify({ ...NONE, dutyPerformance: undefined })).toMatchObject({ code: 'incomplete_answers', field: 'dutyPerformance' });
    const r = classify({ class: 'complaint', litigation: 'no' });
    expect(!r.ok && r.message).toContain(QUESTION_BY_ID.arbitration.prompt);
  });
  it('refuses answers of the wrong shape', () => {
    expect(classify({})).toMatchObject({ ok: false, code: 'invalid_answers' });
    expect(classify({ class: 'complaint', litigation: 'maybe' })).toMatchObject({ code: 'invalid_answers' });
    expect(classify({ class: 'accusation' })).toMatchObject({ code: 'invalid_answers' });
    expect(classify({ class: 'suggestion', arbitration: true })).toMatchObject({ code: 'invalid_answers' });
  });
});

describe('classify — properties', () => {
  const answersArb = fc.oneof(
    fc.constant({ class: 'suggestion' as const }),
    fc.record({ class: fc.constant('accusation' as const), accusedIsPublicOfficial: fc.boolean() }),
    fc.record({
      class: fc.constant('complaint' as const),
      litigation: fc.constantFrom('no', 'court', 'procuratorate', 'police'),
      arbitration: fc.boolean(),
      partyAppeal: fc.boolean(),
      administrative: fc.constantFrom('no', 'reconsideration', 'adjudication', 'confirmation', 'licensing', 'penalty'),
      dutyPerformance: fc.boolean(),
    }),
  );
  it('every complete set of answers classifies; the route fits the class; guide exactly for art. 31 items 1–4', () => {
    fc.assert(
      fc.property(answersArb, (answers) => {
        expect(classificationAnswersSchema.safeParse(answers).success).toBe(true);
        const c = value(answers);
        expect(c.class).toBe(answers.class);
        expect(routeFitsClass(c.class, c.route)).toBe(true);
        expect(c.outcome === 'guide').toBe(isLegalRoute(c.route));
        expect(c.protectReporter).toBe(c.class === 'accusation');
        expect(c.outcome === 'accept').toBe(c.route === 'petition-procedure');
      }),
    );
  });
});
