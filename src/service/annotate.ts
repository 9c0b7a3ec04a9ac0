/**
 * Use case: find every glossary term in a text and describe each match with its line and column and the
 * concept's preferred zh ↔ en pair. Also the position tracker used by the streaming CLI.
 */
import type { MatchHow, TermMatch } from '../core/match/types.js';
import type { TermStatus } from '../core/model.js';
import { ShuyuError } from '../core/errors.js';
import type { Engine } from './engine.js';
import { conceptPair } from './lookup.js';
import type { TermPair } from './lookup.js';

/** One match as reported by `shuyu annotate --json` and POST /api/annotate. */
export interface AnnotatedMatch {
  /** Start offset in the input, UTF-16 code units. */
  start: number;
  /** End offset (exclusive), UTF-16 code units. */
  end: number;
  /** 1-based line of `start`. */
  line: number;
  /** 1-based column of `start`, in Unicode code points. */
  column: number;
  /** The text as it appears in the input. */
  text: string;
  glossaryId: string;
  conceptId: string;
  /** The glossary term that matched. */
  term: string;
  lang: string;
  status: TermStatus;
  how: MatchHow[];
  /** The concept's preferred zh and en terms. */
  pair: TermPair;
}

export interface AnnotateOptions {
  glossaryIds?: string[];
  /** All overlapping matches instead of leftmost-longest. @default false */
  overlapping?: boolean;
  /** Script of the Chinese text, for Taiwan vocabulary (FindOptions.script). @default 'auto' */
  script?: 'auto' | 'simplified' | 'traditional';
}

/**
 * Tracks line and column while walking forward through a text that may arrive in chunks. Positions must
 * be asked for in non-decreasing order of offset.
 */
export class PositionTracker {
  private offset = 0;
  private line = 1;
  private column = 1;
  private pendingCR = false;
  private afterHigh = false;

  /** Advances over `text` (the next piece of input) up to `upTo` code units of it. */
  advance(text: string, upTo: number = text.length): void {
    for (let i = 0; i < upTo; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x0a) {
        if (!this.pendingCR) this.line++;
        this.column = 1;
        this.pendingCR = false;
      } else if (c === 0x0d) {
        this.line++;
        this.column = 1;
        this.pendingCR = true;
      } else {
        this.pendingCR = false;
        // a low surrogate continues the code point of the preceding high surrogate
        if (!(c >= 0xdc00 && c <= 0xdfff && this.afterHigh)) this.column++;
      }
      this.afterHigh = c >= 0xd800 && c <= 0xdbff;
    }
    this.offset += upTo;
  }

  /** Global offset reached so far. */
  get position(): { offset: number; line: number; column: number } {
    return { offset: this.offset, line: this.line, column: this.column };
  }
}

/** Memoised preferred pairs per concept (few distinct concepts even in a huge text). */
export function pairCache(engine: Engine): (glossaryId: string, conceptId: string) => Promise<TermPair> {
  const cache = new Map<string, Promise<TermPair>>();
  return (glossaryId, conceptId) => {
    const key = `${glossaryId}\u0000${conceptId}`;
    let hit = cache.get(key);
    if (!hit) {
      hit = engine.store.getConcept(glossaryId, conceptId).then((c) => {
        if (!c) return {};
        const { zh, en } = conceptPair(c);
        return { ...(zh ? { zh: zh.text } : {}), ...(en ? { en: en.text } : {}) };
      });
      cache.set(key, hit);
    }
    return hit;
  };
}

/** Combines a raw match with its position and pair. */
export function describeMatch(m: TermMatch, pos: { line: number; column: number }, pair: TermPair): AnnotatedMatch {
  return {
    start: m.start,
    end: m.end,
    line: pos.line,
    column: pos.column,
    text: m.text,
    glossaryId: m.glossaryId,
    conceptId: m.conceptId,
    term: m.term,
    lang: m.lang,
    status: m.status,
    how: m.how,
    pair,
  };
}

/**
 * Annotates a whole text in memory (HTTP, small inputs). Matches are in order of start offset.
 * @throws ShuyuError `too_large` when the text is longer than `maxChars`.
 */
export async function annotateText(
  engine: Engine,
  text: string,
  options: AnnotateOptions & { maxChars?: number } = {},
): Promise<AnnotatedMatch[]> {
  if (options.maxChars !== undefined && text.length > options.maxChars) {
    throw new ShuyuError('too_large', `The text is longer than ${options.maxChars} characters`, { params: { limit: options.maxChars } });
  }
  const matcher = await engine.matcher(options.glossaryIds);
  const matches = matcher.find(text, { overlapping: options.overlapping ?? false, script: options.script ?? 'auto' });
  const pairOf = pairCache(engine);
  const tracker = new PositionTracker();
  const out: AnnotatedMatch[] = [];
  let consumed = 0;
  for (const m of [...matches].sort((a, b) => a.start - b.start || b.end - a.end)) {
    tracker.advance(text.slice(consumed, m.start));
    consumed = m.start;
    out.push(describeMatch(m, tracker.position, await pairOf(m.glossaryId, m.conceptId)));
  }
  return out;
}
