/** Public types of lookup (src/core/lookup). */
import type { Concept } from '../model.js';

/** Why a concept was found, best first: exact > variant (script/width/case/inflection) > pinyin > prefix > substring > fuzzy > definition. */
export type HitReason =
  | 'exact'
  | 'variant'
  | 'pinyin'
  | 'pinyin-initials'
  | 'prefix'
  | 'substring'
  | 'fuzzy'
  | 'definition';

export interface LookupHit {
  glossaryId: string;
  conceptId: string;
  concept: Concept;
  /** Higher is better; comparable within one result list. */
  score: number;
  reason: HitReason;
  /** The term (or pinyin/definition text) that the query hit. */
  matched: string;
  matchedLang: string;
  /** Human-readable explanation: `traditional → simplified`, `pinyin initials ckgz`, `1 edit`. */
  detail?: string;
}

export interface LookupOptions {
  /** @default 10 */
  limit?: number;
  /** Restrict hits to these glossaries (applied before the limit; an empty list means all). */
  glossaryIds?: string[];
}

export interface LookupIndex {
  readonly size: number;
  search(query: string, options?: LookupOptions): LookupHit[];
}
