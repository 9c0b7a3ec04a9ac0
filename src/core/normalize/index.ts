/**
 * Normalisation entry points: `termKey` (a canonical key for duplicate detection and grouping) and the
 * pattern variants the matcher compiles for each term. See docs/matching.md.
 */
import { isChinese, normalizedLang } from '../lang.js';
import { C_WORD, FOLD_ALL, FOLD_CASE, classes, traditionalOnlyChars } from './chars.js';
import { canonicalWord, inflectionVariants } from './inflect.js';
import { toSimplified, toSimplifiedChars, toTaiwanPruned, toTraditional } from './script.js';
import { mayHaveTaiwanForm } from './tw-filter.js';
import { F_SPLIT, normalizeScratch } from './text.js';

export { FOLD_ALL, FOLD_CASE, FOLD_INFLECTION, FOLD_SCRIPT, FOLD_WIDTH, traditionalOnlyChars } from './chars.js';
export { F_END, F_SPLIT, F_START, asciiFoldKey, foldKey, isFoldedCjk, normalizeScratch, normalizeText, unitsToString } from './text.js';
export type { NormalizedText } from './text.js';
export { canonicalWord, inflectionVariants } from './inflect.js';

/**
 * Canonical key of a term: NFKC and full/half width, Latin case folding (unless `caseSensitive`),
 * Traditional → Simplified (with Taiwan/Hong Kong vocabulary for Traditional tags or text), hyphens and spaces between
 * words dropped, possessive `'s` dropped and each English word singularised. So `开放权重` = `開放權重`,
 * `ＡＩ` = `AI`, `open-weight` = `Open Weight` = `open weights` = `openweight`, `export controls` =
 * `export control`, `model's` = `model`.
 */
export function termKey(text: string, lang: string, caseSensitive = false): string {
  const source = isChinese(lang) ? simplifiedForKey(text, lang) : text;
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

/**
 * Traditional → Simplified for a key: with Taiwan and Hong Kong vocabulary (資料中心 → 数据中心) when the tag or
 * the text is Traditional, by characters only for Simplified text — there the vocabulary rules misread ordinary
 * words (命令列表, "command list", is not the Taiwan 命令列 "command line" + 表), as the matcher's do (docs/matching.md).
 */
function simplifiedForKey(text: string, lang: string): string {
  if (normalizedLang(lang) === 'zh-Hant') return toSimplified(text);
  const trad = traditionalOnlyChars();
  for (let i = 0; i < text.length; i++) if (trad[text.charCodeAt(i)]) return toSimplified(text);
  return toSimplifiedChars(text);
}

/** A surface form compiled for a term: `script` is the script/vocabulary form, `form` adds inflection. */
export interface PatternForm {
  /** The text compiled into the automaton (after normalisation). */
  form: string;
  /** The script variant `form` was inflected from (the term itself, or its Traditional/Simplified form). */
  script: string;
}

const HAN = /\p{Script=Han}/u;

/**
 * HAN.test(text), without the regular expression for the common cases: a character of the CJK Unified
 * Ideographs block U+4E00–U+9FFF (all Han) answers yes, text below U+2E80 (where Han begins) answers no.
 */
function hasHan(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) return true;
    if (c >= 0x2e80) return HAN.test(text);
  }
  return false;
}
const LATIN = /\p{Script=Latin}/u;
const WORDS = /[\p{L}\p{N}]+/gu;
const CAPITALISED = /^\p{Lu}\p{Ll}/u;
const INITIAL_UPPER = /^\p{Lu}/u;

/**
 * True for a name written in title case: every word of letters starts with a capital, and the last word
 * is capitalised but not all capitals (`America`, `White House`, `Chief AI Officer`; not `AI`,
 * `GPU cluster`, `Action plan`). Such terms get no joined spelling (`whitehouse`); a single such word
 * also gets no generated singular/plural (`America` does not find `Americas`).
 */
export function isProperName(text: string): boolean {
  const c0 = text.charCodeAt(0);
  if ((c0 >= 0x61 && c0 <= 0x7a) || (c0 >= 0x3400 && c0 <= 0x9fff)) return false; // fast path: lower case, Han
  const words = text.match(WORDS);
  if (!words) return false;
  const last = words[words.length - 1]!;
  if (!CAPITALISED.test(last)) return false;
  return words.every((w) => !/\p{L}/u.test(w) || INITIAL_UPPER.test(w));
}

/**
 * The surface forms the matcher compiles for one term: Simplified Chinese terms with their Taiwan form
 * (人工智能 → 人工智慧, characters and vocabulary), Traditional ones with their Simplified form; terms ending
 * in an English word with the singular and plural of that word (export control ↔ export controls), except
 * a single capitalised word (`America` does not find `Americas`; see isProperName). Deduplicated; the term
 * itself first.
 */
export function patternForms(text: string, lang: string): PatternForm[] {
  let other: string | undefined;
  if (HAN.test(text)) other = lang === 'zh-Hant' ? toSimplified(text) : toTraditional(text, 'tw');
  return formsOf(text, other);
}

