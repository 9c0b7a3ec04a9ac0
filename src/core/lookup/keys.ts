/**
 * Query and term folding for lookup: the canonical key two spellings share when they name the same term.
 * NFKC (full-width → half-width), lower case, traditional → simplified, English plural/possessive/hyphen folding
 * (`Open Weights` → `open weight`, `open-weight` → `open weight`, `export controls` → `export control`),
 * no spaces next to Han characters (`AI 芯片` → `ai芯片`).
 */
import { NounInflector } from 'natural/lib/natural/inflectors/index.js';
import { toSimplified, toSimplifiedChars } from '../normalize/script.js';

const inflector = new NounInflector();
const HAN = /\p{Script=Han}/u;
const LATIN_WORD = /^[a-z][a-z'.]*$/;
/** Plural-looking endings that are singular words (status, analysis, physics, glass, us, this). */
const NOT_PLURAL = /(ss|us|is|ics|sis|ous|ws)$/;
/** Irregular plurals that do not end in s. */
const IRREGULAR = new Map([
  ['men', 'man'],
  ['women', 'woman'],
  ['children', 'child'],
  ['people', 'person'],
  ['feet', 'foot'],
  ['teeth', 'tooth'],
  ['mice', 'mouse'],
  ['geese', 'goose'],
]);
/** Last letters of the irregular plurals (n, e, t, h): other words skip the map lookup. */
const IRREGULAR_LAST = new Set([110, 101, 116, 104]);

const wordCache = new Map<string, string>();
const WORD_CACHE_MAX = 200000;

/** Singular form of one lower-case English word (cached): -s plurals via natural's NounInflector, a few irregular ones. */
export function foldWord(word: string): string {
  const n = word.length;
  const last = word.charCodeAt(n - 1);
  if (last !== 115 /* s */ || n <= 3) return IRREGULAR_LAST.has(last) ? (IRREGULAR.get(word) ?? word) : word;
  let w = wordCache.get(word);
  if (w !== undefined) return w;
  w = word;
  if (LATIN_WORD.test(word) && !NOT_PLURAL.test(word)) {
    const s = inflector.singularize(word);
    if (s.length >= 3) w = s;
  }
  if (wordCache.size >= WORD_CACHE_MAX) wordCache.clear();
  wordCache.set(word, w);
  return w;
}

/** Per BMP code unit: 0 = not yet known, 1 = unchanged by traditional → simplified, 2 = changes (see charMap). */
const charState = new Uint8Array(65536);
const charMap = new Map<string, string>();
/** charState while primeSimplifyChars is working (never seen by simplifyChars). */
const PENDING = 3;

/** Character-level traditional → simplified for Han characters (cached per character; no vocabulary change). */
export function simplifyChars(text: string): string {
  let i = 0;
  for (; i < text.length; i++) {
    const u = text.charCodeAt(i);
    if (u < 0x2e80) continue;
    let st = charState[u]!;
    if (st === 0) {
      const c = text[i]!;
      const s = u >= 0xd800 && u <= 0xdfff ? c : toSimplifiedChars(c);
      st = s === c ? 1 : 2;
      if (st === 2) charMap.set(c, s);
      charState[u] = st;
    }
    if (st === 2) break;
  }
  if (i === text.length && !/[\ud800-\udfff]/.test(text)) return text;
  let out = '';
  for (const c of text) {
    const u = c.charCodeAt(0);
    if (c.length === 1 && u >= 0x2e80) {
      if (charState[u] === 0) simplifyChars(c);
      out += charState[u] === 2 ? charMap.get(c)! : c;
    } else out += c.length === 2 ? toSimplifiedChars(c) : c;
  }
  return out;
}

/**
 * Learns the traditional → simplified mapping of every Han character in these texts with one OpenCC call (the
 * characters joined by newlines, which no dictionary entry spans) instead of one call per character. Only an
 * optimisation: simplifyChars gives the same results without it.
 */
export function primeSimplifyChars(texts: Iterable<string>): void {
  const todo: string[] = [];
  for (const text of texts) {
    for (let i = 0; i < text.length; i++) {
      const u = text.charCodeAt(i);
      if (u >= 0x2e80 && charState[u] === 0 && (u < 0xd800 || u > 0xdfff)) {
        charState[u] = PENDING;
        todo.push(text[i]!);
      }
    }
  }
  if (todo.length === 0) return;
  const out = todo.length > 1 ? toSimplifiedChars(todo.join('\n')).split('\n') : [toSimplifiedChars(todo[0]!)];
  todo.forEach((c, i) => {
    const s = out.length === todo.length ? out[i]! : undefined;
    const u = c.charCodeAt(0);
    if (s === undefined) charState[u] = 0;
    else if (s === c) charState[u] = 1;
    else (charMap.set(c, s), (charState[u] = 2));
  });
}

/** Whitespace trimmed and collapsed, NFKC applied: what counts as "the same text" for an exact hit. */
export function tidy(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, ' ').trim();
}

