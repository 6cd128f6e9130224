// What the audit log's verifier finds (db/audit.ts verifyAuditChain), as the 管理员 asks for it on
// 账号管理 ('audit.verify'), and that finding in words.
import { z } from 'zod';

export const auditVerdictSchema = z.discriminatedUnion('ok', [
  /** `head` is the last row's hash, which the city's copy of the trail also holds once synced. */
  z.object({ ok: z.literal(true), rows: z.number().int().min(0), head: z.string() }),
  z.object({
    ok: z.literal(false),
    rows: z.number().int().min(0),
    brokenAt: z.number().int().min(1),
    /**
     * edited: the row's fields no longer give its hash. missing-or-reordered: a row before it is
     * gone or moved. truncated: rows the sync had already taken for the city are gone from the end.
     */
    reason: z.enum(['edited', 'missing-or-reordered', 'truncated']),
  }),
]);
export type AuditVerdict = z.infer<typeof auditVerdictSchema>;

export function auditVerdictText(v: AuditVerdict): string {
  if (v.ok) return v.rows === 0 ? '审计日志尚无记录。' : `审计日志完整：共 ${v.rows} 条记录，逐条核对无误（末条校验值 ${v.head.slice(0, 16)}）。`;
  switch (v.reason) {
    case 'edited':
      return `审计日志第 ${v.brokenAt} 条记录被改动过：其内容与校验值不符。`;
    case 'missing-or-reordered':
      return `审计日志在第 ${v.brokenAt} 条处断开：此前有记录被删除或顺序被调换。`;
    case 'truncated':
      return `审计日志末尾的记录被删除：第 ${v.brokenAt} 条起已交同步送往市局，本机日志却只到第 ${v.rows} 条。`;
  }
}
