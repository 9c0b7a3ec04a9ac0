/**
 * The monolingual extraction pipeline for one language: sentences → tokens (tagged by the injected
 * tagger) → candidate spans → counts (bounded memory) + in-text definitions → ranked candidates.
 * Feed it text with `addText` (any number of documents, in chunks of whole lines), then call `result`.
 */
import { CandidateCounter } from './counter.js';
import { enDefinitions, zhDefinitions } from './definitions.js';
import { enCandidateSpans, joinEn, tagEnTokens } from './en-candidates.js';
import type { Span } from './en-candidates.js';
import { singularizePhrase } from './en-singular.js';
import { tokenizeEn } from './en-tokenize.js';
import { rankCandidates } from './rank.js';
import { splitSentences } from './sentences.js';
import type { Candidate, DefinitionPair, EnTagger, ExtractLang, ReferenceFrequencies, Token, ZhTagger } from './types.js';
import { isZhCoordination, joinZh, tagZh, tagZhBatch, zhCandidateSpans } from './zh-candidates.js';

/** Grouping key of a candidate's text (the service passes termKey: width, script, case, inflection). */
export type KeyFunction = (text: string, lang: ExtractLang) => string;

/** Default key: NFKC, lower case, collapsed spaces. */
export const defaultKey: KeyFunction = (text) => text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

export interface ExtractorOptions {
  lang: ExtractLang;
  /** Required for Chinese. */
  zhTagger?: ZhTagger;
  /** Required for English. */
  enTagger?: EnTagger;
  reference: ReferenceFrequencies;
  keyOf?: KeyFunction;
  /** Longest candidate in words (English, default 5) or segments (Chinese, default 4). */
  maxWords?: number;
  /** Longest Chinese candidate in characters. @default 16 */
  maxChars?: number;
  /** Candidate table size before rare entries are pruned. @default 200_000 */
  maxEntries?: number;
  /** Context sentences kept per candidate. @default 3 */
  maxContexts?: number;
}

export interface ResultOptions {
  /** @default 1 */
  minFrequency?: number;
  /** Simple-maths N. @default 1000 / words of the input */
  smoothing?: number;
  /** C-value α for nested candidates (1 = original). @default 1 */
  nestedDiscount?: number;
  /** See RankOptions.standaloneSingles. @default true */
  standaloneSingles?: boolean;
  /** See RankOptions.termKeys. */
  termKeys?: ReadonlySet<string>;
  /** See RankOptions.limit. */
  limit?: number;
}

/** A definition found in the input with how often it was seen. */
export interface FoundDefinition extends DefinitionPair {
  count: number;
  docs: number[];
}

export class TermExtractor {
  readonly lang: ExtractLang;
  private readonly counter: CandidateCounter;
  private readonly keyOf: KeyFunction;
  private readonly defined = new Map<string, Set<string>>();
  /** Keys of candidates the text sets off in quotation marks or title marks (“安全优先”, 《…》), bounded. */
  private readonly quoted = new Set<string>();
  /** Keys seen as a whole item of an enumeration (能源、数据、芯片、劳动力). */
  private readonly listed = new Set<string>();
  private readonly definitionList = new Map<string, FoundDefinition>();
  /** Words (English tokens, Chinese segments) seen, punctuation excluded. */
  totalWords = 0;
  /** Characters fed. */
  totalChars = 0;

  constructor(private readonly options: ExtractorOptions) {
    this.lang = options.lang;
    if (options.lang === 'zh' && !options.zhTagger) throw new Error('TermExtractor: a Chinese tagger is required');
    if (options.lang === 'en' && !options.enTagger) throw new Error('TermExtractor: an English tagger is required');
    this.counter = new CandidateCounter({ maxEntries: options.maxEntries, maxContexts: options.maxContexts });
    this.keyOf = options.keyOf ?? defaultKey;
  }

  /**
   * Memo of keys by surface text: the injected key function is slow (script conversion), texts repeat, and
   * ranking asks again for every nested sub-sequence. Two generations: when the young map is full it
   * becomes the old one, so frequent texts survive and memory stays bounded.
   */
  private keyCache = new Map<string, string>();
  private oldKeyCache = new Map<string, string>();

  /** Key of a word sequence: English is singularised on its head noun first. */
  keyOfParts = (parts: readonly string[]): string => {
    const text = this.lang === 'en' ? joinEn(parts) : joinZh(parts);
    let key = this.keyCache.get(text);
    if (key !== undefined) return key;
    key = this.oldKeyCache.get(text);
    if (key === undefined) key = this.lang === 'en' ? this.keyOf(joinEn(singularizePhrase(parts)), 'en') : this.keyOf(text, 'zh');
    if (this.keyCache.size >= 100_000) {
      this.oldKeyCache = this.keyCache;
      this.keyCache = new Map();
    }
    this.keyCache.set(text, key);
    return key;
  };

