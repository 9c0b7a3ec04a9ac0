/**
 * Compiles the terms of a glossary into the refs of the matcher: one ref per distinct normalised form of a
 * term (the term, its script variant, the singular/plural of each), in creation order, with the normalised
 * pattern (the automaton's key) and the per-ref facts the scan reads (entry, term, status rank and flags,
 * word-break offsets, case key, the compiled form and script variant when they are not the term).
 * One method call per term, so that the hot code is a small function that is optimised early in a build
 * (a build runs it once per term, 183k times on the benchmark).
 */
import type { Term } from '../model.js';
import { TERM_STATUSES } from '../model.js';
import { FOLD_ALL, FOLD_CASE, F_SPLIT, asciiFoldKey, eachPatternForm, foldKey, isFoldedCjk, isProperName, normalizeScratch, unitsToString } from '../normalize/index.js';

/** Bits of a ref's flags (beside the status rank in the low 4 bits). */
export const R_SPLITS = 16; // the form has word breaks without a character between words
export const R_CASE = 32; // case-sensitive term
export const R_NOJOIN = 64; // a proper name: the text may not join what the term separates
export const R_REGIONAL = 128; // the Taiwan-vocabulary form of a Simplified term: matches in Traditional text only
export const RANK_MASK = 15;

const STATUS_RANK = new Map<string, number>(TERM_STATUSES.map((s, i) => [s, i]));

export class RefCompiler {
  /** Normalised pattern of each ref. */
  readonly keys: string[] = [];
  readonly entry: Int32Array;
  readonly term: Int32Array;
  readonly flags: Uint8Array;
  /** Offset of the ref's word breaks in `pool` (count, then offsets), or -1. */
  readonly split: Int32Array;
  readonly form: (string | undefined)[] = [];
  readonly script: (string | undefined)[] = [];
  readonly pool: number[] = [];
  /** foldKey(form) without case folding, for the refs of case-sensitive terms. */
  readonly caseKey = new Map<number, string>();
  private readonly seen: string[] = [];
  // the term being compiled, read by onForm (made once, not per term)
  private curEntry = 0;
  private curIndex = 0;
  private curTerm: Term | undefined;
  private curFlags = 0;
  private readonly onForm = (form: string, script: string): void => this.addForm(form, script);

  /** `terms`: the number of terms to compile (at most 4 forms each). */
  constructor(terms: number) {
    const cap = 4 * terms + 16;
    this.entry = new Int32Array(cap);
    this.term = new Int32Array(cap);
    this.flags = new Uint8Array(cap);
    this.split = new Int32Array(cap);
  }

  /** Number of refs so far. */
  get count(): number {
    return this.keys.length;
  }

  /** Compiles term `termIndex` of entry `entry`, given its script variant (scriptVariantsBatch). */
  add(entry: number, termIndex: number, t: Term, variant: string | undefined): void {
    const rankFlags = (STATUS_RANK.get(t.status) ?? 9) | (isProperName(t.text) ? R_NOJOIN : 0) | (t.caseSensitive ? R_CASE : 0);
    if (variant === undefined && isFoldedCjk(t.text, FOLD_ALL)) {
      // most Chinese terms: one form (no script variant, no inflection), normalised to itself
      const r = this.keys.length;
      this.keys.push(t.text);
      this.entry[r] = entry;
      this.term[r] = termIndex;
      this.flags[r] = rankFlags;
      this.split[r] = -1;
      if (t.caseSensitive) this.caseKey.set(r, foldKey(t.text, FOLD_ALL & ~FOLD_CASE));
      this.form.push(undefined);
      this.script.push(undefined);
      return;
    }
    this.curEntry = entry;
    this.curIndex = termIndex;
    this.curTerm = t;
    this.curFlags = rankFlags;
    this.seen.length = 0;
    eachPatternForm(t.text, variant, this.onForm);
  }

  private addForm(form: string, script: string): void {
    const t = this.curTerm!;
    const pool = this.pool;
    const at = pool.length;
    pool.push(0);
    // the form's word breaks (offsets in the key) go to the pool after a count slot
    let key = asciiFoldKey(form, pool);
    if (key === undefined) {
      const n = normalizeScratch(form, FOLD_ALL);
      key = unitsToString(n);
      for (let j = 1; j < n.length; j++) if (n.flags[j]! & F_SPLIT) pool.push(j);
    }
    if (key.length === 0 || this.seen.includes(key)) {
      // empty, or another form of this term normalised alike: keep the first
      pool.length = at;
      return;
    }
    this.seen.push(key);
    const r = this.keys.length;
    let flags = this.curFlags;
    // the script variant of a term that is not Traditional is its Taiwan form (scriptVariantsBatch); one that
    // folded back to the term was dropped above, so what is left here is regional vocabulary
    if (script !== t.text && t.lang !== 'zh-Hant') flags |= R_REGIONAL;
    if (pool.length > at + 1) {
      flags |= R_SPLITS;
      pool[at] = pool.length - at - 1;
      this.split[r] = at;
    } else {
      pool.length = at;
      this.split[r] = -1;
    }
    if (t.caseSensitive) this.caseKey.set(r, foldKey(form, FOLD_ALL & ~FOLD_CASE));
    this.keys.push(key);
    this.entry[r] = this.curEntry;
    this.term[r] = this.curIndex;
    this.flags[r] = flags;
    this.form.push(form === t.text ? undefined : form);
    this.script.push(script === t.text ? undefined : script);
  }
}
