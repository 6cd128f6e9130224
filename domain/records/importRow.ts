// One row of a 历史台账 checked before anything is written (Excel in): the 证件 number by its own
// rule (domain/identity), the dates as real days not in the future, the category against the
// category list, the state as 办结 or 终结. Every problem of the row is reported, in words a
// clerk can fix in the file, so one pass over the report is enough.
import { isoDateSchema, type IsoDate } from '../calendar/deadlines';
import { parsePhone } from '../contact/phone';
import { CREDENTIAL_TYPE_LABELS, credentialTypeSchema, parseCredential, type CredentialInfo, type CredentialType } from '../identity/credentials';
import { CHANNEL_LABELS, type Channel } from '../intake/registration';
import type { CategoryIndex } from '../reference/categories';
import { IMPORT_FIELD_LABELS, type ImportField, type ImportMapping } from './importColumns';
import type { ImportedState } from './importedLifecycle';

export interface ImportedRecord {
  name: string;
  credential: CredentialInfo;
  mobile: string;
  landline: string;
  channel: Channel;
  categoryCode: string;
  respondent: string;
  summary: string;
  receivedOn: IsoDate;
  state: ImportedState;
  closedOn: IsoDate;
  sourceNo: string;
}

export type RowCheck = { ok: true; record: ImportedRecord } | { ok: false; reasons: string[] };

/** Records older than this are not petition ledgers this software can mean. */
const EARLIEST = '1980-01-01';

const LIMITS: Partial<Record<ImportField, number>> = { name: 50, respondent: 100, summary: 2000, sourceNo: 50 };

const STATES: Readonly<Record<string, ImportedState>> = {
  办结: 'closed', 已办结: 'closed', 结案: 'closed', 已结案: 'closed', 办理完毕: 'closed', 已答复: 'closed',
  终结: 'terminated', 已终结: 'terminated', 终结备案: 'terminated',
};

const CHANNELS: Readonly<Record<string, Channel>> = {
  ...Object.fromEntries(Object.entries(CHANNEL_LABELS).map(([k, v]) => [v, k as Channel])),
  走访: 'visit', 信件: 'letter', 网信: 'online', 网络: 'online', 来电: 'phone',
};

const CREDENTIAL_TYPES: Readonly<Record<string, CredentialType>> = {
  ...Object.fromEntries(Object.entries(CREDENTIAL_TYPE_LABELS).map(([k, v]) => [v, k as CredentialType])),
  身份证: 'resident',
};

/** 2021-03-05, 2021/3/5, 2021.3.5, 2021年3月5日, 20210305 (and a time after it) as YYYY-MM-DD, or null. */
export function parseLedgerDate(text: string): IsoDate | null {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T].*)?$/.exec(text) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (!m) return null;
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return isoDateSchema.safeParse(iso).success ? iso : null;
}

/** A category by its code, its second-level name under its group (城乡建设/物业管理), or a name that is unique. */
function findCategoryCode(index: CategoryIndex, text: string): string | null {
  if (index.byCode.has(text)) return text;
  const parts = text.split(/[/／\\>＞·\-－—]+/).map((s) => s.trim()).filter(Boolean);
  const matches = [...index.byCode.values()].filter((c) => {
    if (parts.length === 2) return c.level === 2 && c.name === parts[1] && index.byCode.get(c.parent!)?.name === parts[0];
    return c.name === text;
  });
  return matches.length === 1 ? matches[0]!.code : null;
}

export function checkImportRow(cells: readonly string[], mapping: ImportMapping, ctx: { today: IsoDate; categories: CategoryIndex }): RowCheck {
  const reasons: string[] = [];
  const cell = (f: ImportField) => {
    const i = mapping[f];
    const v = i === null ? '' : (cells[i] ?? '').trim();
    const max = LIMITS[f];
    if (max !== undefined && v.length > max) reasons.push(`${IMPORT_FIELD_LABELS[f]}超过${max}个字`);
    return v;
  };
  const required = (f: ImportField) => {
    const v = cell(f);
    if (v === '') reasons.push(`缺少${IMPORT_FIELD_LABELS[f]}`);
    return v;
  };

  const name = required('name');
  const typeText = cell('idType');
  const type = typeText === '' ? 'resident' : (CREDENTIAL_TYPES[typeText] ?? credentialTypeSchema.safeParse(typeText).data);
  if (!type) reasons.push(`证件类型“${typeText}”无法识别`);
  const number = required('idNumber');
  let credential: CredentialInfo | null = null;
  if (type && number !== '') {
    const parsed = parseCredential(type, number, ctx.today);
    if (parsed.ok) credential = parsed.value;
    else reasons.push(parsed.message);
  }

  const phoneText = cell('mobile');
  const phone = phoneText === '' ? null : parsePhone(phoneText);
  if (phone && !phone.ok) reasons.push(`联系电话：${phone.message}`);

  const receivedText = required('receivedOn');
  const receivedOn = receivedText === '' ? null : parseLedgerDate(receivedText);
  if (receivedText !== '' && receivedOn === null) reasons.push(`登记日期“${receivedText}”无法识别（应为 2021-03-05 这样的真实日期）`);
  else if (receivedOn && (receivedOn > ctx.today || receivedOn < EARLIEST)) reasons.push(`登记日期${receivedOn}不在${EARLIEST}至今天之间`);

  const closedText = cell('closedOn');
  const closedOn = closedText === '' ? receivedOn : parseLedgerDate(closedText);
  if (closedText !== '' && closedOn === null) reasons.push(`办结（终结）日期“${closedText}”无法识别`);
  else if (closedOn && receivedOn && (closedOn < receivedOn || closedOn > ctx.today)) reasons.push('办结（终结）日期应在登记日期之后、今天之前');

  const stateText = required('state');
  const state = STATES[stateText.replace(/\s/g, '')];
  if (stateText !== '' && !state) reasons.push(`办理状态“${stateText}”应为“办结”或“终结”（在办事项请在窗口登记）`);

  const channelText = cell('channel');
  const channel = channelText === '' ? 'visit' : CHANNELS[channelText];
  if (!channel) reasons.push(`信访方式“${channelText}”应为来访、来信、网上或电话`);

  const categoryText = cell('categoryCode');
  const categoryCode = categoryText === '' ? '' : findCategoryCode(ctx.categories, categoryText);
  if (categoryCode === null) reasons.push(`问题分类“${categoryText}”不在分类表中`);

  const respondent = cell('respondent');
  const summary = required('summary');
  const sourceNo = cell('sourceNo');
  if (reasons.length > 0 || !credential || !receivedOn || !closedOn || !state || !channel || categoryCode === null) return { ok: false, reasons };
  return {
    ok: true,
    record: {
      name,
      credential,
      mobile: phone?.ok && phone.value.kind === 'mobile' ? phone.value.number : '',
      landline: phone?.ok && phone.value.kind === 'landline' ? phone.value.number : '',
      channel,
      categoryCode,
      respondent,
      summary,
      receivedOn,
      state,
      closedOn,
      sourceNo,
    },
  };
}
