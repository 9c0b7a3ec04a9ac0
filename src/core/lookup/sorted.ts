/**
 * A sorted array of string keys with a numeric payload each: exact and prefix lookups by binary search.
 * Several payloads may share a key. Built with an MSD radix sort over typed arrays (see sortedOrder).
 */
export class SortedKeys {
  readonly keys: string[];
  readonly ids: Int32Array;
  readonly flags: Uint8Array;

  /** `flags` is a small per-entry tag (e.g. 1 = alternative reading), kept beside the id. */
  constructor(keys: readonly string[], ids: ArrayLike<number>, flags?: ArrayLike<number>) {
    const order = sortedOrder(keys, ids);
    this.keys = Array.from(order, (i) => keys[i]!);
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

const LIMIT = 2 ** 21;

/**
 * Positions 0…n-1 ordered by (key, id), keys compared by UTF-16 code units like `<`. MSD radix: each round sorts a
 * range numerically on the next two code units (a Float64Array sort of packed values), then recurses into runs
 * that share them; small runs fall back to a comparison sort.
 */
function sortedOrder(keys: readonly string[], ids: ArrayLike<number>): Int32Array {
  const n = keys.length;
  const order = Int32Array.from({ length: n }, (_, i) => i);
  if (n >= LIMIT) {
    return Int32Array.from([...order].sort((a, b) => compare(keys[a]!, keys[b]!) || ids[a]! - ids[b]!));
  }
  const packed = new Float64Array(n);
  const stack: [number, number, number][] = [[0, n, 0]];
  while (stack.length) {
    const [start, end, depth] = stack.pop()!;
    if (end - start <= 24) {
      const run = Array.from(order.subarray(start, end)).sort((a, b) => compare(keys[a]!, keys[b]!) || ids[a]! - ids[b]!);
      order.set(run, start);
      continue;
    }
    let exhausted = true;
    for (let i = start; i < end; i++) {
      const k = keys[order[i]!]!;
      if (k.length > depth) exhausted = false;
      // +1 so that "end of string" (0) sorts before any code unit; U+FFFE/U+FFFF count as U+FFFD so that
      // head * 2^21 + position stays below 2^53.
      const c0 = k.length > depth ? Math.min(k.charCodeAt(depth), 0xfffd) + 1 : 0;
      const c1 = k.length > depth + 1 ? Math.min(k.charCodeAt(depth + 1), 0xfffd) + 1 : 0;
      packed[i] = c0 * 65537 + c1;
    }
    if (exhausted) {
      // Identical keys: order by id.
      const run = Array.from(order.subarray(start, end)).sort((a, b) => ids[a]! - ids[b]!);
      order.set(run, start);
      continue;
    }
    // Sort positions by their packed head: pair (head, position) through an index sort on a typed array.
    const idx = new Float64Array(end - start);
    for (let i = start; i < end; i++) idx[i - start] = packed[i]! * LIMIT + order[i]!;
    idx.sort();
    for (let i = 0; i < idx.length; i++) {
      const v = idx[i]!;
      order[start + i] = v % LIMIT;
      packed[start + i] = Math.floor(v / LIMIT);
    }
    let runStart = start;
    for (let i = start + 1; i <= end; i++) {
      if (i === end || packed[i] !== packed[runStart]) {
        if (i - runStart > 1) stack.push([runStart, i, depth + 2]);
        runStart = i;
      }
    }
  }
  return order;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