/**
 * The script variant of each term (see patternForms), or undefined: the OpenCC conversions are done in two
 * calls over all the Chinese terms joined by line breaks (a per-term call costs ~50 µs of set-up), then
 * split; Simplified terms whose Taiwan form would normalise like the term are not converted (undefined).
 * `patternFormsWith(t.text, variants[i])` then gives the compiled forms of term i.
 */
export function scriptVariantsBatch(terms: readonly { text: string; lang: string }[]): (string | undefined)[] {
  const toS: number[] = [];
  const toT: number[] = [];
  terms.forEach((t, i) => {
    if (hasHan(t.text)) (t.lang === 'zh-Hant' ? toS : toT).push(i);
  });
  const other = new Array<string | undefined>(terms.length);
  const convert = (ids: number[], fn: (s: string) => string): void => {
    const batch = ids.filter((i) => !terms[i]!.text.includes('\n'));
    const out = batch.length ? fn(batch.map((i) => terms[i]!.text).join('\n')).split('\n') : [];
    batch.forEach((id, k) => {
      // a conversion that changed the line count cannot be split: convert that term alone
      other[id] = out.length === batch.length ? out[k]! : fn(terms[id]!.text);
    });
    for (const id of ids) other[id] ??= fn(terms[id]!.text);
  };
  convert(toS, toSimplified);
  // Simplified terms whose Taiwan form can only fold back to the term need no conversion (tw-filter.ts)
  // (toTaiwanPruned = toTraditional(s, 'tw') with only the dictionary entries that can occur in s)
  convert(
    toT.filter((i) => mayHaveTaiwanForm(terms[i]!.text)),
    toTaiwanPruned,
  );
  return other;
}

/** patternForms for many terms at once (see scriptVariantsBatch). */
export function patternFormsBatch(terms: readonly { text: string; lang: string }[]): PatternForm[][] {
  const other = scriptVariantsBatch(terms);
  return terms.map((t, i) => formsOf(t.text, other[i]));
}

/** The forms of a term given its script variant (from scriptVariantsBatch; undefined for none). */
export function patternFormsWith(text: string, scriptVariant: string | undefined): PatternForm[] {
  return formsOf(text, scriptVariant);
}

function formsOf(text: string, other: string | undefined): PatternForm[] {
  const out: PatternForm[] = [];
  eachPatternForm(text, other, (form, script) => {
    out.push({ form, script });
  });
  return out;
}

/** Forms already given for the current term (scratch of eachPatternForm; terms have at most 4 forms). */
const given: string[] = [];

/**
 * Calls fn(form, script) for each form of a term given its script variant (the forms of patternFormsWith,
 * in the same order, without making arrays or objects): the build of a large matcher calls this for
 * every term.
 */
export function eachPatternForm(text: string, other: string | undefined, fn: (form: string, script: string) => void): void {
  given.length = 0;
  emitForms(text, fn);
  if (other !== undefined && other !== text) emitForms(other, fn);
}

function emitForms(script: string, fn: (form: string, script: string) => void): void {
  if (!given.includes(script)) {
    given.push(script);
    fn(script, script);
  }
  const forms = inflectedForms(script);
  for (let i = 0; i < forms.length; i++) {
    const form = forms[i]!;
    if (!given.includes(form)) {
      given.push(form);
      fn(form, script);
    }
  }
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const LETTER = /\p{L}/u;

/** Start of the trailing word (a letter, then letters, digits, marks up to the end), or -1. */
function trailingWordStart(text: string): number {
  let j = text.length;
  while (j > 0) {
    const c = text.charCodeAt(j - 1);
    const ascii = (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
    if (!ascii && (c < 0x80 || !WORD_CHAR.test(text[j - 1]!))) break; // (astral words: not inflected)
    j--;
  }
  while (j < text.length && !LETTER.test(text[j]!)) j++;
  return j < text.length ? j : -1;
}

/** ` of ` joining a head noun to its complement: `code of conduct`, `countries of concern`. */
const OF_PHRASE = / of /i;

/**
 * Inflected forms of a term: its head noun in the singular or plural. The head is the last word, except in
 * an English `X of Y` phrase, where it is the word before `of` (`codes of conduct`, never `code of conducts`).
 */
function inflectedForms(text: string): string[] {
  const of = OF_PHRASE.exec(text);
  if (of && of.index > 0) {
    const before = text.slice(0, of.index);
    const headAt = trailingWordStart(before);
    if (headAt < 0 || !LATIN.test(before.slice(headAt))) return [];
    const rest = text.slice(of.index);
    return inflectionVariants(before.slice(headAt)).map((v) => before.slice(0, headAt) + v + rest);
  }
  const at = trailingWordStart(text);
  if (at < 0) return [];
  const word = text.slice(at);
  // (the word starts with a letter: an ASCII one is Latin)
  if (!isAsciiLetter(word.charCodeAt(0)) && !LATIN.test(word)) return [];
  // a single capitalised word is a proper name (America ≠ Americas); a title-case multi-word term is
  // usually a title or a programme that takes a plural (Chief AI Officers)
  if (at === 0 && isProperName(text)) return [];
  const variants = inflectionVariants(word);
  if (variants.length === 0) return variants;
  if (at === 0) return variants;
  const head = text.slice(0, at);
  return variants.map((v) => head + v);
}

function isAsciiLetter(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
}
