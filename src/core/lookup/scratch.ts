/**
 * Reusable per-index work arrays for search (searches run one at a time: JavaScript is single-threaded and a
 * search never yields), so that a query allocates no per-term or per-word structures.
 */
import type { ConceptSlots } from './rank.js';

/** Word tables kept between queries (a query of more words allocates the others). */
const KEPT_TABLES = 12;

export class SearchScratch implements ConceptSlots {
  private seen: Int32Array;
  private slotMark = new Int32Array(0);
  private slot = new Int32Array(0);
  private slotEpoch = 0;
  private epoch = 0;
  private readonly tables: Uint8Array[] = [];

  constructor(
    private readonly terms: number,
    private readonly vocab: number,
    private readonly concepts: number,
  ) {
    this.seen = new Int32Array(0);
  }

  /** Starts a new "seen" round over term ids; returns the mark for {@link SearchScratch.visit}. */
  round(): number {
    if (this.seen.length !== this.terms) this.seen = new Int32Array(this.terms);
    if (this.epoch >= 0x3fffffff) {
      this.seen.fill(0);
      this.epoch = 0;
    }
    return ++this.epoch;
  }

  /** The per-term mark array (values are round numbers; a term is marked in a round when it holds that round). */
  marks(): Int32Array {
    if (this.seen.length !== this.terms) this.seen = new Int32Array(this.terms);
    return this.seen;
  }

  /** True the first time term `t` is visited in round `mark`. */
  visit(t: number, mark: number): boolean {
    if (this.seen[t] === mark) return false;
    this.seen[t] = mark;
    return true;
  }

  reset(): void {
    if (this.slot.length !== this.concepts) {
      this.slot = new Int32Array(this.concepts);
      this.slotMark = new Int32Array(this.concepts);
    }
    if (this.slotEpoch >= 0x3fffffff) {
      this.slotMark.fill(0);
      this.slotEpoch = 0;
    }
    this.slotEpoch++;
  }

  get(concept: number): number {
    return this.slotMark[concept] === this.slotEpoch ? this.slot[concept]! : -1;
  }

  set(concept: number, slot: number): void {
    this.slotMark[concept] = this.slotEpoch;
    this.slot[concept] = slot;
  }

  /**
   * `count` zeroed per-word tables over the vocabulary (callers must zero what they set before returning). Up to
   * KEPT_TABLES are kept for the next query; a longer query gets fresh ones for the rest.
   */
  wordTables(count: number): Uint8Array[] {
    while (this.tables.length < Math.min(count, KEPT_TABLES)) this.tables.push(new Uint8Array(this.vocab));
    if (count <= this.tables.length) return this.tables;
    return [...this.tables, ...Array.from({ length: count - this.tables.length }, () => new Uint8Array(this.vocab))];
  }
}
