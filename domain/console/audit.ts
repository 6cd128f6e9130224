// The city's audit actions (DESIGN.md §6): the one list the server records under, with the words
// the console's 审计 page shows and filters by, so no action reaches the page as a bare code.
import { z } from 'zod';

export const CONSOLE_AUDIT_ACTION_LABELS = {
  'staff.setup': '首次设置管理员',
  login: '登录',
  'login.failed': '登录失败',
  'password.changed': '修改密码',
  'staff.created': '创建账号',
  'staff.passwordReset': '重置密码',
  'staff.disabled': '停用账号',
  'staff.enabled': '启用账号',
  'device.created': '新增设备',
  'device.revoked': '停用设备',
  'matter.viewed': '查看信访件全文',
  'supervision.issued': '下发督办',
  'reference.published': '发布基础数据',
  'campaign.created': '建立专项',
  'campaign.mattersAttached': '交办专项信访件',
  'syncFile.imported': '导入U盘同步文件',
} as const;

export type ConsoleAuditAction = keyof typeof CONSOLE_AUDIT_ACTION_LABELS;
export const consoleAuditActionSchema = z.enum(Object.keys(CONSOLE_AUDIT_ACTION_LABELS) as [ConsoleAuditAction, ...ConsoleAuditAction[]]);
