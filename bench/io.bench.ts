/**
 * Import/export benchmark on the CC-CEDICT workload (bench/.work/glossary.tsv, 100k lines). The glossary
 * has 120,000 concepts: one per line (Chinese headword + the English glosses of its first sense, the whole
 * gloss line as English definition), plus a second concept for the first 20,000 lines with more than one
 * sense (same headword, second sense). Each export and import runs in its own child process, so each has its
 * own peak RSS (process.resourceUsage().maxRSS); the time is that of the operation alone. Anchors measured
 * in the same run: a child that only loads the modules, and one that only builds the glossary in memory.
 * TBX streaming memory is shown at 10k and 120k concepts (iterating concepts without keeping them).
 *
 * Run: npm run bench -- io   (or node --expose-gc --import tsx bench/io.bench.ts)
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Concept, Glossary, Term } from '../src/core/model.js';
import { readGlossary, writeGlossary } from '../src/formats/registry.js';
import { ConceptCollector } from '../src/formats/collect.js';
import { resolveLimits } from '../src/formats/limits.js';
import { streamTbxConcepts } from '../src/formats/tbx/index.js';
import { tonedPinyin } from '../src/formats/tabular/to-table.js';
import type { TbxHeader } from '../src/formats/tbx/index.js';
import { fmt, now, table, writeResult } from './util.js';
import { WORK_DIR, workloadFile } from './workload.js';

const SELF = fileURLToPath(import.meta.url);
const OUT = join(WORK_DIR, 'io');
const FULL = 120_000;
const SMALL = 10_000;
const FORMATS = ['tbx', 'xlsx', 'csv', 'tsv', 'json'] as const;
const EXT: Record<string, string> = { tbx: 'tbx', xlsx: 'xlsx', csv: 'csv', tsv: 'tsv', json: 'json' };

/** English terms of one CC-CEDICT sense: parenthesised remarks dropped, "to " dropped, deduplicated. */
function senseTerms(sense: string): string[] {
  const out: string[] = [];
  for (const g of sense.split(/[,/]/)) {
    const t = g.replace(/\([^)]*\)/g, ' ').replace(/^\s*to\s+/, '').replace(/\s+/g, ' ').trim();
    if (t && t.length <= 200 && !out.includes(t)) out.push(t);
  }
  return out.slice(0, 4);
}

/** The 120k-concept glossary (or its first `n` concepts). */
export function buildGlossary(n = FULL): Glossary {
  const lines = readFileSync(workloadFile('glossary.tsv'), 'utf8').split('\n').filter(Boolean);
  const concepts: Concept[] = [];
  const extra: Concept[] = [];
  lines.forEach((line, i) => {
    const [zh = '', , gloss = ''] = line.split('\t');
    const senses = gloss.split(';').map((s) => s.trim()).filter(Boolean);
    const make = (id: string, sense: string): Concept => {
      const terms: Term[] = [{ text: zh, lang: 'zh-Hans', status: 'preferred' }];
      senseTerms(sense).forEach((t, k) => terms.push({ text: t, lang: 'en', status: k === 0 ? 'preferred' : 'admitted' }));
      return { id, definitions: { en: gloss }, notes: [], terms };
    };
    concepts.push(make(`c${i}`, senses[0] ?? zh));
    if (senses.length > 1 && extra.length < FULL - lines.length) extra.push(make(`c${i}.2`, senses[1]!));
  });
  const all = [...concepts, ...extra].slice(0, n);
  return { id: 'cedict', name: 'CC-CEDICT', languages: ['zh-Hans', 'en'], concepts: all };
}

interface ChildResult {
  seconds: number;
  /** CPU seconds (user + system) of the operation: on a busy shared machine, closer to the idle wall time. */
  cpu: number;
  peakMiB: number;
  concepts?: number;
  bytes?: number;
}

