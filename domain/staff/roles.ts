// Who is at the window (DESIGN.md §6): the four roles, and which of them may see a protected
// reporter's identity (条例 art. 30: 检举控告 materials never reach the accused).
import { z } from 'zod';

export const roleSchema = z.enum(['clerk', 'handler', 'supervisor', 'admin']);
export type Role = z.infer<typeof roleSchema>;
export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  clerk: '登记员',
  handler: '承办人',
  supervisor: '科长/督办',
  admin: '管理员',
};

export const operatorSchema = z.strictObject({
  userId: z.string().trim().min(1, { error: '请填写工号' }).max(50),
  name: z.string().trim().min(1, { error: '请填写姓名' }).max(50),
  role: roleSchema,
});
export type Operator = z.infer<typeof operatorSchema>;

/**
 * Our reading: only the supervisor, who routes a 检举控告 matter to the discipline organs, needs
 * the reporter's identity after registration; clerks, handlers and administrators see it masked.
 */
export function canSeeReporter(role: Role): boolean {
  return role === 'supervisor';
}

/** 张三 -> 张*, 欧阳娜娜 -> 欧***: a protected reporter in a list or an export. */
export function maskName(name: string): string {
  const chars = [...name];
  return chars.length <= 1 ? '*' : chars[0] + '*'.repeat(chars.length - 1);
}