  /** Adds text of document `doc` (0-based). Text should be whole lines. */
  addText(doc: number, text: string): void {
    this.totalChars += text.length;
    const sentences = splitSentences(text);
    if (this.lang === 'zh') {
      // one tagger call per chunk, not per sentence: native-call and script-conversion overhead dominate short lines
      const tagged = tagZhBatch(sentences, this.options.zhTagger!);
      sentences.forEach((sentence, i) => this.countSentence(doc, sentence, this.analyseZhTokens(sentence, tagged[i]!)));
      return;
    }
    for (const sentence of sentences) this.addSentence(doc, sentence);
  }

  /** Adds one sentence (already split, markup stripped). Returns its candidate spans. */
  addSentence(doc: number, sentence: string): Span[] {
    return this.countSentence(doc, sentence, this.lang === 'en' ? this.analyseEn(sentence) : this.analyseZh(sentence));
  }

  private countSentence(doc: number, sentence: string, analysis: { spans: Span[]; words: number; definitions: DefinitionPair[] }): Span[] {
    const { spans, words, definitions } = analysis;
    this.totalWords += words;
    // keys seen in this sentence matter only to definitions (rare): no set per sentence otherwise
    const seen = definitions.length ? new Set<string>() : undefined;
    const free = maximalSpans(spans);
    const enumerates = this.lang === 'zh' && sentence.includes('、');
    spans.forEach((span, i) => {
      const key = this.keyOfParts(span.parts);
      seen?.add(key);
      if (this.quoted.size < 50_000 && !span.idiom && isQuoted(sentence, span.start, span.end)) this.quoted.add(key);
      if (enumerates && this.listed.size < 50_000 && !span.structural && isEnumerated(sentence, span, spans)) this.listed.add(key);
      this.counter.add(key, span.parts, sentence.slice(span.start, span.end), doc, sentence, span.verbLead, free[i], span.structural, span.looseLead ?? false, span.named ?? false);
    });
    if (seen) for (const d of definitions) this.addDefinition(doc, sentence, d, seen);
    return spans;
  }