/** Child process entry: one operation, prints JSON. */
async function child(op: string, format: string, n: number): Promise<void> {
  const file = join(OUT, `cedict-${n}.${EXT[format]}`);
  let result: Omit<ChildResult, 'peakMiB' | 'cpu'>;
  let cpu0 = process.cpuUsage();
  const cpuSince = () => {
    const u = process.cpuUsage(cpu0);
    return (u.user + u.system) / 1e6;
  };
  if (op === 'baseline') {
    result = { seconds: 0 };
  } else if (op === 'build') {
    const t0 = now();
    const g = buildGlossary(n);
    result = { seconds: (now() - t0) / 1000, concepts: g.concepts.length };
  } else if (op === 'pinyin') {
    // the pinyin column alone: every concept's main Chinese term, each distinct text once (as the exports do)
    const g = buildGlossary(n);
    cpu0 = process.cpuUsage();
    const t0 = now();
    const seen = new Map<string, string>();
    for (const c of g.concepts) {
      const zh = c.terms.find((t) => t.lang === 'zh-Hans')?.text;
      if (zh !== undefined && !seen.has(zh)) seen.set(zh, tonedPinyin(zh));
    }
    result = { seconds: (now() - t0) / 1000, concepts: seen.size };
  } else if (op === 'export') {
    const g = buildGlossary(n);
    cpu0 = process.cpuUsage();
    const t0 = now();
    const { bytes } = await writeGlossary(g, format);
    const seconds = (now() - t0) / 1000;
    writeFileSync(file, bytes);
    result = { seconds, concepts: g.concepts.length, bytes: bytes.length };
  } else if (op === 'import') {
    const t0 = now();
    const { glossary } = await readGlossary({ name: `cedict-${n}.${EXT[format]}`, path: file }, { limits: { maxBytes: 2 ** 30 } });
    result = { seconds: (now() - t0) / 1000, concepts: glossary.concepts.length };
  } else if (op === 'stream') {
    const t0 = now();
    const collector = new ConceptCollector(file, resolveLimits({ maxBytes: 2 ** 30 }));
    const header: TbxHeader = { rootLang: 'en', ours: false };
    let count = 0;
    for await (const c of streamTbxConcepts({ name: `cedict-${n}.tbx`, path: file }, collector, header, { limits: { maxBytes: 2 ** 30 } })) if (c) count++;
    collector.throwIfProblems();
    result = { seconds: (now() - t0) / 1000, concepts: count };
  } else throw new Error(`unknown op ${op}`);
  const peakMiB = process.resourceUsage().maxRSS / 1024;
  const cpu = op === 'baseline' ? 0 : cpuSince();
  process.stdout.write(`${JSON.stringify({ ...result, cpu, peakMiB })}\n`);
}

