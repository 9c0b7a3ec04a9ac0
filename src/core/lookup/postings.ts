/**
 * Inverted lists keyed by token hash: (32-bit hash, id) pairs in one sorted typed array. Building is a numeric
 * typed-array sort (no Map of 100k+ strings, no per-list arrays), a lookup is a binary search. Two tokens may share
 * a hash, so callers verify what they find (substring checks) or accept a rare extra candidate.
 */
import { hash32 } from './fuzzy.js';
import { IntBuffer, keyDirectory, lowerBoundKey, sortPairs } from './pairs.js';

export class PostingsBuilder {
  private hashes = new IntBuffer(4096);
  private ids = new IntBuffer(4096);
  private ascending = true;
  private lastId = -1;

  add(token: string, id: number): void {
    this.addHash(hash32(token), id);
  }

  /** Adds a token by its hash32 (for callers that hash without building the token string). */
  addHash(hash: number, id: number): void {
    this.hashes.push(hash | 0);
    this.ids.push(id);
    if (id < this.lastId) this.ascending = false;
    this.lastId = id;
  }

  build(): Postings {
    const sorted = sortPairs(this.hashes.view(), this.ids.view());
    const hashes = sorted.keys;
    const ids = sorted.values;
    const n = hashes.length;
    if (!this.ascending) {
      // Ids were added out of order: sort each token's run (the radix sort kept the input order inside it).
      for (let a = 0; a < n; ) {
        let b = a + 1;
        while (b < n && hashes[b] === hashes[a]) b++;
        if (b - a > 1) ids.subarray(a, b).sort();
        a = b;
      }
    }
    // Drop repeated (token, id) pairs.
    let k = 0;
    for (let i = 0; i < n; i++) {
      if (k > 0 && hashes[i] === hashes[k - 1] && ids[i] === ids[k - 1]) continue;
      hashes[k] = hashes[i]!;
      ids[k++] = ids[i]!;
    }
    this.hashes = new IntBuffer(16);
    this.ids = new IntBuffer(16);
    return new Postings(k === n ? hashes : hashes.slice(0, k), k === n ? ids : ids.slice(0, k));
  }
}

export class Postings {
  private readonly dir: Int32Array;

  constructor(
    private readonly hashes: Uint32Array,
    private readonly ids: Int32Array,
  ) {
    this.dir = keyDirectory(hashes);
  }

  /** The ascending ids of a token (a view; empty when unknown). */
  get(token: string): Int32Array {
    const h = hash32(token);
    const lo = lowerBoundKey(this.hashes, this.dir, h);
    let end = lo;
    while (end < this.hashes.length && this.hashes[end] === h) end++;
    return this.ids.subarray(lo, end);
  }

  get bytes(): number {
    return this.hashes.byteLength + this.ids.byteLength + this.dir.byteLength;
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
