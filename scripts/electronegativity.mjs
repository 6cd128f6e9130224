// Electron's security checklist by electronegativity (DESIGN.md §6), run in npm test. The tool
// exits 0 whatever it finds, so its SARIF report is read here: every finding on electron/ must
// be in scripts/electronegativity-reviewed.json with the reason it is a false positive, or the
// step fails. It first scans a deliberately unsafe canary and fails unless that is caught, so a
// scanner that silently checks nothing cannot pass. Its CLI is broken by a newer `commander`
// hoisted beside it; its runner is called directly.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '..');
const loadLocales = require('@doyensec/electronegativity/dist/locales/i18n.js');
const run = require('@doyensec/electronegativity/dist/runner.js');
const electronVersion = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')).version;

async function readWhenWritten(file) {
  for (let i = 0; i < 100; i++) {
    try {
      return JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch {
      await sleep(100);
    }
  }
  throw new Error(`electronegativity wrote no report at ${file}`);
}

async function scan(input, name) {
  const output = path.join(root, 'test-results', `electronegativity-${name}.sarif`);
  fs.mkdirSync(path.dirname(output), { recursive: true });
  fs.rmSync(output, { force: true });
  const quiet = console.log;
  console.log = () => {};
  try {
    await run({ input, output, isSarif: true, customScan: [], excludeFromScan: [], isRelative: true, isVerbose: false, electronVersionOverride: electronVersion, parserPlugins: [] }, false);
  } finally {
    console.log = quiet;
  }
  // The report is written with an asynchronous writeFile after the runner has returned.
  const report = await readWhenWritten(output);
  return report.runs.flatMap((r) =>
    r.results.map((x) => ({ rule: x.ruleId, file: x.locations[0].physicalLocation.artifactLocation.uri, line: x.locations[0].physicalLocation.region?.startLine, message: x.message.text })),
  );
}

await loadLocales();
const canary = await scan(path.join(root, 'tests/fixtures/electronegativity-canary'), 'canary');
if (!canary.some((f) => f.rule === 'NODE_INTEGRATION_JS_CHECK')) {
  console.error('electronegativity: the canary window with nodeIntegration: true was not reported; the scanner is not checking');
  process.exit(1);
}

const findings = await scan(path.join(root, 'electron'), 'electron');
const { reviewed } = JSON.parse(fs.readFileSync(path.join(root, 'scripts/electronegativity-reviewed.json'), 'utf8'));
const isReviewed = (f) => reviewed.some((r) => r.rule === f.rule && r.file === f.file);
const open = findings.filter((f) => !isReviewed(f));
const stale = reviewed.filter((r) => !findings.some((f) => f.rule === r.rule && f.file === r.file));
for (const f of open) console.error(`electronegativity: ${f.rule} ${f.file}:${f.line} — ${f.message}`);
for (const r of stale) console.error(`electronegativity: reviewed ${r.rule} in ${r.file} no longer occurs; remove it from scripts/electronegativity-reviewed.json`);
console.log(`electronegativity: ${findings.length} findings on electron/, ${findings.length - open.length} reviewed false positives, ${open.length} open`);
process.exit(open.length > 0 || stale.length > 0 ? 1 : 0);
