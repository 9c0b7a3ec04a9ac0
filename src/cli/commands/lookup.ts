/**
 * `shuyu lookup <query...> [--json] [--limit N]`: ranked concepts for a Chinese, English, pinyin or
 * traditional-script query, tolerant of typos. Human output shows each concept's preferred zh ↔ en pair,
 * its other terms with status, definition, pinyin and why it was found; --json prints
 * `{"query": …, "results": [LookupResult…]}` (the same shape as GET /api/lookup).
 */
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import type { CliContext, Style } from '../context.js';
import { lookup, MAX_LOOKUP_LIMIT } from '../../service/lookup.js';
import type { LookupResult } from '../../service/lookup.js';
import type { TermStatus } from '../../core/model.js';

function parseLimit(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > MAX_LOOKUP_LIMIT) throw new InvalidArgumentError(`a number from 1 to ${MAX_LOOKUP_LIMIT}`);
  return n;
}

const REASON_TEXT: Record<LookupResult['reason'], string> = {
  exact: 'exact match',
  variant: 'variant form',
  pinyin: 'pinyin',
  'pinyin-initials': 'pinyin initials',
  prefix: 'prefix',
  substring: 'part of a term',
  fuzzy: 'similar spelling',
  definition: 'found in the definition',
};

/** Colours a status word: green preferred, cyan admitted, yellow deprecated, red forbidden. */
export function statusText(status: TermStatus, s: Style): string {
  switch (status) {
    case 'preferred':
      return s.green(status);
    case 'admitted':
      return s.cyan(status);
    case 'deprecated':
      return s.yellow(status);
    case 'forbidden':
      return s.red(status);
  }
}

/** The human-readable block for one result. */
export function formatResult(r: LookupResult, n: number, s: Style): string[] {
  const pair = [r.pair.zh, r.pair.en].filter(Boolean).join(' ↔ ');
  const lines = [`${s.dim(`${n}.`)} ${s.bold(pair || r.matched)}  ${s.dim(`${r.glossaryId}:${r.conceptId}`)}`];
  const reason = REASON_TEXT[r.reason];
  const explained = !r.detail ? reason : r.detail.startsWith(reason) ? r.detail : `${reason} (${r.detail})`;
  const why = `${explained}: ${r.matched}`;
  lines.push(`   ${s.dim('found by')} ${why}`);
  if (r.subjectField) lines.push(`   ${s.dim('field')}    ${r.subjectField}`);
  const langWidth = Math.max(...r.terms.map((t) => t.lang.length));
  for (const t of r.terms) {
    const pinyin = t.pinyin ? ` ${s.dim(`[${t.pinyin}]`)}` : '';
    const note = t.note ? s.dim(` — ${t.note}`) : '';
    lines.push(`   ${t.lang.padEnd(langWidth)}  ${t.text}${pinyin}  ${statusText(t.status, s)}${note}`);
  }
  for (const [lang, text] of Object.entries(r.definitions)) lines.push(`   ${s.dim(`definition (${lang})`)} ${text}`);
  return lines;
}

export function registerLookup(program: Command, ctx: CliContext): void {
  program
    .command('lookup')
    .description('find concepts by Chinese, English, pinyin (ckgz, chukou) or traditional script, tolerating typos')
    .argument('<query...>', 'what to look up (several words are joined with spaces)')
    .option('--json', 'print JSON: {"query", "results":[…]} (documented in docs/cli.md)')
    .option('-n, --limit <n>', `at most this many results (1–${MAX_LOOKUP_LIMIT})`, parseLimit, 10)
    .action(async (words: string[], opts: { json?: boolean; limit: number }) => {
      const query = words.join(' ');
      const results = await lookup(await ctx.engine(), { q: query, limit: opts.limit });
      if (opts.json) {
        await ctx.out(JSON.stringify({ query: query.trim(), results }, null, 2));
        return;
      }
      if (results.length === 0) {
        await ctx.out(`No concept found for "${query}".`);
        return;
      }
      const blocks = results.map((r, i) => formatResult(r, i + 1, ctx.style).join('\n'));
      await ctx.out(blocks.join('\n\n'));
    });
}
