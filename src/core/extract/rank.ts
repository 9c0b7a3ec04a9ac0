/**
 * Turns counted candidates into a ranked list: C-value termhood × damped keyness against the reference, with
 * in-text definitions promoted. Pure; the caller filters known/rejected candidates and cuts to top N.
 *
 *   score = (C-value + 1) · log2(1 + keyness)² · m / (1 + 0.5 · max(0, words − 2 − ⌊log2 f⌋))
 *
 * where m = 2 for a candidate the text defines (`开放权重（open-weight）`), 1.5 for one it sets off in
 * quotation or title marks (“安全优先”) or lists as a whole item of an enumeration (能源、数据、芯片), 1 otherwise.
 * A single Chinese segment's C-value counts two characters a word (see singleLength).
 *
 * - Before C-value, the structure of long candidates is analysed (bracketing.ts): occurrences of a shorter
 *   candidate that cut across the structure of a longer one (权重人工智能 in [[开放 权重] 人工智能]) are
 *   fragments and are subtracted; multi-word constituents (初创企业 in [人工智能 [初创 企业]]) are not
 *   discounted by C-value for their container — in short documents they rarely occur on their own, yet they
 *   are the terms a terminologist wants.
 * - A single word scores by its standalone occurrences (not inside a longer candidate of its sentence) instead
 *   of C-value: 拜登 is only ever 拜登政府 (glossary terms and defined words excepted).
 * - A verb followed by a noun phrase whose rest mostly occurs without the verb is a verb–object phrase, not a
 *   term (赢得人工智能); so is a place name or general noun before a term that mostly occurs without it
 *   (美国人工智能, 全球人工智能); spans counted only for structure (Span.structural) are never proposed.
 * - A Chinese single word also scores for each further distinct neighbour it forms two-word candidates with
 *   (半导体: 半导体制造, 美国半导体, 现有半导体 …), so a productive word counts even when it never stands alone.
 * - Keyness is simple maths (fpm_focus + N) / (fpm_ref + N), log-damped (a ratio of 5000 is not 50 times
 *   better than one of 100) and squared so it weighs as much as frequency. N defaults to 10⁻³ of the
 *   frequency per million of one occurrence in the input (1000 / words), which keeps the score independent
 *   of the input length. A phrase's reference frequency is at least 0.1 × that of its rarest word (the
 *   independence estimate makes every phrase look rare: 市场结构 is common in general Chinese) — except a Chinese
 *   derivation with a bound prefix or suffix (数据|集, 伪|创新), which is no collocation of free words.
 * - A coordination (盟友和伙伴) is proposed only when it recurs, and does not contain its conjuncts (C-value).
 * - The last factor is a length prior: long candidates seen once or twice are usually free phrases.
 *
 * A candidate whose C-value is 0 (it only ever occurs inside longer candidates) is dropped unless the text
 * defines it.
 */
import { analyseNesting, subspanIndex, subspanKeys } from './bracketing.js';
import type { CountEntry } from './counter.js';
import { displayForm, formsOf } from './counter.js';
import { cValues } from './cvalue.js';
import { perMillion, phraseReferencePerMillion, simpleMaths } from './keyness.js';
import type { Candidate, ExtractLang, ReferenceFrequencies } from './types.js';
import { isZhBoundAffix, isZhCoordination } from './zh-candidates.js';

export interface RankOptions {
  lang: ExtractLang;
  /** Total words (segments) of the input, for frequencies per million. */
  totalWords: number;
  reference: ReferenceFrequencies;
  /** Key of a word sequence (same function the counter used). */
  keyOfParts: (parts: readonly string[]) => string;
  /** Joins parts into surface text. */
  join: (parts: readonly string[]) => string;
  /** Keys the input defines, with the other side of each definition. */
  defined?: ReadonlyMap<string, readonly string[]>;
  /** Keys the input sets off in quotation or title marks (a weaker signal than a definition). */
  quoted?: ReadonlySet<string>;
  /** Keys the input lists as whole items of an enumeration (能源、数据、芯片): the same weight as quotation marks. */
  listed?: ReadonlySet<string>;
  /** Candidates seen fewer times are dropped (defined ones are kept). @default 1 */
  minFrequency?: number;
  /** Smoothing constant N of simple maths. @default 1000 / totalWords (10⁻³ of one occurrence, per million) */
  smoothing?: number;
  /** α of the C-value nested term (1 = original C-value). @default 1 */
  nestedDiscount?: number;
  /** Share of its rarest word's reference frequency a phrase is assumed to have at least. @default 0.1 */
  phraseShare?: number;
  /** Lower-case words for the reference lookup (English). */
  lowerForReference?: boolean;
  /**
   * Score a single word by the occurrences where it stands alone (not inside a longer candidate) rather than by
   * C-value. Alignment turns it off: pairs need the words terms are made of (半导体 = semiconductors). @default true
   */
  standaloneSingles?: boolean;
  /**
   * Keys of terms the glossaries already hold. A single segment that is one of them (jieba keeps glossary terms
   * whole as user words) is a unit by definition and keeps its C-value like a multi-word candidate.
   */
  termKeys?: ReadonlySet<string>;
  /** Return only the best `limit` candidates (0 or undefined: all). */
  limit?: number;
  /** The entries by key, when the caller keeps them so (the counter does): saves building the same map here. */
  byKey?: ReadonlyMap<string, CountEntry>;
}

