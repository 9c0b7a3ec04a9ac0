/**
 * Bookkeeping for grouped findings (inconsistent-term, inconsistent-segment): per key, the variants seen with
 * exact counts and their locations (capped per variant). Everything lives in typed arrays indexed by number —
 * a variant is a row, a group is the row of its first variant, a location is a row of a shared pool linked
 * per variant — and is only turned into objects for the findings at the end. A group with one variant (the
 * usual case) costs about 50 bytes plus 8 (no spans) or 24 (spans) bytes per kept location.
 */
import { FloatList, IntList, TextPool } from './compact.js';
import type { UnitTable } from './compact.js';
import type { FindingLocation } from './types.js';

/** Spans of a location; -1 = none. */
export interface SpanOffsets {
  ss: number;
  se: number;
  ts: number;
  te: number;
}

const BIG_GROUP = 8;
// fields of a variant row (a group's own fields live in the row of its first variant)
const COUNT = 0;
const HEAD = 1;
const TAIL = 2;
const KEPT = 3;
const NEXT = 4;
const LAST = 5;
const SIZE = 6;
const ROW = 7;

export class VariantStore {
  private rows = new Int32Array(ROW * 256);
  private rowCount = 0;
  private readonly key = new FloatList(256);
  /** Labels: glossary terms are kept as they are (shared strings); segment texts go to a pool. */
  private readonly labelList: string[] | undefined;
  private readonly labelPool: TextPool | undefined;
  /**
   * The matched texts of a variant's first location, only when they differ from the defaults (the label on its
   * side, the group's text on the other — see `labelSide`): usually they are the glossary terms themselves.
   */
  private readonly texts = new Map<number, [string | undefined, string | undefined]>();
  /**
   * Grouping keys seen per variant (i18next plural/context groups), as numbers: per row the key's number, -1 none,
   * -2 several (then the set is in `groupSets`). Allocated on first use.
   */
  private groupKey: IntList | undefined;
  private readonly groupNames: string[] = [];
  private readonly groupNumbers = new Map<string, number>();
  private readonly groupSets = new Map<number, Set<string>>();
  /** Variant by key, for groups with many variants. */
  private readonly index = new Map<number, Map<number, number>>();
  // locations: [unit, next] or [unit, ss, se, ts, te, next]
  private readonly pool: IntList;
  private readonly stride: number;

  /**
   * @param spans whether locations carry source/target spans
   * @param max locations kept per variant (counts stay exact)
   * @param pooledLabels store labels in a text pool (labels that are not shared strings)
   * @param labelSide which side's text a variant's label is (the default text of that side's spans; the other
   *   side defaults to the group's text, given to locations() and headline())
   */
  constructor(
    spans: boolean,
    private readonly max: number,
    pooledLabels = false,
    private readonly labelSide: 'source' | 'target' = 'target',
  ) {
    if (pooledLabels) this.labelPool = new TextPool();
    else this.labelList = [];
    this.stride = spans ? 6 : 2;
    this.pool = new IntList(1024);
  }

  private row(key: number, label: string): number {
    const v = this.rowCount++;
    if (v * ROW === this.rows.length) {
      const b = new Int32Array(this.rows.length * 2);
      b.set(this.rows);
      this.rows = b;
    }
    const o = v * ROW;
    const r = this.rows;
    r[o + COUNT] = 0;
    r[o + HEAD] = -1;
    r[o + TAIL] = -1;
    r[o + KEPT] = 0;
    r[o + NEXT] = -1;
    r[o + LAST] = v;
    r[o + SIZE] = 1;
    this.key.push(key);
    if (this.labelList) this.labelList.push(label);
    else this.labelPool!.add(label);
    this.groupKey?.push(-1);
    return v;
  }

  private groupNumber(name: string): number {
    let n = this.groupNumbers.get(name);
    if (n === undefined) {
      n = this.groupNames.push(name) - 1;
      this.groupNumbers.set(name, n);
    }
    return n;
  }

  private addGroupKey(v: number, name: string): void {
    let gk = this.groupKey;
    if (!gk) {
      gk = this.groupKey = new IntList(Math.max(16, this.rowCount));
      for (let i = 0; i < this.rowCount; i++) gk.push(-1);
    }
    const cur = gk.get(v);
    const n = this.groupNumber(name);
    if (cur === -1) gk.set(v, n);
    else if (cur === -2) this.groupSets.get(v)!.add(name);
    else if (cur !== n) {
      gk.set(v, -2);
      this.groupSets.set(v, new Set([this.groupNames[cur]!, name]));
    }
  }

  private next(v: number): number {
    return this.rows[v * ROW + NEXT]!;
  }

  /** A new group whose first variant has this key and label; returns the group (= that variant). */
  group(key: number, label: string): number {
    return this.row(key, label);
  }

  /** The variant of group g with this key, or -1. */
  find(g: number, key: number): number {
    if (this.rows[g * ROW + SIZE]! > BIG_GROUP) return this.index.get(g)!.get(key) ?? -1;
    for (let v = g; v >= 0; v = this.next(v)) if (this.key.a[v] === key) return v;
    return -1;
  }

