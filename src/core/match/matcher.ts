/**
 * The glossary matcher: every term of every concept is compiled into surface forms (script and
 * vocabulary variants, singular/plural), each normalised (width, case, script, separators) into one
 * pattern of a single Aho-Corasick automaton. Text is normalised the same way, in one pass over a small
 * window with an offset map, and candidates are checked for word boundaries (Latin runs only),
 * case-sensitive terms and languages. Several concepts may share one normalised pattern: each is
 * reported (see docs/matching.md).
 *
 * Per-(term, form) facts are precomputed at build time in typed arrays (no object per form); a scan
 * writes packed rows (findSpans), and a TermMatch is made only when asked for (find, spans.match(i)),
 * with `how` worked out from the matched text only when it is neither the term nor the compiled form (a
 * small direct-mapped cache covers repeats).
 */
import type { Term } from '../model.js';
import { sameLanguage } from '../lang.js';
import { FOLD_ALL, FOLD_CASE, F_END, F_SPLIT, F_START, foldKey, scriptVariantsBatch, traditionalOnlyChars } from '../normalize/index.js';
import { Normalizer, Out } from '../normalize/text.js';
import { Automaton, BASE_MASK, CHECK, DEPTH, FAIL, REC_SHIFT } from './automaton.js';
import { R_CASE, R_NOJOIN, R_REGIONAL, R_SPLITS, RANK_MASK, RefCompiler } from './compile.js';
import { howMatched } from './how.js';
import type { FindOptions, MatchHow, MatchSpans, Matcher, MatcherEntry, TermMatch } from './types.js';

const HOW_CACHE = 16384;
const EXACT: readonly MatchHow[] = Object.freeze(['exact'] as MatchHow[]);

interface Candidate {
  ref: number;
  how: readonly MatchHow[] | undefined;
}

/** Normalised units per batch: the window stays in the cache. */
const BATCH = 4096;

/** Growable packed rows of a scan: original start, end and the ref. */
class Rows {
  count = 0;
  start: Int32Array;
  end: Int32Array;
  ref: Int32Array;
  constructor(cap: number) {
    this.start = new Int32Array(cap);
    this.end = new Int32Array(cap);
    this.ref = new Int32Array(cap);
  }
  push(start: number, end: number, ref: number): void {
    const k = this.count;
    if (k === this.start.length) {
      const grow = (a: Int32Array): Int32Array => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.start = grow(this.start);
      this.end = grow(this.end);
      this.ref = grow(this.ref);
    }
    this.start[k] = start;
    this.end[k] = end;
    this.ref[k] = ref;
    this.count = k + 1;
  }
}

/** The result of findSpans: packed rows, TermMatch objects on demand. */
class Spans implements MatchSpans {
  readonly count: number;
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly entry: Int32Array;
  readonly termIndex: Int32Array;
  private readonly ref: Int32Array;
  private readonly matcher: GlossaryMatcher;
  private readonly text: string;

  constructor(matcher: GlossaryMatcher, text: string, rows: Rows) {
    const n = rows.count;
    this.count = n;
    this.matcher = matcher;
    this.text = text;
    this.start = rows.start.subarray(0, n);
    this.end = rows.end.subarray(0, n);
    this.ref = rows.ref.subarray(0, n);
    this.entry = new Int32Array(n);
    this.termIndex = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      this.entry[i] = matcher.entryOf(this.ref[i]!);
      this.termIndex[i] = matcher.termIndexOf(this.ref[i]!);
    }
  }

  match(i: number): TermMatch {
    if (!(i >= 0 && i < this.count)) throw new RangeError(`no match ${i} (count ${this.count})`);
    return this.matcher.matchAt(this.text, this.start[i]!, this.end[i]!, this.ref[i]!);
  }
}

