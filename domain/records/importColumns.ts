// Excel in (历史台账): the fields an earlier record is made of, their names at the window, the
// column headings bureaus commonly use for each (to propose a mapping), and which are required.
import { z } from 'zod';

export const importFieldSchema = z.enum(['name', 'idType', 'idNumber', 'mobile', 'receivedOn', 'channel', 'categoryCode', 'respondent', 'summary', 'state', 'closedOn', 'sourceNo']);
export type ImportField = z.infer<typeof importFieldSchema>;
export const IMPORT_FIELDS: readonly ImportField[] = importFieldSchema.options;

export const IMPORT_FIELD_LABELS: Readonly<Record<ImportField, string>> = {
  name: '姓名',
  idType: '证件类型',
  idNumber: '证件号码',
  mobile: '联系电话',
  receivedOn: '登记日期',
  channel: '信访方式',
  categoryCode: '问题分类',
  respondent: '被反映人或单位',
  summary: '诉求摘要',
  state: '办理状态',
  closedOn: '办结（终结）日期',
  sourceNo: '原编号',
};

/** Without these a row says nothing the repeat and terminated checks can use. */
export const REQUIRED_IMPORT_FIELDS: readonly ImportField[] = ['name', 'idNumber', 'receivedOn', 'summary', 'state'];

/** Headings seen in county ledgers, compared without spaces and punctuation. */
const HEADINGS: Readonly<Record<ImportField, readonly string[]>> = {
  name: ['姓名', '信访人', '信访人姓名', '来访人', '来访人姓名', '当事人'],
  idType: ['证件类型', '证件种类'],
  idNumber: ['证件号码', '身份证号', '身份证号码', '公民身份号码', '证件号'],
  mobile: ['联系电话', '手机', '手机号', '手机号码', '电话'],
  receivedOn: ['登记日期', '来访日期', '信访日期', '登记时间', '来访时间', '日期'],
  channel: ['信访方式', '来访方式', '信访形式'],
  categoryCode: ['问题分类', '问题类别', '分类', '类别'],
  respondent: ['被反映人或单位', '被反映人', '被反映单位', '被反映对象'],
  summary: ['诉求摘要', '反映问题', '主要诉求', '诉求', '内容摘要', '主要内容', '信访事项'],
  state: ['办理状态', '状态', '办结情况', '办理结果'],
  closedOn: ['办结日期', '终结日期', '办结时间', '结案日期', '办结终结日期'],
  sourceNo: ['原编号', '编号', '信访件编号', '件号', '登记编号'],
};

/** Column index (0-based) of each field in the file, or null when the file has no such column. */
export const importMappingSchema = z.record(importFieldSchema, z.number().int().min(0).max(500).nullable());
export type ImportMapping = Record<ImportField, number | null>;

const squeeze = (s: string) => s.replace(/[\s()（）:：*＊/、·-]/g, '');

/** A mapping proposed from the heading row: each field to the first column whose heading is one of its names. */
export function suggestMapping(headings: readonly string[]): ImportMapping {
  const taken = new Set<number>();
  const mapping = {} as ImportMapping;
  for (const field of IMPORT_FIELDS) {
    const names = new Set(HEADINGS[field].map(squeeze));
    const i = headings.findIndex((h, k) => !taken.has(k) && names.has(squeeze(h)));
    mapping[field] = i >= 0 ? i : null;
    if (i >= 0) taken.add(i);
  }
  return mapping;
}

/** The required fields the mapping leaves without a column. */
export function missingColumns(mapping: Partial<Record<ImportField, number | null>>): ImportField[] {
  return REQUIRED_IMPORT_FIELDS.filter((f) => mapping[f] === null || mapping[f] === undefined);
}
