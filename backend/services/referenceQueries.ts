// Reference data for the form's cascaders, read from whichever copy is current (shipped, or
// the city's after a pull).
import { activeCategories } from '../../domain/reference/categories';
import type { CategoryGroup, RegionNode } from '../../domain/reference/rpc';
import { childrenOf } from '../../domain/regions/regions';
import { ok, type Result } from '../../domain/result';
import type { ServiceContext } from './context';

/** An unknown parent has no children: the cascader then shows an empty level, not an error. */
export function regionChildren(ctx: ServiceContext, parent: string | null): Result<RegionNode[]> {
  const data = ctx.reference().regions;
  return ok(
    childrenOf(data, parent).map((r) => ({
      code: r.code,
      name: r.name,
      level: r.level,
      isLeaf: r.level === 'township' || (data.children.get(r.code)?.length ?? 0) === 0,
    })),
  );
}

export function categoryTree(ctx: ServiceContext): Result<CategoryGroup[]> {
  return ok(
    activeCategories(ctx.reference().categories).map(({ group, items }) => ({
      code: group.code,
      name: group.name,
      children: items.map((i) => ({ code: i.code, name: i.name })),
    })),
  );
}
