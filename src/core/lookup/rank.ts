/**
 * Ranking: every reason has a score band of 100 points (exact 1000, variant 900, pinyin 800, pinyin initials 700,
 * prefix 600, substring 500, fuzzy 400, definition 300); adjustments inside a band (0–99) favour preferred terms,
 * close lengths and fewer edits, so a better reason always outranks a worse one. Pinyin matches of a query made
 * only of English words (`data`, `men`) drop just below the prefix band, so English users see English first.
 */
import type { HitReason } from './types.js';
import type { TermStatus } from '../model.js';

export const BAND: Record<HitReason, number> = {
  exact: 1000,
  variant: 900,
  pinyin: 800,
  'pinyin-initials': 700,
  prefix: 600,
  substring: 500,
  fuzzy: 400,
  definition: 300,
};

/** Band used for pinyin hits when every query word is also an English word. */
export const DEMOTED_PINYIN_BAND = 550;

const STATUS_BONUS: Record<TermStatus, number> = { preferred: 15, admitted: 10, deprecated: 0, forbidden: 0 };

export function statusBonus(status: TermStatus): number {
  return STATUS_BONUS[status] ?? 0;
}

/** Score = band + adjustment clamped to 0–99. */
export function score(band: number, adjustment: number): number {
  return band + Math.max(0, Math.min(99, Math.round(adjustment)));
}

/** Adjustment for a term longer than the query by `extra` characters (prefix, substring). */
export function lengthAdjustment(extra: number): number {
  return 60 - Math.min(55, Math.max(0, extra) * 3);
}

export interface Candidate {
  /** Index of the concept in the index. */
  concept: number;
  /** Index of the indexed term (or -1 for definition hits). */
  term: number;
  score: number;
  reason: HitReason;
  detail?: string;
  /** Definition language, for definition hits. */
  defLang?: string;
}

/** Best candidate per concept, filtered by glossary. */
export class Collector {
  readonly best = new Map<number, Candidate>();

  constructor(private readonly allowed: (concept: number) => boolean) {}

  add(c: Candidate): void {
    if (!this.allowed(c.concept)) return;
    const prev = this.best.get(c.concept);
    if (!prev || c.score > prev.score) this.best.set(c.concept, c);
  }

  /** True when `limit` concepts already score at least `threshold` (later, lower stages cannot change the top). */
  settled(limit: number, threshold: number): boolean {
    if (this.best.size < limit) return false;
    let n = 0;
    for (const c of this.best.values()) if (c.score >= threshold && ++n >= limit) return true;
    return false;
  }

  /** Top `limit` candidates: score descending, then index order (stable). */
  top(limit: number): Candidate[] {
    return [...this.best.values()].sort((a, b) => b.score - a.score || a.concept - b.concept).slice(0, limit);
  }
}
