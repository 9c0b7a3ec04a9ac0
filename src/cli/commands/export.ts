/**
 * `shuyu export [glossary] --format tbx|xlsx|csv|tsv|json|yaml [--lang zh-Hans,en]
 * [--status preferred,admitted] [--layout concept|term] [-o file]`: writes a glossary of the store (or of
 * the `--glossary` files). Without -o, text formats go to stdout; xlsx needs -o.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { ShuyuError } from '../../core/errors.js';
import { getGlossaryFormat } from '../../formats/registry.js';
import { exportGlossary, parseList } from '../../service/export.js';
import { printWarnings } from './import.js';

const BINARY = new Set(['xlsx']);

/** The format: --format, else the output file's extension. */
export function outputFormat(format: string | undefined, output: string | undefined): string {
  if (format) return getGlossaryFormat(format, 'write').id;
  const ext = output ? path.extname(output).slice(1) : '';
  if (!ext) throw new ShuyuError('usage', 'Give --format (tbx, xlsx, csv, tsv, json, yaml) or an output file with one of those extensions', {});
  return getGlossaryFormat(ext, 'write').id;
}

/** Writes bytes to a file, or text to stdout. */
export async function emit(ctx: CliContext, bytes: Uint8Array, format: string, output: string | undefined): Promise<void> {
  if (output && output !== '-') {
    await writeFile(output, bytes);
    return;
  }
  if (BINARY.has(format)) throw new ShuyuError('usage', `${format} is a binary format: write it to a file with -o <file>`, { params: { format } });
  await ctx.write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'));
}

export function registerExport(program: Command, ctx: CliContext): void {
  program
    .command('export')
    .description(ctx.t('cli-help:export.description'))
    .argument('[glossary]', ctx.t('cli-help:export.glossary'))
    .option('-f, --format <format>', ctx.t('cli-help:export.format'))
    .option('--lang <langs>', ctx.t('cli-help:export.lang'))
    .option('--status <statuses>', ctx.t('cli-help:export.status'))
    .option('--layout <layout>', ctx.t('cli-help:export.layout'), 'concept')
    .option('-o, --output <file>', ctx.t('cli-help:export.output'))
    .action(async (glossary: string | undefined, opts: { format?: string; lang?: string; status?: string; layout: string; output?: string }) => {
      if (opts.layout !== 'concept' && opts.layout !== 'term') throw new ShuyuError('usage', `--layout must be concept or term (not "${opts.layout}")`, { params: { layout: opts.layout } });
      const format = outputFormat(opts.format, opts.output);
      const engine = await ctx.engine();
      let id = glossary;
      if (!id) {
        const all = await engine.store.listGlossaries();
        if (all.length !== 1) {
          throw new ShuyuError('usage', all.length ? `Name the glossary to export: ${all.map((g) => g.id).join(', ')}` : 'There is no glossary to export', {});
        }
        id = all[0]!.id;
      }
      const langs = parseList(opts.lang);
      const statuses = parseList(opts.status);
      const result = await exportGlossary(engine.store, id, {
        format,
        layout: opts.layout,
        ...(langs ? { langs } : {}),
        ...(statuses ? { statuses } : {}),
      });
      printWarnings(ctx, result.warnings);
      await emit(ctx, result.bytes, result.format, opts.output);
      if (opts.output && opts.output !== '-') ctx.err(ctx.t('exported', { count: result.conceptCount, glossary: id, output: opts.output, format: result.format }));
    });
}
