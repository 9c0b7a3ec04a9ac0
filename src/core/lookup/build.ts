/**
 * Builds the lookup data from glossary entries: folded term keys (sorted, for exact and prefix), Han n-gram
 * postings (substring), English word layer + symmetric-delete index (word containment and typos), pinyin keys
 * (full, prefix, initials) and a definition token index. Pure: no I/O.
 */
import type { MatcherEntry } from '../match/types.js';
import type { Term } from '../model.js';
import { DeleteIndex } from './fuzzy.js';
import { hasHan, lookupKey, primeSimplifyChars, simplifyChars } from './keys.js';
import type { PinyinIndex } from './pinyin-index.js';
import { PinyinIndexBuilder } from './pinyin-index.js';
import type { Postings } from './postings.js';
import { PostingsBuilder, bigrams } from './postings.js';
import { IntBuffer } from './pairs.js';
import { statusBonus } from './rank.js';
import { SearchScratch } from './scratch.js';
import { SortedKeys } from './sorted.js';
import type { WordLayer } from './words.js';
import { WordsBuilder } from './words.js';

export interface IndexData {
  entries: MatcherEntry[];
  glossaryNumbers: Map<string, number>;
  /** Concept index → glossary number. */
  glossaryOf: Int32Array;
  /** Indexed term → concept index / index in concept.terms / folded key. */
  termConcept: Int32Array;
  termIndex: Int32Array;
  termKey: string[];
  keys: SortedKeys;
  han: Postings;
  words: WordLayer;
  deletes: DeleteIndex;
  pinyin: PinyinIndex;
  /** Definition tokens (folded English words, Han bigrams) → concept indexes. */
  defs: Postings;
  /** Per indexed term: status bonus + specificity (0–5, more for concepts with fewer terms), for scores. */
  termBonus: Uint8Array;
  /** Per concept: total length of its definitions (shorter definitions rank first among definition hits). */
  definitionLength: Int32Array;
  /** Work arrays reused by searches. */
  scratch: SearchScratch;
}

/** A cheap plural fold for definition words (both sides of the definition index use it): policies → policy, boxes → box, controls → control. */
export function stemLite(w: string): string {
  const n = w.length;
  if (n <= 3 || w.charCodeAt(n - 1) !== 115 /* s */) return w;
  if (/(ss|us|is)$/.test(w)) return w;
  if (w.endsWith('ies') && n > 4) return `${w.slice(0, -3)}y`;
  if (/(x|z|ch|sh|ss)es$/.test(w)) return w.slice(0, -2);
  return w.slice(0, -1);
}

