// The classification wizard (domain/matters/questions.ts): nextQuestion asks in the order of 条例
// art. 31 and stops at the first answer that settles the route.
import { describe, expect, it } from 'vitest';
import { nextQuestion } from '../../domain/matters/questions';

describe('the wizard', () => {
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
