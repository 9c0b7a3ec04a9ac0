/**
 * Bookkeeping for grouped findings: per key, the variants seen with exact counts and their locations (capped
 * per variant). Locations are stored compactly — a unit number and four offsets — against a per-run table of
 * units, and only turned into objects for the findings at the end, so the cross-unit state stays small.
 */
import type { FindingLocation, Span } from './types.js';

/** The units referenced by grouped findings of one run (each unit stored once). */
export class UnitTable {
  private readonly units: FindingLocation[] = [];
  private last: FindingLocation | undefined;

  /** The number of a unit's base location (file, part, id, line), adding it when new. */
  ref(location: FindingLocation): number {
    if (this.last !== location) {
      this.units.push(location);
      this.last = location;
    }
    return this.units.length - 1;
  }

  get(i: number): FindingLocation {
    return this.units[i]!;
  }
}

export interface Variant {
  /** Display text of the variant (a target term, a translation). */
  label: string;
  count: number;
  /** Flattened [unit, sourceStart, sourceEnd, targetStart, targetEnd] per kept location (-1 = none). */
  refs: number[];
  /** Grouping keys of the units (i18next plural/context group), to tell plural variants apart. */
  groups?: Set<string>;
  /** Texts of the spans, when the same for every location (a term's surface forms vary; kept from the first). */
  sourceText?: string;
  targetText?: string;
}

/** Variants of one key, by variant key. */
export class VariantGroup<Extra = undefined> {
  private first: [string | number, Variant] | undefined;
  private more: Map<string | number, Variant> | undefined;
  constructor(public extra: Extra) {}

  get size(): number {
    return this.more ? this.more.size : this.first ? 1 : 0;
  }

  add(variantKey: string | number, label: string, unit: number, max: number, spans?: { source?: Span; target?: Span }, group?: string): void {
    let v: Variant | undefined;
    if (this.more) v = this.more.get(variantKey);
    else if (this.first && this.first[0] === variantKey) v = this.first[1];
    if (!v) {
      v = { label, count: 0, refs: [] };
      if (spans?.source) v.sourceText = spans.source.text;
      if (spans?.target) v.targetText = spans.target.text;
      if (!this.first) this.first = [variantKey, v];
      else {
        this.more ??= new Map([this.first]);
        this.more.set(variantKey, v);
      }
    }
    v.count++;
    if (v.refs.length < max * 5) v.refs.push(unit, spans?.source?.start ?? -1, spans?.source?.end ?? -1, spans?.target?.start ?? -1, spans?.target?.end ?? -1);
    if (group !== undefined) (v.groups ??= new Set()).add(group);
  }

  variants(): Variant[] {
    return this.more ? [...this.more.values()] : this.first ? [this.first[1]] : [];
  }

  /** Variants, most frequent first (ties: first seen first). */
  sorted(): Variant[] {
    return this.variants().sort((a, b) => b.count - a.count);
  }
}

/** `a (3), b (1)` */
export function describeVariants(vs: Variant[]): string {
  return vs.map((v) => `${v.label} (${v.count})`).join(', ');
}

/** Counts by label. */
export function countsOf(vs: Variant[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of vs) out[v.label] = (out[v.label] ?? 0) + v.count;
  return out;
}

function expand(v: Variant, k: number, units: UnitTable): FindingLocation {
  const r = v.refs;
  const loc: FindingLocation = { ...units.get(r[k]!) };
  if (r[k + 1]! >= 0) loc.source = { start: r[k + 1]!, end: r[k + 2]!, text: v.sourceText ?? '' };
  if (r[k + 3]! >= 0) loc.target = { start: r[k + 3]!, end: r[k + 4]!, text: v.targetText ?? '' };
  loc.variant = v.label;
  return loc;
}

/** Locations of all variants, each tagged with its variant. */
export function locationsOf(vs: Variant[], units: UnitTable): FindingLocation[] {
  const out: FindingLocation[] = [];
  for (const v of vs) for (let k = 0; k < v.refs.length; k += 5) out.push(expand(v, k, units));
  return out;
}

/** The location a grouped finding points at: the first of the rarest variant (the likely outlier). */
export function headline(vs: Variant[], units: UnitTable): FindingLocation {
  const rare = vs[vs.length - 1]!;
  return expand(rare.refs.length ? rare : vs[0]!, 0, units);
}
