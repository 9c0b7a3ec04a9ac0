/**
 * Bookkeeping for grouped findings: per key, the variants seen with exact counts and locations (capped per
 * variant). Used by inconsistent-term and inconsistent-segment.
 */
import type { FindingLocation } from './types.js';

export interface Variant {
  /** Display text of the variant (a target term, a translation). */
  label: string;
  count: number;
  locations: FindingLocation[];
  /** Grouping keys of the units (i18next plural/context group), to tell plural variants apart. */
  groups?: Set<string>;
}

/** Variants of one key, by variant key. */
export class VariantGroup<Extra = undefined> {
  readonly variants = new Map<string | number, Variant>();
  constructor(public extra: Extra) {}

  add(variantKey: string | number, label: string, location: FindingLocation, max: number, group?: string): void {
    let v = this.variants.get(variantKey);
    if (!v) {
      v = { label, count: 0, locations: [] };
      this.variants.set(variantKey, v);
    }
    v.count++;
    if (v.locations.length < max) v.locations.push(location);
    if (group !== undefined) (v.groups ??= new Set()).add(group);
  }

  /** Variants, most frequent first (ties: first seen first). */
  sorted(): Variant[] {
    return [...this.variants.values()].sort((a, b) => b.count - a.count);
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

/** Locations of all variants, each tagged with its variant. */
export function locationsOf(vs: Variant[]): FindingLocation[] {
  return vs.flatMap((v) => v.locations.map((l) => ({ ...l, variant: v.label })));
}

/** The location a grouped finding points at: the first of the rarest variant (the likely outlier). */
export function headline(vs: Variant[]): FindingLocation {
  const rare = vs[vs.length - 1]!;
  return rare.locations[0] ?? vs[0]!.locations[0]!;
}
