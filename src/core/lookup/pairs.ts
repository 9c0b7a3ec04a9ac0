/**
 * Typed-array helpers for building the lookup index without arrays of objects: a growable Int32Array and a
 * stable radix sort of (32-bit key, value) pairs.
 */

/** A growable Int32Array (amortised doubling). */
export class IntBuffer {
  private data: Int32Array;
  length = 0;

  constructor(capacity = 1024) {
    this.data = new Int32Array(Math.max(16, capacity));
  }

  push(x: number): void {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = x;
  }

  get(i: number): number {
    return this.data[i]!;
  }

  /** The pushed values (a view: later pushes may or may not show in it). */
  view(): Int32Array {
    return this.data.subarray(0, this.length);
  }

  /** A compact copy of the pushed values. */
  toArray(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

const BITS = 11;
const RADIX = 1 << BITS;
const MASK = RADIX - 1;

/**
 * Pairs sorted by key as an unsigned 32-bit number; pairs with equal keys keep their input order (stable LSD radix
 * sort, three passes of 11 bits). `keys` may hold the keys as signed int32 (the same bits).
 */
export function sortPairs(keys: Int32Array | Uint32Array, values: Int32Array): { keys: Uint32Array; values: Int32Array } {
  const n = keys.length;
  const inK = keys instanceof Uint32Array ? keys : new Uint32Array(keys.buffer, keys.byteOffset, n);
  // Pass 1 reads the input into A, pass 2 goes A → B, pass 3 B → A.
  const aK = new Uint32Array(n);
  const aV = new Int32Array(n);
  const bK = new Uint32Array(n);
  const bV = new Int32Array(n);
  const count = new Int32Array(RADIX);
  const pass = (srcK: Uint32Array, srcV: Int32Array, dstK: Uint32Array, dstV: Int32Array, shift: number) => {
    count.fill(0);
    for (let i = 0; i < n; i++) count[(srcK[i]! >>> shift) & MASK]! += 1;
    let sum = 0;
    for (let d = 0; d < RADIX; d++) {
      const c = count[d]!;
      count[d] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const k = srcK[i]!;
      const d = (k >>> shift) & MASK;
      const p = count[d]!;
      count[d] = p + 1;
      dstK[p] = k;
      dstV[p] = srcV[i]!;
    }
  };
  pass(inK, values, aK, aV, 0);
  pass(aK, aV, bK, bV, BITS);
  pass(bK, bV, aK, aV, 2 * BITS);
  return { keys: aK, values: aV };
}

/**
 * A directory over keys sorted as unsigned 32-bit numbers: entry b is the first position whose top 16 bits are
 * ≥ b (65,537 entries), so a lookup binary-searches only the few keys that share the top bits.
 */
export function keyDirectory(keys: Uint32Array): Int32Array {
  const dir = new Int32Array(65537);
  let b = 0;
  for (let i = 0; i < keys.length; i++) {
    const top = keys[i]! >>> 16;
    while (b <= top) dir[b++] = i;
  }
  while (b <= 65536) dir[b++] = keys.length;
  return dir;
}

/** First position of `key` in sorted `keys` (or where it would go), using its directory. */
export function lowerBoundKey(keys: Uint32Array, dir: Int32Array, key: number): number {
  const top = key >>> 16;
  let lo = dir[top]!;
  let hi = dir[top + 1]!;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
