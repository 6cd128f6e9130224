// The organisation tree (组织机构): every body a matter can be routed to, each under the body one
// level above it. The 条例 sends a 复查 to the body above the one that handled the matter and a
// 复核 to the body above the reviewing one (arts. 35–36), so the notices read those bodies off
// this tree rather than off fixed settings. The city maintains it and devices pull it; a window
// not yet enrolled uses the tree its administrator entered.
import { z } from 'zod';

export const organisationLevelSchema = z.enum(['province', 'city', 'county', 'township']);
export type OrganisationLevel = z.infer<typeof organisationLevelSchema>;
export const ORGANISATION_LEVEL_LABELS: Readonly<Record<OrganisationLevel, string>> = {
  province: '省级',
  city: '市级',
  county: '县级',
  township: '乡镇级',
};

const codeSchema = z.string().trim().min(1, { error: '机构代码不能为空' }).max(40, { error: '机构代码不能超过40个字符' });

export const organisationSchema = z.strictObject({
  /** Permanent: a withdrawn body is retired, never renumbered, so old records still read. */
  code: codeSchema,
  /** The name printed on notices, in full (县住房和城乡建设局, never an abbreviation). */
  name: z.string().trim().min(1, { error: '机构名称不能为空' }).max(100, { error: '机构名称不能超过100个字' }),
  level: organisationLevelSchema,
  /** The body one level above (上一级机关、单位); null at the top of the tree. */
  parent: codeSchema.nullable(),
  /** Withdrawn: still resolves for matters that name it, no longer offered. */
  retired: z.boolean().optional(),
});
export type Organisation = z.infer<typeof organisationSchema>;

export const organisationTreeSchema = z.array(organisationSchema).max(5000).superRefine((orgs, ctx) => {
  const byCode = new Map<string, Organisation>();
  const activeNames = new Set<string>();
  orgs.forEach((o, i) => {
    if (byCode.has(o.code)) ctx.addIssue({ code: 'custom', message: `机构代码重复：${o.code}`, path: [i, 'code'] });
    byCode.set(o.code, o);
    // Matters name their body in words: two live bodies of one name could not be told apart.
    if (!o.retired && activeNames.has(o.name)) ctx.addIssue({ code: 'custom', message: `机构名称重复：${o.name}`, path: [i, 'name'] });
    if (!o.retired) activeNames.add(o.name);
  });
  orgs.forEach((o, i) => {
    if (o.parent === null) return;
    if (!byCode.has(o.parent)) {
      ctx.addIssue({ code: 'custom', message: `${o.name}的上级机关代码 ${o.parent} 不存在`, path: [i, 'parent'] });
      return;
    }
    // Walking up must end at the top: a cycle would make a body review itself.
    const seen = new Set([o.code]);
    for (let p: Organisation | undefined = byCode.get(o.parent); p; p = p.parent === null ? undefined : byCode.get(p.parent)) {
      if (seen.has(p.code)) {
        ctx.addIssue({ code: 'custom', message: `${o.name}的上级关系形成循环`, path: [i, 'parent'] });
        return;
      }
      seen.add(p.code);
    }
  });
});
export type OrganisationTree = z.infer<typeof organisationTreeSchema>;

export interface OrganisationIndex {
  /** The body of that name; a live body wins over a retired one of the same name. */
  byName(name: string): Organisation | undefined;
  /** The body one level above, or undefined at the top or for a body not in the tree. */
  parentOf(name: string): Organisation | undefined;
  /** Live bodies, for the window's pickers. */
  active(): readonly Organisation[];
}

/** Builds the lookups over a tree already checked by organisationTreeSchema. */
export function indexOrganisations(tree: OrganisationTree): OrganisationIndex {
  const byCode = new Map(tree.map((o) => [o.code, o]));
  const byName = new Map<string, Organisation>();
  for (const o of tree) if (!byName.has(o.name) || !o.retired) byName.set(o.name, o);
  return {
    byName: (name) => byName.get(name.trim()),
    parentOf: (name) => {
      const o = byName.get(name.trim());
      return o && o.parent !== null ? byCode.get(o.parent) : undefined;
    },
    active: () => tree.filter((o) => !o.retired),
  };
}

export type ReviewLevel = 'review' | 're-review';

/**
 * Who reviews an opinion (条例 arts. 35–36): the 复查 goes to the body above the handling body,
 * the 复核 to the body above that one. Undefined when the tree does not say, so that no notice
 * names a review body by guess.
 */
export function reviewBodyFor(index: OrganisationIndex, handlingBody: string, level: ReviewLevel): Organisation | undefined {
  const reviewer = index.parentOf(handlingBody);
  return level === 'review' || !reviewer ? reviewer : index.parentOf(reviewer.name);
}
