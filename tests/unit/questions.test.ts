// The classification wizard (domain/matters/questions.ts): the questions in the order of 条例
// art. 31, and nextQuestion stopping at the first answer that settles the route.
import { describe, expect, it } from 'vitest';
import { CLASSIFICATION_QUESTIONS, QUESTION_BY_ID, nextQuestion } from '../../domain/matters/questions';
import { CLASS_LABELS } from '../../domain/matters/routes';

describe('the wizard', () => {
  it('asks the complaint questions in the order of art. 31', () => {
    expect(CLASSIFICATION_QUESTIONS.map((q) => q.id)).toEqual([
      'class',
      'accusedIsPublicOfficial',
      'litigation',
      'arbitration',
      'partyAppeal',
      'administrative',
      'dutyPerformance',
    ]);
    for (const q of CLASSIFICATION_QUESTIONS) {
      expect(q.prompt).toMatch(/[\u4e00-\u9fff]/);
      if (q.kind === 'choice') expect(q.options?.length).toBeGreaterThan(1);
    }
    expect(QUESTION_BY_ID.class.options?.map((o) => o.label)).toEqual(Object.values(CLASS_LABELS));
  });
  it('nextQuestion walks the questions until an answer settles the route', () => {
    expect(nextQuestion(undefined)).toBe('class');
    expect(nextQuestion({ class: 'suggestion' })).toBeNull();
    expect(nextQuestion({ class: 'accusation' } as never)).toBe('accusedIsPublicOfficial');
    const seq: (string | null)[] = [];
    let answers: Record<string, unknown> = { class: 'complaint' };
    const no: Record<string, unknown> = { litigation: 'no', arbitration: false, partyAppeal: false, administrative: 'no', dutyPerformance: false };
    for (;;) {
      const q = nextQuestion(answers as never);
      seq.push(q);
      if (q === null) break;
      answers = { ...answers, [q]: no[q] };
    }
    expect(seq).toEqual(['litigation', 'arbitration', 'partyAppeal', 'administrative', 'dutyPerformance', null]);
  });
});
