/** Chinese extraction for unit tests: the real extractor with jieba, its reference list and the service's keys. */
import type { Candidate } from '../../src/core/extract/types.js';
import { TermExtractor } from '../../src/core/extract/extractor.js';
import { zhReference, zhTagger } from '../../src/service/extract-nlp.js';
import { extractionKey } from '../../src/service/extract.js';

/** Every ranked candidate of one Chinese text. */
export function extractZh(text: string): Candidate[] {
  const ex = new TermExtractor({ lang: 'zh', zhTagger: zhTagger(), reference: zhReference(), keyOf: extractionKey });
  ex.addText(0, text);
  return ex.result();
}

/** The score of a candidate by its text, 0 when it is not proposed. */
export function scoreOf(candidates: readonly Candidate[], text: string): number {
  return candidates.find((c) => c.text === text)?.score ?? 0;
}
