// 行政区划 (GB/T 2260 and the statistics bureau's township codes) for the address and 户籍地
// fields. The data set is loaded by the caller (resources/regions.json) and passed in: domain/
// does no I/O. Codes are canonical without padding: 11 / 1101 / 110101 / 110101001.
import { z } from 'zod';

export type RegionLevel = 'province' | 'city' | 'county' | 'township';
export const REGION_LEVELS: readonly RegionLevel[] = ['province', 'city', 'county', 'township'];

export interface Region {
  code: string;
  name: string;
  /** null for a province. */
  parent: string | null;
  level: RegionLevel;
}

/** Digits a child adds to its parent's code: 2 for province/city/county, 3 for a township. */
export function childSuffixLength(parentCode: string): number {
  return parentCode.length === 6 ? 3 : 2;
}

const LEVEL_BY_LENGTH: Record<number, RegionLevel> = { 2: 'province', 4: 'city', 6: 'county', 9: 'township' };

/** resources/regions.json as written by scripts/build-regions.ts. */
export const regionsFileSchema = z.object({
  format: z.string(),
  source: z.string(),
  children: z.record(z.string().regex(/^(\d{2}|\d{4}|\d{6})?$/), z.array(z.string().regex(/^\d{2,3}\S.*$/))),
});
export type RegionsFile = z.infer<typeof regionsFileSchema>;

export interface RegionData {
  byCode: ReadonlyMap<string, Region>;
  /** Key '' holds the provinces. */
  children: ReadonlyMap<string, readonly Region[]>;
  source: string;
}

/** Builds the lookup tables once; the file is parsed here so a damaged file fails loudly. */
export function buildRegionData(file: unknown): RegionData {
  const parsed = regionsFileSchema.parse(file);
  const byCode = new Map<string, Region>();
  const children = new Map<string, Region[]>();
  // Parents before children: '' then by code length, so every parent exists when reached.
  const parents = Object.keys(parsed.children).sort((a, b) => a.length - b.length || a.localeCompare(b));
  for (const parent of parents) {
    if (parent !== '' && !byCode.has(parent)) throw new Error(`regions: children of unknown ${parent}`);
    const n = childSuffixLength(parent);
    const list: Region[] = [];
    for (const entry of parsed.children[parent]!) {
      const code = parent + entry.slice(0, n);
      const level = LEVEL_BY_LENGTH[code.length];
      if (!/^\d+$/.test(code) || !level) throw new Error(`regions: bad entry "${entry}" under "${parent}"`);
      if (byCode.has(code)) throw new Error(`regions: duplicate code ${code}`);
      const region: Region = { code, name: entry.slice(n), parent: parent === '' ? null : parent, level };
      byCode.set(code, region);
      list.push(region);
    }
    children.set(parent, list);
  }
  return { byCode, children, source: parsed.source };
}

/**
 * Finds a region by its code as people and systems write it: canonical (1101), GB/T 2260
 * padded to 6 digits (110000, 110100) or the statistics bureau's 12 digits (110101001000).
 * An exact match wins, because 东莞市 (441900) is a real county-level code ending in 00.
 */
export function findRegion(data: RegionData, code: string): Region | undefined {
  if (typeof code !== 'string') return undefined;
  const c = code.trim();
  if (!/^\d+$/.test(c)) return undefined;
  const exact = data.byCode.get(c);
  if (exact) return exact;
  if (c.length === 12) return c.endsWith('000') ? findRegion(data, c.slice(0, 9)) : undefined;
  if (c.length === 9 && c.endsWith('000')) return findRegion(data, c.slice(0, 6));
  if (c.length === 6 && c.endsWith('0000')) return data.byCode.get(c.slice(0, 2));
  if (c.length === 6 && c.endsWith('00')) return data.byCode.get(c.slice(0, 4));
  return undefined;
}

export function isValidRegionCode(data: RegionData, code: string): boolean {
  return findRegion(data, code) !== undefined;
}

/** Names from the province down to the region itself, e.g. ['北京市', '市辖区', '东城区']. */
export function regionPath(data: RegionData, code: string): string[] | undefined {
  const chain = regionChain(data, code);
  return chain?.map((r) => r.name);
}

/** The regions from the province down, as objects (for cascading selects). */
export function regionChain(data: RegionData, code: string): Region[] | undefined {
  let r = findRegion(data, code);
  if (!r) return undefined;
  const chain: Region[] = [r];
  while (r.parent !== null) {
    r = data.byCode.get(r.parent)!;
    chain.unshift(r);
  }
  return chain;
}

// Statistical placeholders that stand in for a missing city level; nobody writes them in an address.
const PLACEHOLDER_NAMES = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

/** The name as written on an envelope: 北京市东城区, 广东省东莞市 (not 市辖区, not 东莞市东莞市). */
export function regionFullName(data: RegionData, code: string): string | undefined {
  const names = regionPath(data, code);
  if (!names) return undefined;
  return names.filter((n, i) => !PLACEHOLDER_NAMES.has(n) && n !== names[i - 1]).join('');
}

/** Children of a region, or the provinces when code is '' / null. Unknown code: []. */
export function childrenOf(data: RegionData, code: string | null): readonly Region[] {
  if (code === null || code === '') return data.children.get('') ?? [];
  const r = findRegion(data, code);
  return r ? (data.children.get(r.code) ?? []) : [];
}

/**
 * A region chosen in the form. The output is the canonical code. `minLevel` says how far down
 * the clerk must go (a 户籍地 needs a county; a township is optional).
 */
export function regionSelectionSchema(data: RegionData, opts: { minLevel?: RegionLevel } = {}) {
  const minIndex = REGION_LEVELS.indexOf(opts.minLevel ?? 'county');
  return z
    .string({ error: '请选择地区' })
    .trim()
    .transform((v, ctx) => {
      const r = findRegion(data, v);
      if (!r) {
        ctx.issues.push({ code: 'custom', message: '地区代码不存在', input: v, params: { code: 'region_unknown' } });
        return z.NEVER;
      }
      if (REGION_LEVELS.indexOf(r.level) < minIndex) {
        const label = { province: '省', city: '市', county: '县（区）', township: '乡镇（街道）' }[REGION_LEVELS[minIndex]!];
        ctx.issues.push({
          code: 'custom',
          message: `请选择到${label}一级`,
          input: v,
          params: { code: 'region_too_coarse' },
        });
        return z.NEVER;
      }
      return r.code;
    });
}
