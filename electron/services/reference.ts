// Reference data the window works with: regions and categories shipped in resources/, replaced
// by the city's newer copies once pulled (reference_data table).
import fs from 'node:fs';
import path from 'node:path';
import { buildCategoryIndex, type CategoryIndex } from '../../domain/categories';
import { buildRegionData, type RegionData } from '../../domain/regions/regions';

export interface Reference {
  regions: RegionData;
  categories: CategoryIndex;
}

const readJson = (file: string): unknown => JSON.parse(fs.readFileSync(file, 'utf8'));

export function loadShippedReference(resourcesDir: string): Reference {
  return {
    regions: buildRegionData(readJson(path.join(resourcesDir, 'regions.json'))),
    categories: buildCategoryIndex(readJson(path.join(resourcesDir, 'categories.json'))),
  };
}
