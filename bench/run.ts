/**
 * `npm run bench [name…]`: generates the standard workload if missing, runs each bench/<name>.bench.ts in its
 * own process (so memory figures do not leak between benchmarks), and writes BENCHMARKS.md from the
 * Markdown each benchmark leaves in bench/results/<name>.md.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureWorkload } from './workload.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
/** `--assemble`: only rebuild BENCHMARKS.md from the results already in bench/results/. */
const assembleOnly = process.argv.includes('--assemble');
const all = readdirSync(here).filter((f) => f.endsWith('.bench.ts')).map((f) => f.replace(/\.bench\.ts$/, '')).sort();
const names = wanted.length ? all.filter((n) => wanted.includes(n)) : all;

if (!assembleOnly) ensureWorkload();
for (const name of assembleOnly ? [] : names) {
  console.log(`\n=== bench: ${name} ===`);
  execFileSync(process.execPath, ['--expose-gc', '--max-old-space-size=8192', '--import', 'tsx', join(here, `${name}.bench.ts`)], {
    cwd: root,
    stdio: 'inherit',
  });
}

const cpu = cpus()[0]?.model ?? 'unknown CPU';
const header = [
  '# Benchmarks',
  '',
  'Made by `npm run bench` (all) or `npm run bench -- <name>` (one; `-- --assemble` only rebuilds this file), on the standard workload of',
  '`../shared/bench-workload` (generated into `bench/.work/`). Each section below is written by `bench/<name>.bench.ts`',
  'and records its own date; anchors (grep, npm packages) are measured in the same run as Shuyu.',
  '',
  `Machine: ${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${process.platform}.`,
  '',
].join('\n');
// Every result file (benchmarks and `npm run eval`), in the order the issues name them; headings demoted under the title.
const ORDER = ['match', 'lookup', 'io', 'check', 'extract', 'eval-extract'];
const results = readdirSync(join(here, 'results'))
  .filter((f) => f.endsWith('.md'))
  .map((f) => f.replace(/\.md$/, ''))
  .sort((a, b) => (ORDER.indexOf(a) + 1 || 99) - (ORDER.indexOf(b) + 1 || 99) || a.localeCompare(b));
const sections = results.map((n) => readFileSync(join(here, 'results', `${n}.md`), 'utf8').trim())
  .map((md) => (md.startsWith('# ') ? md.replace(/^(#+) /gm, '#$1 ') : md));
writeFileSync(join(root, 'BENCHMARKS.md'), `${header}\n${sections.join('\n\n')}\n`);
console.log('\nwrote BENCHMARKS.md');
