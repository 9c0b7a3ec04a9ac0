/**
 * Which Simplified terms can have a Taiwan form that normalises differently from the term itself. The
 * matcher compiles `toTraditional(term, 'tw')` for every Simplified term, but after the character folds
 * (Traditional → Simplified per character, width, case) almost all of them fold back to the term and are
 * dropped as duplicates; only regional vocabulary (人工智能 → 人工智慧, 数据 → 資料) and one-to-many
 * characters survive. Converting 100k terms with OpenCC costs ~0.6 s, so the batch conversion is limited
 * to the terms that contain the folded source of an OpenCC `cn → twp` entry whose replacement folds to
 * something else.
 *
 * Why this is exact: OpenCC rewrites the text by replacing dictionary keys with their values, group after
 * group. The folds work character by character, so if every replacement applied keeps the folded text
 * (fold(value) = fold(key)), the result folds to the term. A replacement that changes it has a key whose
 * fold occurs in the fold of the text at that stage, which is the fold of the term as long as no earlier
 * replacement changed it: so a term containing no such key's fold cannot change.
 */
import * as OpenCC from 'opencc-js';
import { Automaton, REC_SHIFT } from '../match/automaton.js';
import { C_CJK, FOLD_ALL, MULTI, classes, foldTable } from './chars.js';
import { foldKey, isFoldedCjk, normalizeScratch } from './text.js';

type Dict = string | readonly (readonly [string, string])[];

let filter: Automaton | undefined;

/**
 * Calls fn(key, value) for each entry of an OpenCC dictionary ("k v|k v" or pairs) whose key and value are
 * not Han/kana text of the same length folding alike character by character (those entries normalise
 * alike; they are skipped without making strings).
 */
function eachChangingEntry(d: Dict, single: Uint16Array, cls: Uint8Array, fn: (k: string, v: string) => void): void {
  if (typeof d !== 'string') {
    for (const [k, v] of d) if (!sameCjkFold(k, 0, k.length, v, 0, v.length, single, cls)) fn(k, v);
    return;
  }
  let at = 0;
  while (at < d.length) {
    let bar = d.indexOf('|', at);
    if (bar < 0) bar = d.length;
    const sp = d.indexOf(' ', at);
    if (sp > at && sp < bar && !sameCjkFold(d, at, sp, d, sp + 1, bar, single, cls)) fn(d.slice(at, sp), d.slice(sp + 1, bar));
    at = bar + 1;
  }
}

/**
 * True when k[ks, ke) and v[vs, ve) are Han/kana text of the same length whose characters fold alike one
 * by one (then they normalise alike); false when undecided (the caller compares the normalised strings).
 */
function sameCjkFold(k: string, ks: number, ke: number, v: string, vs: number, ve: number, single: Uint16Array, cls: Uint8Array): boolean {
  if (ke - ks !== ve - vs) return false;
  for (let i = 0; i < ke - ks; i++) {
    const a = single[k.charCodeAt(ks + i)]!;
    const b = single[v.charCodeAt(vs + i)]!;
    if (a !== b || a === MULTI || cls[a] !== C_CJK) return false;
  }
  return true;
}

/** The automaton of the folded keys of the `cn → twp` entries that change the folded text. */
function twFilter(): Automaton {
  if (filter) return filter;
  // the dictionaries of the converter script.ts builds for toTraditional(text, 'tw') (cn → twp)
  const config = OpenCC.Locale.configs.s2twp as unknown as { normalizationChain?: readonly (readonly Dict[])[]; conversionChain: readonly (readonly Dict[])[] } | undefined;
  if (!config) throw new Error('opencc-js has no s2twp configuration');
  const keys: string[] = [];
  const seen = new Set<Dict>();
  const single = foldTable(FOLD_ALL).single;
  const cls = classes();
  for (const group of [...(config.normalizationChain ?? []), ...config.conversionChain]) {
    for (const dict of group) {
      if (seen.has(dict)) continue;
      seen.add(dict);
      eachChangingEntry(dict, single, cls, (k, v) => {
        const fk = foldKey(k, FOLD_ALL);
        if (fk.length > 0 && foldKey(v, FOLD_ALL) !== fk) keys.push(fk);
      });
    }
  }
  filter = Automaton.build(keys);
  return filter;
}

/**
 * False when the Taiwan form of the Simplified `text` (OpenCC `cn → twp`) certainly normalises like
 * `text` itself (FOLD_ALL), so converting it is useless; true when it may differ.
 */
export function mayHaveTaiwanForm(text: string): boolean {
  const a = twFilter();
  const { da, out, dict } = a;
  let s = 0;
  if (isFoldedCjk(text, FOLD_ALL)) {
    // the text is its own normalisation (most terms): walk it directly
    for (let i = 0; i < text.length; i++) {
      s = a.next(s, text.charCodeAt(i));
      if (da[s]! < 0 && (out[s >> REC_SHIFT]! >= 0 || dict[s >> REC_SHIFT]! >= 0)) return true;
    }
    return false;
  }
  const n = normalizeScratch(text, FOLD_ALL);
  for (let i = 0; i < n.length; i++) {
    s = a.next(s, n.units[i]!);
    if (da[s]! < 0 && (out[s >> REC_SHIFT]! >= 0 || dict[s >> REC_SHIFT]! >= 0)) return true;
  }
  return false;
}
