/**
 * Pinyin keys of Chinese terms: the toneless pinyin without spaces (`chukouguanzhi`, for full and prefix
 * lookups) and the initials (`ckgz`), both in sorted arrays. Besides the word-aware reading, other readings of
 * polyphonic characters (藏 cang/zang) and the erhua `r` of a final 儿 are indexed as alternatives (flag 1), capped
 * at 8 readings per term. Also knows which syllables exist, to tell pinyin-looking queries from English words.
 */
import { indexSyllables, knownSyllables, plainReadingsOf } from '../pinyin.js';
import { SortedKeys } from './sorted.js';

const MAX_READINGS = 8;
const HAN_RUN = /\p{Script=Han}+/gu;

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
    for (const m of text.matchAll(HAN_RUN)) {
      other(text.slice(last, m.index));
      const chars = [...m[0]];
      const syl = indexSyllables(m[0]);
      chars.forEach((c, i) => {
        const first = syl.plain[i] ?? c;
        const opts = [first];
        for (const p of plainReadingsOf(c)) if (!opts.includes(p)) opts.push(p);
        if (c === '儿' && options.length > 0) opts.push('r');
        options.push(opts);
        han.push(true);
      });
      last = m.index + m[0].length;
    }
    other(text.slice(last));
    if (!han.includes(true)) return;
    let combos: string[][] = [[]];
    for (const opts of options) {
      if (opts.length === 1) {
        for (const c of combos) c.push(opts[0]!);
        continue;
      }
      const next: string[][] = [];
      for (const c of combos) for (const o of opts) if (next.length < MAX_READINGS) next.push([...c, o]);
      combos = next;
    }
    let prevFull = '';
    let prevInit = '';
    combos.forEach((syl, k) => {
      const full = syl.join('');
      let init = '';
      for (let i = 0; i < syl.length; i++) init += han[i] ? syl[i]!.charAt(0) : syl[i]!;
      if (k === 0 || (full !== prevFull && !this.seen(full, term, 'full'))) this.full.push(full, term, k === 0 ? 0 : 1);
      if (k === 0 || (init !== prevInit && !this.seen(init, term, 'init'))) this.initials.push(init, term, k === 0 ? 0 : 1);
      prevFull = full;
      prevInit = init;
    });
  }

  /** Whether this term already has the key (alternatives often repeat a key: 儿 er/r, same initials). */
  private seen(key: string, term: number, which: 'full' | 'init'): boolean {
    const list = which === 'full' ? this.full : this.initials;
    for (let i = list.keys.length - 1; i >= 0 && list.ids[i] === term; i--) if (list.keys[i] === key) return true;
    return false;
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
