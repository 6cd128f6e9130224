// The console's 审计 page shows what an action recorded in words (domain/console/auditDetail.ts):
// every key the server may record has a label, codes read as their meaning, and a row an older
// server wrote with a key of its own still shows rather than vanishing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AUDIT_DETAIL_LABELS, auditDetailText } from '../../domain/console/auditDetail';

// Values without '：', so a value cannot itself look like a key and its label.
const text = fc.string().filter((s) => !s.includes('：'));
const keys = Object.keys(AUDIT_DETAIL_LABELS) as (keyof typeof AUDIT_DETAIL_LABELS)[];

describe('audit detail in words', () => {
  it('names every recordable key in Chinese, never by its code', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...keys), fc.oneof(text, fc.integer(), fc.boolean(), fc.constant(null), fc.array(text))), (detail) => {
        const text = auditDetailText(detail);
        for (const key of Object.keys(detail)) {
          expect(text).toContain(`${AUDIT_DETAIL_LABELS[key as keyof typeof AUDIT_DETAIL_LABELS]}：`);
          expect(text).not.toMatch(new RegExp(`(^|；)${key}：`));
        }
      }),
    );
    for (const label of Object.values(AUDIT_DETAIL_LABELS)) expect(label).toMatch(/^[\u4e00-\u9fff]+$/);
  });

  it.each([
    ['a failed sign-in', { code: 'invalid_credentials' }, '原因：工号或密码错误'],
    ['a new account', { role: 'supervisor' }, '角色：督办员'],
    ['a full record viewed', { masked: true }, '身份已遮蔽：是'],
    ['matters given to a campaign', { matterNos: ['410102-D001-2026-000001', '410102-D001-2026-000002'], attached: 2 }, '信访件编号：410102-D001-2026-000001、410102-D001-2026-000002；交办件数：2'],
    ['a USB import stopped at a gap', { accepted: 0, ackedSeq: null, pushError: { code: 'seq_gap', message: '序号不连续，应从第5条开始', expectedSeq: 5 } }, '本次接收：0；已确认至序号：无；中止原因：序号不连续，应从第5条开始'],
    ['a campaign with no counties yet', { countyCodes: [] }, '县区代码：无'],
  ])('%s reads in words', (_, detail, words) => {
    expect(auditDetailText(detail)).toBe(words);
  });

  it('shows nothing for no detail, and a key it has no words for under its own name', () => {
    expect(auditDetailText(null)).toBe('');
    expect(auditDetailText({ legacyNote: '旧版记录' })).toBe('legacyNote：旧版记录');
    expect(auditDetailText({ role: 'owner', code: 'other' })).toBe('角色：owner；原因：other');
  });
});
