/**
 * The English word layer: a vocabulary of folded words, each term's word ids in order, and word → term
 * postings (all as flat Int32Arrays with offsets), for word-contiguous containment (`export control` in
 * `nuclear export control`) and per-word fuzzy matching.
 */
import { IntBuffer } from './pairs.js';

export class WordsBuilder {
  readonly vocab = new Vocabulary();
  private readonly starts = new IntBuffer(4096);
  private readonly flat = new IntBuffer(4096);

  constructor() {
    this.starts.push(0);
  }

  get words(): string[] {
    return this.vocab.words;
  }

  /**
   * Records the words of the next term (terms are numbered 0, 1, 2, … in call order) from its key: the
   * space-separated tokens that start with a-z or 0-9 (keyWords of a key without Han), without splitting the key.
   */
  addKey(key: string): void {
    const n = key.length;
    for (let a = 0; a < n; ) {
      let b = key.indexOf(' ', a);
      if (b < 0) b = n;
      const c = key.charCodeAt(a);
      if (b > a && ((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) this.flat.push(this.vocab.intern(key, a, b));
      a = b + 1;
    }
    this.starts.push(this.flat.length);
  }

  /** Records a term without words. */
  addEmpty(): void {
    this.starts.push(this.flat.length);
  }

  build(): WordLayer {
    const starts = this.starts.toArray();
    const flat = this.flat.toArray();
    const terms = starts.length - 1;
    // Postings by counting sort: terms are visited in order, so each word's list comes out ascending.
    const pStarts = new Int32Array(this.words.length + 1);
    const lastTerm = new Int32Array(this.words.length).fill(-1);
    for (let t = 0; t < terms; t++) {
      for (let k = starts[t]!; k < starts[t + 1]!; k++) {
        const w = flat[k]!;
        if (lastTerm[w] !== t) (lastTerm[w] = t, pStarts[w + 1]!++);
      }
    }
    for (let w = 0; w < this.words.length; w++) pStarts[w + 1]! += pStarts[w]!;
    const pFlat = new Int32Array(pStarts[this.words.length]!);
    const fill = pStarts.slice(0, this.words.length);
    lastTerm.fill(-1);
    for (let t = 0; t < terms; t++) {
      for (let k = starts[t]!; k < starts[t + 1]!; k++) {
        const w = flat[k]!;
        if (lastTerm[w] !== t) (lastTerm[w] = t, (pFlat[fill[w]!++] = t));
      }
    }
    return new WordLayer(this.vocab, this.words, pStarts, pFlat, starts, flat);
  }
}

/**
 * Word ↔ id: an open-addressing hash table over FNV-1a hashes of the code units, so that words can be looked up
 * as ranges of a key (no substring per occurrence; a word string is made once, when first seen).
 */
export class Vocabulary {
  readonly words: string[] = [];
  private hashes = new IntBuffer(1024);
  /** Slot → word id + 1 (0 = empty); the size is a power of two, at most half full. */
  private slots = new Int32Array(1024);

  /** The id of key[a, b), added when new. */
  intern(key: string, a: number, b: number): number {
    const h = hashRange(key, a, b);
    const mask = this.slots.length - 1;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const s = this.slots[i]!;
      if (s === 0) {
        const id = this.words.length;
        this.words.push(key.slice(a, b));
        this.hashes.push(h);
        this.slots[i] = id + 1;
        if (this.words.length * 2 > this.slots.length) this.grow();
        return id;
      }
      const w = this.words[s - 1]!;
      if (this.hashes.get(s - 1) === h && w.length === b - a && key.startsWith(w, a)) return s - 1;
    }
  }

  /** The id of a word, or undefined. */
  get(word: string): number | undefined {
    const h = hashRange(word, 0, word.length);
    const mask = this.slots.length - 1;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const s = this.slots[i]!;
      if (s === 0) return undefined;
      if (this.hashes.get(s - 1) === h && this.words[s - 1] === word) return s - 1;
    }
  }

  has(word: string): boolean {
    return this.get(word) !== undefined;
  }

  get size(): number {
    return this.words.length;
  }

  private grow(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let id = 0; id < this.words.length; id++) {
      let i = this.hashes.get(id) & mask;
      while (slots[i] !== 0) i = (i + 1) & mask;
      slots[i] = id + 1;
    }
    this.slots = slots;
  }
}

/** FNV-1a of the code units s[a, b), as a signed 32-bit number. */
function hashRange(s: string, a: number, b: number): number {
  let h = 0x811c9dc5;
  for (let i = a; i < b; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h | 0;
}

export class WordLayer {
  constructor(
    readonly vocab: Vocabulary,
    readonly words: string[],
    /** Word id → offset of its postings in pFlat (length: words + 1). */
    readonly pStarts: Int32Array,
    /** Ascending term ids per word. */
    readonly pFlat: Int32Array,
    /** Term → offset of its word ids in flat (length: terms + 1). */
    readonly starts: Int32Array,
    /** Word ids of every term, in order. */
    readonly flat: Int32Array,
  ) {}

  /** Ascending ids of the terms that contain word `id`. */
  postings(id: number): Int32Array {
    return this.pFlat.subarray(this.pStarts[id]!, this.pStarts[id + 1]!);
  }

  /** Number of terms that contain word `id`. */
  count(id: number): number {
    return this.pStarts[id + 1]! - this.pStarts[id]!;
  }

  /** Word ids of a term, in order. */
  termWords(term: number): Int32Array {
    return this.flat.subarray(this.starts[term]!, this.starts[term + 1]!);
  }
}
