/**
 * Simplified ↔ Traditional Chinese with OpenCC (opencc-js). Converters take ~120 ms to build, so they are
 * built lazily once per process and cached. `tw` variants include Taiwan vocabulary (人工智慧 ↔ 人工智能,
 * 資料中心 ↔ 数据中心, 軟體 ↔ 软件).
 */
import * as OpenCC from 'opencc-js';

type Convert = (text: string) => string;

const cache = new Map<string, Convert>();

function converter(from: string, to: string): Convert {
  const key = `${from}>${to}`;
  let c = cache.get(key);
  if (!c) {
    c = OpenCC.Converter({ from: from as never, to: to as never }) as Convert;
    cache.set(key, c);
  }
  return c;
}

/**
 * Traditional (any region, with Taiwan vocabulary) → Simplified (mainland). Taiwan phrases are converted first:
 * the Hong Kong pass would otherwise turn 資料中心 into 资料中心 and 軟體 into 软体 before the Taiwan phrase table
 * (資料中心 → 数据中心, 軟體 → 软件) could see them.
 */
export function toSimplified(text: string): string {
  return converter('hk', 'cn')(converter('twp', 'cn')(text));
}

/** Traditional characters only (no vocabulary change) → Simplified: length-preserving in practice. */
export function toSimplifiedChars(text: string): string {
  return converter('t', 'cn')(text);
}

/**
 * Marks (1) every unit that is a one-unit key of a dictionary of the converter toSimplifiedChars uses
 * (OpenCC `t` → `cn`, config `t2s`): a BMP character converted alone (no neighbour to form a phrase with)
 * can only change if it is such a key, so only these need converting to tabulate the per-character map.
 * All units are marked when the configuration cannot be read.
 */
export function simplifiedCharKeys(): Uint8Array {
  const keys = new Uint8Array(65536);
  const config = (OpenCC.Locale as unknown as { configs?: Record<string, Config> }).configs?.t2s;
  if (!config || config.segmentation !== undefined) return keys.fill(1);
  for (const group of [...(config.normalizationChain ?? []), ...config.conversionChain]) {
    for (const d of group) {
      if (typeof d !== 'string') {
        for (const [k] of d) if (k.length === 1) keys[k.charCodeAt(0)] = 1;
        continue;
      }
      // "k v|k v": a one-unit key is a unit between a bar (or the start) and a space
      for (let at = 0; at < d.length; ) {
        if (d.charCodeAt(at + 1) === 0x20) keys[d.charCodeAt(at)] = 1;
        const bar = d.indexOf('|', at);
        if (bar < 0) break;
        at = bar + 1;
      }
    }
  }
  return keys;
}

/** Simplified → Traditional. `tw` (default) uses Taiwan standard characters and vocabulary; `t` OpenCC standard; `hk` Hong Kong. */
export function toTraditional(text: string, variant: 'tw' | 't' | 'hk' = 'tw'): string {
  return converter('cn', variant === 'tw' ? 'twp' : variant)(text);
}

type Dict = string | readonly (readonly [string, string])[];
interface Config {
  normalizationChain?: readonly (readonly Dict[])[];
  segmentation?: Dict | readonly Dict[];
  conversionChain: readonly (readonly Dict[])[];
}
type Trie = InstanceType<typeof OpenCC.Trie>;

const PAIR_BITS = 22;

/** Which units and which pairs of adjacent units occur in a text (pairs hashed: may say yes wrongly). */
class Occurs {
  readonly unit = new Uint8Array(65536);
  readonly pair = new Int32Array(1 << (PAIR_BITS - 5));
  constructor(text: string) {
    let prev = -1;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      this.unit[c] = 1;
      if (prev >= 0) {
        const h = pairHash(prev, c);
        this.pair[h >>> 5]! |= 1 << (h & 31);
      }
      prev = c;
    }
  }
  /** False when d[from, to) certainly does not occur in the text. */
  mayOccur(d: string, from: number, to: number): boolean {
    let prev = -1;
    for (let j = from; j < to; j++) {
      const c = d.charCodeAt(j);
      if (this.unit[c] !== 1) return false;
      if (prev >= 0) {
        const h = pairHash(prev, c);
        if (!(this.pair[h >>> 5]! & (1 << (h & 31)))) return false;
      }
      prev = c;
    }
    return true;
  }
}

