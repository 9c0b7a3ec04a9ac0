/**
 * `shuyu check <file|folder>... [--format text|json|html|xlsx|sarif] [-o file] [--fail-on error|warning|never]
 * [--waivers file] [--source-lang] [--target-lang]`: checks translated files against the glossaries (the global
 * `--glossary <file>` options, or the store; `--glossaries a,b` picks store glossaries by id).
 * Exit codes: 0 clean, 1 findings at or above --fail-on, 2 bad input or usage. Progress on a TTY (stderr).
 */
import { existsSync } from 'node:fs';
import { readFile, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import YAML from 'yaml';
import type { CliContext } from '../context.js';
import { CHECK_IDS, parseWaivers } from '../../core/checks/index.js';
import type { CheckId, CheckRunOptions, Waiver } from '../../core/checks/index.js';
import { ShuyuError } from '../../core/errors.js';
import { TERM_STATUSES } from '../../core/model.js';
import type { TermStatus } from '../../core/model.js';
import { i18nextLocaleOf } from '../../formats/bilingual/i18next.js';
import { langFromFileName } from '../../formats/bilingual/langs.js';
import { parseReportFormat, writeReport } from '../../formats/reports/index.js';
import type { FileInput } from '../../formats/types.js';
import { checkFiles, reportFails } from '../../service/check.js';
import type { FailOn } from '../../service/check.js';

const TABLE_AND_XML = new Set(['xlf', 'xliff', 'sdlxliff', 'mxliff', 'tmx', 'csv', 'tsv', 'tab', 'xlsx']);
/** Waiver files picked up automatically next to the translations. */
export const WAIVER_FILE_NAMES = ['shuyu-waivers.yaml', 'shuyu-waivers.yml', 'shuyu-waivers.json', '.shuyu-waivers.yaml'];

interface CheckOptions {
  sourceLang?: string;
  targetLang?: string;
  format: string;
  output?: string;
  failOn: string;
  waivers?: string;
  glossaries?: string;
  checks?: string;
  skip?: string;
  allowed?: string;
  inputFormat?: string;
  lang?: string;
  maxLocations?: string;
}

/** Files a folder contributes: bilingual files by extension; .json only when named by locale; .txt with a language. */
export function wantedInFolder(file: string): boolean {
  const base = path.basename(file);
  if (base.startsWith('.') || WAIVER_FILE_NAMES.includes(base)) return false;
  const ext = path.extname(file).slice(1).toLowerCase();
  if (TABLE_AND_XML.has(ext)) return true;
  if (ext === 'json') return Boolean(i18nextLocaleOf(file).lang);
  if (ext === 'txt') return Boolean(langFromFileName(file));
  return false;
}

async function walk(dir: string, out: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) await walk(p, out);
    else if (e.isFile() && wantedInFolder(p)) out.push(p);
  }
}

/** Expands files and folders into inputs (paths are streamed, not read into memory). */
export async function expandInputs(paths: string[]): Promise<{ inputs: FileInput[]; dirs: string[] }> {
  const files: string[] = [];
  const dirs: string[] = [];
  for (const p of paths) {
    const st = await stat(p).catch((e: NodeJS.ErrnoException) => {
      throw new ShuyuError('not_found', `No such file or folder: ${p}`, { params: { file: p }, cause: e });
    });
    if (st.isDirectory()) {
      dirs.push(p);
      const found: string[] = [];
      await walk(p, found);
      if (found.length === 0) throw new ShuyuError('usage', `No translated files in ${p}`, { params: { file: p } });
      files.push(...found);
    } else {
      dirs.push(path.dirname(p));
      files.push(p);
    }
  }
  return { inputs: [...new Set(files)].map((f) => ({ name: f, path: f })), dirs: [...new Set(dirs)] };
}

/** Reads a waiver file (YAML or JSON). */
export async function loadWaivers(file: string): Promise<Waiver[]> {
  const text = await readFile(file, 'utf8').catch((e: NodeJS.ErrnoException) => {
    throw new ShuyuError('not_found', `No such waiver file: ${file}`, { params: { file }, cause: e });
  });
  let data: unknown;
  try {
    data = file.endsWith('.json') ? JSON.parse(text) : YAML.parse(text);
  } catch (e) {
    const linePos = (e as { linePos?: [{ line: number; col: number }] }).linePos?.[0];
    throw new ShuyuError('parse_error', `Malformed waiver file: ${(e as Error).message.split('\n')[0]}`, {
      params: { file, ...(linePos ? { line: linePos.line, column: linePos.col } : {}) },
      cause: e,
    });
  }
  return parseWaivers(data ?? [], file);
}

