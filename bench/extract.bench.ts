/**
 * Term extraction throughput and memory (`npm run bench -- extract`): 1 MB and 10 MB of Chinese and of
 * English text, each run in its own child process so peak memory is measured per run. Input: the Han-heavy
 * and the Latin lines of the standard workload's text.txt (cycled to reach 10 MB), streamed to the
 * extractor in 64 KB chunks of whole lines, as `shuyu extract` would read a large file.
 * Targets: ≥ 1 MB/s, and memory flat in input size: what is kept after a full GC at 30 MB within 1.15× of 10 MB
 * (peak RSS, garbage included, is shown beside it; a 1 MB run does not fill the bounded candidate table).
 */
import { execFileSync } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { WORK_DIR, workloadFile } from './workload.js';
import { fmt, table, writeResult } from './util.js';

const MB = 1_000_000;

/** Input sizes in MB: 1 and 10 for speed; 30 shows that memory stops growing once the bounded table is full. */
const SIZES = [1, 10, 30];
const MAX_MB = Math.max(...SIZES);

/** Writes extract-zh.txt / extract-en.txt (MAX_MB each) from text.txt once. */
async function prepare(): Promise<void> {
  const zhFile = join(WORK_DIR, 'extract-zh.txt');
  const enFile = join(WORK_DIR, 'extract-en.txt');
  const big = (f: string) => existsSync(f) && statSync(f).size >= MAX_MB * MB;
  if (big(zhFile) && big(enFile)) return;
  const lines = readFileSync(workloadFile('text.txt'), 'utf8').split('\n');
  const zh: string[] = [];
  const en: string[] = [];
  for (const line of lines) {
    const han = (line.match(/\p{Script=Han}/gu) ?? []).length;
    const latin = (line.match(/[A-Za-z]/g) ?? []).length;
    if (han >= 4 && han >= latin) zh.push(line);
    else if (latin >= 20 && han === 0) en.push(line);
  }
  for (const [file, src] of [[zhFile, zh], [enFile, en]] as const) {
    const out = createWriteStream(file);
    let bytes = 0;
    for (let i = 0; bytes < MAX_MB * MB + 1000; i = (i + 1) % src.length) {
      const l = `${src[i]}\n`;
      bytes += Buffer.byteLength(l);
      out.write(l);
    }
    await new Promise<void>((r) => out.end(r));
  }
}

/** Child: extracts the first `mb` MB of the file for `lang`, prints JSON figures. */
async function child(lang: 'zh' | 'en', mb: number): Promise<void> {
  const { createExtractor, finishExtraction } = await import('../src/service/extract.js');
  const file = join(WORK_DIR, `extract-${lang}.txt`);
  const ex = await createExtractor(lang, { useGlossary: false });
  let peakRss = process.memoryUsage().rss;
  let peakHeap = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  let bytes = 0;
  let chunk: string[] = [];
  let chunkBytes = 0;
  const rl = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  for await (const line of rl) {
    const b = Buffer.byteLength(line) + 1;
    if (bytes + b > mb * MB) break;
    bytes += b;
    chunk.push(line);
    chunkBytes += b;
    if (chunkBytes >= 65_536) {
      ex.addText(0, chunk.join('\n'));
      chunk = [];
      chunkBytes = 0;
      const m = process.memoryUsage();
      peakRss = Math.max(peakRss, m.rss);
      peakHeap = Math.max(peakHeap, m.heapUsed);
    }
  }
  rl.close();
  if (chunk.length) ex.addText(0, chunk.join('\n'));
  // what the extractor keeps once the whole input is read: live heap + external after a full GC
  const cpuBeforeGc = process.cpuUsage();
  (globalThis as { gc?: () => void }).gc?.();
  const live = process.memoryUsage();
  const keptMiB = (live.heapUsed + live.external) / 2 ** 20;
  const gcCpu = process.cpuUsage(cpuBeforeGc);
  const result = await finishExtraction(ex, [file], { top: 100 });
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system - gcCpu.user - gcCpu.system) / 1e6;
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed);
  process.stdout.write(JSON.stringify({ lang, mb: bytes / MB, seconds, cpuSeconds, load: (await import('node:os')).loadavg()[0], peakRss: peakRss / 2 ** 20, peakHeap: peakHeap / 2 ** 20, keptMiB, candidates: result.candidates.length, top: result.candidates.slice(0, 5).map((c) => c.text) }));
}

