// The detail the city's audit keeps beside an action (server/console/audit.ts), in words for the
// console's 审计 page. The server records only keys listed here (ConsoleAuditDetail), so each has
// its label; codes show their meaning and lists are joined. A key without words (a row an older
// server wrote) still shows, under its own name.
import { CITY_ROLE_LABELS, cityRoleSchema } from './roles';

export const AUDIT_DETAIL_LABELS = {
  countyCode: '县区代码',
  countyCodes: '县区代码',
  deviceId: '设备标识',
  deviceCode: '设备编号',
  name: '名称',
  role: '角色',
  code: '原因',
  masked: '身份已遮蔽',
  fileId: '文件标识',
  events: '文件内事件',
  accepted: '本次接收',
  ackedSeq: '已确认至序号',
  rejected: '被拒事件',
  pushError: '中止原因',
  matterNos: '信访件编号',
  attached: '交办件数',
  noticeNo: '督办单号',
  startsOn: '开始日期',
  dueOn: '截止日期',
  version: '版本',
} as const;

/** What an audit row may carry beside its action: only keys with words. */
export type ConsoleAuditDetail = { readonly [K in keyof typeof AUDIT_DETAIL_LABELS]?: unknown };
const labels: Readonly<Record<string, string>> = AUDIT_DETAIL_LABELS;

/** Why a console sign-in failed (server/console/staff.ts LoginOutcome). */
const REFUSAL_WORDS: Readonly<Record<string, string>> = {
  invalid_credentials: '工号或密码错误',
  account_locked: '账号已锁定',
  account_disabled: '账号已停用',
};

function valueText(key: string, value: unknown): string {
  if (value === null || value === undefined) return '无';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (Array.isArray(value)) return value.length ? value.map((v) => valueText(key, v)).join('、') : '无';
  if (key === 'role') {
    const role = cityRoleSchema.safeParse(value);
    if (role.success) return CITY_ROLE_LABELS[role.data];
  }
  if (key === 'code' && typeof value === 'string') return REFUSAL_WORDS[value] ?? value;
  // A stopped import's reason carries its own words for the window.
  if (typeof value === 'object' && typeof (value as { message?: unknown }).message === 'string') return (value as { message: string }).message;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** `detail` as 「标签：值」 pairs joined by '；'; empty for no detail. */
export function auditDetailText(detail: unknown): string {
  if (detail === null || detail === undefined) return '';
  if (typeof detail !== 'object' || Array.isArray(detail)) return valueText('', detail);
  return Object.entries(detail)
    .map(([key, value]) => `${labels[key] ?? key}：${valueText(key, value)}`)
    .join('；');
}
