// Regions and categories as far as the cascaders have asked for them. Regions come one level at
// a time (the whole tree is ~45,000 townships); both are kept for the session, shared by every
// cascader on the page.
import { create } from 'zustand';
import type { CategoryGroup, RegionNode } from '../../../domain/reference/rpc';
import { api } from '../api/client';

const ROOT = '';

interface ReferenceState {
  /** Children by parent code; '' holds the provinces. */
  regions: Record<string, RegionNode[]>;
  categories: CategoryGroup[] | null;
  error: string | null;
  loadRegions: (parent: string) => Promise<RegionNode[]>;
  loadCategories: () => Promise<void>;
  /** The cascader path of a county or township code, or null if the data set does not know it. */
  pathOf: (code: string) => Promise<string[] | null>;
}

// One request per parent even when two cascaders open the same level at once.
const pending = new Map<string, Promise<RegionNode[]>>();

export const useReferenceStore = create<ReferenceState>()((set, get) => ({
  regions: {},
  categories: null,
  error: null,
  loadRegions: (parent) => {
    const known = get().regions[parent];
    if (known) return Promise.resolve(known);
    let p = pending.get(parent);
    if (!p) {
      p = api.invoke('reference.regions', { parent: parent === ROOT ? null : parent }).then((r) => {
        pending.delete(parent);
        if (!r.ok) {
          set({ error: r.message });
          return [];
        }
        set((s) => ({ regions: { ...s.regions, [parent]: r.value } }));
        return r.value;
      });
      pending.set(parent, p);
    }
    return p;
  },
  loadCategories: async () => {
    if (get().categories) return;
    const r = await api.invoke('reference.categories', {});
    set(r.ok ? { categories: r.value } : { error: r.message });
  },
  pathOf: async (code) => {
    // Province 2, city 4, county 6, township 9 digits: each level's code extends its parent's.
    const lengths = [2, 4, 6, 9].filter((n) => n <= code.length);
    const path: string[] = [];
    let parent = ROOT;
    for (const n of lengths) {
      const children = await get().loadRegions(parent);
      const c = code.slice(0, n);
      if (!children.some((r) => r.code === c)) return null;
      path.push(c);
      parent = c;
    }
    return path;
  },
}));

export const ROOT_REGION = ROOT;