function pairHash(a: number, b: number): number {
  return (Math.imul(a, 0x9e3779b1) ^ b) >>> (32 - PAIR_BITS);
}

/**
 * The entries of an OpenCC dictionary whose key may occur in the text (see Occurs), as pairs, parsed as
 * OpenCC's own Trie.loadDict does (`k v|k v`, the value up to the next space).
 */
function keptEntries(d: Dict, occurs: Occurs): [string, string][] {
  const kept: [string, string][] = [];
  if (typeof d !== 'string') {
    for (const [k, v] of d) if (occurs.mayOccur(k, 0, k.length)) kept.push([k, v]);
    return kept;
  }
  const n = d.length;
  let at = 0;
  while (at <= n) {
    let bar = d.indexOf('|', at);
    if (bar < 0) bar = n;
    let sp = d.indexOf(' ', at);
    if (sp < 0 || sp > bar) sp = bar;
    if (sp < bar && occurs.mayOccur(d, at, sp)) {
      let e = d.indexOf(' ', sp + 1);
      if (e < 0 || e > bar) e = bar;
      kept.push([d.slice(at, sp), d.slice(sp + 1, e)]);
    }
    at = bar + 1;
  }
  return kept;
}

/**
 * OpenCC's Trie of a dictionary group, restricted to the entries whose key may occur in the text; `memo`
 * keeps each dictionary's entries for one text (the segmentation and the first conversion group share
 * dictionaries and see the same text).
 */
function prunedGroup(group: readonly Dict[], occurs: Occurs, memo: Map<Dict, [string, string][]>): Trie {
  const t = new OpenCC.Trie();
  t.loadDictGroup(
    group.map((d) => {
      let kept = memo.get(d);
      if (!kept) {
        kept = keptEntries(d, occurs);
        memo.set(d, kept);
      }
      return kept;
    }),
  );
  return t;
}

/**
 * `toTraditional(text, 'tw')` (OpenCC `cn → twp`) with tries that hold only the dictionary entries whose
 * key may occur in the text each stage sees, instead of the whole dictionaries: the full converter costs
 * ~100 ms to build (~50k phrases, loaded twice), and a batch of terms can meet few of them. Same result:
 * OpenCC replaces keys found in the text, and each stage's text is known when its trie is built (the
 * stages of OpenCC's converter for this pair: normalisation, segmentation, then the conversion chain on
 * each segment; a key found in a segment occurs in the joined text).
 */
export function toTaiwanPruned(text: string): string {
  const config = (OpenCC.Locale as unknown as { configs?: Record<string, Config> }).configs?.s2twp;
  if (!config) return toTraditional(text, 'tw');
  // each stage's tries are pruned with the text that stage sees; a text that a stage leaves unchanged
  // keeps its Occurs and its pruned dictionaries
  let cur = text;
  let occurs = new Occurs(cur);
  let memo = new Map<Dict, [string, string][]>();
  const sees = (next: string): void => {
    if (next === cur) return;
    cur = next;
    occurs = new Occurs(cur);
    memo = new Map();
  };
  for (const g of config.normalizationChain ?? []) sees(prunedGroup(g, occurs, memo).convert(cur));
  let parts = [cur];
  if (config.segmentation !== undefined) {
    const s = config.segmentation;
    const group: readonly Dict[] = Array.isArray(s) && s.every((d) => typeof d === 'string') ? (s as readonly Dict[]) : [s as Dict];
    parts = prunedGroup(group, occurs, memo).segment(cur);
  }
  for (const g of config.conversionChain) {
    const t = prunedGroup(g, occurs, memo);
    parts = parts.map((p) => t.convert(p));
    sees(parts.join(''));
  }
  return cur;
}
