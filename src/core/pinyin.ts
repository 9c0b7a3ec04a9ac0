/**
 * Pinyin, derived from Chinese text with pinyin-pro (never stored). Han runs get word-aware readings
 * (重庆 → chóng qìng, 银行 → yín háng); Latin and digits are kept as they are (`AI芯片` → `AI xīn piàn`).
 * Plain pinyin is toneless with ü written `v` (绿 → `lv`), the form people type on a keyboard.
 */
import { pinyin, polyphonic } from 'pinyin-pro';

export interface PinyinForms {
  /** Toned, syllables separated by spaces: `chū kǒu guǎn zhì`. */
  toned: string;
  /** Toneless, ü as `v`, syllables separated by spaces: `chu kou guan zhi`. */
  plain: string;
  /** First letter of each syllable, no spaces: `ckgz` (non-Han tokens kept whole: `AIxp`). */
  initials: string;
}

/** One token of a pinyin reading: a Han syllable, or a run of other text kept as-is. */
export interface PinyinToken {
  toned: string;
  plain: string;
  /** True for a Han character's syllable, false for a kept non-Han run. */
  han: boolean;
  /** The source character(s). */
  source: string;
}

const HAN = /\p{Script=Han}/u;
const HAN_CHAR = /^\p{Script=Han}$/u;
const HAN_RUN = /\p{Script=Han}+/gu;
const TONE_MARKS = /[\u0300\u0301\u0304\u030c]/g;

const plainCache = new Map<string, string>();

/** Toned syllable → plain: tone marks removed, ü → v, lower case (`lǜ` → `lv`, `ḿ` → `m`). Cached. */
export function plainSyllable(toned: string): string {
  let p = plainCache.get(toned);
  if (p === undefined) {
    p = stripTones(toned);
    if (plainCache.size < 5000) plainCache.set(toned, p);
  }
  return p;
}

function stripTones(toned: string): string {
  return toned.normalize('NFD').replace(TONE_MARKS, '').normalize('NFC').replace(/ü/g, 'v').replace(/ê/g, 'e').toLowerCase();
}

/** Cached toned readings of single characters (pinyin-pro `multiple`), first = most common. */
const charReadings = new Map<string, string[]>();

/** Every toned reading pinyin-pro knows for one Han character, most common first. */
export function readingsOf(char: string): string[] {
  let r = charReadings.get(char);
  if (!r) {
    r = [...new Set(pinyin(char, { multiple: true, type: 'array' }))];
    if (r.length === 0) r = [char];
    charReadings.set(char, r);
  }
  return r;
}

/**
 * Fills the reading cache of {@link readingsOf} for many characters with one pinyin-pro `polyphonic` call (the same
 * dictionary readings as `pinyin(char, { multiple: true })`, about ten times cheaper than one call per character).
 * Only single Han code points not yet cached are looked up; the results are what readingsOf would return.
 */
export function preloadReadings(chars: Iterable<string>): void {
  const todo: string[] = [];
  for (const c of chars) if (!charReadings.has(c) && HAN_CHAR.test(c)) todo.push(c);
  if (todo.length === 0) return;
  const all = polyphonic(todo.join(''), { type: 'array' });
  if (all.length !== todo.length) return; // unexpected split: leave them to readingsOf
  todo.forEach((c, i) => {
    const r = [...new Set(all[i])];
    if (r.length > 0 && r[0] !== c) charReadings.set(c, r);
  });
}

/** Toned syllables of one Han run: from the per-character cache when no character is polyphonic, else word-aware. */
function hanRunSyllables(run: string): string[] {
  const chars = [...run];
  const single: string[] = [];
  for (const c of chars) {
    const r = readingsOf(c);
    if (r.length !== 1) return pinyin(run, { type: 'array' });
    single.push(r[0]!);
  }
  return single;
}

const plainReadings = new Map<string, string[]>();
const syllableSet = new Set<string>();

/** The distinct toneless readings of one Han character (ü as v), most common first. */
export function plainReadingsOf(char: string): string[] {
  if (char.length === 1) return plainReadingsOfCode(char.charCodeAt(0));
  let r = plainReadings.get(char);
  if (!r) {
    r = [...new Set(readingsOf(char).map(plainSyllable))];
    plainReadings.set(char, r);
    if (/\p{Script=Han}/u.test(char)) for (const s of r) if (/^[a-z]+$/.test(s)) syllableSet.add(s);
  }
  return r;
}