function list(value: string | undefined): string[] | undefined {
  return value
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Turns --checks/--skip/--allowed/--max-locations into run options. */
export function runOptions(opts: Pick<CheckOptions, 'checks' | 'skip' | 'allowed' | 'maxLocations'>): CheckRunOptions {
  const checks: Partial<Record<CheckId, boolean>> = {};
  const bad = (id: string) => new ShuyuError('usage', `Unknown check "${id}" (checks: ${CHECK_IDS.join(', ')})`, { params: { check: id } });
  const only = list(opts.checks);
  if (only) {
    for (const id of only) if (!(CHECK_IDS as readonly string[]).includes(id)) throw bad(id);
    for (const id of CHECK_IDS) checks[id] = only.includes(id);
  }
  for (const id of list(opts.skip) ?? []) {
    if (!(CHECK_IDS as readonly string[]).includes(id)) throw bad(id);
    checks[id as CheckId] = false;
  }
  const out: CheckRunOptions = { checks };
  const allowed = list(opts.allowed);
  if (allowed) {
    for (const s of allowed) {
      if (!(TERM_STATUSES as readonly string[]).includes(s)) {
        throw new ShuyuError('usage', `Unknown status "${s}" (statuses: ${TERM_STATUSES.join(', ')})`, { params: { status: s } });
      }
    }
    out.allowedStatuses = allowed as TermStatus[];
  }
  if (opts.maxLocations !== undefined) {
    const n = Number(opts.maxLocations);
    if (!Number.isInteger(n) || n < 1) throw new ShuyuError('usage', `--max-locations must be a positive integer, got "${opts.maxLocations}"`);
    out.maxLocations = n;
  }
  return out;
}

function parseFailOn(v: string): FailOn {
  if (v === 'error' || v === 'warning' || v === 'never' || v === 'info') return v;
  throw new ShuyuError('usage', `--fail-on must be error, warning or never, got "${v}"`, { params: { value: v } });
}

export function registerCheck(program: Command, ctx: CliContext): void {
  program
    .command('check')
    .description(ctx.t('cli-help:check.description'))
    .argument('<paths...>', ctx.t('cli-help:check.paths'))
    .option('--source-lang <tag>', ctx.t('cli-help:check.sourceLang'))
    .option('--target-lang <tag>', ctx.t('cli-help:check.targetLang'))
    .option('--format <format>', ctx.t('cli-help:check.format'), 'text')
    .option('-o, --output <file>', ctx.t('cli-help:check.output'))
    .option('--fail-on <level>', ctx.t('cli-help:check.failOn'), 'error')
    .option('--waivers <file>', ctx.t('cli-help:check.waivers'))
    .option('--glossaries <ids>', ctx.t('cli-help:check.glossaries'))
    .option('--checks <ids>', ctx.t('cli-help:check.checks', { checks: CHECK_IDS.join(', ') }))
    .option('--skip <ids>', ctx.t('cli-help:check.skip'))
    .option('--allowed <statuses>', ctx.t('cli-help:check.allowed'))
    .option('--input-format <id>', ctx.t('cli-help:check.inputFormat'))
    .option('--lang <lang>', ctx.t('cli-help:check.lang'))
    .option('--max-locations <n>', ctx.t('cli-help:check.maxLocations'))
    .action(async (paths: string[], opts: CheckOptions) => {
      const format = parseReportFormat(opts.format);
      const failOn = parseFailOn(opts.failOn);
      const lang = opts.lang ?? ctx.lng;
      if (lang !== 'en' && lang !== 'zh') throw new ShuyuError('usage', `--lang must be en or zh, got "${lang}"`);
      const options = runOptions(opts);
      if (format === 'xlsx' && !opts.output && ctx.isTTY) throw new ShuyuError('usage', 'An xlsx report is binary: write it to a file with -o report.xlsx');
      const { inputs, dirs } = await expandInputs(paths);
      let waiverFile = opts.waivers;
      if (!waiverFile) {
        for (const d of dirs) {
          const found = WAIVER_FILE_NAMES.map((n) => path.join(d, n)).find((p) => existsSync(p));
          if (found) {
            waiverFile = found;
            break;
          }
        }
      }
      const waivers = waiverFile ? await loadWaivers(waiverFile) : [];
      const engine = await ctx.engine();
      const progress = ctx.isTTY && process.stderr.isTTY;
      let last = 0;
      const report = await checkFiles(engine, {
        inputs,
        ...(list(opts.glossaries) ? { glossaryIds: list(opts.glossaries)! } : {}),
        ...(opts.sourceLang ? { sourceLang: opts.sourceLang } : {}),
        ...(opts.targetLang ? { targetLang: opts.targetLang } : {}),
        ...(opts.inputFormat ? { format: opts.inputFormat } : {}),
        options,
        waivers,
        ...(progress
          ? {
              onProgress: (p: { file: string; units: number; bytesDone?: number; bytesTotal?: number }) => {
                const now = Date.now();
                if (now - last < 200) return;
                last = now;
                const pct = p.bytesTotal ? ` ${Math.floor(((p.bytesDone ?? 0) / p.bytesTotal) * 100)}%` : '';
                process.stderr.write(`\r\u001b[2Kchecking ${path.basename(p.file)}${pct} — ${p.units} units`);
              },
            }
          : {}),
      });
      if (progress) process.stderr.write('\r\u001b[2K');
      const body = await writeReport(report, format, { lang, ...(format === 'text' && !opts.output && ctx.colorEnabled ? { style: ctx.style } : {}) });
      if (opts.output) await writeFile(opts.output, body);
      else if (typeof body === 'string') await ctx.write(body);
      else await new Promise<void>((resolve) => (ctx.stdout.write(Buffer.from(body) as unknown as string) ? resolve() : ctx.stdout.once('drain', resolve)));
      if (opts.output) ctx.err(ctx.t('checkWritten', { findings: report.summary.findings, waived: report.summary.waived, units: report.summary.units, file: opts.output }));
      ctx.exitCode = reportFails(report, failOn) ? 1 : 0;
    });
}
