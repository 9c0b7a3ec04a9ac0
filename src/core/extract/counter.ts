/**
 * Counts candidate occurrences in bounded memory. Each grouping key keeps its surface forms, frequency,
 * documents and a few context sentences. When the table grows past `maxEntries`, rare entries are pruned
 * (lossy counting, Manku & Motwani 2002): every entry with frequency ≤ the current threshold is dropped and
 * the threshold rises, so memory stays flat however long the input is while frequent candidates survive
 * with exact-or-slightly-low counts.
 */
import type { LooseLead } from './en-candidates.js';
import type { CandidateContext } from './types.js';
import { contextOf } from './sentences.js';

/** One counted candidate. */
export interface CountEntry {
  key: string;
  /** Words/segments of the first surface form seen. */
  parts: string[];
  /** The first surface form seen, and its occurrences. */
  form: string;
  formCount: number;
  /**
   * Further surface forms → occurrences (at most MAX_FORMS − 1), made when a second form is seen: most
   * candidates only ever have one, and an empty Map per entry was a sixth of the table's memory.
   */
  otherForms: Map<string, number> | undefined;
  frequency: number;
  /** Distinct documents (first MAX_DOCS), ascending. */
  docs: number[];
  docCount: number;
  contexts: CandidateContext[];
  /** Seen with a verb as first part (see Span.verbLead). */
  verbLead: boolean;
  /** Occurrences not inside a longer candidate of the same sentence (counted for one-word candidates). */
  free: number;
  /** Only ever seen as a structural span (see Span.structural): ranked for structure, never proposed. */
  structural: boolean;
  /** Seen with a place name or scope noun as first part (see Span.looseLead). */
  looseLead: LooseLead | false;
  /** Seen as a name the text sets off (an item of a quoted list, Span.named): it does not contain its parts for C-value. */
  named: boolean;
}

export interface CounterOptions {
  /** Entries kept before pruning. @default 200_000 */
  maxEntries?: number;
  /** Context sentences kept per candidate. @default 3 */
  maxContexts?: number;
}

const MAX_FORMS = 8;
const MAX_DOCS = 1000;

export class CandidateCounter {
  readonly entries = new Map<string, CountEntry>();
  private readonly maxEntries: number;
  private readonly maxContexts: number;
  /** Frequencies at or below this were pruned at least once: counts may be low by up to this much. */
  pruneThreshold = 0;
  /** The last sentence seen and its context copy (the input's strings are not kept: they hold whole chunks). */
  private lastSentence = '';
  private lastContext = '';

  constructor(options: CounterOptions = {}) {
    this.maxEntries = options.maxEntries ?? 200_000;
    this.maxContexts = options.maxContexts ?? 3;
  }

  /** Records one occurrence of a candidate. */
  add(key: string, parts: string[], form: string, doc: number, sentence: string, verbLead = false, free = true, structural = false, looseLead: LooseLead | false = false, named = false): void {
    let e = this.entries.get(key);
    if (!e) {
      if (this.entries.size >= this.maxEntries) this.prune();
      // every field set here, in one order: entries share one shape (no properties added later in this hot path)
      e = { key, parts, form, formCount: 0, otherForms: undefined, frequency: 0, free: 0, docs: [], docCount: 0, contexts: [], verbLead, structural, looseLead, named };
      this.entries.set(key, e);
    }
    e.frequency++;
    if (verbLead && !e.verbLead) e.verbLead = true;
    if (looseLead && !e.looseLead) e.looseLead = looseLead;
    if (named && !e.named) e.named = true;
    if (free) e.free++;
    if (e.structural && !structural) e.structural = false;
    if (form === e.form) e.formCount++;
    else {
      const others = (e.otherForms ??= new Map());
      const n = others.get(form);
      if (n !== undefined) others.set(form, n + 1);
      else if (others.size < MAX_FORMS - 1) others.set(form, 1);
    }
    if (e.docs[e.docs.length - 1] !== doc && !e.docs.includes(doc)) {
      e.docCount++;
      if (e.docs.length < MAX_DOCS) {
        e.docs.push(doc);
        if (e.docs.length > 1 && e.docs[e.docs.length - 2]! > doc) e.docs.sort((a, b) => a - b);
      }
    }
    if (e.contexts.length < this.maxContexts) {
      // one copy of a sentence, shared by every candidate that keeps it as context (a sentence holds several)
      if (sentence !== this.lastSentence) {
        this.lastSentence = sentence;
        this.lastContext = contextOf(sentence);
      }
      const context = this.lastContext;
      if (!e.contexts.some((c) => c.sentence === context)) e.contexts.push({ doc, sentence: context });
    }
  }

  /** Drops the rarest entries until the table is at most half full. */
  private prune(): void {
    while (this.entries.size >= this.maxEntries / 2) {
      this.pruneThreshold++;
      for (const [k, e] of this.entries) if (e.frequency <= this.pruneThreshold) this.entries.delete(k);
    }
  }
}

/** The surface forms of an entry with their occurrences, the first seen first. */
export function formsOf(e: CountEntry): [string, number][] {
  const out: [string, number][] = [[e.form, e.formCount]];
  if (e.otherForms) for (const f of e.otherForms) out.push(f);
  return out;
}

/**
 * The surface form seen most often (ties: the first seen). A form that differs from another only by a capital first
 * letter (`Quantum annealing` at the start of a sentence, `quantum annealing` inside one) counts for the lower-case
 * form: a sentence-initial capital says nothing about the term. A form only ever seen capitalised stays so.
 */
export function displayForm(e: CountEntry): string {
  if (!e.otherForms) return e.form;
  const counts = new Map<string, number>(formsOf(e));
  for (const [form, n] of counts) {
    const first = form.charAt(0);
    const lower = first.toLowerCase();
    if (lower === first) continue;
    const twin = lower + form.slice(1);
    const m = counts.get(twin);
    if (m !== undefined) {
      counts.set(twin, m + n);
      counts.set(form, 0);
    }
  }
  let best = e.form;
  let bestCount = -1;
  for (const [form, n] of counts) if (n > bestCount) [best, bestCount] = [form, n];
  return best;
}
