/**
 * Builds the lookup data from glossary entries: folded term keys (sorted, for exact and prefix), Han n-gram
 * postings (substring), English word layer + symmetric-delete index (word containment and typos), pinyin keys
 * (full, prefix, initials) and a definition token index. Pure: no I/O.
 */
import type { MatcherEntry } from '../match/types.js';
import type { Term } from '../model.js';
import { DeleteIndex } from './fuzzy.js';
import { hasHan, keyWords, lookupKey, simplifyChars } from './keys.js';
import type { PinyinIndex } from './pinyin-index.js';
import { PinyinIndexBuilder } from './pinyin-index.js';
import type { Postings } from './postings.js';
import { PostingsBuilder, bigrams } from './postings.js';
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
  const termConcept: number[] = [];
  const termIndex: number[] = [];
  const termKey: string[] = [];
    const hanPostings = new PostingsBuilder();
  const words = new WordsBuilder();
  const pinyin = new PinyinIndexBuilder();
  const defs = new PostingsBuilder();

  entries.forEach((entry, ci) => {
    let g = glossaryNumbers.get(entry.glossaryId);
    if (g === undefined) glossaryNumbers.set(entry.glossaryId, (g = glossaryNumbers.size));
    glossaryOf[ci] = g;
    entry.concept.terms.forEach((term: Term, ti) => {
      const folded = lookupKey(term.text, term.lang === 'zh-Hant' ? 'full' : 'chars');
      const key = folded === term.text ? term.text : folded; // share the term's string when folding changed nothing
      if (!key) return;
      const t = termKey.length;
      termConcept.push(ci);
      termIndex.push(ti);
      termKey.push(key);
      const han = key.charCodeAt(0) >= 0x2e80 || hasHan(key);
      words.addTerm(han ? [] : keyWords(key));
      if (han) {
        for (const c of key) if (c.charCodeAt(0) >= 0x2e80) hanPostings.add(c, t);
        for (const b of bigrams(key)) hanPostings.add(b, t);
        pinyin.add(t, key);
      }
    });
    for (const text of Object.values(entry.concept.definitions)) {
      for (const tok of definitionTokens(text)) defs.add(tok, ci);
    }
  });

  const wordLayer = words.build();
  return {
    entries,
    glossaryNumbers,
    glossaryOf,
    termConcept: Int32Array.from(termConcept),
    termIndex: Int32Array.from(termIndex),
    termKey,
    keys: new SortedKeys(termKey, Int32Array.from(termKey.keys())),
    han: hanPostings.build(),
    words: wordLayer,
    deletes: new DeleteIndex(wordLayer.words.map((w) => (/^[a-z][a-z']*$/.test(w) ? w : ''))),
    pinyin: pinyin.build(),
    defs: defs.build(),
  };
}
