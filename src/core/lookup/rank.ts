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
}

/** Per-concept slots for a {@link Collector}, reused between searches (see SearchScratch). */
export interface ConceptSlots {
  /** Starts a new search: every concept is without slot. */
  reset(): void;
  /** The slot of a concept in this search, or -1. */
  get(concept: number): number;
  set(concept: number, slot: number): void;
}

/**
 * Best candidate per concept, filtered by glossary: parallel arrays (no object per candidate), a concept's slot in
 * a reusable typed array. Only the returned top candidates become objects.
 */
export class Collector {
  private readonly concepts: number[] = [];
  private readonly terms: number[] = [];
  private readonly scores: number[] = [];
  private readonly reasons: HitReason[] = [];
  private readonly details: (string | undefined)[] = [];

  constructor(
    private readonly allowed: ((concept: number) => boolean) | undefined,
    private readonly slots: ConceptSlots,
  ) {
    slots.reset();
  }

  /** Number of concepts collected. */
  get size(): number {
    return this.concepts.length;
  }

  add(concept: number, term: number, score: number, reason: HitReason, detail?: string): void {
    if (this.allowed && !this.allowed(concept)) return;
    const s = this.slots.get(concept);
    if (s < 0) {
      this.slots.set(concept, this.concepts.length);
      this.concepts.push(concept);
      this.terms.push(term);
      this.scores.push(score);
      this.reasons.push(reason);
      this.details.push(detail);
    } else if (score > this.scores[s]!) {
      this.terms[s] = term;
      this.scores[s] = score;
      this.reasons[s] = reason;
      this.details[s] = detail;
    }
  }

  /** True when `limit` concepts already score at least `threshold` (later, lower stages cannot change the top). */
  settled(limit: number, threshold: number): boolean {
    if (this.scores.length < limit) return false;
    let n = 0;
    for (const sc of this.scores) if (sc >= threshold && ++n >= limit) return true;
    return false;
  }

  /** Top `limit` candidates: score descending, then index order (stable). */
  top(limit: number): Candidate[] {
    // Insertion into a sorted list of at most `limit` slots: O(candidates × limit) without sorting them all.
    const best: number[] = [];
    const before = (a: number, b: number) => this.scores[a]! > this.scores[b]! || (this.scores[a] === this.scores[b] && this.concepts[a]! < this.concepts[b]!);
    for (let i = 0; i < this.scores.length; i++) {
      if (best.length >= limit && !before(i, best[best.length - 1]!)) continue;
      let k = Math.min(best.length, limit - 1);
      if (best.length < limit) best.push(i);
      while (k > 0 && before(i, best[k - 1]!)) {
        best[k] = best[k - 1]!;
        k--;
      }
      best[k] = i;
    }
    return best.map((i) => ({
      concept: this.concepts[i]!,
      term: this.terms[i]!,
      score: this.scores[i]!,
      reason: this.reasons[i]!,
      ...(this.details[i] !== undefined ? { detail: this.details[i] } : {}),
    }));
  }
}