interface Run {
  lang: string;
  mb: number;
  seconds: number;
  cpuSeconds: number;
  load: number;
  peakRss: number;
  peakHeap: number;
  keptMiB: number;
  top: string[];
}

async function main(): Promise<void> {
  await prepare();
  const self = fileURLToPath(import.meta.url);
  const runs: Run[] = [];
  for (const lang of ['zh', 'en'] as const) {
    for (const mb of SIZES) {
      const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', self, '--child', lang, String(mb)], { encoding: 'utf8', maxBuffer: 1 << 24 });
      const r = JSON.parse(out) as Run;
      runs.push(r);
      console.log(`${lang} ${mb} MB: ${fmt(r.mb / r.seconds)} MB/s, peak RSS ${fmt(r.peakRss, 0)} MiB, kept ${fmt(r.keptMiB, 1)} MiB`);
    }
  }
  const rows = runs.map((r) => [r.lang, fmt(r.mb, 1), fmt(r.seconds, 1), fmt(r.mb / r.seconds), fmt(r.cpuSeconds, 1), fmt(r.mb / r.cpuSeconds), fmt(r.load, 1), fmt(r.keptMiB, 1), fmt(r.peakRss, 0), fmt(r.peakHeap, 0), r.top.join(', ')]);
  const verdict = (['zh', 'en'] as const).map((lang) => {
    const [small, big, huge] = runs.filter((r) => r.lang === lang) as [Run, Run, Run];
    const speed = big.mb / big.seconds;
    const keptGrowth = huge.keptMiB / big.keptMiB;
    const cpuSpeed = big.mb / big.cpuSeconds;
    return (
      `- ${lang}: ${fmt(speed)} MB/s wall, ${fmt(cpuSpeed)} MB/s of CPU time on 10 MB (target ≥ 1: **${speed >= 1 ? 'met' : cpuSpeed >= 1 ? 'met on CPU time only' : 'not met'}**); ` +
      `kept after GC ${fmt(small.keptMiB, 1)} / ${fmt(big.keptMiB, 1)} / ${fmt(huge.keptMiB, 1)} MiB at 1 / 10 / 30 MB: 30 MB / 10 MB = ${fmt(keptGrowth)} ` +
      `(flat: tripling the input keeps at most 15% more: **${keptGrowth <= 1.15 ? 'met' : 'not met'}**); ` +
      `peak RSS, garbage included: 10 MB / 1 MB = ${fmt(big.peakRss / small.peakRss)}, 30 MB / 10 MB = ${fmt(huge.peakRss / big.peakRss)}`
    );
  });
  const md = [
    '## Term extraction throughput (extract)',
    '',
    `Command: \`npm run bench -- extract\` · date ${new Date().toISOString().slice(0, 10)} · Node ${process.version}`,
    '',
    `Input: Han-heavy and Latin lines of bench/.work/text.txt, cycled to ${MAX_MB} MB each, streamed in 64 KB chunks; each run in its own process;`,
    'candidate table bounded by lossy counting (200k entries); the result is the top 100 with contexts. A 1 MB run does not fill the table,',
    'so memory rises from 1 to 10 MB; the 30 MB run shows whether it keeps growing with the input. "Kept after GC" is the live heap +',
    'external once the whole input is read (full GC, before ranking); the peak RSS also holds garbage V8 has not collected yet, and V8',
    'lets more of it pile up the longer a process allocates, so it grows with the run even when what is kept does not.',
    '',
    table(['lang', 'MB', 'wall s', 'MB/s (wall)', 'CPU s', 'MB/s (CPU)', 'load avg', 'kept after GC MiB', 'peak RSS MiB', 'peak heap MiB', 'top 5'], rows),
    '',
    'MB/s (CPU) divides by the process CPU time: on a shared machine (load avg column) wall time mostly measures waiting.',
    '',
    ...verdict,
  ].join('\n');
  console.log(md);
  writeResult('extract', md);
}

if (process.argv[2] === '--child') await child(process.argv[3] as 'zh' | 'en', Number(process.argv[4]));
else await main();
