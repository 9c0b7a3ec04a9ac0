/** Small helpers shared by the benchmarks: timing, memory, medians, Markdown tables. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

export function now(): number {
  return performance.now();
}

export function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/**
 * Heap + external memory after a full GC, in MiB: what a structure keeps alive. (`external` already includes
 * `arrayBuffers`, Node's Buffers and typed arrays, so they are not added a second time.)
 */
export function keptMiB(): number {
  gc();
  gc();
  const m = process.memoryUsage();
  return (m.heapUsed + m.external) / 2 ** 20;
}

export function rssMiB(): number {
  return process.memoryUsage().rss / 2 ** 20;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

/** Runs a command; returns wall seconds, peak RSS in MiB (from /usr/bin/time when installed) and stdout. */
export function timeCommand(cmd: string, args: string[], opts: { cwd?: string } = {}): { seconds: number; peakMiB?: number; stdout: string } {
  const haveTime = existsSync('/usr/bin/time');
  const t0 = now();
  const r = haveTime
    ? spawnSync('/usr/bin/time', ['-f', '__PEAK_KB__%M', cmd, ...args], { cwd: opts.cwd, encoding: 'utf8', maxBuffer: 1 << 30 })
    : spawnSync(cmd, args, { cwd: opts.cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = (now() - t0) / 1000;
  if (r.error) throw r.error;
  const m = /__PEAK_KB__(\d+)/.exec(r.stderr ?? '');
  return m ? { seconds, peakMiB: Number(m[1]) / 1024, stdout: r.stdout } : { seconds, stdout: r.stdout };
}

export function table(headers: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}

export function writeResult(name: string, markdown: string): void {
  mkdirSync(join(here, 'results'), { recursive: true });
  writeFileSync(join(here, 'results', `${name}.md`), `${markdown.trim()}\n`);
}

export function fmt(n: number, digits = 2): string {
  return Number.isFinite(n) ? n.toFixed(digits) : String(n);
}
