/**
 * Inverted lists keyed by token hash: (32-bit hash, id) pairs in one sorted typed array. Building is a numeric
 * typed-array sort (no Map of 100k+ strings, no per-list arrays), a lookup is a binary search. Two tokens may share
 * a hash, so callers verify what they find (substring checks) or accept a rare extra candidate.
 */
import { hash32 } from './fuzzy.js';

/** Ids must stay below this for the packed (hash, id) sort. */
const ID_LIMIT = 2 ** 21;

export class PostingsBuilder {
  private hashes: number[] = [];
  private ids: number[] = [];

  add(token: string, id: number): void {
    this.hashes.push(hash32(token));
    this.ids.push(id);
  }

  build(): Postings {
    const n = this.hashes.length;
    const order = new Float64Array(n);
    let maxId = 0;
    for (let i = 0; i < n; i++) if (this.ids[i]! > maxId) maxId = this.ids[i]!;
    let hashes: Uint32Array;
    let ids: Int32Array;
    if (maxId < ID_LIMIT) {
      for (let i = 0; i < n; i++) order[i] = this.hashes[i]! * ID_LIMIT + this.ids[i]!;
      order.sort();
      hashes = new Uint32Array(n);
      ids = new Int32Array(n);
      let k = 0;
      for (let i = 0; i < n; i++) {
        const v = order[i]!;
        if (i > 0 && v === order[i - 1]) continue;
        hashes[k] = Math.floor(v / ID_LIMIT);
        ids[k++] = v % ID_LIMIT;
      }
      hashes = hashes.slice(0, k);
      ids = ids.slice(0, k);
    } else {
      const idx = Array.from({ length: n }, (_, i) => i).sort((a, b) => this.hashes[a]! - this.hashes[b]! || this.ids[a]! - this.ids[b]!);
      hashes = Uint32Array.from(idx, (i) => this.hashes[i]!);
      ids = Int32Array.from(idx, (i) => this.ids[i]!);
    }
    this.hashes = [];
    this.ids = [];
    return new Postings(hashes, ids);
  }
}

export class Postings {
  constructor(
    private readonly hashes: Uint32Array,
    private readonly ids: Int32Array,
  ) {}

  /** The ascending ids of a token (a view; empty when unknown). */
  get(token: string): Int32Array {
    const h = hash32(token);
    let lo = 0;
    let hi = this.hashes.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.hashes[mid]! < h) lo = mid + 1;
      else hi = mid;
    }
    let end = lo;
    while (end < this.hashes.length && this.hashes[end] === h) end++;
    return this.ids.subarray(lo, end);
  }

  get bytes(): number {
    return this.hashes.byteLength + this.ids.byteLength;
  }
}

/** The overlapping character bigrams of a string (code points); a 1-character string gives itself. */
export function bigrams(text: string): string[] {
  const cs = [...text];
  if (cs.length < 2) return cs;
  const out: string[] = [];
  for (let i = 0; i + 1 < cs.length; i++) out.push(cs[i]! + cs[i + 1]!);
  return out;
}