export class GlossaryMatcher implements Matcher {
  readonly patternCount: number;
  /** Longest normalised pattern, in UTF-16 units. */
  readonly maxPatternLength: number;
  private readonly automaton: Automaton;
  private readonly entries: MatcherEntry[];
  /**
   * Refs of pattern p: refStart[p] .. refStart[p + 1] (refs are numbered in pattern order; a pattern id
   * is the creation index of its first ref, so most ranges are empty).
   */
  private readonly refStart: Int32Array;
  private readonly refEntry: Int32Array;
  private readonly refTerm: Int32Array;
  private readonly refFlags: Uint8Array;
  /** The compiled form, when it is not the term itself. */
  private readonly refForm: (string | undefined)[];
  /** The script variant the form was inflected from, when it is not the term itself. */
  private readonly refScript: (string | undefined)[];
  /**
   * Offsets (in normalised units) where the form has a word break with no character between words: at
   * splitPool[refSplit[r]] the count, then the offsets (refs with R_SPLITS only).
   */
  private readonly refSplit: Int32Array;
  private readonly splitPool: Int32Array;
  /** foldKey(form) without case folding, for case-sensitive terms. */
  private readonly refCaseKey = new Map<number, string>();
  /** Refs of the current candidate that pass the checks (scan scratch). */
  private readonly valid: Int32Array;
  private buf: Out | undefined;
  private readonly howRef = new Int32Array(HOW_CACHE).fill(-1);
  private readonly howText: (string | undefined)[] = new Array<string | undefined>(HOW_CACHE);
  private readonly howValue: (readonly MatchHow[] | undefined)[] = new Array<readonly MatchHow[] | undefined>(HOW_CACHE);

  constructor(entries: MatcherEntry[]) {
    this.entries = entries;
    const flat: { text: string; lang: string }[] = [];
    for (let e = 0; e < entries.length; e++) {
      const terms = entries[e]!.concept.terms;
      for (let t = 0; t < terms.length; t++) flat.push(terms[t]!);
    }
    // the script variants in two batched OpenCC calls; the forms of each term are made (and dropped)
    // one term at a time so that they die young
    const other = scriptVariantsBatch(flat);

    // refs in creation order, with the normalised pattern of each; sorted by pattern id afterwards
    const c = new RefCompiler(flat.length);
    let k = 0;
    for (let entry = 0; entry < entries.length; entry++) {
      const terms = entries[entry]!.concept.terms;
      for (let termIndex = 0; termIndex < terms.length; termIndex++) c.add(entry, termIndex, terms[termIndex]!, other[k++]);
    }
    const { keys, pool, caseKey: caseOf } = c;
    const rEntry = c.entry;
    const rTerm = c.term;
    const rFlags = c.flags;
    const rSplit = c.split;
    const rForm = c.form;
    const rScript = c.script;
    // pattern id = the index of the first ref with that pattern
    const { automaton, ids: pid } = Automaton.buildWithIds(keys);
    keys.length = 0;
    this.automaton = automaton;
    this.patternCount = automaton.patternCount;
    this.maxPatternLength = automaton.maxDepth;

    // counting sort of the refs by pattern (stable: creation order within a pattern)
    const count = pid.length;
    const start = new Int32Array(count + 1);
    for (let r = 0; r < pid.length; r++) start[pid[r]! + 1]!++;
    for (let p = 0; p < count; p++) start[p + 1]! += start[p]!;
    const fill = start.slice(0, count);
    const total = pid.length;
    this.refEntry = new Int32Array(total);
    this.refTerm = new Int32Array(total);
    this.refFlags = new Uint8Array(total);
    this.refForm = new Array<string | undefined>(total);
    this.refScript = new Array<string | undefined>(total);
    this.refSplit = new Int32Array(total);
    this.splitPool = Int32Array.from(pool);
    for (let r = 0; r < total; r++) {
      const to = fill[pid[r]!]!++;
      this.refEntry[to] = rEntry[r]!;
      this.refTerm[to] = rTerm[r]!;
      this.refFlags[to] = rFlags[r]!;
      this.refForm[to] = rForm[r];
      this.refScript[to] = rScript[r];
      this.refSplit[to] = rSplit[r]!;
      const ck = caseOf.get(r);
      if (ck !== undefined) this.refCaseKey.set(to, ck);
    }
    this.refStart = start;
    let most = 1;
    for (let p = 0; p < count; p++) most = Math.max(most, start[p + 1]! - start[p]!);
    this.valid = new Int32Array(most);
  }

  /** Bytes kept by the automaton's typed arrays. */
  automatonBytes(): number {
    return this.automaton.byteSize();
  }

  find(text: string, options: FindOptions = {}): TermMatch[] {
    const spans = this.findSpans(text, options);
    const result = new Array<TermMatch>(spans.count);
    for (let i = 0; i < spans.count; i++) result[i] = spans.match(i);
    return result;
  }

