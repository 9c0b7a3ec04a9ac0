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
  C_OTHER,
  classOf,
  classes,
  foldString,
  foldTable,
} from './chars.js';
import type { FoldTable } from './chars.js';

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

let viewsOf: Uint16Array | undefined;
const views: Uint16Array[] = [];

/** The normalised units as a string. */
export function unitsToString(n: NormalizedText): string {
  if (n.length <= 64) {
    // views of the start of the buffer, kept per length: terms are normalised into one scratch buffer
    if (n.units !== viewsOf) {
      viewsOf = n.units;
      views.length = 0;
    }
    const view = (views[n.length] ??= n.units.subarray(0, n.length));
    return String.fromCharCode.apply(null, view as unknown as number[]);
  }
  let s = '';
  for (let i = 0; i < n.length; i += 8192) s += String.fromCharCode(...n.units.subarray(i, Math.min(n.length, i + 8192)));
  return s;
}

/** Growable output buffers of the normaliser. */
export class Out {
  len = 0;
  cap: number;
  units: Uint16Array;
  start: Int32Array;
  end: Int32Array;
  flags: Uint8Array;
  constructor(cap: number) {
    this.cap = cap;
    this.units = new Uint16Array(cap);
    this.start = new Int32Array(cap);
    this.end = new Int32Array(cap);
    this.flags = new Uint8Array(cap);
  }
  grow(): void {
    const cap = this.cap * 2 + 16;
    const u = new Uint16Array(cap);
    u.set(this.units);
    const s = new Int32Array(cap);
    s.set(this.start);
    const e = new Int32Array(cap);
    e.set(this.end);
    const f = new Uint8Array(cap);
    f.set(this.flags);
    this.units = u;
    this.start = s;
    this.end = e;
    this.flags = f;
    this.cap = cap;
  }
}

/**
 * Normalises `text` with the given fold bits (FOLD_* from chars.ts). One pass, O(length); the common
 * case (a BMP character folding to one unit) is handled inline.
 */
export function normalizeText(text: string, folds: number): NormalizedText {
  return normalizeInto(text, folds, new Out(text.length + 16));
}

let scratch: Out | undefined;

/**
 * Like normalizeText but into a buffer shared by every call (no allocation): the result is only valid
 * until the next call. For short strings (terms, keys).
 */
export function normalizeScratch(text: string, folds: number): NormalizedText {
  scratch ??= new Out(1024);
  if (scratch.cap < text.length + 16) scratch = new Out(text.length * 2 + 16);
  let nz = scratchNormalizers.get(folds);
  if (!nz || nz.out !== scratch) {
    nz = new Normalizer(text, folds, scratch);
    scratchNormalizers.set(folds, nz);
  } else nz.reset(text);
  nz.fill(Infinity);
  const r = { length: scratch.len, units: scratch.units, start: scratch.start, end: scratch.end, flags: scratch.flags };
  scratch.len = 0;
  return r;
}

const scratchNormalizers = new Map<number, Normalizer>();

/** The normalised string of `text` under `folds`. */
export function foldKey(text: string, folds: number): string {
  return unitsToString(normalizeScratch(text, folds));
}

const combined = new Map<number, Int32Array>();

/**
 * Folded unit | class << 16 per BMP code unit, or -1 when the unit needs the slow path (MULTI, high
 * surrogate, apostrophes, ignorables): one lookup per character.
 */
function combinedTable(folds: number): Int32Array {
  let t = combined.get(folds);
  if (t) return t;
  const single = foldTable(folds).single;
  const cls = classes();
  t = new Int32Array(65536);
  for (let c = 0; c < 65536; c++) {
    const f = single[c]!;
    const k = f === MULTI ? -1 : cls[f]!;
    const fast = k === C_WORD || k === C_CJK || k === C_OTHER || k === C_SPACE || k === C_HYPHEN;
    t[c] = fast && !(c >= 0xd800 && c <= 0xdbff) ? f | (k << 16) : -1;
  }
  combined.set(folds, t);
  return t;
}

/**
 * True when `text` is made of Han/kana/hangul BMP characters that the folds leave unchanged: then its
 * normalisation is the text itself, one unit per character, with no word breaks (a fast path for terms).
 */
export function isFoldedCjk(text: string, folds: number): boolean {
  const comb = combinedTable(folds);
  const cjk = C_CJK << 16;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (comb[c] !== (c | cjk)) return false;
  }
  return text.length > 0;
}

const SEPARATORS = /[ -]+/g;

