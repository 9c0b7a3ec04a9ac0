/**
 * Public types of term extraction (src/core/extract). Everything here is pure: segmentation, tagging and
 * reference frequencies are injected through the interfaces below, so the core never reads files.
 */

/** One token of a sentence with its part-of-speech tag and offsets in the sentence (UTF-16 code units). */
export interface Token {
  text: string;
  /** jieba tags for Chinese (n, nz, vn, ns, nt, eng, a, x …); Penn Treebank tags for English (NN, NNS, JJ …). */
  tag: string;
  start: number;
  end: number;
}

/** Chinese segmenter + tagger (jieba, injected by the service). Returns words that concatenate to the input. */
export interface ZhTagger {
  tag(sentence: string): { word: string; tag: string }[];
}

/** English part-of-speech tagger over already tokenised words (natural's Brill tagger, injected). */
export interface EnTagger {
  tag(words: string[]): string[];
}

/**
 * General-language reference frequencies for keyness. `perMillion(word)` is the frequency per million
 * words of one word (or of a multi-word string the reference happens to list, as jieba's dictionary does),
 * undefined when the reference does not list it.
 */
export interface ReferenceFrequencies {
  /** Name shown in docs and reports, e.g. `jieba dict.txt` or `SUBTLEX-US`. */
  readonly name: string;
  perMillion(word: string): number | undefined;
  /** Frequency per million assumed for words the reference does not list. */
  readonly unseenPerMillion: number;
  /**
   * The listed words an unlisted word is made of (its most probable split, at least two parts), or undefined.
   * Keyness then estimates the word like a phrase of those parts: jieba's dictionary lists 200k words with a
   * placeholder count instead of a frequency (竞争对手, 生存空间), which is no evidence that they are rare.
   */
  split?(word: string): readonly string[] | undefined;
}

/** Language of a monolingual extraction run. */
export type ExtractLang = 'zh' | 'en';

/** A place a candidate was seen: document index and a short context sentence. */
export interface CandidateContext {
  doc: number;
  sentence: string;
}

/** A known glossary concept a candidate already belongs to. */
export interface KnownConcept {
  glossaryId: string;
  conceptId: string;
  /** The glossary term that matched. */
  term: string;
}

/** A candidate term with its evidence. */
export interface Candidate {
  /** Display form: the surface form seen most often. */
  text: string;
  lang: ExtractLang;
  /** Grouping key (script/width/case/inflection folded). */
  key: string;
  /** Other surface forms grouped under this candidate (plural, traditional script, full-width …). */
  variants: string[];
  /** Final ranking score (higher is better). */
  score: number;
  /** Occurrences in the input (all variants). */
  frequency: number;
  /** Number of words (English) or segments (Chinese). */
  words: number;
  /** C-value termhood. */
  cvalue: number;
  /** Simple-maths keyness (fpm_focus + N) / (fpm_ref + N). */
  keyness: number;
  /** Document indexes (0-based) the candidate occurs in. */
  documents: number[];
  /** A few context sentences. */
  contexts: CandidateContext[];
  /** Stated in the text as a definition or acronym expansion (`artificial intelligence (AI)`). */
  defined?: boolean;
  /** The other side of an in-text definition: the English of a Chinese term, the long form of an acronym. */
  definedAs?: string[];
  /** Set when a glossary already has this term: it is marked, not proposed as new. */
  known?: KnownConcept;
}

/** A pair stated in a text: `开放权重（open-weight）`, `artificial intelligence (AI)`. */
export interface DefinitionPair {
  /** The term before the parenthesis. */
  term: string;
  /** The term inside the parenthesis. */
  gloss: string;
  kind: 'translation' | 'acronym';
  /** Language of `term` and of `gloss`. */
  termLang: ExtractLang;
  glossLang: ExtractLang;
  /** The sentence it was found in. */
  sentence: string;
}