  /**
   * Like find, but the matches come as packed arrays (original offsets, entry and term indices) and a
   * TermMatch (with its matched text and `how`) is made only when `match(i)` asks for it.
   */
  findSpans(text: string, options: FindOptions = {}): MatchSpans {
    const langs = options.langs?.length ? options.langs : undefined;
    const rows = new Rows(Math.max(16, text.length >> 4));
    this.scan(text, options.overlapping === true, langs, options.script ?? 'auto', options.from ?? 0, rows);
    return new Spans(this, text, rows);
  }

  /** Materialises row i of a scan of `text`. */
  matchAt(text: string, start: number, end: number, ref: number): TermMatch {
    const matched = text.slice(start, end);
    return this.toMatch(ref, this.how(ref, matched), matched, start, end);
  }

  /** The entry index of a ref. */
  entryOf(ref: number): number {
    return this.refEntry[ref]!;
  }

  /** The term index of a ref. */
  termIndexOf(ref: number): number {
    return this.refTerm[ref]!;
  }

  /**
   * One pass over the text: the normaliser fills a bounded window in cache-sized batches, the automaton
   * reads it, and accepted matches go to `rows` with original offsets.
   */
  private scan(text: string, overlapping: boolean, langs: string[] | undefined, script: 'auto' | 'traditional' | 'simplified', from: number, rows: Rows): void {
    const buf = this.window();
    const nz = new Normalizer(text, FOLD_ALL, buf);
    if (from > 0) nz.pos = Math.min(from, text.length);
    const { code, da, link, out, dict } = this.automaton;
    const refStart = this.refStart;
    const refFlags = this.refFlags;
    const valid = this.valid;
    let lastPid = -1;
    let lastStart = -1;
    let lastEnd = -1;
    let nValid = 0;
    let flags = buf.flags;
    let units = buf.units;
    let bstart = buf.start;
    let bend = buf.end;

    /** Refs of the candidate's pattern that pass the checks (cached for the last candidate). */
    const check = (node: number, st: number, en: number): number => {
      if (!(flags[st]! & F_START) || !(flags[en - 1]! & F_END)) return 0;
      const p = out[node >> REC_SHIFT]!;
      if (p === lastPid && st === lastStart && en === lastEnd) return nValid;
      lastPid = p;
      lastStart = st;
      lastEnd = en;
      nValid = 0;
      const to = refStart[p + 1]!;
      let split = -1; // whether the span has a word break inside (-1: not looked yet)
      let caseKey: string | undefined;
      for (let r = refStart[p]!; r < to; r++) {
        const f = refFlags[r]!;
        if (langs && !this.langOk(r, langs)) continue;
        if (f & R_SPLITS || split !== 0) {
          if (split < 0) {
            split = 0;
            for (let k = st + 1; k < en; k++) {
              if (flags[k]! & F_SPLIT) {
                split = 1;
                break;
              }
            }
          }
          if ((f & R_SPLITS || split) && !this.breaksOk(buf, text, st, en, r, f)) continue;
        }
        if (f & R_CASE) {
          caseKey ??= foldKey(text.slice(bstart[st]!, bend[en - 1]!), FOLD_ALL & ~FOLD_CASE);
          if (caseKey !== this.refCaseKey.get(r)) continue;
        }
        if (f & R_REGIONAL && (script === 'simplified' || (script === 'auto' && !traditionalAround(text, bstart[st]!, bend[en - 1]!)))) continue;
        valid[nValid++] = r;
      }
      return nValid;
    };
    const emit = (node: number, st: number, en: number): void => {
      if (check(node, st, en) === 0) return;
      const start = bstart[st]!;
      const end = bend[en - 1]!;
      if (nValid === 1) rows.push(start, end, valid[0]!);
      else this.report(valid, nValid, text, start, end, rows);
    };

    let i = 0; // next unit to read (index in the window)
    let w = 0; // units in the window
    let s = 0;
    let cs = -1; // pending leftmost-longest candidate: start, end, node
    let ce = -1;
    let cn = -1;
    for (;;) {
      if (i + 1 >= w && !nz.done) {
        // keep what a candidate may still need: the pending candidate, the current partial match, and
        // the last unit (the normaliser may still change its flags)
        if (w + BATCH > buf.cap - 64) {
          let keep = Math.min(i - link[s + DEPTH]!, w - 1);
          if (cs >= 0 && cs < keep) keep = cs;
          if (keep > 0) {
            nz.drop(keep);
            i -= keep;
            w -= keep;
            if (cs >= 0) {
              cs -= keep;
              ce -= keep;
            }
            lastPid = -1;
          }
        }
        w = nz.fill(w + BATCH);
        flags = buf.flags;
        units = buf.units;
        bstart = buf.start;
        bend = buf.end;
        continue;
      }
      if (i >= w) {
        if (cs < 0) break;
        // the text ended with a pending candidate: report it and go on after it
        emit(cn, cs, ce);
        i = ce;
        s = 0;
        cs = -1;
        continue;
      }
      const x = code[units[i++]!]!;
      let b = 0;
      if (x === 0) s = 0;
      else {
        for (;;) {
          const t = (da[s]! & BASE_MASK) + x;
          if (da[t + CHECK] === s) {
            s = t;
            b = da[t]!;
            break;
          }
          if (s === 0) break;
          s = link[s + FAIL]!;
        }
      }
      if (overlapping) {
        if (b < 0) {
          for (let o = out[s >> REC_SHIFT]! >= 0 ? s : dict[s >> REC_SHIFT]!; o >= 0; o = dict[o >> REC_SHIFT]!) emit(o, i - link[o + DEPTH]!, i);
        }
        continue;
      }
      if (b < 0) {
        // candidates ending here, longest first
        for (let o = out[s >> REC_SHIFT]! >= 0 ? s : dict[s >> REC_SHIFT]!; o >= 0; o = dict[o >> REC_SHIFT]!) {
          const st = i - link[o + DEPTH]!;
          if (cs >= 0 && st > cs) break; // shorter candidates start later still
          if (check(o, st, i) > 0) {
            if (cs < 0 || st < cs || i > ce) {
              cs = st;
              ce = i;
              cn = o;
            }
            break;
          }
        }
      }
      if (cs >= 0 && i - link[s + DEPTH]! > cs) {
        emit(cn, cs, ce);
        i = ce;
        s = 0;
        cs = -1;
      }
    }
  }

