// The layering rules of DESIGN.md §1, checked by dependency-cruiser. Fails when any rule is
// broken and also when it cruised suspiciously little: with an unusable TypeScript compiler
// API it silently cruises nothing and reports no violations.
import { execFileSync } from 'node:child_process';

const MIN_MODULES = 40;
const out = execFileSync(
  'npx',
  ['depcruise', 'domain', 'db', 'backend', 'electron', 'renderer', 'console', 'server', 'scripts', 'bench', 'tests', '--config', '.dependency-cruiser.cjs', '--output-type', 'json'],
  { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
);
const result = JSON.parse(out);
const own = result.modules.filter((m) => !m.source.startsWith('node_modules') && !m.coreModule);
const violations = result.summary.violations.filter((v) => v.rule.severity === 'error');
for (const v of violations) console.error(`layering: ${v.rule.name}: ${v.from} -> ${v.to}`);
console.log(`layering: cruised ${own.length} project modules, ${violations.length} violations`);
if (own.length < MIN_MODULES) {
  console.error(`layering: only ${own.length} project modules cruised (expected at least ${MIN_MODULES}); the TypeScript compiler API is probably unusable`);
  process.exit(1);
}
process.exit(violations.length > 0 ? 1 : 0);
