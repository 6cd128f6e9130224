// npm run bench [-- --quick] [-- --only=<prefix>] [-- --matters=<n>]: runs every benchmark suite in
// turn; each prints its figures as JSON lines (bench/report.ts). --quick runs the same figures
// small; --matters sets the store's size for a suite that reads it (memory), between the two.
const args = process.argv.slice(2);
export const quick = args.includes('--quick');
const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const mattersArg = args.find((a) => a.startsWith('--matters='))?.slice('--matters='.length);
const matters = mattersArg === undefined ? undefined : Number(mattersArg);
if (matters !== undefined && !(Number.isInteger(matters) && matters >= 0)) throw new Error(`--matters must be a whole number, got ${mattersArg}`);

const suites: [string, () => Promise<{ run: (o: { quick: boolean; matters?: number }) => Promise<void> }>][] = [
  ['registration', () => import('./registration')],
  ['rpc', () => import('./duringExport')],
  ['sync', () => import('./sync')],
  // search from every screen (issue #12)
  ['search', () => import('./search')],
  // Excel in (历史台账), issue #12
  ['import', () => import('./import')],
  // issue 15: slow-link catch-up and the backend's memory at 1,000,000 matters
  ['slowlink', () => import('./slowLink')],
  ['memory', () => import('./memory')],
  // the renderer's production build: time to interactive and bundle size (issue #15)
  ['ui', () => import('./ui')],
  // the full register, 统计's year and the register's export (issue #12)
  ['register', () => import('./register')],
  // the city's console (issue #14)
  ['city', () => import('./cityFigures')],
  // the 管理员's check of the audit trail (issue #11)
  ['audit', () => import('./auditVerify')],
];

for (const [name, load] of suites) {
  if (only && !name.startsWith(only)) continue;
  const suite = await load();
  await suite.run({ quick, matters });
}
