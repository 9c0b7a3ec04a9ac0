/**
 * Turns counted candidates into a ranked list: C-value termhood × keyness against the reference, with
 * in-text definitions promoted. Pure; the caller filters known/rejected candidates and cuts to top N.
 *
 *   score = (C-value + 1) · log2(1 + keyness) · m / (1 + 0.5 · max(0, words − 2 − ⌊log2 f⌋))
 *
 * where m = 2 for a candidate the text defines (`开放权重（open-weight）`), 1.5 for one it sets off in
 * quotation or title marks (“安全优先”), 1 otherwise.
 *
 * The last factor is a length prior: long candidates seen once or twice are usually free phrases, not
 * terms (a long candidate must be seen more often to rank as well). C-value rewards frequent candidates that are not mere fragments of longer ones; keyness rewards words
 * that are rarer in general language than in the input. A candidate whose C-value is 0 (it only ever
 * occurs inside one longer candidate) is dropped unless the text defines it.
 */
import type { CountEntry } from './counter.js';
import { displayForm } from './counter.js';
import { cValues } from './cvalue.js';
import { perMillion, referencePerMillion, simpleMaths } from './keyness.js';
import type { Candidate, ExtractLang, ReferenceFrequencies } from './types.js';

export interface RankOptions {
  lang: ExtractLang;
  /** Total words (segments) of the input, for frequencies per million. */
  totalWords: number;
  reference: ReferenceFrequencies;
  /** Key of a word sequence (same function the counter used). */
  keyOfParts: (parts: readonly string[]) => string;
  /** Joins parts into surface text. */
  join: (parts: readonly string[]) => string;
  /** Keys the input defines, with the other side of each definition. */
  defined?: ReadonlyMap<string, readonly string[]>;
  /** Keys the input sets off in quotation or title marks (a weaker signal than a definition). */
  quoted?: ReadonlySet<string>;
  /** Candidates seen fewer times are dropped (defined ones are kept). @default 1 */
  minFrequency?: number;
  /** Smoothing constant N of simple maths (Sketch Engine default). @default 1 */
  smoothing?: number;
  /** α of the C-value nested term (1 = original C-value). @default 1 */
  nestedDiscount?: number;
  /** Lower-case words for the reference lookup (English). */
  lowerForReference?: boolean;
}

/** Ranks every counted entry; highest score first (ties: frequency, then text). */
export function rankCandidates(entries: Iterable<CountEntry>, options: RankOptions): Candidate[] {
  const minFrequency = options.minFrequency ?? 1;
  const n = options.smoothing ?? 1;
  const list = [...entries];
  const cv = cValues(
    list.map((e) => ({ key: e.key, frequency: e.frequency, words: e.parts.length, nested: nestedKeys(e.parts, options.keyOfParts) })),
    options.nestedDiscount ?? 1,
  );
  const out: Candidate[] = [];
  for (const e of list) {
    const definedAs = options.defined?.get(e.key);
    if (e.frequency < minFrequency && !definedAs) continue;
    const cvalue = cv.get(e.key) ?? 0;
    if (cvalue <= 0 && !definedAs) continue;
    const text = displayForm(e);
    const refWords = options.lowerForReference ? e.parts.map((p) => p.toLowerCase()) : e.parts;
    const refText = options.lowerForReference ? text.toLowerCase() : text;
    const keyness = simpleMaths(perMillion(e.frequency, options.totalWords), referencePerMillion(refText, refWords, options.reference), n);
    const lengthPrior = 1 + 0.5 * Math.max(0, e.parts.length - 2 - Math.floor(Math.log2(e.frequency)));
    const marked = definedAs ? 2 : options.quoted?.has(e.key) ? 1.5 : 1;
    const score = ((cvalue + 1) * Math.log2(1 + keyness) * marked) / lengthPrior;
    const variants = [...e.forms.keys()].filter((f) => f !== text);
    const c: Candidate = {
      text,
      lang: options.lang,
      key: e.key,
      variants,
      score: round(score),
      frequency: e.frequency,
      words: e.parts.length,
      cvalue: round(cvalue),
      keyness: round(keyness),
      documents: e.docs.slice(),
      contexts: e.contexts.slice(),
    };
    if (definedAs) {
      c.defined = true;
      if (definedAs.length) c.definedAs = [...definedAs];
    }
    out.push(c);
  }
  out.sort((a, b) => b.score - a.score || b.frequency - a.frequency || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
  return out;
}

/** Keys of every contiguous sub-sequence shorter than the whole. */
function nestedKeys(parts: readonly string[], keyOf: (parts: readonly string[]) => string): string[] {
  const keys: string[] = [];
  for (let len = 1; len < parts.length; len++) {
    for (let i = 0; i + len <= parts.length; i++) keys.push(keyOf(parts.slice(i, i + len)));
  }
  return keys;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
