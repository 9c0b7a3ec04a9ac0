/**
 * Normalisation entry points: `termKey` (a canonical key for duplicate detection and grouping) and the
 * pattern variants the matcher compiles for each term. See docs/matching.md.
 */
import { isChinese } from '../lang.js';
import { C_WORD, FOLD_ALL, FOLD_CASE, classes } from './chars.js';
import { canonicalWord, inflectionVariants } from './inflect.js';
import { toSimplified, toTraditional } from './script.js';
import { F_SPLIT, normalizeScratch } from './text.js';

export { FOLD_ALL, FOLD_CASE, FOLD_INFLECTION, FOLD_SCRIPT, FOLD_WIDTH } from './chars.js';
export { F_END, F_SPLIT, F_START, foldKey, normalizeScratch, normalizeText, unitsToString } from './text.js';
export type { NormalizedText } from './text.js';
export { canonicalWord, inflectionVariants } from './inflect.js';

/**
 * Canonical key of a term: NFKC and full/half width, Latin case folding (unless `caseSensitive`),
 * Traditional → Simplified (with Taiwan/Hong Kong vocabulary for Chinese tags), hyphens and spaces between
 * words dropped, possessive `'s` dropped and each English word singularised. So `开放权重` = `開放權重`,
 * `ＡＩ` = `AI`, `open-weight` = `Open Weight` = `open weights` = `openweight`, `export controls` =
 * `export control`, `model's` = `model`.
 */
export function termKey(text: string, lang: string, caseSensitive = false): string {
  const source = isChinese(lang) ? toSimplified(text) : text;
  const n = normalizeScratch(source, caseSensitive ? FOLD_ALL & ~FOLD_CASE : FOLD_ALL);
  const cls = classes();
  let key = '';
  let i = 0;
  while (i < n.length) {
    const u = n.units[i]!;
    if (cls[u] !== C_WORD) {
      key += String.fromCharCode(u);
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n.length && cls[n.units[j]!] === C_WORD && !(n.flags[j]! & F_SPLIT)) j++;
    key += canonicalWord(String.fromCharCode(...n.units.subarray(i, j)));
    i = j;
  }
  return key;
}

/** A surface form compiled for a term: `script` is the script/vocabulary form, `form` adds inflection. */
export interface PatternForm {
  /** The text compiled into the automaton (after normalisation). */
  form: string;
  /** The script variant `form` was inflected from (the term itself, or its Traditional/Simplified form). */
  script: string;
}

const HAN = /\p{Script=Han}/u;
const TRAILING_WORD = /(\p{L}[\p{L}\p{N}\p{M}]*)$/u;
const LATIN = /\p{Script=Latin}/u;

/**
 * The surface forms the matcher compiles for one term: Simplified Chinese terms with their Taiwan form
 * (人工智能 → 人工智慧, characters and vocabulary), Traditional ones with their Simplified form; terms ending in an English word with the singular
 * and plural of that word (export control ↔ export controls). Deduplicated; the term itself first.
 */
export function patternForms(text: string, lang: string): PatternForm[] {
  const scripts = [text];
  if (HAN.test(text)) {
    // Simplified terms get their Taiwan form (人工智能 → 人工智慧), Traditional ones their Simplified form
    const other = lang === 'zh-Hant' ? toSimplified(text) : toTraditional(text, 'tw');
    if (other !== text) scripts.push(other);
  }
  const out: PatternForm[] = [];
  const seen = new Set<string>();
  for (const script of scripts) {
    for (const form of [script, ...inflectedForms(script)]) {
      if (seen.has(form)) continue;
      seen.add(form);
      out.push({ form, script });
    }
  }
  return out;
}

function inflectedForms(text: string): string[] {
  const m = TRAILING_WORD.exec(text);
  if (!m || !LATIN.test(m[1]!)) return [];
  const word = m[1]!;
  const head = text.slice(0, text.length - word.length);
  return inflectionVariants(word).map((v) => head + v);
}
