/**
 * Pinyin keys of Chinese terms: the toneless pinyin without spaces (`chukouguanzhi`, for full and prefix
 * lookups) and the initials (`ckgz`), both in sorted arrays. Besides the word-aware reading, other readings of
 * polyphonic characters (藏 cang/zang) and the erhua `r` of a final 儿 are indexed as alternatives (flag 1): each
 * alternative changes one character's reading, at most 8 readings per term. Also knows which syllables exist, to
 * tell pinyin-looking queries from English words.
 */
import { indexSyllables, knownSyllables, plainReadingsOf, plainReadingsOfCode, preloadReadings } from '../pinyin.js';
import { ExactKeys } from './exact-keys.js';
import { SortedKeys } from './sorted.js';

const MAX_READINGS = 8;
const HAN_RUN = /\p{Script=Han}+/gu;
const HAN_ONLY = /^\p{Script=Han}+$/u;

export interface PinyinIndex {
  full: SortedKeys;
  initials: ExactKeys;
  /** True when `compact` splits into known syllables, the last one possibly incomplete. */
  segmentable: (compact: string) => boolean;
}

export class PinyinIndexBuilder {
  private full = new KeyList();
  private initials = new KeyList();
  private readonly terms: number[] = [];
  private readonly texts: string[] = [];
  /** Word-aware syllables per Han run, for this build (a third of the runs of a large glossary repeat). */
  private runCache = new Map<string, readonly string[]>();

  /** Adds the pinyin keys of a term (its simplified, folded key text); the work is done in build(). */
  add(term: number, text: string): void {
    this.terms.push(term);
    this.texts.push(text);
  }

  private derive(term: number, text: string): void {
    // Fast path: only BMP Han characters, none with several toneless readings (about two thirds of real terms).
    let full = '';
    let init = '';
    for (let i = 0; i < text.length; i++) {
      const u = text.charCodeAt(i);
      const r = u >= 0x2e80 && (u < 0xd800 || u > 0xdfff) ? plainReadingsOfCode(u) : undefined;
      if (!r || r.length !== 1) {
        this.addGeneral(term, text);
        return;
      }
      const syllable = r[0]!;
      full += syllable;
      init += syllable.charAt(0);
    }
    if (!full) return;
    this.full.push(full, term, 0);
    this.initials.push(init, term, 0);
  }

  /** Mixed text or polyphonic characters: word-aware reading first, then up to 8 combinations of other readings. */
  private addGeneral(term: number, text: string): void {
    const options: (readonly string[])[] = [];
    const han: boolean[] = [];
    let last = 0;
    const other = (s: string) => {
      for (const w of splitWords(s)) (options.push([w]), han.push(false));
    };
    const hanRun = (run: string) => {
      let syl = this.runCache.get(run);
      if (!syl) this.runCache.set(run, (syl = indexSyllables(run).plain));
      let k = 0;
      for (let i = 0; i < run.length; i++) {
        const u = run.charCodeAt(i);
        const next = i + 1 < run.length ? run.charCodeAt(i + 1) : 0;
        const pair = u >= 0xd800 && u <= 0xdbff && next >= 0xdc00 && next <= 0xdfff;
        const c = pair ? run.slice(i, i + 2) : run[i]!;
        if (pair) i++;
        const first = syl[k++] ?? c;
        const readings = pair ? plainReadingsOf(c) : plainReadingsOfCode(u);
        // The readings are distinct: when the word-aware one is the first, they are already in order.
        const opts = readings[0] === first ? readings : [first, ...readings.filter((p) => p !== first)];
        options.push(u === 0x513f /* 儿 */ && options.length > 0 ? [...opts, 'r'] : opts);
        han.push(true);
      }
    };
    if (HAN_ONLY.test(text)) hanRun(text);
    else {
      for (const m of text.matchAll(HAN_RUN)) {
        other(text.slice(last, m.index));
        hanRun(m[0]);
        last = m.index + m[0].length;
      }
      other(text.slice(last));
    }
    if (!han.includes(true)) return;
    // Readings in order: the first combination takes every first reading; others vary one position at a time
    // from the left, up to MAX_READINGS in all. A variation is prefix + other reading + suffix of the first one.
    const n = options.length;
    const initialOf = (i: number, s: string) => (han[i] ? s.charAt(0) : s);
    const fullSuffix: string[] = new Array<string>(n + 1);
    const initSuffix: string[] = new Array<string>(n + 1);
    fullSuffix[n] = '';
    initSuffix[n] = '';
    for (let i = n - 1; i >= 0; i--) {
      fullSuffix[i] = options[i]![0]! + fullSuffix[i + 1]!;
      initSuffix[i] = initialOf(i, options[i]![0]!) + initSuffix[i + 1]!;
    }
    const fulls: string[] = [];
    const inits: string[] = [];
    const emit = (full: string, init: string) => {
      const flag = fulls.length === 0 ? 0 : 1;
      if (!fulls.includes(full)) (fulls.push(full), this.full.push(full, term, flag));
      if (!inits.includes(init)) (inits.push(init), this.initials.push(init, term, flag));
    };
    emit(fullSuffix[0]!, initSuffix[0]!);
    let count = 1;
    let fullPrefix = '';
    let initPrefix = '';
    for (let i = 0; i < n && count < MAX_READINGS; i++) {
      const opts = options[i]!;
      for (let k = 1; k < opts.length && count < MAX_READINGS; k++, count++) {
        emit(fullPrefix + opts[k]! + fullSuffix[i + 1]!, initPrefix + initialOf(i, opts[k]!) + initSuffix[i + 1]!);
      }
      fullPrefix += opts[0]!;
      initPrefix += initialOf(i, opts[0]!);
    }
  }

