/**
 * Keyness against a general-language reference: Sketch Engine's "simple maths"
 *
 *   score = (fpm_focus + N) / (fpm_ref + N)
 *
 * with fpm = frequency per million words and N a smoothing constant (1 favours rare words, larger N
 * favours common ones). The reference lists single words (and, for Chinese, the multi-segment words
 * jieba's dictionary holds). For a phrase it does not list, fpm_ref is estimated under independence as
 * 10⁶ · Π p(wᵢ) — a phrase is never more frequent in general language than its rarest word.
 */
import type { ReferenceFrequencies } from './types.js';

/** The simple-maths keyness score. */
export function simpleMaths(fpmFocus: number, fpmRef: number, n = 1): number {
  return (fpmFocus + n) / (fpmRef + n);
}

/** Frequency per million of `frequency` occurrences in a text of `totalWords` words. */
export function perMillion(frequency: number, totalWords: number): number {
  return totalWords > 0 ? (frequency * 1e6) / totalWords : 0;
}

/**
 * Reference frequency per million of a candidate: the listed frequency of the whole string when the
 * reference has it, else the independence estimate from its words (unlisted words count as unseen, or as the
 * phrase of their parts when the reference can split them).
 */
export function referencePerMillion(text: string, words: readonly string[], ref: ReferenceFrequencies): number {
  const whole = ref.perMillion(text);
  if (whole !== undefined) return whole;
  if (words.length <= 1) return wordPerMillion(words[0] ?? text, ref, 0);
  let p = 1;
  for (const w of words) p *= wordPerMillion(w, ref, 0) / 1e6;
  return p * 1e6;
}

/**
 * Reference frequency per million of a candidate for keyness: {@link referencePerMillion}, but for a phrase the
 * reference does not list, at least `share` × the frequency of its rarest word. Independence underestimates
 * collocations of common words by orders of magnitude (市场结构, 国家安全), which would make every phrase
 * look domain-specific; the rarest word bounds a phrase from above, and a fixed share of it is a floor. A single
 * word the reference lists without a frequency is estimated the same way from its parts (竞争 + 对手).
 */
export function phraseReferencePerMillion(text: string, words: readonly string[], ref: ReferenceFrequencies, share = 0.1, bound?: BoundAffix): number {
  const whole = ref.perMillion(text);
  if (whole !== undefined) return whole;
  if (words.length <= 1) return wordPerMillion(words[0] ?? text, ref, share, bound);
  return phraseEstimate(words, ref, share, bound);
}

/**
 * Whether a word is a bound affix at that end of a phrase (Chinese 数据|集, 伪|创新): a derivation is not a
 * collocation of free words, so the floor that corrects independence for collocations does not apply to it.
 */
export type BoundAffix = (word: string, position: 'first' | 'last') => boolean;

/** A word's listed frequency, else the estimate from its parts, else the unseen frequency. */
function wordPerMillion(word: string, ref: ReferenceFrequencies, share: number, bound?: BoundAffix): number {
  const listed = ref.perMillion(word);
  if (listed !== undefined) return listed;
  const parts = ref.split?.(word);
  return parts && parts.length > 1 ? phraseEstimate(parts, ref, share, bound) : ref.unseenPerMillion;
}

/**
 * Independence estimate of a phrase from its words, floored at `share` × its rarest word — unless it starts or
 * ends with a bound affix (数据集, 情报界, 伪创新), where independence is the estimate.
 */
function phraseEstimate(words: readonly string[], ref: ReferenceFrequencies, share: number, bound?: BoundAffix): number {
  let p = 1;
  let rarest = Infinity;
  for (const w of words) {
    const pm = wordPerMillion(w, ref, share, bound);
    p *= pm / 1e6;
    rarest = Math.min(rarest, pm);
  }
  const derived = bound !== undefined && (bound(words[0]!, 'first') || bound(words[words.length - 1]!, 'last'));
  return Math.max(p * 1e6, share > 0 && !derived ? share * rarest : 0);
}
