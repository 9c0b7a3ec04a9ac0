/**
 * Matching over a stream of text chunks with bounded memory: each round scans the carried tail plus the
 * new chunk, reports the matches that end before the last `holdBack` units (their outcome cannot change
 * with more text) and carries the rest from a safe cut (after whitespace or between two Han characters,
 * never inside a surrogate pair or a word). Offsets are relative to the whole stream. Pure: the caller
 * reads the file and passes its chunks (e.g. a fs.ReadStream with `encoding: 'utf8'`).
 */
import { C_CJK, C_SPACE, classes } from '../normalize/chars.js';
import type { FindOptions, Matcher, TermMatch } from './types.js';

export interface StreamOptions extends FindOptions {
  /**
   * Units held back at the end of each round: must be at least the longest original span a match can
   * have. @default max(256, 2 × matcher.maxPatternLength + 64)
   */
  holdBack?: number;
}

function isSurrogateLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** A cut position ≤ p where the text can be split without changing normalisation or boundaries. */
function safeCut(buf: string, p: number, limit: number): number {
  const cls = classes();
  for (let q = p; q > 0 && q >= p - limit; q--) {
    const before = buf.charCodeAt(q - 1);
    const at = buf.charCodeAt(q);
    if (cls[before] === C_SPACE && !isSurrogateLow(at)) return q;
    if (cls[before] === C_CJK && cls[at] === C_CJK) return q;
  }
  // no safe point nearby (a very long word): cut outside a surrogate pair
  return p > 0 && isSurrogateLow(buf.charCodeAt(p)) ? p - 1 : p;
}

/**
 * Annotates a stream of chunks: yields the same matches as `matcher.find` on the whole text would (for
 * matches no longer than `holdBack` units), in order, with offsets into the whole stream. Memory: when it
 * asks for the next chunk it keeps fewer than 3 × holdBack units of earlier text (plus the chunk itself).
 */
export async function* annotateChunks(matcher: Matcher, chunks: AsyncIterable<string> | Iterable<string>, options: StreamOptions = {}): AsyncIterable<TermMatch> {
  const holdBack = Math.max(1, options.holdBack ?? Math.max(256, 2 * (matcher.maxPatternLength ?? 128) + 64));
  const overlapping = options.overlapping === true;
  let buf = '';
  let base = 0; // offset of buf[0] in the stream
  let lastEnd = 0; // end of the last reported match (leftmost-longest mode)
  let reportedUpTo = 0; // matches ending at or before this were reported (overlapping mode)

  function* round(final: boolean): Iterable<TermMatch> {
    const limit = final ? buf.length : buf.length - holdBack;
    let maxEnd = lastEnd;
    for (const m of matcher.find(buf, options)) {
      if (m.end > limit) {
        if (overlapping) continue;
        break;
      }
      const start = base + m.start;
      const end = base + m.end;
      if (overlapping ? end <= reportedUpTo : start < lastEnd) continue;
      if (end > maxEnd) maxEnd = end;
      yield { ...m, start, end };
    }
    lastEnd = maxEnd;
    reportedUpTo = base + limit;
    if (final) return;
    let cut = safeCut(buf, Math.max(0, limit - holdBack), holdBack - 1);
    if (!overlapping && lastEnd - base > cut) cut = lastEnd - base;
    buf = buf.slice(cut);
    base += cut;
  }

  for await (const chunk of chunks) {
    buf += chunk;
    if (buf.length >= 3 * holdBack) yield* round(false);
  }
  yield* round(true);
}