  /** The reusable normalisation window of this matcher. */
  private window(): Out {
    this.buf ??= new Out(2 * BATCH + 4 * this.maxPatternLength + 1024);
    return this.buf;
  }

  private termOf(r: number): Term {
    return this.entries[this.refEntry[r]!]!.concept.terms[this.refTerm[r]!]!;
  }

  private langOk(r: number, langs: string[]): boolean {
    const lang = this.termOf(r).lang;
    return langs.some((l) => sameLanguage(l, lang));
  }

  /**
   * Word breaks inside the candidate: every break the text has without a character between words must be
   * one of the form's; a proper name must also have each of its own breaks in the text (no joined
   * spelling), and a joined spelling never matches inside a dotted name (`whitehouse.gov`, `www.openweight`).
   */
  private breaksOk(n: Out, text: string, st: number, en: number, r: number, f: number): boolean {
    const flags = n.flags;
    const pool = this.splitPool;
    const at = f & R_SPLITS ? this.refSplit[r]! : -1;
    const count = at >= 0 ? pool[at]! : 0;
    let textBreaks = 0;
    for (let k = st + 1; k < en; k++) {
      if (!(flags[k]! & F_SPLIT)) continue;
      let found = false;
      for (let j = at + 1; j <= at + count; j++) if (pool[j] === k - st) found = true;
      if (!found) return false;
      textBreaks++;
    }
    if (textBreaks === count) return true;
    // a joined spelling
    if (f & R_NOJOIN) return false;
    const s = n.start[st]!;
    const e = n.end[en - 1]!;
    return !(dotted(text, e, 1) || dotted(text, s - 1, -1));
  }