/** Ranks every counted entry; highest score first (ties: frequency, then text); the best `limit` when given. */
export function rankCandidates(entries: Iterable<CountEntry>, options: RankOptions): Candidate[] {
  const minFrequency = options.minFrequency ?? 1;
  const n = options.smoothing ?? 1000 / Math.max(1, options.totalWords);
  const list = [...entries];
  // keys of every candidate's sub-spans, computed once (the key function is the costly part of ranking)
  const nestedCache = new Map<CountEntry, string[]>();
  const nestedOf = (e: CountEntry): string[] => {
    let keys = nestedCache.get(e);
    if (!keys) nestedCache.set(e, (keys = subspanKeys(e.parts, options.keyOfParts)));
    return keys;
  };
  const byKey = options.byKey ?? new Map(list.map((e) => [e.key, e]));
  const frequencyOf = (key: string): number | undefined => byKey.get(key)?.frequency;
  const free = new Set(list.filter((e) => isFreeCombination(e, frequencyOf, nestedOf)));
  const leadOnly = (e: CountEntry) => free.has(e) && !e.verbLead;
  const { crossing, constituents } = analyseNesting(list, options.keyOfParts, { minFrequency, frequencyOf, leadOnly }, nestedOf);
  const termFrequency = (e: CountEntry) => (free.has(e) ? 0 : Math.max(0, e.frequency - (crossing.get(e.key) ?? 0)));
  const cv = cValues(
    list.map((e) => {
      const own = constituents.get(e.key);
      // the conjuncts of a coordination (盟友和伙伴) stand on their own: it does not contain them for C-value
      // nor does a name the text sets off as an item of a quoted list contain the terms inside it
      const nested = (options.lang === 'zh' && isZhCoordination(e.parts)) || e.named ? [] : nestedOf(e);
      return { key: e.key, frequency: termFrequency(e), words: e.parts.length, nested: own ? nested.filter((k) => !own.has(k)) : nested };
    }),
    options.nestedDiscount ?? 1,
    (key) => byKey.has(key),
  );
  // Chinese: how many different two-segment candidates each segment forms (its distinct neighbours)
  const partners = options.lang === 'zh' && options.standaloneSingles !== false ? pairPartners(list, nestedOf) : undefined;
  const scored: Scored[] = [];
  for (const e of list) {
    const definedAs = options.defined?.get(e.key);
    if ((e.frequency < minFrequency || termFrequency(e) <= 0 || e.structural) && !definedAs) continue;
    // a coordination (盟友和伙伴) is a term only as a fixed pair, i.e. when it recurs; seen once it is free
    if (options.lang === 'zh' && e.frequency < 2 && isZhCoordination(e.parts) && !definedAs) continue;
    // a single word is a term on its own as often as it stands alone (not inside a longer candidate); a Chinese
    // word also for every further neighbour it combines with (半导体制造, 美国半导体, 现有半导体: a unit, though
    // never alone; 拜登 is only ever 拜登政府)
    const standalone = e.parts.length === 1 && !definedAs && options.standaloneSingles !== false && !options.termKeys?.has(e.key);
    const cvalue = standalone ? singleLength(e.parts[0]!, options.lang) * (e.free + Math.max(0, (partners?.get(e.key) ?? 0) - 1)) : (cv.get(e.key) ?? 0);
    if (cvalue <= 0 && !definedAs) continue;
    const text = displayForm(e);
    const refWords = options.lowerForReference ? e.parts.map((p) => p.toLowerCase()) : e.parts;
    const refText = options.lowerForReference ? text.toLowerCase() : text;
    const refPm = phraseReferencePerMillion(refText, refWords, options.reference, options.phraseShare ?? 0.1, options.lang === 'zh' ? isZhBoundAffix : undefined);
    const keyness = simpleMaths(perMillion(e.frequency, options.totalWords), refPm, n);
    const lengthPrior = 1 + 0.5 * Math.max(0, e.parts.length - 2 - Math.floor(Math.log2(e.frequency)));
    const marked = definedAs ? 2 : options.quoted?.has(e.key) || options.listed?.has(e.key) ? 1.5 : 1;
    const score = ((cvalue + 1) * Math.log2(1 + keyness) ** 2 * marked) / lengthPrior;
    scored.push({ e, text, score: round(score), cvalue: round(cvalue), keyness: round(keyness), definedAs });
  }
  scored.sort((a, b) => b.score - a.score || b.e.frequency - a.e.frequency || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
  // candidates (with copies of their evidence) only for the ranks asked for: on a large input most are never shown
  const shown = options.limit !== undefined && options.limit > 0 ? scored.slice(0, options.limit) : scored;
  return shown.map(({ e, text, score, cvalue, keyness, definedAs }) => {
    const c: Candidate = {
      text,
      lang: options.lang,
      key: e.key,
      variants: formsOf(e).map(([f]) => f).filter((f) => f !== text),
      score,
      frequency: e.frequency,
      words: e.parts.length,
      cvalue,
      keyness,
      documents: e.docs.slice(),
      contexts: e.contexts.slice(),
    };
    if (definedAs) {
      c.defined = true;
      if (definedAs.length) c.definedAs = [...definedAs];
    }
    return c;
  });
}

/** A ranked entry before it becomes a Candidate. */
interface Scored {
  e: CountEntry;
  text: string;
  score: number;
  cvalue: number;
  keyness: number;
  definedAs: readonly string[] | undefined;
}

/**
 * A verb followed by a noun phrase is a term when the verb modifies it (开放权重: 权重 is always 开放权重) and a
 * verb–object phrase when the noun phrase is free without it (赢得人工智能: 人工智能 mostly occurs alone). Likewise
 * a place name or general noun before a term (Span.looseLead): 美国价值观 is a term (价值观 never occurs without
 * 美国), 美国人工智能 (13×, 人工智能 59×) and 全球人工智能 are the free term with a modifier. The first part must accompany at least half
 * the occurrences of the rest.
 */
function isFreeCombination(e: CountEntry, frequencyOf: (key: string) => number | undefined, nestedOf: (e: CountEntry) => readonly string[]): boolean {
  if (!(e.verbLead || e.looseLead) || e.parts.length < 2) return false;
  const k = e.parts.length;
  const nested = nestedOf(e);
  const rest = frequencyOf(nested[subspanIndex(k, 1, k - 1)]!);
  if (rest === undefined) return false;
  // before a compound that is a candidate itself, a place name or descriptive adjective only says whose, where or
  // how (美国|人工智能基础设施, 完整|技术栈): the compound is the term however rarely it stands alone — unless the
  // first two words are a compound of their own, recurring without the rest and not free themselves (深度伪造 in
  // 深度伪造检测工具; 美国人工智能 is 美国 + 人工智能). A general noun only when it is loose before the next word
  // (人工智能 mostly occurs without 国际; 国际治理|机构 is built the other way).
  if (k >= 3 && e.looseLead) {
    const pair = frequencyOf(nested[subspanIndex(k, 0, 2)]!) ?? 0;
    const second = frequencyOf(nested[subspanIndex(k, 1, 1)]!) ?? 0;
    const pairLoose = pair * 2 < second;
    if (pairLoose || (e.looseLead !== 'general' && pair <= e.frequency)) return true;
  }
  return e.frequency * 2 < rest;
}

/**
 * Number of distinct two-word candidates each word (by key) is part of — the variety of its neighbours, after
 * Nakagawa & Mori's left/right statistics: a word that combines with many others is a unit of its own.
 */
function pairPartners(list: readonly CountEntry[], nestedOf: (e: CountEntry) => readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const e of list) {
    if (e.parts.length !== 2) continue;
    const [a, b] = nestedOf(e);
    out.set(a!, (out.get(a!) ?? 0) + 1);
    if (b !== a) out.set(b!, (out.get(b!) ?? 0) + 1);
  }
  return out;
}

/**
 * C-value's length weight log2(|a| + 1) for a single segment. An English word is one word (1); a Chinese segment
 * is counted at two characters a word, because jieba keeps compounds whole that it knows (联邦政府, 网络安全, 稳健性
 * are one segment each, 国家站队 two): a four-character segment weighs like a two-segment phrase.
 */
function singleLength(word: string, lang: ExtractLang): number {
  if (lang !== 'zh') return 1;
  let chars = 0;
  for (const _ of word) chars++;
  return Math.log2(Math.max(2, chars) / 2 + 1);
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
