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
    const n = order.length;
    this.keys = new Array<string>(n);
    this.ids = new Int32Array(n);
    this.flags = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const o = order[i]!;
      this.keys[i] = keys[o]!;
      this.ids[i] = ids[o]!;
      if (flags) this.flags[i] = flags[o]!;
    }
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

/** Ranges up to this size are finished by insertion sort. */
const SMALL = 24;

/**
 * Positions 0…n-1 ordered by (key, id), keys compared by UTF-16 code units like `<`. MSD radix: each round sorts a
 * range on its next code units packed in 32 bits (four of 8 bits when they fit, else two of 16; code unit + 1,
 * 0 = end of key) with a stable LSD byte radix sort, then recurses into runs that share them; small ranges are
 * finished by insertion sort.
 */
function sortedOrder(keys: readonly string[], ids: ArrayLike<number>): Int32Array {
  const n = keys.length;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const packed = new Uint32Array(n);
  const tmpOrder = new Int32Array(n);
  const tmpPacked = new Uint32Array(n);
  const count = new Int32Array(256);
  const stack: number[] = [0, n, 0];
  while (stack.length) {
    const depth = stack.pop()!;
    const end = stack.pop()!;
    const start = stack.pop()!;
    if (end - start <= SMALL) {
      insertionSort(order, start, end, keys);
      continue;
    }
    // Four code units of 8 bits when they all fit (ASCII keys, pinyin), else two of 16 bits; + 1 so that 0 means
    // "end of key" and sorts first.
    let step = 4;
    for (let i = start; i < end; i++) {
      const k = keys[order[i]!]!;
      const c0 = depth < k.length ? k.charCodeAt(depth) + 1 : 0;
      const c1 = depth + 1 < k.length ? k.charCodeAt(depth + 1) + 1 : 0;
      const c2 = depth + 2 < k.length ? k.charCodeAt(depth + 2) + 1 : 0;
      const c3 = depth + 3 < k.length ? k.charCodeAt(depth + 3) + 1 : 0;
      if ((c0 | c1 | c2 | c3) > 0xff) {
        step = 2;
        break;
      }
      packed[i] = ((c0 << 24) | (c1 << 16) | (c2 << 8) | c3) >>> 0;
    }
    let odd = false;
    if (step === 2) {
      for (let i = start; i < end; i++) {
        const k = keys[order[i]!]!;
        const c0 = depth < k.length ? k.charCodeAt(depth) + 1 : 0;
        const c1 = depth + 1 < k.length ? k.charCodeAt(depth + 1) + 1 : 0;
        if (c0 > 0xffff || c1 > 0xffff) odd = true;
        packed[i] = ((c0 << 16) | c1) >>> 0;
      }
    }
    if (odd) {
      // U+FFFF does not fit the packing: sort this range by comparison (noncharacters, practically never).
      const run = Array.from(order.subarray(start, end)).sort((a, b) => compare(keys[a]!, keys[b]!) || a - b);
      order.set(run, start);
      continue;
    }
    radixRange(packed, order, start, end, tmpPacked, tmpOrder, count);
    const endMask = step === 4 ? 0xff : 0xffff;
    let runStart = start;
    for (let i = start + 1; i <= end; i++) {
      if (i === end || packed[i] !== packed[runStart]) {
        // A run whose last unit is 0 holds keys that all ended here: identical keys, already in position order.
        if (i - runStart > 1 && (packed[runStart]! & endMask) !== 0) stack.push(runStart, i, depth + step);
        runStart = i;
      }
    }
  }
  // Identical keys are in position order; order them by id when ids do not rise with positions.
  let rising = true;
  for (let i = 1; i < n && rising; i++) if (ids[i]! < ids[i - 1]!) rising = false;
  if (!rising) {
    for (let a = 0; a < n; ) {
      let b = a + 1;
      while (b < n && keys[order[b]!] === keys[order[a]!]) b++;
      if (b - a > 1) order.set(Array.from(order.subarray(a, b)).sort((x, y) => ids[x]! - ids[y]! || x - y), a);
      a = b;
    }
  }
  return order;
}

/** Stable LSD radix sort of packed[start, end) (with order alongside) by byte, skipping bytes all entries share. */
function radixRange(packed: Uint32Array, order: Int32Array, start: number, end: number, tmpPacked: Uint32Array, tmpOrder: Int32Array, count: Int32Array): void {
  for (let shift = 0; shift < 32; shift += 8) {
    count.fill(0);
    for (let i = start; i < end; i++) count[(packed[i]! >>> shift) & 255]! += 1;
    if (count[(packed[start]! >>> shift) & 255] === end - start) continue;
    let sum = start;
    for (let d = 0; d < 256; d++) {
      const c = count[d]!;
      count[d] = sum;
      sum += c;
    }
    for (let i = start; i < end; i++) {
      const v = packed[i]!;
      const d = (v >>> shift) & 255;
      const p = count[d]!;
      count[d] = p + 1;
      tmpPacked[p] = v;
      tmpOrder[p] = order[i]!;
    }
    packed.set(tmpPacked.subarray(start, end), start);
    order.set(tmpOrder.subarray(start, end), start);
  }
}

/** Insertion sort of order[start, end) by key, stable (equal keys keep position order). */
function insertionSort(order: Int32Array, start: number, end: number, keys: readonly string[]): void {
  for (let i = start + 1; i < end; i++) {
    const o = order[i]!;
    const k = keys[o]!;
    let j = i - 1;
    while (j >= start && keys[order[j]!]! > k) {
      order[j + 1] = order[j]!;
      j--;
    }
    order[j + 1] = o;
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
