// npm run bench [-- --quick] [-- --only=<prefix>]: runs every benchmark suite in turn; each
// prints its figures as JSON lines (bench/report.ts). --quick runs the same figures small.
const args = process.argv.slice(2);
export const quick = args.includes('--quick');
const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length);

const suites: [string, () => Promise<{ run: (o: { quick: boolean }) => Promise<void> }>][] = [
  ['registration', () => import('./registration')],
  ['rpc', () => import('./duringExport')],
  ['sync', () => import('./sync')],
  // search from every screen (issue #12)
  ['search', () => import('./search')],
  // the full register, 统计's year and the register's export (issue #12)
  ['register', () => import('./register')],
  // Excel in (历史台账), issue #12
  ['import', () => import('./import')],
];

for (const [name, load] of suites) {
  if (only && !name.startsWith(only)) continue;
  const suite = await load();
  await suite.run({ quick });
}
