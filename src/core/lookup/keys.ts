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

/** Whitespace trimmed and collapsed, NFKC applied: what counts as "the same text" for an exact hit. */
export function tidy(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, ' ').trim();
}

const ASCII = /^[\x00-\x7f]*$/;
const HAN_ONLY = /^\p{Script=Han}+$/u;
const ASCII_SPLIT = /[\s\-_/]+/;

/** Key of an ASCII text: lower case, split on spaces/hyphens/slashes, possessives dropped, words singularised. */
function asciiKey(text: string): string {
  const parts = text.toLowerCase().split(ASCII_SPLIT);
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
const SEPARATORS = new Set([' ', '\t', '\n', '\r', '\f', '\v', '-', '_', '/', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u3000', '\u00a0']);

function isHanChar(c: string): boolean {
  const cp = c.codePointAt(0)!;
  return cp >= 0x2e80 && HAN.test(c);
}

/**
 * The lookup key of a text. `script`: 'chars' converts traditional characters one by one (fast, for
 * simplified or unknown text), 'full' uses OpenCC phrases and Taiwan/Hong Kong vocabulary (資料中心 → 数据中心).
 */
export function lookupKey(text: string, script: 'chars' | 'full' = 'chars'): string {
  return trimPunctuation(rawKey(trimPunctuation(text.trim()), script));
}

/** Sentence punctuation that may surround a term or a query (`出口管制。`, `"export controls"`), dropped at both ends. */
const EDGE_PUNCTUATION = new Set([...'.,;:!?"\'()[]{}<>。，、；：！？“”‘’（）【】《》「」『』…']);

function trimPunctuation(key: string): string {
  let a = 0;
  let b = key.length;
  while (a < b && EDGE_PUNCTUATION.has(key[a]!)) a++;
  while (b > a && EDGE_PUNCTUATION.has(key[b - 1]!)) b--;
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
  let word = '';
  let lastWasWord = false;
  const flush = () => {
    if (!word) return;
    let w = word;
    word = '';
    if (w.endsWith("'s")) w = w.slice(0, -2);
    else if (w.endsWith("s'")) w = w.slice(0, -1);
    if (!w) return;
    if (lastWasWord) out += ' ';
    const c0 = w.charCodeAt(0);
    out += c0 >= 97 && c0 <= 122 ? foldWord(w) : w;
    lastWasWord = true;
  };
  for (const c of t) {
    if (SEPARATORS.has(c)) flush();
    else if (isHanChar(c)) {
      flush();
      out += c;
      lastWasWord = false;
    } else word += c;
  }
  flush();
  return out;
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
