/** Public types of the matcher (src/core/match). */
import type { Concept, TermStatus } from '../model.js';

/** How a match differs from the stored term: each fold that was needed. `exact` when none. */
export type MatchHow = 'exact' | 'case' | 'width' | 'script' | 'inflection';

export interface TermMatch {
  /** Start offset in the original input, UTF-16 code units. */
  start: number;
  /** End offset (exclusive) in the original input, UTF-16 code units. */
  end: number;
  /** The original text that matched: input.slice(start, end). */
  text: string;
  glossaryId: string;
  conceptId: string;
  /** Index of the term in concept.terms. */
  termIndex: number;
  /** The glossary term that matched (as stored). */
  term: string;
  lang: string;
  status: TermStatus;
  /** The folds that were needed (see MatchHow). Frozen and shared between matches: copy to modify. */
  how: MatchHow[];
}

export interface FindOptions {
  /** Report all overlapping matches instead of leftmost-longest non-overlapping ones. @default false */
  overlapping?: boolean;
  /** Only terms in these languages (normalised tags, zh-Hans also finds zh-Hant via script folding). */
  langs?: string[];
  /**
   * The script of Chinese in the text, for regional vocabulary: the Taiwan form of a Simplified term (人工智慧
   * for 人工智能, 程序 for 进程, 命令列 for 命令行) matches only in Traditional text, where it means the term; in
   * Simplified text the same characters are other words (运行程序 "run the program", 命令列表 "command list").
   * `auto` (default) takes the text as Traditional around a candidate when its line has a Traditional-only
   * character (國, 與, 這 …) within 64 characters of it; `traditional` and `simplified` say it for the whole text.
   */
  script?: 'auto' | 'traditional' | 'simplified';
  /**
   * Start matching at this offset (a position where the text can be cut: after whitespace, between Han
   * characters, after a match); the text before it is only context (script, word boundaries). Offsets stay
   * those of the whole text. Used by streaming to rescan a carried tail without losing its context. @default 0
   */
  from?: number;
}

export interface MatcherEntry {
  glossaryId: string;
  concept: Concept;
}

/**
 * Matches as packed arrays (see Matcher.findSpans): row i is a match from start[i] to end[i] (original
 * UTF-16 offsets) of term termIndex[i] of the entry at index entry[i] of the entries the matcher was
 * built from; `match(i)` makes its TermMatch (text, ids, status, how).
 */
export interface MatchSpans {
  readonly count: number;
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly entry: Int32Array;
  readonly termIndex: Int32Array;
  match(i: number): TermMatch;
}

export interface Matcher {
  /** Number of distinct normalised patterns in the automaton. */
  readonly patternCount: number;
  /** Longest normalised pattern, in UTF-16 units (streaming uses it to size the tail it holds back). */
  readonly maxPatternLength?: number;
  find(text: string, options?: FindOptions): TermMatch[];
  /**
   * The same matches as `find`, in the same order, as packed arrays: no object per match until
   * `match(i)` is called (optional: matchers built by buildMatcher have it).
   */
  findSpans?(text: string, options?: FindOptions): MatchSpans;
}
