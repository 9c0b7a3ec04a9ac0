/**
 * The English word layer: a vocabulary of folded words, each term's word ids in order, and word → term
 * postings (all as flat Int32Arrays with offsets), for word-contiguous containment (`export control` in
 * `nuclear export control`) and per-word fuzzy matching.
 */
export class WordsBuilder {
  readonly vocab = new Map<string, number>();
  readonly words: string[] = [];
  private readonly postings: number[][] = [];
  private readonly starts: number[] = [0];
  private readonly flat: number[] = [];

  /** Records the words of the next term (terms are numbered 0, 1, 2, … in call order). */
  addTerm(words: string[]): void {
    const term = this.starts.length - 1;
    for (const w of words) {
      let id = this.vocab.get(w);
      if (id === undefined) {
        id = this.words.length;
        this.vocab.set(w, id);
        this.words.push(w);
        this.postings.push([]);
      }
      this.flat.push(id);
      const p = this.postings[id]!;
      if (p[p.length - 1] !== term) p.push(term);
    }
    this.starts.push(this.flat.length);
  }

  build(): WordLayer {
    const pStarts = new Int32Array(this.postings.length + 1);
    let total = 0;
    this.postings.forEach((p, i) => {
      pStarts[i] = total;
      total += p.length;
    });
    pStarts[this.postings.length] = total;
    const pFlat = new Int32Array(total);
    this.postings.forEach((p, i) => pFlat.set(p, pStarts[i]!));
    return new WordLayer(this.vocab, this.words, pStarts, pFlat, Int32Array.from(this.starts), Int32Array.from(this.flat));
  }
}

export class WordLayer {
  constructor(
    readonly vocab: Map<string, number>,
    readonly words: string[],
    private readonly pStarts: Int32Array,
    private readonly pFlat: Int32Array,
    private readonly starts: Int32Array,
    private readonly flat: Int32Array,
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
