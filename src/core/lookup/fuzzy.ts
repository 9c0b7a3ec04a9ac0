/**
 * Typo tolerance for English words: a symmetric-delete candidate index (SymSpell style) over the vocabulary.
 * Each vocabulary word is stored with its single-character deletions as 32-bit hashes in one sorted typed array;
 * a query word generates its deletions (up to 2) and looks them up, and every candidate is verified with the
 * optimal-string-alignment Damerau–Levenshtein distance. Finds every word within 1 edit (insertion, deletion,
 * substitution, adjacent transposition) and most within 2; no linear scan over the vocabulary.
 */

/**
 * Allowed edits for a query word of this length: 1 up to 7 letters, 2 from 8; words under 3 letters only get
 * 1 edit inside a query of several words (`of-topic comment`), where the other words keep the noise down.
 */
export function maxEditsFor(length: number, multiword = false): number {
  if (length < 3) return multiword && length === 2 ? 1 : 0;
  return length < 8 ? 1 : 2;
}

/** 32-bit FNV-1a of a string's UTF-16 code units. */
export function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The distinct strings made by deleting exactly one character. */
export function deletes1(w: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i < w.length; i++) out.add(w.slice(0, i) + w.slice(i + 1));
  return [...out];
}

/**
 * Optimal-string-alignment distance (Damerau–Levenshtein with adjacent transpositions), or `max + 1`
 * as soon as it is certain to exceed `max`.
 */
export function osaDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  const n = a.length;
  const m = b.length;
  let prev2 = new Array<number>(m + 1).fill(0);
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  let cur = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= m; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[m]!;
}

/** Longer words are neither indexed nor looked up (a 10,000-letter query would generate 50 million deletions). */
const MAX_WORD = 40;

export class DeleteIndex {
  private readonly hashes: Uint32Array;
  private readonly wordIds: Int32Array;

  /** `words[i]` is vocabulary word i; words shorter than 2 characters are not indexed. */
  constructor(private readonly words: readonly string[]) {
    let count = 0;
    const variants: string[][] = words.map((w) => {
      if (w.length < 2 || w.length > MAX_WORD) return [];
      const v = [w, ...deletes1(w)];
      count += v.length;
      return v;
    });
    const pairs = new Float64Array(count);
    let k = 0;
    variants.forEach((v, id) => {
      for (const s of v) pairs[k++] = hash32(s) * 2 ** 21 + id;
    });
    if (words.length >= 2 ** 21) throw new RangeError('vocabulary too large for the delete index');
    pairs.sort();
    this.hashes = new Uint32Array(count);
    this.wordIds = new Int32Array(count);
    for (let i = 0; i < count; i++) {
      const p = pairs[i]!;
      this.hashes[i] = Math.floor(p / 2 ** 21);
      this.wordIds[i] = p % 2 ** 21;
    }
  }

  /** Bytes held by the typed arrays. */
  get bytes(): number {
    return this.hashes.byteLength + this.wordIds.byteLength;
  }

  private lookupHash(h: number, out: Set<number>): void {
    let lo = 0;
    let hi = this.hashes.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.hashes[mid]! < h) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < this.hashes.length && this.hashes[i] === h; i++) out.add(this.wordIds[i]!);
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
