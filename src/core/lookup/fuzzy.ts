/**
 * Typo tolerance for English words: a symmetric-delete candidate index (SymSpell style) over the vocabulary.
 * Each vocabulary word is stored with its single-character deletions as 32-bit hashes in one sorted typed array
 * (hashed straight from the word's code units, without building the deleted strings); a query word generates its
 * deletions (up to 2) and looks them up, and every candidate is verified with the optimal-string-alignment
 * Damerau–Levenshtein distance. Finds every word within 1 edit (insertion, deletion, substitution, adjacent
 * transposition) and most within 2; no linear scan over the vocabulary.
 */
import { IntBuffer, keyDirectory, lowerBoundKey, sortPairs } from './pairs.js';

/**
 * Allowed edits for a query word of this length: 1 up to 7 letters, 2 from 8; words under 3 letters only get
 * 1 edit inside a query of several words (`of-topic comment`), where the other words keep the noise down.
 */
export function maxEditsFor(length: number, multiword = false): number {
  if (length < 3) return multiword && length === 2 ? 1 : 0;
  return length < 8 ? 1 : 2;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** 32-bit FNV-1a of a string's UTF-16 code units. */
export function hash32(s: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h >>> 0;
}

/** The distinct strings made by deleting exactly one character. */
export function deletes1(w: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i < w.length; i++) out.add(w.slice(0, i) + w.slice(i + 1));
  return [...out];
}

/** Rows of the distance matrix, reused between calls (words are at most MAX_WORD long where it matters). */
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);
let rowC = new Int32Array(64);

/**
 * Optimal-string-alignment distance (Damerau–Levenshtein with adjacent transpositions), or `max + 1`
 * as soon as it is certain to exceed `max`.
 */
export function osaDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  const n = a.length;
  const m = b.length;
  if (m + 1 > rowA.length) {
    rowA = new Int32Array(m + 1);
    rowB = new Int32Array(m + 1);
    rowC = new Int32Array(m + 1);
  }
  let prev2 = rowA;
  let prev = rowB;
  let cur = rowC;
  for (let j = 0; j <= m; j++) {
    prev[j] = j;
    prev2[j] = 0;
  }
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    const ai1 = i > 1 ? a.charCodeAt(i - 2) : -1;
    for (let j = 1; j <= m; j++) {
      const bj = b.charCodeAt(j - 1);
      let v = prev[j - 1]! + (ai === bj ? 0 : 1);
      const del = prev[j]! + 1;
      if (del < v) v = del;
      const ins = cur[j - 1]! + 1;
      if (ins < v) v = ins;
      if (j > 1 && ai1 === bj && ai === b.charCodeAt(j - 2)) {
        const tr = prev2[j - 2]! + 1;
        if (tr < v) v = tr;
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return prev[m]!;
}

/** Longer words are neither indexed nor looked up (a 10,000-letter query would generate 50 million deletions). */
const MAX_WORD = 40;

export class DeleteIndex {
  private readonly hashes: Uint32Array;
  private readonly wordIds: Int32Array;
  private readonly dir: Int32Array;

  /** `words[i]` is vocabulary word i; words shorter than 2 characters are not indexed. */
  constructor(private readonly words: readonly string[]) {
    const hashes = new IntBuffer(words.length * 8);
    const ids = new IntBuffer(words.length * 8);
    for (let id = 0; id < words.length; id++) {
      const w = words[id]!;
      const n = w.length;
      if (n < 2 || n > MAX_WORD) continue;
      hashes.push(hash32(w) | 0);
      ids.push(id);
      // Each single deletion, hashed as prefix + suffix. Deleting either of two equal neighbours gives the same
      // string, so only the first of a run is hashed (the same distinct deletions as deletes1).
      let prefix = FNV_OFFSET;
      for (let i = 0; i < n; i++) {
        const c = w.charCodeAt(i);
        if (i === 0 || c !== w.charCodeAt(i - 1)) {
          let h = prefix;
          for (let k = i + 1; k < n; k++) h = Math.imul(h ^ w.charCodeAt(k), FNV_PRIME);
          hashes.push(h | 0);
          ids.push(id);
        }
        prefix = Math.imul(prefix ^ c, FNV_PRIME);
      }
    }
    const sorted = sortPairs(hashes.view(), ids.view());
    this.hashes = sorted.keys;
    this.wordIds = sorted.values;
    this.dir = keyDirectory(this.hashes);
  }

  /** Bytes held by the typed arrays. */
  get bytes(): number {
    return this.hashes.byteLength + this.wordIds.byteLength + this.dir.byteLength;
  }

  private lookupHash(h: number, out: Set<number>): void {
    for (let i = lowerBoundKey(this.hashes, this.dir, h); i < this.hashes.length && this.hashes[i] === h; i++) out.add(this.wordIds[i]!);
  }

  /** Vocabulary words within `max` edits of `word` (excluding an identical word), as word id → edits. */
  similar(word: string, max: number): Map<number, number> {
    const result = new Map<number, number>();
    if (max <= 0 || word.length > MAX_WORD) return result;
    const probes = new Set<string>([word]);
    let frontier = [word];
    for (let d = 1; d <= max; d++) {
      const next: string[] = [];
      for (const f of frontier) for (const s of deletes1(f)) if (!probes.has(s) && s.length > 0) (probes.add(s), next.push(s));
      frontier = next;
    }
    const candidates = new Set<number>();
    for (const p of probes) this.lookupHash(hash32(p), candidates);
    for (const id of candidates) {
      const w = this.words[id]!;
      if (w === word) continue;
      const d = osaDistance(word, w, max);
      if (d <= max) result.set(id, d);
    }
    return result;
  }
}