const DEF_TOKEN = /[a-z0-9][a-z0-9']*|\p{Script=Han}{2,}/gu;
const ASCII_TOKEN = /[a-z0-9][a-z0-9']*/g;

/**
 * Tokens of a definition (or of a query, for the definition index): folded English words and Han bigrams
 * (traditional characters simplified), in order, with repeats (the postings drop them).
 */
export function definitionTokens(text: string): string[] {
  const ascii = /^[\x00-\x7f]*$/.test(text);
  const lower = (ascii ? text : text.normalize('NFKC')).toLowerCase();
  const out: string[] = [];
  if (ascii) {
    for (const m of lower.matchAll(ASCII_TOKEN)) out.push(stemLite(m[0].endsWith("'s") ? m[0].slice(0, -2) : m[0]));
    return out;
  }
  for (const m of lower.matchAll(DEF_TOKEN)) {
    const s = m[0];
    if (s.charCodeAt(0) < 128) out.push(stemLite(s.endsWith("'s") ? s.slice(0, -2) : s));
    else for (const b of bigrams(simplifyChars(s))) out.push(b);
  }
  return out;
}

export function buildIndexData(input: Iterable<MatcherEntry>): IndexData {
  const entries = [...input];
  const glossaryNumbers = new Map<string, number>();
  const glossaryOf = new Int32Array(entries.length);
  const definitionLength = new Int32Array(entries.length);
  const termConcept = new IntBuffer(entries.length * 3);
  const termIndex = new IntBuffer(entries.length * 3);
  const termBonus = new IntBuffer(entries.length * 3);
  const termKey: string[] = [];
  const hanPostings = new PostingsBuilder();
  const words = new WordsBuilder();
  const pinyin = new PinyinIndexBuilder();
  const defs = new PostingsBuilder();

  primeSimplifyChars(termTexts(entries));
  for (let ci = 0; ci < entries.length; ci++) {
    const entry = entries[ci]!;
    let g = glossaryNumbers.get(entry.glossaryId);
    if (g === undefined) glossaryNumbers.set(entry.glossaryId, (g = glossaryNumbers.size));
    glossaryOf[ci] = g;
    const terms = entry.concept.terms;
    // A concept with fewer terms is a closer match (0–5 points inside a band).
    const specificity = 5 - Math.min(5, terms.length - 1);
    for (let ti = 0; ti < terms.length; ti++) {
      const term: Term = terms[ti]!;
      const folded = lookupKey(term.text, term.lang === 'zh-Hant' ? 'full' : 'chars');
      const key = folded === term.text ? term.text : folded; // share the term's string when folding changed nothing
      if (!key) continue;
      const t = termKey.length;
      termConcept.push(ci);
      termIndex.push(ti);
      termBonus.push(statusBonus(term.status) + specificity);
      termKey.push(key);
      if (key.charCodeAt(0) >= 0x2e80 || mayHaveHan(key)) {
        words.addEmpty();
        addHanGrams(hanPostings, key, t);
        pinyin.add(t, key);
      } else words.addKey(key);
    }
    const definitions = entry.concept.definitions;
    let length = 0;
    for (const lang in definitions) {
      const text = definitions[lang]!;
      length += text.length;
      addDefinitionTokens(defs, text, ci);
    }
    definitionLength[ci] = length;
  }

  const wordLayer = words.build();
  return {
    entries,
    glossaryNumbers,
    glossaryOf,
    termConcept: termConcept.toArray(),
    termIndex: termIndex.toArray(),
    termKey,
    keys: new SortedKeys(termKey, termConcept.view().map((_, i) => i)),
    han: hanPostings.build(),
    words: wordLayer,
    deletes: new DeleteIndex(wordLayer.words.map((w) => (/^[a-z][a-z']*$/.test(w) ? w : ''))),
    pinyin: pinyin.build(),
    defs: defs.build(),
    termBonus: Uint8Array.from(termBonus.view()),
    definitionLength,
    scratch: new SearchScratch(termKey.length, wordLayer.words.length, entries.length),
  };
}

function termTexts(entries: readonly MatcherEntry[]): string[] {
  const out: string[] = [];
  for (const e of entries) for (const t of e.concept.terms) out.push(t.text);
  return out;
}

/** hasHan, with a cheap scan first (no character from U+2E80 up: no Han). */
function mayHaveHan(key: string): boolean {
  for (let i = 0; i < key.length; i++) if (key.charCodeAt(i) >= 0x2e80) return hasHan(key);
  return false;
}

/** FNV-1a (as hash32) of the code units s[a, b). */
function hashRange(s: string, a: number, b: number): number {
  let h = 0x811c9dc5;
  for (let i = a; i < b; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Posts every Han character of a key and every bigram of its code points (as `bigrams`), by hash. */
function addHanGrams(postings: PostingsBuilder, key: string, t: number): void {
  const n = key.length;
  let prev = -1; // start of the previous code point
  for (let i = 0; i < n; ) {
    const u = key.charCodeAt(i);
    const next = i + 1 < n ? key.charCodeAt(i + 1) : 0;
    const w = u >= 0xd800 && u <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
    if (u >= 0x2e80) postings.addHash(hashRange(key, i, i + w), t);
    if (prev >= 0) postings.addHash(hashRange(key, prev, i + w), t);
    prev = i;
    i += w;
  }
  // A key of one code point is its own bigram (posted above if Han; otherwise post it here).
  if (prev === 0 && key.charCodeAt(0) < 0x2e80) postings.addHash(hashRange(key, 0, n), t);
}

/** Posts the tokens of a definition (as definitionTokens) for concept `ci`, hashing ASCII tokens in place. */
function addDefinitionTokens(postings: PostingsBuilder, text: string, ci: number): void {
  let ascii = true;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) (ascii = false), (i = text.length);
  if (!ascii) {
    for (const tok of definitionTokens(text)) postings.add(tok, ci);
    return;
  }
  const lower = text.toLowerCase();
  const n = lower.length;
  for (let i = 0; i < n; ) {
    const c = lower.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) {
      i++;
      continue;
    }
    let e = i + 1;
    for (; e < n; e++) {
      const d = lower.charCodeAt(e);
      if (!((d >= 97 && d <= 122) || (d >= 48 && d <= 57) || d === 39)) break;
    }
    // [a-z0-9][a-z0-9']*, then as definitionTokens: drop a final 's, and stemLite when it ends in s.
    let end = e;
    if (end - i >= 2 && lower.charCodeAt(end - 1) === 115 && lower.charCodeAt(end - 2) === 39) end -= 2;
    if (end - i > 3 && lower.charCodeAt(end - 1) === 115) postings.add(stemLite(lower.slice(i, end)), ci);
    else postings.addHash(hashRange(lower, i, end), ci);
    i = e;
  }
}
