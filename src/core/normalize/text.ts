/**
 * Text normalisation with an offset map back to the original. Each code point is folded (see chars.ts);
 * with FOLD_INFLECTION, whitespace and hyphens between words are dropped (so `open-weight`, `open weight`
 * and `openweight` normalise alike) and a possessive `'s` is dropped. Every normalised unit remembers the
 * original range it came from and whether a match may start or end there (word boundaries of Latin runs).
 */
import {
  C_APOS,
  C_CJK,
  C_HYPHEN,
  C_IGNORE,
  C_SPACE,
  C_WORD,
  FOLD_INFLECTION,
  MULTI,
  classOf,
  classes,
  foldString,
  foldTable,
} from './chars.js';

/** A match may start at this unit. */
export const F_START = 1;
/** A match may end after this unit. */
export const F_END = 2;
/** This unit starts a word that follows another word with only dropped separators between them. */
export const F_SPLIT = 4;

export interface NormalizedText {
  /** Number of normalised UTF-16 units. */
  length: number;
  units: Uint16Array;
  /** Original start offset (UTF-16) of the character each unit came from. */
  start: Int32Array;
  /** Original end offset (exclusive) of the character each unit came from (covers a dropped possessive). */
  end: Int32Array;
  flags: Uint8Array;
}

/** The normalised units as a string. */
export function unitsToString(n: NormalizedText): string {
  let s = '';
  for (let i = 0; i < n.length; i += 8192) s += String.fromCharCode(...n.units.subarray(i, Math.min(n.length, i + 8192)));
  return s;
}

/**
 * Normalises `text` with the given fold bits (FOLD_* from chars.ts). Runs in one pass, O(length).
 */
export function normalizeText(text: string, folds: number): NormalizedText {
  const table = foldTable(folds);
  const single = table.single;
  const cls = classes();
  const inflection = (folds & FOLD_INFLECTION) !== 0;
  const n = text.length;
  let cap = n + 16;
  let units = new Uint16Array(cap);
  let start = new Int32Array(cap);
  let end = new Int32Array(cap);
  let flags = new Uint8Array(cap);
  let len = 0;
  let prevWord = false; // last emitted unit is a word character
  let sep = false; // separators dropped since the last emitted unit

  const grow = (need: number): void => {
    if (len + need <= cap) return;
    cap = Math.max(cap * 2, len + need + 16);
    const u2 = new Uint16Array(cap);
    u2.set(units);
    units = u2;
    const s2 = new Int32Array(cap);
    s2.set(start);
    start = s2;
    const e2 = new Int32Array(cap);
    e2.set(end);
    end = e2;
    const f2 = new Uint8Array(cap);
    f2.set(flags);
    flags = f2;
  };

  /** Emits a folded code point (1 or 2 units) of class k that came from text[s, e). */
  const emitCp = (cp: number, k: number, s: number, e: number): void => {
    grow(2);
    const isWord = k === C_WORD;
    let f = 3; // F_START | F_END
    if (isWord && prevWord) {
      if (sep) f |= F_SPLIT;
      else {
        f &= ~F_START;
        flags[len - 1]! &= ~F_END;
      }
    }
    if (cp > 0xffff) {
      units[len] = 0xd800 + ((cp - 0x10000) >> 10);
      start[len] = s;
      end[len] = e;
      flags[len] = f & ~F_END;
      len++;
      units[len] = 0xdc00 + ((cp - 0x10000) & 0x3ff);
      start[len] = s;
      end[len] = e;
      flags[len] = f & ~(F_START | F_SPLIT);
      len++;
    } else {
      units[len] = cp;
      start[len] = s;
      end[len] = e;
      flags[len] = f;
      len++;
    }
    prevWord = isWord;
    sep = false;
  };

  /** Handles one folded code point of class k from text[s, e); returns how many extra input units to skip. */
  const handle = (cp: number, k: number, s: number, e: number): number => {
    if (k === C_IGNORE) return 0;
    if (k === C_SPACE || k === C_HYPHEN) {
      if (inflection) {
        sep = true;
        return 0;
      }
      if (k === C_SPACE) {
        if (len > 0 && units[len - 1] === 0x20) {
          end[len - 1] = e;
          return 0;
        }
        emitCp(0x20, C_SPACE, s, e);
      } else emitCp(0x2d, C_HYPHEN, s, e);
      return 0;
    }
    if (k === C_APOS && inflection && prevWord && !sep && len > 0) {
      // possessive: word's → word; words' → words
      const next = text.charCodeAt(e);
      if ((next === 0x73 || next === 0x53) && !isWordAt(e + 1)) {
        end[len - 1] = e + 1;
        return 1;
      }
      if ((units[len - 1] === 0x73 || units[len - 1] === 0x53) && !isWordAt(e)) {
        end[len - 1] = e;
        return 0;
      }
    }
    emitCp(cp, k === C_APOS ? 0 : k, s, e);
    return 0;
  };

  const isWordAt = (j: number): boolean => {
    if (j >= n) return false;
    const c = text.charCodeAt(j);
    const f = single[c]!;
    return f !== MULTI && cls[f] === C_WORD;
  };

  for (let i = 0; i < n; ) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        const cp = (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
        let folded = table.multi.get(cp);
        if (folded === undefined) {
          folded = foldString(String.fromCodePoint(cp), folds);
          table.multi.set(cp, folded);
        }
        for (const ch of folded) {
          const fcp = ch.codePointAt(0)!;
          handle(fcp, fcp > 0xffff ? classOf(fcp) : cls[fcp]!, i, i + 2);
        }
        i += 2;
        continue;
      }
    }
    const f = single[c]!;
    if (f !== MULTI) {
      i += 1 + handle(f, cls[f]!, i, i + 1);
      continue;
    }
    const folded = table.multi.get(c) ?? '';
    for (const ch of folded) {
      const fcp = ch.codePointAt(0)!;
      handle(fcp, fcp > 0xffff ? classOf(fcp) : cls[fcp]!, i, i + 1);
    }
    i += 1;
  }
  return { length: len, units, start, end, flags };
}

/** True when the unit is a Han/kana/hangul character (no word boundaries). */
export function isCjkUnit(u: number): boolean {
  return classes()[u] === C_CJK;
}