  build(): PinyinIndex {
    // Readings of every character at once (one pinyin-pro call), then the keys of every term.
    const seen = new Uint8Array(65536);
    const chars: string[] = [];
    for (const text of this.texts) {
      for (let i = 0; i < text.length; i++) {
        const u = text.charCodeAt(i);
        if (u >= 0x2e80 && seen[u] === 0 && (u < 0xd800 || u > 0xdfff)) (seen[u] = 1, chars.push(text[i]!));
      }
    }
    preloadReadings(chars);
    for (let i = 0; i < this.terms.length; i++) this.derive(this.terms[i]!, this.texts[i]!);
    const syllables = knownSyllables();
    const prefixes = new Set<string>();
    for (const s of syllables) for (let i = 1; i <= s.length; i++) prefixes.add(s.slice(0, i));
    const index: PinyinIndex = {
      full: new SortedKeys(this.full.keys, this.full.ids, this.full.flags),
      initials: new ExactKeys(this.initials.keys, this.initials.ids, this.initials.flags),
      segmentable: (compact) => {
        // ok[i]: compact.slice(0, i) splits into whole syllables.
        const ok = new Uint8Array(compact.length + 1);
        ok[0] = 1;
        for (let i = 0; i < compact.length; i++) {
          if (!ok[i]) continue;
          for (let j = i + 1; j <= Math.min(compact.length, i + 6); j++) {
            const piece = compact.slice(i, j);
            if (syllables.has(piece)) ok[j] = 1;
            else if (j === compact.length && prefixes.has(piece)) ok[j] = 1;
          }
        }
        return ok[compact.length] === 1;
      },
    };
    this.full = new KeyList();
    this.initials = new KeyList();
    this.terms.length = 0;
    this.texts.length = 0;
    this.runCache = new Map();
    return index;
  }
}

/** The non-empty runs of letters and digits of a text (split on anything else), ASCII without a regex. */
function splitWords(s: string): string[] {
  let ascii = true;
  for (let i = 0; i < s.length && ascii; i++) if (s.charCodeAt(i) > 0x7f) ascii = false;
  if (!ascii) return s.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i <= s.length; i++) {
    const c = i < s.length ? s.charCodeAt(i) : 0;
    const word = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
    if (word && start < 0) start = i;
    else if (!word && start >= 0) (out.push(s.slice(start, i)), (start = -1));
  }
  return out;
}

/** Parallel arrays of (key, term id, flag) while building. */
class KeyList {
  readonly keys: string[] = [];
  readonly ids: number[] = [];
  readonly flags: number[] = [];

  push(key: string, id: number, flag: number): void {
    this.keys.push(key);
    this.ids.push(id);
    this.flags.push(flag);
  }
}
