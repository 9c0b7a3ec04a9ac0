/**
 * Pinyin keys of Chinese terms: the toneless pinyin without spaces (`chukouguanzhi`, for full and prefix
 * lookups) and the initials (`ckgz`), both in sorted arrays. Besides the word-aware reading, other readings of
 * polyphonic characters (藏 cang/zang) and the erhua `r` of a final 儿 are indexed as alternatives (flag 1): each
 * alternative changes one character's reading, at most 8 readings per term. Also knows which syllables exist, to
 * tell pinyin-looking queries from English words.
 */
import { indexSyllables, knownSyllables, plainReadingsOf } from '../pinyin.js';
import { SortedKeys } from './sorted.js';

const MAX_READINGS = 8;
const HAN_RUN = /\p{Script=Han}+/gu;
const HAN_ONLY = /^\p{Script=Han}+$/u;

export interface PinyinIndex {
  full: SortedKeys;
  initials: SortedKeys;
  /** True when `compact` splits into known syllables, the last one possibly incomplete. */
  segmentable: (compact: string) => boolean;
}

export class PinyinIndexBuilder {
  private full = new KeyList();
  private initials = new KeyList();

  /** Adds the pinyin keys of a term (its simplified, folded key text). */
  add(term: number, text: string): void {
    // Fast path: only Han characters, none with several toneless readings (about two thirds of real terms).
    let full = '';
    let init = '';
    let simple = true;
    for (const c of text) {
      const r = c.charCodeAt(0) >= 0x2e80 ? plainReadingsOf(c) : undefined;
      if (!r || r.length !== 1) {
        simple = false;
        break;
      }
      full += r[0]!;
      init += r[0]!.charAt(0);
    }
    if (simple) {
      if (!full) return;
      this.full.push(full, term, 0);
      this.initials.push(init, term, 0);
      return;
    }
    this.addGeneral(term, text);
  }

  /** Mixed text or polyphonic characters: word-aware reading first, then up to 8 combinations of other readings. */
  private addGeneral(term: number, text: string): void {
    const options: string[][] = [];
    const han: boolean[] = [];
    let last = 0;
    const other = (s: string) => {
      for (const w of s.split(/[^\p{L}\p{N}]+/u)) if (w) (options.push([w]), han.push(false));
    };
    const hanRun = (run: string) => {
      const syl = indexSyllables(run).plain;
      let i = 0;
      for (const c of run) {
        const first = syl[i++] ?? c;
        const readings = plainReadingsOf(c);
        const opts = readings.length === 1 && readings[0] === first ? readings : [first, ...readings.filter((p) => p !== first)];
        options.push(c === '儿' && options.length > 0 ? [...opts, 'r'] : opts);
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
    // from the left, up to MAX_READINGS in all.
    const fulls = new Set<string>();
    const inits = new Set<string>();
    const emit = (choice: number[]) => {
      let full = '';
      let init = '';
      for (let i = 0; i < options.length; i++) {
        const s = options[i]![choice[i]!]!;
        full += s;
        init += han[i] ? s.charAt(0) : s;
      }
      const flag = fulls.size === 0 ? 0 : 1;
      if (!fulls.has(full)) (fulls.add(full), this.full.push(full, term, flag));
      if (!inits.has(init)) (inits.add(init), this.initials.push(init, term, flag));
    };
    const choice = options.map(() => 0);
    emit(choice);
    let count = 1;
    for (let i = 0; i < options.length && count < MAX_READINGS; i++) {
      for (let k = 1; k < options[i]!.length && count < MAX_READINGS; k++, count++) {
        choice[i] = k;
        emit(choice);
      }
      choice[i] = 0;
    }
  }

  build(): PinyinIndex {
    const syllables = knownSyllables();
    const prefixes = new Set<string>();
    for (const s of syllables) for (let i = 1; i <= s.length; i++) prefixes.add(s.slice(0, i));
    const index: PinyinIndex = {
      full: new SortedKeys(this.full.keys, this.full.ids, this.full.flags),
      initials: new SortedKeys(this.initials.keys, this.initials.ids, this.initials.flags),
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
    return index;
  }
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