/**
 * The FOLD_ALL normalisation of an ASCII form made only of letters, digits, spaces and hyphens, without the
 * normaliser (a fast path for the English terms of a large glossary): the letters lower-cased, spaces and
 * hyphens dropped; the offsets (in the key) of the words that follow a dropped separator are appended to
 * `splits` (the units with F_SPLIT). Undefined when the form has any other character (then use
 * normalizeScratch).
 */
export function asciiFoldKey(form: string, splits: number[]): string | undefined {
  let k = 0; // units of the key so far
  let sep = false;
  let seps = 0;
  let upper = false;
  const from = splits.length;
  for (let i = 0; i < form.length; i++) {
    const c = form.charCodeAt(i);
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a)) {
      if (c <= 0x5a && c >= 0x41) upper = true;
      if (sep && k > 0) splits.push(k);
      sep = false;
      k++;
    } else if (c === 0x20 || c === 0x2d) {
      sep = true;
      seps++;
    } else {
      splits.length = from;
      return undefined;
    }
  }
  let key = upper ? form.toLowerCase() : form;
  if (seps > 0) key = key.replace(SEPARATORS, '');
  return key;
}

/**
 * A resumable normaliser: `fill(want)` appends normalised units to `out` until it holds at least `want`
 * units or the text is consumed; `drop(k)` discards the first k units (their flags may no longer change).
 * The matcher scans a bounded window this way, in batches that stay in the cache; normalizeText fills
 * everything at once.
 */
export class Normalizer {
  text: string;
  readonly folds: number;
  readonly out: Out;
  /** Next original offset to read. */
  pos = 0;
  /** Units dropped so far (out index + dropped = index in the whole normalised text). */
  dropped = 0;
  private prevWord = false; // last emitted unit is a word character
  private sep = false; // separators dropped since the last emitted unit
  private readonly comb: Int32Array;
  private readonly table: FoldTable;

  constructor(text: string, folds: number, out: Out) {
    this.text = text;
    this.folds = folds;
    this.out = out;
    out.len = 0;
    this.comb = combinedTable(folds);
    this.table = foldTable(folds);
  }

  /** Starts over on another text (same folds, same buffer). */
  reset(text: string): void {
    this.text = text;
    this.out.len = 0;
    this.pos = 0;
    this.dropped = 0;
    this.prevWord = false;
    this.sep = false;
  }

  /** True when the whole text has been read. */
  get done(): boolean {
    return this.pos >= this.text.length;
  }

  /** Normalises until `out` holds at least `want` units or the text ends; returns out.len. */
  fill(want: number): number {
    const o = this.out;
    const text = this.text;
    const comb = this.comb;
    const inflection = (this.folds & FOLD_INFLECTION) !== 0;
    const n = text.length;
    let units = o.units;
    let start = o.start;
    let end = o.end;
    let flags = o.flags;
    let len = o.len;
    let prevWord = this.prevWord;
    let sep = this.sep;
    let i = this.pos;
    while (i < n && len < want) {
      if (len + 8 > o.cap) {
        o.len = len;
        o.grow();
        units = o.units;
        start = o.start;
        end = o.end;
        flags = o.flags;
      }
      const e = comb[text.charCodeAt(i)]!;
      if (e >= 0) {
        const k = e >>> 16;
        if (k === C_WORD) {
          units[len] = e;
          start[len] = i;
          end[len] = i + 1;
          if (prevWord) {
            if (sep) flags[len] = 7; // F_START | F_END | F_SPLIT
            else {
              flags[len] = F_END;
              flags[len - 1]! &= ~F_END;
            }
          } else flags[len] = 3;
          len++;
          prevWord = true;
          sep = false;
          i++;
          continue;
        }
        if (k === C_CJK || k === C_OTHER) {
          units[len] = e;
          start[len] = i;
          end[len] = i + 1;
          flags[len] = 3;
          len++;
          prevWord = false;
          sep = false;
          i++;
          continue;
        }
        // a separator: dropped between words with the inflection fold, else one unit (runs of spaces merged)
        if (inflection) sep = true;
        else if (k === C_SPACE && len > 0 && units[len - 1] === 0x20) end[len - 1] = i + 1;
        else {
          units[len] = k === C_SPACE ? 0x20 : 0x2d;
          start[len] = i;
          end[len] = i + 1;
          flags[len] = 3;
          len++;
          prevWord = false;
          sep = false;
        }
        i++;
        continue;
      }
      // slow path: separators without the inflection fold, apostrophes, ignorables, expansions, astral
      o.len = len;
      const r = slowChar(text, i, this.folds, this.table, inflection, prevWord, sep, o);
      len = o.len;
      units = o.units;
      start = o.start;
      end = o.end;
      flags = o.flags;
      prevWord = r.prevWord;
      sep = r.sep;
      i = r.next;
    }
    o.len = len;
    this.pos = i;
    this.prevWord = prevWord;
    this.sep = sep;
    return len;
  }

