/**
 * `shuyu lookup <query...> [--json] [--limit N]`: ranked concepts for a Chinese, English, pinyin or
 * traditional-script query, tolerant of typos. Human output shows each concept's preferred zh ↔ en pair,
 * its other terms with status, definition, pinyin and why it was found; --json prints
 * `{"query": …, "results": [LookupResult…]}` (the same shape as GET /api/lookup).
 */
import type { Command } from 'commander';
import { numberInRange } from '../arguments.js';
import type { CliContext, Style, Translate } from '../context.js';
import { lookup, MAX_LOOKUP_LIMIT } from '../../service/lookup.js';
import type { LookupResult } from '../../service/lookup.js';
import type { TermStatus } from '../../core/model.js';
import type { UiLanguage } from '../../i18n/index.js';

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

/** Colours a status word (or its translation `label`): green preferred, cyan admitted, yellow deprecated, red forbidden. */
export function statusText(status: TermStatus, s: Style, label: string = status): string {
  switch (status) {
    case 'preferred':
      return s.green(label);
    case 'admitted':
      return s.cyan(label);
    case 'deprecated':
      return s.yellow(label);
    case 'forbidden':
      return s.red(label);
  }
}

/** The human-readable block for one result, labels in the language of `t` (`lng`). */
export function formatResult(r: LookupResult, n: number, s: Style, t: Translate, lng: UiLanguage): string[] {
  const pair = [r.pair.zh, r.pair.en].filter(Boolean).join(' ↔ ');
  const lines = [`${s.dim(`${n}.`)} ${s.bold(pair || r.matched)}  ${s.dim(`${r.glossaryId}:${r.conceptId}`)}`];
  // the detail is English (it names what matched: pinyin initials ckgz) and may start with the English reason:
  // in English it then stands for both, in another language its rest follows the translated reason
  const english = REASON_TEXT[r.reason];
  const reason = lng === 'en' ? english : t(`lookup:reason.${r.reason}`);
  const restated = r.detail?.startsWith(english) ?? false;
  const rest = restated ? r.detail!.slice(english.length).trim() : r.detail;
  const explained = lng === 'en' && restated ? r.detail! : rest ? `${reason} (${rest})` : reason;
  const why = `${explained}: ${r.matched}`;
  lines.push(`   ${s.dim(t('foundBy'))} ${why}`);
  if (r.subjectField) lines.push(`   ${s.dim(t('field'))}    ${r.subjectField}`);
  const langWidth = Math.max(...r.terms.map((term) => term.lang.length));
  for (const term of r.terms) {
    const pinyin = term.pinyin ? ` ${s.dim(`[${term.pinyin}]`)}` : '';
    const note = term.note ? s.dim(` — ${term.note}`) : '';
    lines.push(`   ${term.lang.padEnd(langWidth)}  ${term.text}${pinyin}  ${statusText(term.status, s, t(`common:status.${term.status}`))}${note}`);
  }
  for (const [lang, text] of Object.entries(r.definitions)) lines.push(`   ${s.dim(t('definition', { lang }))} ${text}`);
  return lines;
}

export function registerLookup(program: Command, ctx: CliContext): void {
  program
    .command('lookup')
    .description(ctx.t('cli-help:lookup.description'))
    .argument('<query...>', ctx.t('cli-help:lookup.query'))
    .option('--json', ctx.t('cli-help:lookup.json'))
    .option('-n, --limit <n>', ctx.t('cli-help:lookup.limit', { max: MAX_LOOKUP_LIMIT }), numberInRange(ctx.t, 1, MAX_LOOKUP_LIMIT), 10)
    .action(async (words: string[], opts: { json?: boolean; limit: number }) => {
      const query = words.join(' ');
      const results = await lookup(await ctx.engine(), { q: query, limit: opts.limit });
      if (opts.json) {
        await ctx.out(JSON.stringify({ query: query.trim(), results }, null, 2));
        return;
      }
      if (results.length === 0) {
        await ctx.out(ctx.t('noConcept', { query }));
        return;
      }
      const blocks = results.map((r, i) => formatResult(r, i + 1, ctx.style, ctx.t, ctx.lng).join('\n'));
      await ctx.out(blocks.join('\n\n'));
    });
}
