/**
 * Use case: look a query up in every glossary and return whole concepts, each with its preferred
 * zh ↔ en pair, every term with its status (and pinyin for Chinese terms), and why it was found.
 */
import type { Concept, Term, TermStatus } from '../core/model.js';
import { preferredTerm } from '../core/model.js';
import type { HitReason } from '../core/lookup/types.js';
import { pinyinOf } from '../core/pinyin.js';
import { ShuyuError } from '../core/errors.js';
import type { Engine } from './engine.js';

/** The preferred Chinese and English terms of a concept (simplified Chinese first, then traditional). */
export interface TermPair {
  zh?: string;
  en?: string;
}

/** A term as shown to users: the stored term plus derived pinyin for Chinese. */
export interface TermView extends Term {
  /** Toned pinyin (`chū kǒu guǎn zhì`) for Chinese terms. */
  pinyin?: string;
}

export interface LookupResult {
  glossaryId: string;
  conceptId: string;
  reason: HitReason;
  /** What the query hit: a term, its pinyin, or definition text. */
  matched: string;
  matchedLang: string;
  detail?: string;
  score: number;
  pair: TermPair;
  /** Status of the preferred pair's terms (normally `preferred`). */
  pairStatus: { zh?: TermStatus; en?: TermStatus };
  subjectField?: string;
  definitions: Record<string, string>;
  notes: string[];
  terms: TermView[];
}

export interface LookupQuery {
  q: string;
  /** @default 10 */
  limit?: number;
  glossaryIds?: string[];
}

/** Maximum `limit` accepted by lookup. */
export const MAX_LOOKUP_LIMIT = 100;

/** The preferred zh (Hans, else Hant) and en terms of a concept. */
export function conceptPair(concept: Concept): { zh?: Term; en?: Term } {
  const hasHans = concept.terms.some((t) => t.lang === 'zh-Hans');
  const zh = preferredTerm(concept, hasHans ? 'zh-Hans' : 'zh-Hant');
  const en = preferredTerm(concept, 'en');
  return {
    ...(zh && zh.lang.startsWith('zh') ? { zh } : {}),
    ...(en && en.lang.split('-')[0] === 'en' ? { en } : {}),
  };
}

/** Adds pinyin to Chinese terms. */
export function termViews(concept: Concept): TermView[] {
  return concept.terms.map((t) => (t.lang.startsWith('zh') ? { ...t, pinyin: pinyinOf(t.text).toned } : { ...t }));
}

/** Runs a lookup. Throws `usage` for an empty query or a bad limit, `not_found` for an unknown glossary. */
export async function lookup(engine: Engine, query: LookupQuery): Promise<LookupResult[]> {
  const q = query.q.trim();
  if (!q) throw new ShuyuError('usage', 'The query is empty');
  const limit = query.limit ?? 10;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LOOKUP_LIMIT) {
    throw new ShuyuError('usage', `limit must be an integer from 1 to ${MAX_LOOKUP_LIMIT}`, { params: { limit } });
  }
  if (query.glossaryIds?.length) await engine.resolveGlossaries(query.glossaryIds);
  const index = await engine.lookupIndex();
  const hits = index.search(q, { limit, ...(query.glossaryIds?.length ? { glossaryIds: query.glossaryIds } : {}) });
  return hits.map((hit) => {
    const { zh, en } = conceptPair(hit.concept);
    return {
      glossaryId: hit.glossaryId,
      conceptId: hit.conceptId,
      reason: hit.reason,
      matched: hit.matched,
      matchedLang: hit.matchedLang,
      ...(hit.detail ? { detail: hit.detail } : {}),
      score: hit.score,
      pair: { ...(zh ? { zh: zh.text } : {}), ...(en ? { en: en.text } : {}) },
      pairStatus: { ...(zh ? { zh: zh.status } : {}), ...(en ? { en: en.status } : {}) },
      ...(hit.concept.subjectField ? { subjectField: hit.concept.subjectField } : {}),
      definitions: hit.concept.definitions,
      notes: hit.concept.notes,
      terms: termViews(hit.concept),
    };
  });
}
