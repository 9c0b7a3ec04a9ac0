/**
 * Per-character folding tables (BMP) used by the normaliser: NFKC / full-width → half-width, Latin case
 * folding and Traditional → Simplified characters (length-preserving, OpenCC `t` → `cn` applied to each
 * character alone). Tables are built lazily once per fold combination and cached for the process.
 */
import { simplifiedCharKeys, toSimplifiedChars } from './script.js';

/** Fold bits: which character-level folds a normalisation applies. */
export const FOLD_WIDTH = 1;
export const FOLD_CASE = 2;
export const FOLD_SCRIPT = 4;
/** Not a character fold: drop separators between words and possessive `'s` (see text.ts). */
export const FOLD_INFLECTION = 8;
export const FOLD_ALL = FOLD_WIDTH | FOLD_CASE | FOLD_SCRIPT | FOLD_INFLECTION;

/** Character classes of folded characters. */
export const C_OTHER = 0; // punctuation, symbols: stand-alone units
export const C_WORD = 1; // Latin (and other spaced-script) letters, digits, marks: word boundaries apply
export const C_CJK = 2; // Han, kana, hangul: no word boundaries
export const C_SPACE = 3; // whitespace: separator between words
export const C_HYPHEN = 4; // hyphen: separator between words
export const C_APOS = 5; // apostrophe (possessive 's)
export const C_IGNORE = 6; // soft hyphen, BOM, joiners: dropped

/** Marker in a fold table: the character folds to something other than one code unit (see `multi`). */
export const MULTI = 0xffff;

export interface FoldTable {
  /** Folded code unit per BMP code unit, or MULTI. */
  single: Uint16Array;
  /** Folded string for characters marked MULTI (and for astral code points, filled lazily). */
  multi: Map<number, string>;
}

const CJK_RE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}\u3005\u3006\u30FC]/u;
const WORD_RE = /[\p{L}\p{N}\p{M}]/u;
const SPACE_RE = /[\s\u200B]/u;

let classTable: Uint8Array | undefined;

/** Class of a single code point. */
export function classOf(cp: number): number {
  if (cp === 0x2d || cp === 0x2010 || cp === 0x2011) return C_HYPHEN;
  if (cp === 0x27 || cp === 0x2019) return C_APOS;
  if (cp === 0xad || cp === 0xfeff || cp === 0x200c || cp === 0x200d || cp === 0x2060) return C_IGNORE;
  const s = String.fromCodePoint(cp);
  if (SPACE_RE.test(s)) return C_SPACE;
  if (CJK_RE.test(s)) return C_CJK;
  if (WORD_RE.test(s)) return C_WORD;
  return C_OTHER;
}

/** Class per BMP code unit (surrogates are C_OTHER; astral code points go through classOf). */
export function classes(): Uint8Array {
  if (!classTable) {
    const t = new Uint8Array(65536);
    for (let c = 0; c < 65536; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      if (c < 128) {
        t[c] = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) ? C_WORD : c === 0x2d ? C_HYPHEN : c === 0x27 ? C_APOS : c === 0x20 || (c >= 9 && c <= 13) ? C_SPACE : C_OTHER;
      } else t[c] = classOf(c);
    }
    classTable = t;
  }
  return classTable;
}

let tradMap: Map<number, number> | undefined;

/** Traditional → Simplified, one character to one character (OpenCC `t` → `cn` on each character alone). */
function traditionalMap(): Map<number, number> {
  if (!tradMap) {
    // only the characters that are one-character keys of the converter's dictionaries can change
    const keys = simplifiedCharKeys();
    const chars: string[] = [];
    for (let c = 0x3400; c <= 0x9fff; c++) if (keys[c]) chars.push(String.fromCharCode(c));
    for (let c = 0xf900; c <= 0xfaff; c++) if (keys[c]) chars.push(String.fromCharCode(c));
    const out = toSimplifiedChars(chars.join('\n')).split('\n');
    const m = new Map<number, number>();
    if (out.length === chars.length) {
      for (let i = 0; i < chars.length; i++) {
        const o = out[i]!;
        const c = chars[i]!;
        if (o !== c && o.length === 1) m.set(c.charCodeAt(0), o.charCodeAt(0));
      }
    }
    tradMap = m;
  }
  return tradMap;
}

let tradOnly: Uint8Array | undefined;

/**
 * 1 for each BMP character that is Traditional only (it becomes another character in Simplified: 國 開 權 後),
 * 0 for the rest (Simplified, shared, non-Han). Reading it tells Traditional-script text apart.
 */
export function traditionalOnlyChars(): Uint8Array {
  if (!tradOnly) {
    const t = new Uint8Array(65536);
    for (const c of traditionalMap().keys()) t[c] = 1;
    tradOnly = t;
  }
  return tradOnly;
}

/** Folds one code point (as a string) with the given fold bits. */
export function foldString(s: string, folds: number): string {
  let r = s;
  if (folds & FOLD_WIDTH) r = r.normalize('NFKC');
  if (folds & FOLD_CASE) r = r.toLowerCase();
  if (folds & FOLD_SCRIPT) {
    const m = traditionalMap();
    let o = '';
    for (const ch of r) {
      const t = ch.length === 1 ? m.get(ch.charCodeAt(0)) : undefined;
      o += t === undefined ? ch : String.fromCharCode(t);
    }
    r = o;
  }
  return r;
}

const tables = new Map<number, FoldTable>();

/** The fold table for a combination of FOLD_WIDTH | FOLD_CASE | FOLD_SCRIPT (other bits ignored). */
export function foldTable(folds: number): FoldTable {
  const key = folds & (FOLD_WIDTH | FOLD_CASE | FOLD_SCRIPT);
  let t = tables.get(key);
  if (t) return t;
  const single = new Uint16Array(65536);
  const multi = new Map<number, string>();
  const trad = key & FOLD_SCRIPT ? traditionalMap() : undefined;
  for (let c = 0; c < 65536; c++) {
    if (c < 128) {
      single[c] = key & FOLD_CASE && c >= 0x41 && c <= 0x5a ? c | 0x20 : c;
      continue;
    }
    if (c >= 0xd800 && c <= 0xdfff) {
      single[c] = c;
      continue;
    }
    let r = String.fromCharCode(c);
    if (key & FOLD_WIDTH) r = r.normalize('NFKC');
    if (key & FOLD_CASE) r = r.toLowerCase();
    if (r.length === 1) {
      let u = r.charCodeAt(0);
      if (trad) u = trad.get(u) ?? u;
      single[c] = u;
    } else {
      single[c] = MULTI;
      multi.set(c, trad ? foldString(r, FOLD_SCRIPT) : r);
    }
  }
  t = { single, multi };
  tables.set(key, t);
  return t;
}
