/**
 * A sorted array of string keys with a numeric payload each: exact and prefix lookups by binary search.
 * Several payloads may share a key. Sorting is a numeric typed-array sort on the first two UTF-16 code units,
 * then a string sort inside each (small) group: several times fewer string comparisons than a plain sort.
 */
export class SortedKeys {
  readonly keys: string[];
  readonly ids: Int32Array;
  readonly flags: Uint8Array;

  /** `flags` is a small per-entry tag (e.g. 1 = alternative reading), kept beside the id. */
  constructor(keys: readonly string[], ids: ArrayLike<number>, flags?: ArrayLike<number>) {
    const n = keys.length;
    const LIMIT = 2 ** 21;
    let order: number[];
    if (n < LIMIT) {
      const packed = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const k = keys[i]!;
        const head = (k.length > 0 ? k.charCodeAt(0) : 0) * 65536 + (k.length > 1 ? k.charCodeAt(1) : 0);
        packed[i] = head * LIMIT + i;
      }
      packed.sort();
      order = Array.from(packed, (v) => v % LIMIT);
      // Sort each run of equal heads by the full key (then by id).
      let start = 0;
      for (let i = 1; i <= n; i++) {
        if (i === n || Math.floor(packed[i]! / LIMIT) !== Math.floor(packed[start]! / LIMIT)) {
          if (i - start > 1) {
            const run = order.slice(start, i).sort((a, b) => compare(keys[a]!, keys[b]!) || ids[a]! - ids[b]!);
            for (let j = 0; j < run.length; j++) order[start + j] = run[j]!;
          }
          start = i;
        }
      }
    } else {
      order = Array.from({ length: n }, (_, i) => i).sort((a, b) => compare(keys[a]!, keys[b]!) || ids[a]! - ids[b]!);
    }
    this.keys = order.map((i) => keys[i]!);
    this.ids = Int32Array.from(order, (i) => ids[i]!);
    this.flags = Uint8Array.from(order, (i) => (flags ? flags[i]! : 0));
  }

  get length(): number {
    return this.keys.length;
  }

  /** First position whose key is ≥ `q`. */
  lowerBound(q: string): number {
    let lo = 0;
    let hi = this.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.keys[mid]! < q) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * Calls `visit(position)` for every entry whose key starts with `prefix` (exact keys first, since they sort
   * first), at most `max` entries. Returns how many were visited.
   */
  forPrefix(prefix: string, max: number, visit: (pos: number) => void): number {
    let n = 0;
    for (let i = this.lowerBound(prefix); i < this.keys.length && n < max; i++, n++) {
      if (!this.keys[i]!.startsWith(prefix)) break;
      visit(i);
    }
    return n;
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
