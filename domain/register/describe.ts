// A register view in words (「状态：已受理、办理中；问题分类：城乡建设」…), for the export's cover
// sheet and the register page's note of where a drilled view came from. Names of codes that need
// reference data (categories, places) are looked up by the caller's functions.
import { type IndicatorKey, type Drill, DEADLINE_STATE_LABELS, NONE, REGISTER_FLAG_LABELS, type RegisterFilter } from './filter';
import { INDICATOR_LABELS } from '../figures/indicators';
import { CHANNEL_LABELS } from '../intake/registration';
import { CLASS_LABELS, ROUTE_LABELS } from '../matters/routes';
import { STATE_LABELS } from '../matters/states';

export interface CodeNames {
  category: (code: string) => string;
  place: (code: string) => string;
}

const VISIT_LABELS = { all: '来访', first: '初访', repeat: '重复访' } as const;

/** Where a drilled view came from: 「2026-01-01 至 2026-03-31 及时受理率的分子（期限内受理告知的事项）」. */
export function describeDrill(d: Drill): string {
  const period = `${d.from} 至 ${d.to}`;
  if (d.kind === 'visits') return `${period} 有${VISIT_LABELS[d.visits]}的事项`;
  const label = INDICATOR_LABELS[d.indicator as IndicatorKey];
  return `${period} ${label}${d.part === 'numerator' ? '的分子（计为达标的事项）' : '的分母（计入该指标的全部事项）'}`;
}

/** One line per condition of the view; none when it shows every matter. */
export function describeFilter(f: RegisterFilter, names: CodeNames): string[] {
  const none = '未填写';
  const list = (label: string, values: readonly string[], name: (v: string) => string) => (values.length ? [`${label}：${values.map((v) => (v === NONE ? none : name(v))).join('、')}`] : []);
  return [
    ...(f.drill ? [`来自统计：${describeDrill(f.drill)}`] : []),
    ...list('状态', f.states, (s) => STATE_LABELS[s as keyof typeof STATE_LABELS]),
    ...list('类别', f.classes, (c) => CLASS_LABELS[c as keyof typeof CLASS_LABELS]),
    ...list('处理途径', f.routes, (r) => ROUTE_LABELS[r as keyof typeof ROUTE_LABELS]),
    ...list('问题分类', f.categories, names.category),
    ...list('属地', f.places, names.place),
    ...list('责任单位', f.units, (u) => u),
    ...list('渠道', f.channels, (c) => CHANNEL_LABELS[c as keyof typeof CHANNEL_LABELS]),
    ...(f.from || f.to ? [`登记日期：${f.from ?? '不限'} 至 ${f.to ?? '不限'}`] : []),
    ...(f.deadline ? [`期限：${DEADLINE_STATE_LABELS[f.deadline]}`] : []),
    ...list('标记', f.flags, (k) => REGISTER_FLAG_LABELS[k as keyof typeof REGISTER_FLAG_LABELS]),
    ...list('登记设备', f.devices, (d) => d),
  ];
}
