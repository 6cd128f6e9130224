// A register view in the address bar (?view=register&states=accepted&states=handling…): the
// register page writes its filter and sort there, so a reload, or a link from 统计, opens the same
// view. Lists are repeated parameters (a unit's name may hold any character); what does not
// parse is dropped as a whole rather than half-read.
import { type Drill, drillSchema, emptyFilter, defaultSort, type RegisterFilter, registerFilterSchema, type RegisterSort, registerSortSchema } from './filter';

const LISTS = ['states', 'classes', 'routes', 'categories', 'places', 'units', 'channels', 'flags', 'devices'] as const;
const SINGLES = ['from', 'to', 'deadline'] as const;

const drillText = (d: Drill) => (d.kind === 'indicator' ? [d.kind, d.indicator, d.part, d.from, d.to] : [d.kind, d.visits, d.from, d.to]).join('~');

function drillFrom(text: string): unknown {
  const p = text.split('~');
  return p[0] === 'indicator' ? { kind: p[0], indicator: p[1], part: p[2], from: p[3], to: p[4] } : { kind: p[0], visits: p[1], from: p[2], to: p[3] };
}

/** The query string (without "?") of a register view. */
export function registerQuery(filter: RegisterFilter, sort: RegisterSort): string {
  const q = new URLSearchParams({ view: 'register' });
  for (const k of LISTS) for (const v of filter[k]) q.append(k, v);
  for (const k of SINGLES) if (filter[k] !== null) q.set(k, filter[k]);
  if (filter.drill) q.set('drill', drillText(filter.drill));
  const def = defaultSort();
  if (sort.key !== def.key || sort.dir !== def.dir) q.set('sort', `${sort.key}~${sort.dir}`);
  return q.toString();
}

/** The view an address names, or null when it names none; a damaged filter gives the empty one. */
export function registerViewOf(search: string): { filter: RegisterFilter; sort: RegisterSort } | null {
  const q = new URLSearchParams(search);
  if (q.get('view') !== 'register') return null;
  const raw: Record<string, unknown> = {};
  for (const k of LISTS) if (q.has(k)) raw[k] = q.getAll(k);
  for (const k of SINGLES) if (q.has(k)) raw[k] = q.get(k);
  const drill = q.get('drill');
  if (drill) raw.drill = drillSchema.safeParse(drillFrom(drill)).data ?? null;
  const filter = registerFilterSchema.safeParse(raw);
  const [key, dir] = (q.get('sort') ?? '').split('~');
  const sort = registerSortSchema.safeParse(key ? { key, dir } : {});
  return { filter: filter.success ? filter.data : emptyFilter(), sort: sort.success ? sort.data : defaultSort() };
}