  /**
   * Adds one row per concept among several valid refs of one span: its best term (fewest folds, then
   * status, then term order); rows ordered by status, then glossary order. `how` is worked out only when
   * one concept has several refs on the span.
   */
  private report(refs: Int32Array, count: number, text: string, start: number, end: number, rows: Rows): void {
    const picked: Candidate[] = [];
    let matched: string | undefined;
    for (let k = 0; k < count; k++) {
      const ref = refs[k]!;
      const entry = this.refEntry[ref]!;
      const at = picked.findIndex((c) => this.refEntry[c.ref] === entry);
      if (at < 0) {
        picked.push({ ref, how: undefined });
        continue;
      }
      matched ??= text.slice(start, end);
      const cur = picked[at]!;
      cur.how ??= this.how(cur.ref, matched);
      const how = this.how(ref, matched);
      if (this.better(ref, how, cur.ref, cur.how)) picked[at] = { ref, how };
    }
    if (picked.length > 1) picked.sort((a, b) => this.rank(a.ref) - this.rank(b.ref) || this.refEntry[a.ref]! - this.refEntry[b.ref]!);
    for (const { ref } of picked) rows.push(start, end, ref);
  }

  private rank(r: number): number {
    return this.refFlags[r]! & RANK_MASK;
  }

  private better(a: number, ha: readonly MatchHow[], b: number, hb: readonly MatchHow[]): boolean {
    const ea = ha[0] === 'exact' ? 0 : ha.length;
    const eb = hb[0] === 'exact' ? 0 : hb.length;
    if (ea !== eb) return ea < eb;
    if (this.rank(a) !== this.rank(b)) return this.rank(a) < this.rank(b);
    return this.refTerm[a]! < this.refTerm[b]!;
  }

  private toMatch(ref: number, how: readonly MatchHow[], matched: string, start: number, end: number): TermMatch {
    const e = this.entries[this.refEntry[ref]!]!;
    const term = e.concept.terms[this.refTerm[ref]!]!;
    return {
      start,
      end,
      text: matched,
      glossaryId: e.glossaryId,
      conceptId: e.concept.id,
      termIndex: this.refTerm[ref]!,
      term: term.text,
      lang: term.lang,
      status: term.status,
      // shared and frozen (one array per distinct answer, not per match)
      how: how as MatchHow[],
    };
  }

  /** How `matched` differs from ref's term (a frozen array shared by the matches that differ alike). */
  private how(ref: number, matched: string): readonly MatchHow[] {
    const term = this.termOf(ref).text;
    if (matched === term) return EXACT;
    const slot = Math.imul(ref ^ (matched.length << 20), 0x9e3779b1) >>> 18;
    if (this.howRef[slot] === ref && this.howText[slot] === matched) return this.howValue[slot]!;
    const h = Object.freeze(howMatched(matched, term, this.refScript[ref] ?? term, this.refForm[ref] ?? term));
    this.howRef[slot] = ref;
    this.howText[slot] = matched;
    this.howValue[slot] = h;
    return h;
  }
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** True when text[i] is a `.` (or `@`) followed, in direction `dir`, by a letter or digit: a dotted name. */
/** How far around a candidate `traditionalAround` looks, in UTF-16 units (within the candidate's line). */
const SCRIPT_CONTEXT = 64;

/**
 * True when the line of text[start, end) has a Traditional-only character (國 開 權 這) in the candidate or
 * within SCRIPT_CONTEXT units of it: the text around it is Traditional script.
 */
export function traditionalAround(text: string, start: number, end: number): boolean {
  const trad = traditionalOnlyChars();
  const from = Math.max(0, start - SCRIPT_CONTEXT);
  const to = Math.min(text.length, end + SCRIPT_CONTEXT);
  for (let i = start - 1; i >= from; i--) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) break;
    if (trad[c]) return true;
  }
  for (let i = start; i < to; i++) {
    const c = text.charCodeAt(i);
    if ((c === 10 || c === 13) && i >= end) break;
    if (trad[c]) return true;
  }
  return false;
}

function dotted(text: string, i: number, dir: 1 | -1): boolean {
  const c = text.charCodeAt(i);
  if (c !== 0x2e && c !== 0x40) return false;
  const next = text[i + dir];
  return next !== undefined && LETTER_OR_DIGIT.test(next);
}

/**
 * Builds the matcher over the given glossary entries (built once per glossary version; see Engine).
 * Leftmost-longest non-overlapping matches by default, all overlapping ones with `overlapping`.
 */
export function buildMatcher(entries: Iterable<MatcherEntry>): GlossaryMatcher {
  return new GlossaryMatcher([...entries]);
}