function run(op: string, format: string, n: number): ChildResult {
  const r = spawnSync(process.execPath, ['--import', 'tsx', SELF, '--child', op, format, String(n)], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`${op} ${format} ${n} failed:\n${r.stderr}`);
  const line = r.stdout.trim().split('\n').pop()!;
  return JSON.parse(line) as ChildResult;
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const load = loadavg()[0]!;
  const started = new Date().toISOString();
  const baseline = run('baseline', 'none', 0);
  const build = run('build', 'none', FULL);
  const pinyin = run('pinyin', 'none', FULL);
  console.log(`baseline ${fmt(baseline.peakMiB, 0)} MiB; build ${fmt(build.seconds)} s ${fmt(build.peakMiB, 0)} MiB (${build.concepts} concepts); pinyin ${fmt(pinyin.cpu)} s CPU`);

  const rows: (string | number)[][] = [];
  const exp: Record<string, ChildResult> = {};
  const imp: Record<string, ChildResult> = {};
  for (const f of FORMATS) {
    exp[f] = run('export', f, FULL);
    imp[f] = run('import', f, FULL);
    const size = statSync(join(OUT, `cedict-${FULL}.${EXT[f]}`)).size;
    rows.push([
      f,
      fmt(exp[f]!.seconds),
      fmt(exp[f]!.cpu),
      fmt(exp[f]!.peakMiB, 0),
      fmt(imp[f]!.seconds),
      fmt(imp[f]!.cpu),
      fmt(imp[f]!.peakMiB, 0),
      imp[f]!.concepts ?? '',
      fmt(size / 2 ** 20, 1),
    ]);
    console.log(rows[rows.length - 1]!.join('\t'));
  }
  // TBX streaming at 10k vs 120k
  run('export', 'tbx', SMALL);
  const s10 = run('stream', 'tbx', SMALL);
  const s120 = run('stream', 'tbx', FULL);
  const i10 = run('import', 'tbx', SMALL);
  const size10 = statSync(join(OUT, `cedict-${SMALL}.tbx`)).size / 2 ** 20;
  const size120 = statSync(join(OUT, `cedict-${FULL}.tbx`)).size / 2 ** 20;
  const csvRoundTrip = exp.csv!.seconds + imp.csv!.seconds;
  const csvRoundTripCpu = exp.csv!.cpu + imp.csv!.cpu;
  /** Met on the wall clock; or met on CPU time only (the wall clock inflated by other processes); or not. */
  const verdict = (wall: number, cpu: number, limit: number) => (wall < limit ? 'met' : cpu < limit ? `met on CPU time only (wall ${fmt(wall, 1)} s under load ${fmt(load, 1)})` : 'NOT met');
  const targets = [
    ['xlsx export < 10 s', `${fmt(exp.xlsx!.seconds)} s wall, ${fmt(exp.xlsx!.cpu)} s CPU`, verdict(exp.xlsx!.seconds, exp.xlsx!.cpu, 10)],
    ['xlsx export < 500 MB peak', `${fmt(exp.xlsx!.peakMiB, 0)} MiB`, exp.xlsx!.peakMiB < 500 ? 'met' : 'NOT met'],
    ['TBX import (streaming) < 10 s', `${fmt(imp.tbx!.seconds)} s wall, ${fmt(imp.tbx!.cpu)} s CPU`, verdict(imp.tbx!.seconds, imp.tbx!.cpu, 10)],
    [
      'TBX streaming memory flat in file size',
      `${fmt(s10.peakMiB, 0)} MiB at ${fmt(size10, 1)} MB vs ${fmt(s120.peakMiB, 0)} MiB at ${fmt(size120, 1)} MB`,
      s120.peakMiB - s10.peakMiB < 0.25 * (size120 - size10) + 40 ? 'met' : 'NOT met',
    ],
    ['CSV round trip < 3 s', `${fmt(csvRoundTrip)} s wall, ${fmt(csvRoundTripCpu)} s CPU`, verdict(csvRoundTrip, csvRoundTripCpu, 3)],
  ];

  const md = `# Import / export (io)

Command: \`npm run bench -- io\` (each operation in its own child process: \`node --import tsx bench/io.bench.ts --child <op> <format> <n>\`).
Date: ${started}. Machine: ${process.platform}, Node ${process.version}, load average ${fmt(load, 1)} at the start (2 cores shared).

Workload: CC-CEDICT (bench/.work/glossary.tsv, 100,000 lines) as **${build.concepts} concepts** — one per line (headword, the
English terms of its first sense, the gloss line as definition) plus a second-sense concept for the first 20,000
multi-sense lines; ${FULL === build.concepts ? '' : 'fewer than planned; '}about 2.3 terms per concept.
Time is the operation alone (glossary already in memory for exports; from the file on disk for imports);
peak is the child's peak RSS, which includes the modules and, for exports, the glossary in memory.

Anchors (same run): a child that only loads the modules peaks at **${fmt(baseline.peakMiB, 0)} MiB**; building the
120k glossary in memory takes ${fmt(build.seconds)} s wall, ${fmt(build.cpu)} s CPU (0.94 s wall on a quiet machine: the
ratio says how much this run's figures are inflated by other processes) and peaks at **${fmt(build.peakMiB, 0)} MiB**.
Deriving the pinyin column alone (the toned pinyin of the ${pinyin.concepts} distinct main Chinese terms, as every
spreadsheet export does) takes **${fmt(pinyin.cpu)} s CPU** (${fmt(pinyin.seconds)} s wall) of the CSV, TSV and XLSX export times.

${table(['format', 'export wall s', 'export CPU s', 'export peak MiB', 'import wall s', 'import CPU s', 'import peak MiB', 'concepts read', 'file MB'], rows)}

TBX streaming (concepts iterated, not kept), memory at two file sizes:

${table(['concepts', 'file MB', 'stream s', 'stream peak MiB', 'full import s', 'full import peak MiB'], [
  [SMALL, fmt(size10, 1), fmt(s10.seconds), fmt(s10.peakMiB, 0), fmt(i10.seconds), fmt(i10.peakMiB, 0)],
  [FULL, fmt(size120, 1), fmt(s120.seconds), fmt(s120.peakMiB, 0), fmt(imp.tbx!.seconds), fmt(imp.tbx!.peakMiB, 0)],
])}

Ratios: xlsx export / CSV export time ${fmt(exp.xlsx!.seconds / exp.csv!.seconds, 1)}×; pinyin / CSV export CPU
${fmt(pinyin.cpu / exp.csv!.cpu, 2)}; TBX stream peak 120k / 10k
${fmt(s120.peakMiB / s10.peakMiB, 2)}× for a ${fmt(size120 / size10, 1)}× larger file; a full import keeps the glossary
(${fmt(imp.tbx!.peakMiB - s120.peakMiB, 0)} MiB more than streaming at 120k).

${table(['target', 'measured', 'status'], targets)}
`;
  console.log(md);
  writeResult('io', md);
}

if (process.argv[1] === SELF) {
  if (process.argv[2] === '--child') await child(process.argv[3]!, process.argv[4]!, Number(process.argv[5]));
  else await main();
}