/** plainReadingsOf per BMP code unit (no string hashing per call). */
const plainByCode: (string[] | undefined)[] = new Array<string[] | undefined>(65536).fill(undefined);

/** {@link plainReadingsOf} of the character with this BMP code unit. */
export function plainReadingsOfCode(code: number): string[] {
  let r = plainByCode[code];
  if (!r) {
    const char = String.fromCharCode(code);
    r = [...new Set(readingsOf(char).map(plainSyllable))];
    plainByCode[code] = r;
    if (/\p{Script=Han}/u.test(char)) for (const s of r) if (/^[a-z]+$/.test(s)) syllableSet.add(s);
  }
  return r;
}

/** Every toneless syllable seen so far in {@link plainReadingsOf} (grows as characters are met). */
export function knownSyllables(): ReadonlySet<string> {
  return syllableSet;
}

/**
 * Syllables of a Han run for indexing, cheaper than {@link pinyinTokens}: word-aware (pinyin-pro) only when a
 * character has several toneless readings; tone-only differences (一 yī/yí, 不 bù/bú) take the first tone, and
 * no tone sandhi is applied (the plain syllables are what the index uses).
 */
export function indexSyllables(run: string): { toned: string[]; plain: string[] } {
  const toned: string[] = [];
  const plain: string[] = [];
  for (const c of run) {
    const p = plainReadingsOf(c);
    if (p.length !== 1) {
      // Tone sandhi of 一 and 不 changes tones only: the index keeps toneless syllables, so skip it.
      const t = pinyin(run, { type: 'array', toneSandhi: false });
      return { toned: t, plain: t.map(plainSyllable) };
    }
    toned.push(readingsOf(c)[0]!);
    plain.push(p[0]!);
  }
  return { toned, plain };
}

/**
 * The pinyin tokens of a text: one per Han character (word-aware reading), one per other non-space run.
 * Whitespace and punctuation between tokens are dropped.
 */
export function pinyinTokens(text: string): PinyinToken[] {
  const out: PinyinToken[] = [];
  const pushOther = (s: string) => {
    for (const part of s.split(/[\s\p{P}\p{S}]+/u)) if (part) out.push({ toned: part, plain: part, han: false, source: part });
  };
  let last = 0;
  for (const m of text.matchAll(HAN_RUN)) {
    pushOther(text.slice(last, m.index));
    const chars = [...m[0]];
    const syl = hanRunSyllables(m[0]);
    chars.forEach((c, i) => {
      const toned = syl[i] ?? c;
      out.push({ toned, plain: plainSyllable(toned), han: true, source: c });
    });
    last = m.index + m[0].length;
  }
  pushOther(text.slice(last));
  return out;
}

const cache = new Map<string, PinyinForms>();
const CACHE_MAX = 20000;

/**
 * Pinyin of a text: toned, plain (toneless, ü → v) and initials. Mixed text keeps Latin as it is:
 * `pinyinOf('出口管制')` → `{ toned: 'chū kǒu guǎn zhì', plain: 'chu kou guan zhi', initials: 'ckgz' }`.
 * Results are cached (bounded), so repeated calls for the same terms are cheap.
 */
export function pinyinOf(text: string): PinyinForms {
  const hit = cache.get(text);
  if (hit) return hit;
  const tokens = HAN.test(text) ? pinyinTokens(text) : text.split(/\s+/).filter(Boolean).map((t) => ({ toned: t, plain: t, han: false, source: t }));
  const forms: PinyinForms = {
    toned: tokens.map((t) => t.toned).join(' '),
    plain: tokens.map((t) => t.plain).join(' '),
    initials: tokens.map((t) => (t.han ? t.plain.charAt(0) : t.plain)).join(''),
  };
  if (cache.size >= CACHE_MAX) cache.clear();
  cache.set(text, forms);
  return forms;
}

/** True when a text looks like typed pinyin: Latin letters (ü/v, `u:`), spaces, apostrophes, optional tone digits. */
export function looksLikePinyin(text: string): boolean {
  return /^[a-zA-ZüÜāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ:'’\s1-5]+$/.test(text) && /[a-zA-Z]/.test(text);
}

/**
 * A typed pinyin query in the form the lookup index stores: lower-case, toneless, ü/`u:` → `v`, no spaces,
 * apostrophes or tone digits (`Chū kǒu`, `chu kou`, `chu3kou3` → `chukou`; `lü` → `lv`).
 */
export function compactPinyin(text: string): string {
  return plainSyllable(text.toLowerCase().replace(/u:/g, 'v')).replace(/[\s'’1-5]+/g, '');
}