  /** Adds a variant to group g. */
  variant(g: number, key: number, label: string): number {
    const v = this.row(key, label);
    const r = this.rows;
    r[v * ROW + SIZE] = 0;
    r[r[g * ROW + LAST]! * ROW + NEXT] = v;
    r[g * ROW + LAST] = v;
    const n = ++r[g * ROW + SIZE]!;
    if (n > BIG_GROUP) {
      let idx = this.index.get(g);
      if (!idx) {
        idx = new Map();
        for (let w = g; w >= 0; w = this.next(w)) idx.set(this.key.a[w]!, w);
        this.index.set(g, idx);
      } else idx.set(key, v);
    }
    return v;
  }

  /**
   * Counts one occurrence of variant v at a unit (and spans), keeping the location while under the cap. The texts
   * of the spans are kept for the variant's first occurrence; undefined = the default (see labelSide).
   */
  add(v: number, unit: number, spans?: SpanOffsets, sourceText?: string, targetText?: string, groupKey?: string): void {
    const o = v * ROW;
    const c = this.rows[o + COUNT]!;
    this.rows[o + COUNT] = c + 1;
    // (kept as given: the caller passes strings that keep nothing else alive, see own())
    if (c === 0 && this.stride === 6 && (sourceText !== undefined || targetText !== undefined)) this.texts.set(v, [sourceText, targetText]);
    if (groupKey !== undefined) this.addGroupKey(v, groupKey);
    if (this.rows[o + KEPT]! >= this.max) return;
    this.rows[o + KEPT]!++;
    const p = this.pool;
    const r = p.push(unit);
    if (this.stride === 6) {
      p.push(spans ? spans.ss : -1);
      p.push(spans ? spans.se : -1);
      p.push(spans ? spans.ts : -1);
      p.push(spans ? spans.te : -1);
    }
    p.push(-1);
    const t = this.rows[o + TAIL]!;
    if (t < 0) this.rows[o + HEAD] = r;
    else p.set(t + this.stride - 1, r);
    this.rows[o + TAIL] = r;
  }

  /** Number of variants of group g. */
  sizeOf(g: number): number {
    return this.rows[g * ROW + SIZE]!;
  }

  labelOf(v: number): string {
    return this.labelList ? this.labelList[v]! : this.labelPool!.get(v);
  }

  countOf(v: number): number {
    return this.rows[v * ROW + COUNT]!;
  }

  /** Grouping keys of variant v. */
  groupsOf(v: number): string[] {
    const n = this.groupKey ? this.groupKey.get(v) : -1;
    return n === -1 ? [] : n === -2 ? [...this.groupSets.get(v)!] : [this.groupNames[n]!];
  }

  /** Variants of group g in the order first seen. */
  variants(g: number): number[] {
    const out: number[] = [];
    for (let v = g; v >= 0; v = this.next(v)) out.push(v);
    return out;
  }

  /** Variants of group g, most frequent first (ties: first seen first). */
  sorted(g: number): number[] {
    return this.variants(g).sort((a, b) => this.countOf(b) - this.countOf(a));
  }

  /** `a (3), b (1)` */
  describe(vs: number[]): string {
    return vs.map((v) => `${this.labelOf(v)} (${this.countOf(v)})`).join(', ');
  }

  /** Counts by label. */
  counts(vs: number[]): Record<string, number> {
    const out: Record<string, number> = {};
    for (const v of vs) {
      const l = this.labelOf(v);
      out[l] = (out[l] ?? 0) + this.countOf(v);
    }
    return out;
  }

  private expand(v: number, r: number, units: UnitTable, groupText: string): FindingLocation {
    const p = this.pool;
    const loc = units.get(p.get(r));
    if (this.stride === 6) {
      const t = this.texts.get(v);
      const label = this.labelOf(v);
      const sourceText = t?.[0] ?? (this.labelSide === 'source' ? label : groupText);
      const targetText = t?.[1] ?? (this.labelSide === 'target' ? label : groupText);
      if (p.get(r + 1) >= 0) loc.source = { start: p.get(r + 1), end: p.get(r + 2), text: sourceText };
      if (p.get(r + 3) >= 0) loc.target = { start: p.get(r + 3), end: p.get(r + 4), text: targetText };
    }
    loc.variant = this.labelOf(v);
    return loc;
  }

  private head(v: number): number {
    return this.rows[v * ROW + HEAD]!;
  }

  /** Locations of all variants, each tagged with its variant (`groupText`: the default text, see labelSide). */
  locations(vs: number[], units: UnitTable, groupText = ''): FindingLocation[] {
    const out: FindingLocation[] = [];
    for (const v of vs) for (let r = this.head(v); r >= 0; r = this.pool.get(r + this.stride - 1)) out.push(this.expand(v, r, units, groupText));
    return out;
  }

  /** The location a grouped finding points at: the first of the rarest variant (the likely outlier). */
  headline(vs: number[], units: UnitTable, groupText = ''): FindingLocation {
    const rare = vs[vs.length - 1]!;
    const v = this.head(rare) >= 0 ? rare : vs[0]!;
    if (this.head(v) < 0) return { file: '', unitId: '', variant: this.labelOf(v) }; // maxLocations 0
    return this.expand(v, this.head(v), units, groupText);
  }
}