const ASCII = /^[\x00-\x7f]*$/;
const HAN_ONLY = /^\p{Script=Han}+$/u;
const ASCII_SPLIT = /[\s\-_/]+/;

/** Irregular plurals by length, for the no-fold check. */
const IRREGULAR_BY_LENGTH = new Map<number, string[]>();
for (const w of IRREGULAR.keys()) IRREGULAR_BY_LENGTH.set(w.length, [...(IRREGULAR_BY_LENGTH.get(w.length) ?? []), w]);

/**
 * True when asciiKey would return the lower-cased text unchanged: words separated by single spaces, no hyphens,
 * slashes, underscores, apostrophes or other whitespace, and no word that foldWord changes (in -s and longer than
 * three letters, or an irregular plural).
 */
function foldFree(s: string): boolean {
  const n = s.length;
  let start = 0;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? s.charCodeAt(i) : 32;
    if (c === 32) {
      if (i === start) return false;
      const c0 = s.charCodeAt(start);
      if (c0 >= 97 && c0 <= 122) {
        const last = s.charCodeAt(i - 1);
        if (last === 115 && i - start > 3) return false;
        if (IRREGULAR_LAST.has(last)) for (const w of IRREGULAR_BY_LENGTH.get(i - start) ?? []) if (s.startsWith(w, start)) return false;
      }
      start = i + 1;
    } else if (c === 39 || c === 45 || c === 95 || c === 47 || (c >= 9 && c <= 13)) return false;
  }
  return true;
}

/** Key of an ASCII text: lower case, split on spaces/hyphens/slashes, possessives dropped, words singularised. */
function asciiKey(text: string): string {
  const lower = text.toLowerCase();
  if (foldFree(lower)) return lower;
  const parts = lower.split(ASCII_SPLIT);
  let out = '';
  for (let w of parts) {
    if (!w) continue;
    if (w.endsWith("'s")) w = w.slice(0, -2);
    else if (w.endsWith("s'")) w = w.slice(0, -1);
    if (!w) continue;
    const c0 = w.charCodeAt(0);
    out = out ? `${out} ${c0 >= 97 && c0 <= 122 ? foldWord(w) : w}` : c0 >= 97 && c0 <= 122 ? foldWord(w) : w;
  }
  return out;
}
/** Word separators inside a key, by code unit (1 = separator). */
const SEPARATORS = new Uint8Array(65536);
for (const c of ' \t\n\r\f\v-_/\u2010\u2011\u2012\u2013\u2014\u3000\u00a0') SEPARATORS[c.charCodeAt(0)] = 1;

/**
 * The lookup key of a text. `script`: 'chars' converts traditional characters one by one (fast, for
 * simplified or unknown text), 'full' uses OpenCC phrases and Taiwan/Hong Kong vocabulary (資料中心 → 数据中心).
 */
export function lookupKey(text: string, script: 'chars' | 'full' = 'chars'): string {
  // Fast path: lower-case ASCII words and digits separated by single spaces, none that folding would change.
  const c0 = text.charCodeAt(0);
  if (((c0 >= 97 && c0 <= 122) || (c0 >= 48 && c0 <= 57)) && plainLowerAscii(text)) return text;
  const t = trimPunctuation(text.trim());
  // Fast path: only common Han characters (NFKC leaves them alone; simplified, they stay Han, not punctuation).
  if (script === 'chars' && isPlainHan(t)) return simplifyChars(t);
  return trimPunctuation(rawKey(t, script));
}

/** True when text is [a-z0-9]+ words separated by single spaces and foldFree (its key is itself). */
function plainLowerAscii(text: string): boolean {
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 32)) return false;
  }
  return foldFree(text);
}

/** True for a non-empty text of CJK Unified Ideographs (U+4E00–U+9FEF) and Extension A (U+3400–U+4DBF) only. */
function isPlainHan(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    if (u < 0x3400 || u > 0x9fef || (u > 0x4dbf && u < 0x4e00)) return false;
  }
  return true;
}

