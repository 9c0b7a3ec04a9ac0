/**
 * `shuyu convert <in> <out> [--from id] [--to id] [--lang …] [--status …] [--layout concept|term]
 * [--map "Header=field"]… [--encoding label]`: converts a glossary file between formats without the store.
 */
import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { ShuyuError } from '../../core/errors.js';
import { readGlossary } from '../../formats/registry.js';
import { exportLoaded, parseList } from '../../service/export.js';
import { emit, outputFormat } from './export.js';
import { collectOption, fileInput, parseMappingOption, printWarnings, progressBar } from './import.js';

export function registerConvert(program: Command, ctx: CliContext): void {
  program
    .command('convert')
    .description('convert a glossary file to another format (TBX ⇄ XLSX ⇄ CSV ⇄ JSON …)')
    .argument('<in>', 'input file (TBX, XLSX, XLS, ODS, CSV, TSV, JSON, YAML)')
    .argument('<out>', 'output file; its extension picks the format (or use --to); - for stdout')
    .option('--from <format>', 'force the input format')
    .option('--to <format>', 'force the output format')
    .option('--lang <langs>', 'only these languages, e.g. zh-Hans,en')
    .option('--status <statuses>', 'only terms with these statuses')
    .option('--layout <layout>', 'spreadsheets: one row per concept or per term (concept|term)', 'concept')
    .option('--map <header=field>', 'map an input column (repeatable), e.g. "英文术语=en"', collectOption)
    .option('--encoding <label>', 'force the input text encoding')
    .action(async (inFile: string, outFile: string, opts: { from?: string; to?: string; lang?: string; status?: string; layout: string; map?: string[]; encoding?: string }) => {
      if (opts.layout !== 'concept' && opts.layout !== 'term') throw new ShuyuError('usage', `--layout must be concept or term (not "${opts.layout}")`, { params: { layout: opts.layout } });
      const format = outputFormat(opts.to, outFile === '-' ? undefined : outFile);
      const input = fileInput(inFile);
      const progress = progressBar(ctx, `Reading ${input.name}`);
      const langs = parseList(opts.lang);
      const mapping = parseMappingOption(opts.map);
      let read;
      try {
        read = await readGlossary(input, {
          ...(opts.from ? { format: opts.from } : {}),
          ...(langs ? { langs } : {}),
          ...(mapping ? { mapping } : {}),
          ...(opts.encoding ? { encoding: opts.encoding } : {}),
          ...(progress.onProgress ? { onProgress: progress.onProgress } : {}),
        });
      } finally {
        progress.stop();
      }
      const statuses = parseList(opts.status);
      const result = await exportLoaded(read.glossary, { format, layout: opts.layout, ...(statuses ? { statuses } : {}) });
      printWarnings(ctx, [...read.warnings, ...result.warnings]);
      await emit(ctx, result.bytes, result.format, outFile);
      if (outFile !== '-') ctx.err(ctx.t('converted', { file: input.name, count: read.glossary.concepts.length, output: outFile, format: result.format }));
    });
}