  private analyseEn(sentence: string): { spans: Span[]; words: number; definitions: DefinitionPair[] } {
    const tokens = tagEnTokens(tokenizeEn(sentence), this.options.enTagger!);
    const spans = enCandidateSpans(tokens, { maxWords: this.options.maxWords });
    const words = tokens.reduce((n, t) => n + (t.kind === 'punct' ? 0 : 1), 0);
    const definitions = /[(（]/.test(sentence) ? enDefinitions(sentence, spans) : [];
    return { spans, words, definitions };
  }

  private analyseZh(sentence: string): { spans: Span[]; words: number; definitions: DefinitionPair[] } {
    return this.analyseZhTokens(sentence, tagZh(sentence, this.options.zhTagger!));
  }

  private analyseZhTokens(sentence: string, tokens: Token[]): { spans: Span[]; words: number; definitions: DefinitionPair[] } {
    const spans = zhCandidateSpans(tokens, { maxWords: this.options.maxWords, maxChars: this.options.maxChars });
    let words = 0;
    for (const t of tokens) if (t.tag !== 'x' && t.text.trim()) words++;
    const definitions = /[(（]/.test(sentence) ? zhDefinitions(sentence, spans, joinZh) : [];
    return { spans, words, definitions };
  }

  private addDefinition(doc: number, sentence: string, d: DefinitionPair, seen: Set<string>): void {
    const id = `${d.kind}\u0000${d.term}\u0000${d.gloss}`;
    const found = this.definitionList.get(id);
    if (found) {
      found.count++;
      if (!found.docs.includes(doc) && found.docs.length < 100) found.docs.push(doc);
    } else if (this.definitionList.size < 10_000) {
      this.definitionList.set(id, { ...d, sentence: sentence.length > 300 ? `${sentence.slice(0, 299)}…` : (sentence + ' ').slice(0, -1), count: 1, docs: [doc] });
    }
    const sides: [string, ExtractLang, string][] = [[d.term, d.termLang, d.gloss], [d.gloss, d.glossLang, d.term]];
    for (const [text, lang, other] of sides) {
      // titles and sentences (with punctuation) are pairs for alignment, not term candidates
      if (lang !== this.lang || /\p{P}/u.test(text.replace(/[-'’.&]/g, ''))) continue;
      const parts = this.lang === 'en' ? text.split(/\s+/) : [text];
      const key = this.keyOfParts(parts);
      let set = this.defined.get(key);
      if (!set) this.defined.set(key, (set = new Set()));
      if (set.size < 5) set.add(other);
      if (!seen.has(key)) {
        seen.add(key);
        this.counter.add(key, parts, text, doc, sentence);
      }
    }
  }

  /** Definitions found so far (deduplicated, with counts). */
  definitions(): FoundDefinition[] {
    return [...this.definitionList.values()];
  }

  /** Ranked candidates (all of them; the caller cuts to top N). */
  result(options: ResultOptions = {}): Candidate[] {
    const defined = new Map<string, string[]>();
    for (const [k, v] of this.defined) defined.set(k, [...v]);
    return rankCandidates(this.counter.entries.values(), {
      lang: this.lang,
      totalWords: this.totalWords,
      reference: this.options.reference,
      keyOfParts: this.keyOfParts,
      join: this.lang === 'en' ? joinEn : joinZh,
      defined,
      quoted: this.quoted,
      listed: this.listed,
      minFrequency: options.minFrequency,
      smoothing: options.smoothing,
      nestedDiscount: options.nestedDiscount,
      standaloneSingles: options.standaloneSingles,
      termKeys: options.termKeys,
      limit: options.limit,
      byKey: this.counter.entries,
      lowerForReference: this.lang === 'en',
    });
  }
}

/**
 * Which one-word spans no longer span of the sentence contains (the ranking uses standalone occurrences of
 * single words only; longer spans are reported as free). A few spans per sentence: a direct check is cheaper
 * than sorting.
 */
export function maximalSpans(spans: readonly Span[]): boolean[] {
  return spans.map((s) => s.parts.length !== 1 || !insideLonger(s, spans));
}

/**
 * Whether a longer span of the sentence contains `s`. Spans counted only for structure do not count, nor do
 * coordinations (盟友和伙伴 leaves its conjuncts standing alone).
 */
function insideLonger(s: Span, spans: readonly Span[]): boolean {
  for (const t of spans) {
    if (t !== s && t.end - t.start > s.end - s.start && t.start <= s.start && t.end >= s.end && !t.structural && !isZhCoordination(t.parts)) return true;
  }
  return false;
}

/** Marks skipped between an enumeration item and its separator (“创新”、“基础设施”). */
const ITEM_QUOTES = '“”‘’「」『』"';

/**
 * Whether a Chinese span is a whole item of an enumeration: next to the enumeration comma (、) on one side and
 * not inside a longer candidate, so the item ends where the span ends (从能源、数据、芯片、劳动力多方入手). Authors
 * list things of one kind this way: each item names something. The item across the comma must be a candidate too
 * (安全、可靠和可信 lists qualities, not things), and a first item may carry a modifier all items share
 * (人工智能|可解释性、控制性和稳健性): it counts only when it is no longer than the next one.
 */
function isEnumerated(sentence: string, span: Span, spans: readonly Span[]): boolean {
  if (span.predicate) return false;
  const l = skipItemQuotes(sentence, span.start - 1, -1);
  const r = skipItemQuotes(sentence, span.end, 1);
  const afterComma = separatesItems(sentence, l);
  const beforeComma = separatesItems(sentence, r);
  if (!afterComma && !beforeComma) return false;
  if (insideLonger(span, spans)) return false;
  if (afterComma) {
    // the previous item ends where the quotes before the comma begin
    const k = skipItemQuotes(sentence, l - 1, -1) + 1;
    for (const t of spans) if (t.end === k && isListItem(t)) return true;
  }
  if (beforeComma) {
    const k = skipItemQuotes(sentence, r + 1, 1);
    for (const t of spans) if (t.start === k && isListItem(t) && (afterComma || t.parts.length >= span.parts.length)) return true;
  }
  return false;
}

/** The first position from `i` in direction `step` (±1) that is not an item quote (ITEM_QUOTES). */
function skipItemQuotes(sentence: string, i: number, step: 1 | -1): number {
  while (i >= 0 && i < sentence.length && ITEM_QUOTES.includes(sentence[i]!)) i += step;
  return i;
}

/** Whether position k holds an enumeration comma; 、 after a numeral numbers a heading (二、内容要点). */
function separatesItems(sentence: string, k: number): boolean {
  if (sentence.charCodeAt(k) !== 0x3001) return false;
  const before = sentence[k - 1] ?? '';
  return !(before >= '0' && before <= '9') && !'一二三四五六七八九十'.includes(before || '\u0000');
}

/** A candidate that can be a neighbouring item of a list of things. */
function isListItem(t: Span): boolean {
  return !t.structural && !t.predicate && !isZhCoordination(t.parts);
}

const OPEN_QUOTES = '“‘「『《"\'';
const CLOSE_QUOTES = '”’」』》"\'';

/** The span is exactly the content of a pair of quotation or title marks. */
function isQuoted(sentence: string, start: number, end: number): boolean {
  const open = OPEN_QUOTES.indexOf(sentence[start - 1] ?? '');
  return open >= 0 && CLOSE_QUOTES.indexOf(sentence[end] ?? '') === open;
}
