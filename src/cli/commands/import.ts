/**
 * `shuyu import <file> [--into <glossary>] [--dry-run] [--on-duplicate skip|merge|overwrite|keep]
 * [--lang zh-Hans,en] [--format id] [--map "Header=field"]… [--encoding label] [--json]`:
 * imports a glossary file (TBX, XLSX, XLS/ODS, CSV/TSV, JSON, YAML) into the store, all or nothing.
 * A progress bar is shown on a terminal (stderr) for files that take more than a moment.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import type { CliContext } from '../context.js';
import { ShuyuError } from '../../core/errors.js';
import type { FormatWarning } from '../../formats/types.js';
import { DUPLICATE_POLICIES, importGlossary } from '../../service/import.js';
import type { DuplicatePolicy, ImportReport } from '../../service/import.js';
import { parseList } from '../../service/export.js';

/** Collects repeatable option values. */
export function collectOption(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** `--map "Chinese Term=zh" --map "Gloss=definition:en"` → mapping object (split at the last `=`). */
export function parseMappingOption(values: string[] | undefined): Record<string, string> | undefined {
  if (!values?.length) return undefined;
  const mapping: Record<string, string> = {};
  for (const v of values) {
    const i = v.lastIndexOf('=');
    if (i <= 0 || i === v.length - 1) throw new ShuyuError('usage', `--map wants "Header=field" (e.g. "英文术语=en"), not "${v}"`, { params: { map: v } });
    mapping[v.slice(0, i).trim()] = v.slice(i + 1).trim();
  }
  return mapping;
}

/** A file given on the command line: must exist and be a file. */
export function fileInput(file: string): { name: string; path: string } {
  if (!existsSync(file)) throw new ShuyuError('not_found', `No such file: ${file}`, { params: { file } });
  if (!statSync(file).isFile()) throw new ShuyuError('usage', `Not a file: ${file}`, { params: { file } });
  return { name: path.basename(file), path: file };
}

/**
 * A progress callback that draws a bar on stderr when it is a terminal, starting only after `delayMs`
 * (quick files show nothing). Call `stop()` when done.
 */
export function progressBar(ctx: CliContext, label: string, delayMs = 400): { onProgress?: (done: number, total?: number) => void; stop(): void } {
  if (ctx.stderr !== process.stderr || !process.stderr.isTTY || !ctx.isTTY) return { stop() {} };
  const started = Date.now();
  let bar: cliProgress.SingleBar | undefined;
  return {
    onProgress(done, total) {
      if (!bar) {
        if (Date.now() - started < delayMs || !total) return;
        bar = new cliProgress.SingleBar(
          { format: `${label} [{bar}] {percentage}% | {value}/{total}`, stream: process.stderr, hideCursor: true, clearOnComplete: true },
          cliProgress.Presets.shades_classic,
        );
        bar.start(total, done);
      }
      bar.update(done);
    },
    stop() {
      bar?.stop();
    },
  };
}

/** Prints warnings to stderr, one line each. */
export function printWarnings(ctx: CliContext, warnings: FormatWarning[]): void {
  for (const w of warnings.slice(0, 30)) {
    const where = [w.file, w.line ?? w.row].filter((x) => x !== undefined).join(':');
    ctx.err(`${ctx.style.yellow(ctx.t('warning'))}: ${where ? `${where}: ` : ''}${w.message}`);
  }
  if (warnings.length > 30) ctx.err(ctx.t('moreWarnings', { count: warnings.length - 30 }));
}

async function printReport(ctx: CliContext, r: ImportReport, verbose: boolean): Promise<void> {
  const s = ctx.style;
  const c = r.counts;
  const verb = ctx.t(r.dryRun ? 'wouldImport' : 'imported');
  const into = ctx.t(r.createdGlossary ? 'intoNewGlossary' : 'intoGlossary', { id: s.bold(r.glossaryId) });
  await ctx.out(
    ctx.t('importSummary', { verb, file: r.file, glossary: into, added: c.added, changed: c.changed, skipped: c.skipped, unchanged: c.unchanged, duplicates: c.duplicates, policy: r.policy, total: c.total }),
  );
  const shown = verbose ? r.items : r.items.filter((i) => i.action !== 'add').slice(0, 20);
  const mark = { add: s.green('+'), change: s.yellow('~'), skip: s.dim('-'), unchanged: s.dim('=') } as const;
  for (const i of shown) await ctx.out(`  ${mark[i.action]} ${i.fileId && i.fileId !== i.conceptId ? `${i.fileId} → ` : ''}${i.conceptId}  ${i.terms}  ${s.dim(i.reason)}`);
  const hidden = (verbose ? r.items.length : r.items.filter((i) => i.action !== 'add').length) - shown.length;
  if (hidden > 0 || r.truncated) await ctx.out(s.dim(`  ${ctx.t('moreItems')}`));
  if (r.dryRun) await ctx.out(s.dim(ctx.t('dryRun')));
}

export function registerImport(program: Command, ctx: CliContext): void {
  program
    .command('import')
    .description(ctx.t('cli-help:import.description'))
    .argument('<file>', ctx.t('cli-help:import.file'))
    .option('--into <glossary>', ctx.t('cli-help:import.into'))
    .option('--dry-run', ctx.t('cli-help:import.dryRun'))
    .option('--on-duplicate <policy>', ctx.t('cli-help:import.onDuplicate', { policies: DUPLICATE_POLICIES.join('|') }), 'skip')
    .option('--lang <langs>', ctx.t('cli-help:import.lang'))
    .option('--format <id>', ctx.t('cli-help:import.format'))
    .option('--map <header=field>', ctx.t('cli-help:import.map'), collectOption)
    .option('--encoding <label>', ctx.t('cli-help:import.encoding'))
    .option('--json', ctx.t('cli-help:import.json'))
    .option('-v, --verbose', ctx.t('cli-help:import.verbose'))
    .action(async (file: string, opts: { into?: string; dryRun?: boolean; onDuplicate: string; lang?: string; format?: string; map?: string[]; encoding?: string; json?: boolean; verbose?: boolean }) => {
      if (!(DUPLICATE_POLICIES as readonly string[]).includes(opts.onDuplicate)) {
        throw new ShuyuError('usage', `--on-duplicate must be one of ${DUPLICATE_POLICIES.join(', ')} (not "${opts.onDuplicate}")`, { params: { policy: opts.onDuplicate } });
      }
      const input = fileInput(file);
      const engine = await ctx.engine();
      const progress = progressBar(ctx, `Reading ${input.name}`);
      let report: ImportReport;
      try {
        const langs = parseList(opts.lang);
        const mapping = parseMappingOption(opts.map);
        report = await importGlossary(engine.store, input, {
          onDuplicate: opts.onDuplicate as DuplicatePolicy,
          ...(opts.into ? { into: opts.into } : {}),
          ...(opts.dryRun ? { dryRun: true } : {}),
          ...(langs ? { langs } : {}),
          ...(opts.format ? { format: opts.format } : {}),
          ...(mapping ? { mapping } : {}),
          ...(opts.encoding ? { encoding: opts.encoding } : {}),
          ...(progress.onProgress ? { onProgress: progress.onProgress } : {}),
          maxItems: opts.json || opts.verbose ? Number.MAX_SAFE_INTEGER : 1000,
        });
      } finally {
        progress.stop();
      }
      if (opts.json) {
        await ctx.out(JSON.stringify(report, null, 2));
        return;
      }
      printWarnings(ctx, report.warnings);
      await printReport(ctx, report, Boolean(opts.verbose));
    });
}
