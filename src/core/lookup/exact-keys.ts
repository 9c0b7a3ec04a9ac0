/**
 * String keys with a numeric payload each, for exact lookups only: (hash of key, entry) pairs sorted with a radix
 * sort (no string comparisons at build), a lookup is a binary search on the hash plus a string check.
 * Entries with the same key come back in the order they were given.
 */
import { hash32 } from './fuzzy.js';
import { IntBuffer, keyDirectory, lowerBoundKey, sortPairs } from './pairs.js';

export class ExactKeys {
  private readonly hashes: Uint32Array;
  /** Entry numbers (positions in keys/ids/flags) in hash order. */
  private readonly entries: Int32Array;
  private readonly dir: Int32Array;
  readonly keys: readonly string[];
  readonly ids: Int32Array;
  readonly flags: Uint8Array;

  /** `flags` is a small per-entry tag (e.g. 1 = alternative reading), kept beside the id. */
  constructor(keys: readonly string[], ids: ArrayLike<number>, flags?: ArrayLike<number>) {
    const n = keys.length;
    const h = new IntBuffer(n);
    const e = new IntBuffer(n);
    for (let i = 0; i < n; i++) (h.push(hash32(keys[i]!) | 0), e.push(i));
    const sorted = sortPairs(h.view(), e.view());
    this.hashes = sorted.keys;
    this.entries = sorted.values;
    this.dir = keyDirectory(this.hashes);
    this.keys = keys;
    this.ids = Int32Array.from(ids);
    this.flags = flags ? Uint8Array.from(flags) : new Uint8Array(n);
  }

  get length(): number {
    return this.keys.length;
  }

  /** Calls `visit(entry)` for every entry whose key is `key`, in input order. */
  forKey(key: string, visit: (entry: number) => void): void {
    const h = hash32(key);
    for (let i = lowerBoundKey(this.hashes, this.dir, h); i < this.hashes.length && this.hashes[i] === h; i++) {
      const entry = this.entries[i]!;
      if (this.keys[entry] === key) visit(entry);
    }
  }
}
