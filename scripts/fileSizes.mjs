// No source file over 400 lines (issue #10): a file that grows past it has more than one idea in
// it and is split along its seams. Generated migrations and data files are not source.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

const MAX_LINES = 400;
const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { encoding: 'utf8' })
  .split('\n')
  .filter((f) => /\.(ts|tsx|mjs|cjs|js)$/.test(f) && !f.startsWith('node_modules/') && fs.existsSync(f));
const over = files.map((f) => [f, fs.readFileSync(f, 'utf8').split('\n').length - 1]).filter(([, n]) => n > MAX_LINES);
for (const [f, n] of over) console.error(`file size: ${f} has ${n} lines (at most ${MAX_LINES})`);
console.log(`file size: ${files.length} source files, ${over.length} over ${MAX_LINES} lines`);
process.exit(over.length > 0 ? 1 : 0);
