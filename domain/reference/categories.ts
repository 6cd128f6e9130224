// 问题分类 (DOMAIN.md §9): a two-level list kept as data (resources/categories.json) because the
// city updates it. Codes are permanent, so a record filed under a since-retired item still reads.
import { z } from 'zod';

const itemSchema = z.strictObject({
  code: z.string().regex(/^\d{4}$/, { error: '二级分类代码应为4位数字' }),
  name: z.string().trim().min(1).max(30),
  /** Withdrawn by the city: still named in old records, no longer offered. */
  retired: z.boolean().optional(),
});

const groupSchema = z.strictObject({
  code: z.string().regex(/^\d{2}$/, { error: '一级分类代码应为2位数字' }),
  name: z.string().trim().min(1).max(30),
  retired: z.boolean().optional(),
  children: z.array(itemSchema).min(1),
});

export const categoriesFileSchema = z
  .object({
    version: z.string().min(1),
    note: z.string().optional(),
    categories: z.array(groupSchema).min(1),
  })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.categories.forEach((g, gi) => {
      for (const [code, path] of [
        [g.code, ['categories', gi, 'code']] as const,
        ...g.children.map((c, ci) => [c.code, ['categories', gi, 'children', ci, 'code']] as const),
      ]) {
        if (seen.has(code)) ctx.addIssue({ code: 'custom', message: `分类代码重复：${code}`, path: [...path] });
        seen.add(code);
      }
      g.children.forEach((c, ci) => {
        // The code itself then names its group, so a stored 0302 is readable without the file.
        if (!c.code.startsWith(g.code)) {
          ctx.addIssue({
            code: 'custom',
            message: `二级分类 ${c.code} 应以一级分类代码 ${g.code} 开头`,
            path: ['categories', gi, 'children', ci, 'code'],
          });
        }
      });
    });
  });
export type CategoriesFile = z.infer<typeof categoriesFileSchema>;

export interface Category {
  code: string;
  name: string;
  level: 1 | 2;
  parent: string | null;
  retired: boolean;
}

export interface CategoryIndex {
  version: string;
  byCode: ReadonlyMap<string, Category>;
  /** First level in file order, with their children in file order. */
  tree: ReadonlyArray<{ group: Category; items: readonly Category[] }>;
}

export function buildCategoryIndex(file: unknown): CategoryIndex {
  const parsed = categoriesFileSchema.parse(file);
  const byCode = new Map<string, Category>();
  const tree = parsed.categories.map((g) => {
    const group: Category = { code: g.code, name: g.name, level: 1, parent: null, retired: g.retired === true };
    byCode.set(group.code, group);
    const items = g.children.map((c) => {
      const item: Category = {
        code: c.code,
        name: c.name,
        level: 2,
        parent: g.code,
        // A retired group retires everything under it.
        retired: group.retired || c.retired === true,
      };
      byCode.set(item.code, item);
      return item;
    });
    return { group, items };
  });
  return { version: parsed.version, byCode, tree };
}

export function findCategory(index: CategoryIndex, code: string): Category | undefined {
  return typeof code === 'string' ? index.byCode.get(code.trim()) : undefined;
}

/** ['劳动社保', '拖欠劳动报酬'] for 0301; retired items still resolve, for old records. */
export function categoryPath(index: CategoryIndex, code: string): string[] | undefined {
  const c = findCategory(index, code);
  if (!c) return undefined;
  return c.parent === null ? [c.name] : [index.byCode.get(c.parent)!.name, c.name];
}

/** What the form offers: retired entries left out. */
export function activeCategories(index: CategoryIndex): Array<{ group: Category; items: Category[] }> {
  return index.tree
    .filter((t) => !t.group.retired)
    .map((t) => ({ group: t.group, items: t.items.filter((i) => !i.retired) }))
    .filter((t) => t.items.length > 0);
}

/** A category chosen for a new matter: a current second-level code. */
export function categorySelectionSchema(index: CategoryIndex) {
  return z
    .string({ error: '请选择问题分类' })
    .trim()
    .superRefine((v, ctx) => {
      const c = index.byCode.get(v);
      if (!c) ctx.addIssue({ code: 'custom', message: '问题分类不存在', params: { code: 'category_unknown' } });
      else if (c.level !== 2) {
        ctx.addIssue({ code: 'custom', message: '请选择到二级分类', params: { code: 'category_too_coarse' } });
      } else if (c.retired) {
        ctx.addIssue({ code: 'custom', message: '该问题分类已停用，请重新选择', params: { code: 'category_retired' } });
      }
    });
}
