/**
 * English tokeniser for term extraction: keeps hyphenated words (open-weight, state-of-the-art), acronyms
 * and dotted abbreviations (CAISI, U.S., e.g.) and decimal numbers whole; splits the possessive `'s`/`’s` off
 * as its own token (Penn Treebank style, so "America’s AI" does not glue "America’s" to the noun phrase).
 */
import type { Token } from './types.js';

/** Abbreviations written with a final period that do not end a sentence. */
export const EN_ABBREVIATIONS: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'inc', 'ltd', 'co', 'corp', 'vs', 'etc', 'no', 'fig', 'jan', 'feb',
  'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'gov', 'dept', 'approx', 'est', 'vol', 'sec',
]);

// Order matters: URLs, dotted abbreviations (U.S., e.g.), numbers, words with inner hyphens/apostrophes, anything else.
const TOKEN_RE =
  /(https?:\/\/\S+|www\.\S+)|((?:\p{L}\.){2,})|(\d+(?:[.,]\d+)*%?)|([\p{L}\p{N}]+(?:[-‐‑'’][\p{L}\p{N}]+)*(?:\.(?=\s|$))?)|(\S)/gu;

/** Token kinds the tokeniser tells apart (the tagger refines words). */
export type EnTokenKind = 'url' | 'abbr' | 'number' | 'word' | 'punct';

export interface EnToken extends Token {
  kind: EnTokenKind;
}

/**
 * Splits one sentence into tokens with offsets. The `tag` field is left empty: tagging is done by an
 * injected tagger (see EnTagger) and `refineEnTags`.
 */
export function tokenizeEn(sentence: string): EnToken[] {
  const out: EnToken[] = [];
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(sentence); m; m = TOKEN_RE.exec(sentence)) {
    const start = m.index;
    const text = m[0];
    if (m[1]) out.push({ text, tag: '', start, end: start + text.length, kind: 'url' });
    else if (m[2]) out.push({ text, tag: '', start, end: start + text.length, kind: 'abbr' });
    else if (m[3]) out.push({ text, tag: '', start, end: start + text.length, kind: 'number' });
    else if (m[4]) pushWord(out, text, start);
    else out.push({ text, tag: '', start, end: start + text.length, kind: 'punct' });
  }
  return out;
}

function pushWord(out: EnToken[], text: string, start: number): void {
  let word = text;
  // A final period belongs to the word only for known abbreviations (Inc., Dr.); otherwise it ends the sentence.
  let period = false;
  if (word.endsWith('.')) {
    const bare = word.slice(0, -1);
    if (!EN_ABBREVIATIONS.has(bare.toLowerCase())) {
      word = bare;
      period = true;
    }
  }
  const poss = /['’]s$/i.exec(word);
  if (poss && word.length > 2) {
    const base = word.slice(0, -2);
    out.push({ text: base, tag: '', start, end: start + base.length, kind: 'word' });
    out.push({ text: word.slice(-2), tag: 'POS', start: start + base.length, end: start + word.length, kind: 'punct' });
  } else {
    out.push({ text: word, tag: '', start, end: start + word.length, kind: 'word' });
  }
  if (period) out.push({ text: '.', tag: '', start: start + word.length, end: start + word.length + 1, kind: 'punct' });
}

/** True for an acronym or initialism written in capitals: AI, CAISI, GPUs, U.S., R&D is not one token. */
export function isAcronym(word: string): boolean {
  const c = word.charCodeAt(0);
  if (word.length < 2 || (c >= 97 && c <= 122)) return false; // fast path: lower-case ASCII start
  return /^(?:\p{Lu}\.){2,}$/u.test(word) || /^\p{Lu}[\p{Lu}\d]+s?$/u.test(word);
}
