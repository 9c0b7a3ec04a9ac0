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
   * have (and is at least 64, what the matcher reads after a candidate). @default max(256, 2 × matcher.maxPatternLength + 64)
   */
  holdBack?: number;
}

/** Units of text kept before where a rescan starts (at least what the matcher reads around a candidate). */
const CONTEXT = 128;

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
 * asks for the next chunk it keeps fewer than 3 × holdBack + CONTEXT units of earlier text (plus the chunk
 * itself): CONTEXT units before where the next scan starts are kept for the matcher to read around candidates.
 */
export async function* annotateChunks(matcher: Matcher, chunks: AsyncIterable<string> | Iterable<string>, options: StreamOptions = {}): AsyncIterable<TermMatch> {
  // at least CONTEXT / 2: the matcher reads 64 units after a candidate (FindOptions.script)
  const holdBack = Math.max(CONTEXT / 2, options.holdBack ?? Math.max(256, 2 * (matcher.maxPatternLength ?? 128) + 64));
  const overlapping = options.overlapping === true;
  let buf = '';
  let base = 0; // offset of buf[0] in the stream
  let lastEnd = 0; // end of the last reported match (leftmost-longest mode)
  let reportedUpTo = 0; // matches ending at or before this were reported (overlapping mode)
  let scanFrom = 0; // where the next scan starts in buf: the CONTEXT units before it are context only

  function* round(final: boolean): Iterable<TermMatch> {
    const limit = final ? buf.length : buf.length - holdBack;
    let maxEnd = lastEnd;
    // leftmost-longest: the whole-text scan goes on where the last reported match ended
    const from = overlapping ? scanFrom : Math.max(scanFrom, lastEnd - base);
    for (const m of matcher.find(buf, from > 0 ? { ...options, from } : options)) {
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
    // the next scan starts at a safe cut (or where the last match ended), never before this one's start
    let next = Math.max(from, safeCut(buf, Math.max(0, limit - holdBack), holdBack - 1));
    if (!overlapping && lastEnd - base > next) next = lastEnd - base;
    // keep CONTEXT units before it, cut outside a surrogate pair
    let keep = Math.max(0, next - CONTEXT);
    if (keep > 0 && isSurrogateLow(buf.charCodeAt(keep))) keep--;
    buf = buf.slice(keep);
    base += keep;
    scanFrom = next - keep;
  }

  for await (const chunk of chunks) {
    buf += chunk;
    if (buf.length >= 3 * holdBack) yield* round(false);
  }
  yield* round(true);
}
