// The audit check's finding in words for the 管理员 (domain/staff/auditVerdict.ts): each way a
// chain can break names the row, and an empty log is not called broken.
import { expect, it } from 'vitest';
import { auditVerdictText } from '../../domain/staff/auditVerdict';

it.each([
  [{ ok: true, rows: 0, head: '0'.repeat(64) }, '审计日志尚无记录。'],
  [{ ok: true, rows: 12, head: 'ab'.repeat(32) }, '审计日志完整：共 12 条记录，逐条核对无误（末条校验值 abababababababab）。'],
  [{ ok: false, rows: 7, brokenAt: 7, reason: 'edited' }, '审计日志第 7 条记录被改动过：其内容与校验值不符。'],
  [{ ok: false, rows: 5, brokenAt: 5, reason: 'missing-or-reordered' }, '审计日志在第 5 条处断开：此前有记录被删除或顺序被调换。'],
  [{ ok: false, rows: 10, brokenAt: 11, reason: 'truncated' }, '审计日志末尾的记录被删除：第 11 条起已交同步送往市局，本机日志却只到第 10 条。'],
] as const)('%o reads %s', (verdict, words) => {
  expect(auditVerdictText(verdict)).toBe(words);
});
