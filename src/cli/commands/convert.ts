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
    .description(ctx.t('cli-help:convert.description'))
    .argument('<in>', ctx.t('cli-help:convert.in'))
    .argument('<out>', ctx.t('cli-help:convert.out'))
    .option('--from <format>', ctx.t('cli-help:convert.from'))
    .option('--to <format>', ctx.t('cli-help:convert.to'))
    .option('--lang <langs>', ctx.t('cli-help:convert.lang'))
    .option('--status <statuses>', ctx.t('cli-help:convert.status'))
    .option('--layout <layout>', ctx.t('cli-help:convert.layout'), 'concept')
    .option('--map <header=field>', ctx.t('cli-help:convert.map'), collectOption)
    .option('--encoding <label>', ctx.t('cli-help:convert.encoding'))
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