  /** Discards the first k buffered units. */
  drop(k: number): void {
    if (k <= 0) return;
    const o = this.out;
    o.units.copyWithin(0, k, o.len);
    o.start.copyWithin(0, k, o.len);
    o.end.copyWithin(0, k, o.len);
    o.flags.copyWithin(0, k, o.len);
    o.len -= k;
    this.dropped += k;
  }
}

function normalizeInto(text: string, folds: number, o: Out): NormalizedText {
  const nz = new Normalizer(text, folds, o);
  nz.fill(Infinity);
  return { length: o.len, units: o.units, start: o.start, end: o.end, flags: o.flags };
}

interface SlowResult {
  next: number;
  prevWord: boolean;
  sep: boolean;
}

/** Handles the character at i outside the fast path; appends to `o`. */
function slowChar(text: string, i: number, folds: number, table: FoldTable, inflection: boolean, prevWord: boolean, sep: boolean, o: Out): SlowResult {
  const cls = classes();
  const n = text.length;
  const st = { prevWord, sep };

  const emit = (cp: number, k: number, s: number, e: number): void => {
    while (o.len + 2 > o.cap) o.grow();
    const isWord = k === C_WORD;
    let f = F_START | F_END;
    if (isWord && st.prevWord) {
      if (st.sep) f |= F_SPLIT;
      else {
        f &= ~F_START;
        o.flags[o.len - 1]! &= ~F_END;
      }
    }
    if (cp > 0xffff) {
      o.units[o.len] = 0xd800 + ((cp - 0x10000) >> 10);
      o.start[o.len] = s;
      o.end[o.len] = e;
      o.flags[o.len] = f & ~F_END;
      o.len++;
      o.units[o.len] = 0xdc00 + ((cp - 0x10000) & 0x3ff);
      o.start[o.len] = s;
      o.end[o.len] = e;
      o.flags[o.len] = f & ~(F_START | F_SPLIT);
      o.len++;
    } else {
      o.units[o.len] = cp;
      o.start[o.len] = s;
      o.end[o.len] = e;
      o.flags[o.len] = f;
      o.len++;
    }
    st.prevWord = isWord;
    st.sep = false;
  };

  const isWordAt = (j: number): boolean => {
    if (j >= n) return false;
    const f = table.single[text.charCodeAt(j)]!;
    return f !== MULTI && cls[f] === C_WORD;
  };

  /** One folded code point of class k from text[s, e); returns extra input units consumed. */
  const handle = (cp: number, k: number, s: number, e: number): number => {
    if (k === C_IGNORE) return 0;
    if (k === C_SPACE || k === C_HYPHEN) {
      if (inflection) {
        st.sep = true;
        return 0;
      }
      if (k === C_SPACE && o.len > 0 && o.units[o.len - 1] === 0x20) {
        o.end[o.len - 1] = e;
        return 0;
      }
      emit(k === C_SPACE ? 0x20 : 0x2d, k, s, e);
      return 0;
    }
    if (k === C_APOS && inflection && st.prevWord && !st.sep && o.len > 0) {
      // possessive: word's → word; words' → words
      const next = text.charCodeAt(e);
      if ((next === 0x73 || next === 0x53) && !isWordAt(e + 1)) {
        o.end[o.len - 1] = e + 1;
        return 1;
      }
      const last = o.units[o.len - 1];
      if ((last === 0x73 || last === 0x53) && !isWordAt(e)) {
        o.end[o.len - 1] = e;
        return 0;
      }
    }
    emit(cp, k === C_APOS ? 0 : k, s, e);
    return 0;
  };

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
      return { next: i + 2, prevWord: st.prevWord, sep: st.sep };
    }
  }
  const f = table.single[c]!;
  let next = i + 1;
  if (f !== MULTI) next += handle(f, cls[f]!, i, i + 1);
  else {
    for (const ch of table.multi.get(c) ?? '') {
      const fcp = ch.codePointAt(0)!;
      handle(fcp, fcp > 0xffff ? classOf(fcp) : cls[fcp]!, i, i + 1);
    }
  }
  return { next, prevWord: st.prevWord, sep: st.sep };
}

/** True when the unit is a Han/kana/hangul character (no word boundaries). */
export function isCjkUnit(u: number): boolean {
  return classes()[u] === C_CJK;
}
