// Reference data the window works with: regions and categories shipped in resources/, the
// city's newer categories and holiday calendar once pulled (reference_data table). `refresh()`
// re-reads the pulled copies after each pull.
import fs from 'node:fs';
import path from 'node:path';
import { buildCategoryIndex, type CategoryIndex } from '../../domain/reference/categories';
import { defaultDeadlineEngine, type DeadlineEngine } from '../../domain/calendar/deadlines';
import { buildRegionData, type RegionData } from '../../domain/regions/regions';
import { bureauPolicyFor, deadlineEngineFor } from '../../domain/sync/pull';
import { organisationTreeSchema, type OrganisationTree } from '../../domain/reference/organisation';
import type { LocalDb } from '../../db/open';
import { pulledReference } from '../../db/pulled';

export interface Reference {
  regions: RegionData;
  categories: CategoryIndex;
  /** Statutory deadlines over the official calendar, patched by the city's holiday overrides. */
  deadlines: DeadlineEngine;
  /** The city's choices for the handling target and the figures (DOMAIN.md §4, §6), or the defaults. */
  policy: ReturnType<typeof bureauPolicyFor>;
  /** The city's organisation tree once pulled (review bodies on notices); null before. */
  organisations: OrganisationTree | null;
}

const readJson = (file: string): unknown => JSON.parse(fs.readFileSync(file, 'utf8'));

export function createReferenceSource(db: LocalDb, resourcesDir: string) {
  const regions = buildRegionData(readJson(path.join(resourcesDir, 'regions.json')));
  const shippedCategories = buildCategoryIndex(readJson(path.join(resourcesDir, 'categories.json')));
  let current: Reference = { regions, categories: shippedCategories, deadlines: defaultDeadlineEngine, policy: bureauPolicyFor(undefined), organisations: null };

  function refresh(): void {
    const pulledCategories = pulledReference(db, 'categories');
    current = {
      regions,
      // The city's list was validated when pulled; a damaged copy falls back to the shipped one.
      categories: pulledCategories === undefined ? shippedCategories : safeCategories(pulledCategories) ?? shippedCategories,
      deadlines: deadlineEngineFor(pulledReference(db, 'holidays'), pulledReference(db, 'calendar')),
      policy: bureauPolicyFor(pulledReference(db, 'settings')),
      organisations: organisationTreeSchema.safeParse(pulledReference(db, 'organisations')).data ?? null,
    };
  }
  refresh();
  return { get: () => current, refresh };
}
export type ReferenceSource = ReturnType<typeof createReferenceSource>;

function safeCategories(value: unknown): CategoryIndex | null {
  try {
    return buildCategoryIndex(value);
  } catch {
    return null;
  }
}