/** Sentence punctuation that may surround a term or a query (`出口管制。`, `"export controls"`), dropped at both ends. */
const EDGE_PUNCTUATION = new Uint8Array(65536);
for (const c of '.,;:!?"\'()[]{}<>。，、；：！？“”‘’（）【】《》「」『』…') EDGE_PUNCTUATION[c.charCodeAt(0)] = 1;

function trimPunctuation(key: string): string {
  let a = 0;
  let b = key.length;
  while (a < b && EDGE_PUNCTUATION[key.charCodeAt(a)] === 1) a++;
  while (b > a && EDGE_PUNCTUATION[key.charCodeAt(b - 1)] === 1) b--;
  return a === 0 && b === key.length ? key : key.slice(a, b).trim();
}

function rawKey(text: string, script: 'chars' | 'full'): string {
  if (ASCII.test(text)) return asciiKey(text);
  let t = text.normalize('NFKC');
  if (HAN.test(t)) {
    t = script === 'full' ? toSimplified(t) : simplifyChars(t);
    if (HAN_ONLY.test(t)) return t;
  }
  t = t.replace(/[’‘`]/g, "'").toLowerCase();
  // Tokens: words (split on spaces, hyphens, slashes) and single Han characters; spaces only between two words.
  let out = '';
  let lastWasWord = false;
  let wordStart = -1;
  const flush = (end: number) => {
    if (wordStart < 0) return;
    let w = t.slice(wordStart, end);
    wordStart = -1;
    if (w.endsWith("'s")) w = w.slice(0, -2);
    else if (w.endsWith("s'")) w = w.slice(0, -1);
    if (!w) return;
    if (lastWasWord) out += ' ';
    const c0 = w.charCodeAt(0);
    out += c0 >= 97 && c0 <= 122 ? foldWord(w) : w;
    lastWasWord = true;
  };
  for (let i = 0; i < t.length; ) {
    const u = t.charCodeAt(i);
    const next = i + 1 < t.length ? t.charCodeAt(i + 1) : 0;
    const width = u >= 0xd800 && u <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
    if (width === 1 && SEPARATORS[u] === 1) flush(i);
    else if (u >= 0x2e80 && isHanAt(t, i, width)) {
      flush(i);
      out += t.slice(i, i + width);
      lastWasWord = false;
    } else if (wordStart < 0) wordStart = i;
    i += width;
  }
  flush(t.length);
  return out;
}

/** Per BMP code unit: 0 = not yet known, 1 = Han, 2 = not Han. */
const hanState = new Uint8Array(65536);

/** True when the character at i (width 1 or 2 code units) has Script=Han. */
function isHanAt(t: string, i: number, width: number): boolean {
  if (width === 2) return HAN.test(t.slice(i, i + 2));
  const u = t.charCodeAt(i);
  let st = hanState[u]!;
  if (st === 0) hanState[u] = st = HAN.test(String.fromCharCode(u)) ? 1 : 2;
  return st === 1;
}

/** The English/Latin words of a key (tokens starting with a letter or digit, without Han), in order. */
export function keyWords(key: string): string[] {
  const out: string[] = [];
  const ascii = ASCII.test(key);
  for (const w of key.split(' ')) {
    const c = w.charCodeAt(0);
    if (((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) && (ascii || !HAN.test(w))) out.push(w);
  }
  return out;
}

export function hasHan(text: string): boolean {
  return HAN.test(text);
}

/** What changed between the query and the term it matched, for `variant` hits: `traditional → simplified, letter case`. */
export function variantDetail(query: string, term: string): string {
  const parts: string[] = [];
  const q = query.replace(/\s+/g, ' ').trim();
  const n = tidy(q);
  if (n !== q) parts.push('full-width → half-width');
  let s = n;
  if (hasHan(n) || hasHan(term)) {
    const qs = toSimplified(n);
    const ts = toSimplified(term);
    if (n !== term && qs === ts) {
      parts.push(hasHan(term) && toSimplified(term) === term ? 'traditional → simplified' : 'simplified ↔ traditional');
      s = term;
    } else if (qs !== n) {
      parts.push('traditional → simplified');
      s = qs;
    }
  }
  if (s !== term && s.toLowerCase() === term.toLowerCase()) {
    parts.push('letter case');
    s = term;
  }
  if (s !== term) {
    if (s.toLowerCase() !== term.toLowerCase() && s.toLowerCase().replace(/[-\s]+/g, ' ') === term.toLowerCase().replace(/[-\s]+/g, ' ')) parts.push('hyphen/space');
    else parts.push('singular/plural, possessive or hyphen');
  }
  return parts.join(', ') || 'normalised';
}
