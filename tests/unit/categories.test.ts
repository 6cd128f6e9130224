// 问题分类 (domain/categories.ts) over the committed resources/categories.json.
import { describe, expect, it } from 'vitest';
import shipped from '../../resources/categories.json';
import {
  activeCategories,
  buildCategoryIndex,
  categoriesFileSchema,
  categoryPath,
  categorySelectionSchema,
  findCategory,
} from '../../domain/reference/categories';

// A plain copy of the shipped file, which the tests below may edit.
const file = JSON.parse(JSON.stringify(shipped));
const index = buildCategoryIndex(file);

// DOMAIN.md §9, in order.
const FIRST_LEVEL = '城乡建设 自然资源 劳动社保 农村农业 政法 纪检监察 组织人事 民政 教育 卫生健康 生态环境 交通运输 商贸旅游 经济管理 科技与信息产业 党务政务 其他'.split(' ');

describe('the committed category list', () => {
  it('has the first level of DOMAIN.md §9 in order', () => {
    expect(index.tree.map((t) => t.group.name)).toEqual(FIRST_LEVEL);
  });

  it('has 3 to 8 second-level items under each, in Chinese, coded under their group', () => {
    for (const { group, items } of index.tree) {
      expect(items.length).toBeGreaterThanOrEqual(3);
      expect(items.length).toBeLessThanOrEqual(8);
      for (const i of items) {
        expect(i.code).toMatch(new RegExp(`^${group.code}\\d{2}$`));
        expect(i.name).toMatch(/^[\u4e00-\u9fa5、与]+$/);
      }
    }
  });

  it('keeps the codes clerks already rely on', () => {
    expect(categoryPath(index, '0301')).toEqual(['劳动社保', '拖欠劳动报酬']);
    expect(findCategory(index, '99')?.name).toBe('其他');
    expect(findCategory(index, '06')?.name).toBe('纪检监察');
  });
});

describe('lookup', () => {
  it('resolves both levels and refuses unknown codes', () => {
    expect(categoryPath(index, '01')).toEqual(['城乡建设']);
    expect(categoryPath(index, ' 0101 ')).toEqual(['城乡建设', '房屋征收与拆迁']);
    expect(categoryPath(index, '0199')).toBeUndefined();
    expect(findCategory(index, '')).toBeUndefined();
  });
});

describe('categorySelectionSchema', () => {
  const schema = categorySelectionSchema(index);
  it('accepts a current second-level code', () => {
    expect(schema.parse('0301')).toBe('0301');
  });
  it('refuses a first-level code and an unknown one, in Chinese', () => {
    expect(schema.safeParse('03').error?.issues[0]?.message).toBe('请选择到二级分类');
    expect(schema.safeParse('1799').error?.issues[0]?.message).toBe('问题分类不存在');
  });
});

describe('a city update', () => {
  const updated = structuredClone(file);
  updated.version = '2026.1';
  updated.categories[0].children[0].retired = true;
  updated.categories.splice(16, 0, { code: '17', name: '应急管理', children: [{ code: '1701', name: '安全生产' }] });
  const next = buildCategoryIndex(updated);

  it('still names a retired item in old records but no longer offers it', () => {
    expect(categoryPath(next, '0101')).toEqual(['城乡建设', '房屋征收与拆迁']);
    expect(activeCategories(next)[0]!.items.map((i) => i.code)).not.toContain('0101');
    expect(categorySelectionSchema(next).safeParse('0101').error?.issues[0]?.message).toMatch(/停用/);
  });

  it('offers a new group', () => {
    expect(activeCategories(next).map((t) => t.group.code)).toContain('17');
  });

  it('refuses duplicate codes and a child coded outside its group', () => {
    const dup = structuredClone(file);
    dup.categories[1].children[0].code = '0101';
    const r = categoriesFileSchema.safeParse(dup);
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message).join()).toMatch(/重复|应以一级分类代码/);
    expect(() => buildCategoryIndex(dup)).toThrow();
  });
});
