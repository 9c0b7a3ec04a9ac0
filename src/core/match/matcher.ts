/**
 * The glossary matcher: every term of every concept is compiled into surface forms (script and
 * vocabulary variants, singular/plural), each normalised (width, case, script, separators) into one
 * pattern of a single Aho-Corasick automaton. Text is normalised the same way with an offset map, scanned
 * once, and candidates are checked for word boundaries (Latin runs only), case-sensitive terms and
 * languages. Several concepts may share one normalised pattern: each is reported (see docs/matching.md).
 *
 * Per-(term, form) facts are precomputed at build time in typed arrays (no object per form); a scan
 * creates a TermMatch only for a reported match, and works out `how` from the matched text only when the
 * text is neither the term nor the compiled form (a small direct-mapped cache covers repeats).
 */
import type { Term } from '../model.js';
import { TERM_STATUSES } from '../model.js';
import { sameLanguage } from '../lang.js';
import { FOLD_ALL, FOLD_CASE, F_END, F_SPLIT, F_START, foldKey, isProperName, normalizeScratch, normalizeText, patternFormsBatch, unitsToString } from '../normalize/index.js';
import type { NormalizedText } from '../normalize/index.js';
import { Automaton } from './automaton.js';
import { howMatched } from './how.js';
import { scanUnitsLeftmostLongest, scanUnitsOverlapping } from './scan.js';
import type { FindOptions, MatchHow, Matcher, MatcherEntry, TermMatch } from './types.js';

/** Bits of a ref's flags (beside the status rank in the low 4 bits). */
const R_SPLITS = 16; // the form has word breaks without a character between words
const R_CASE = 32; // case-sensitive term
const R_NOJOIN = 64; // a proper name: the text may not join what the term separates
const RANK_MASK = 15;

const STATUS_RANK = new Map<string, number>(TERM_STATUSES.map((s, i) => [s, i]));
const HOW_CACHE = 16384;
const EXACT: readonly MatchHow[] = Object.freeze(['exact'] as MatchHow[]);

interface Candidate {
  ref: number;
  how: readonly MatchHow[];
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
  /** The term of each ref (one pointer: the per-match path reads no concept). */
  private readonly refTermObj: Term[];
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
  private readonly howRef = new Int32Array(HOW_CACHE).fill(-1);
  private readonly howText: (string | undefined)[] = new Array<string | undefined>(HOW_CACHE);
  private readonly howValue: (readonly MatchHow[] | undefined)[] = new Array<readonly MatchHow[] | undefined>(HOW_CACHE);

  constructor(entries: MatcherEntry[]) {
    this.entries = entries;
    const flat: { text: string; lang: string }[] = [];
    for (const e of entries) for (const t of e.concept.terms) flat.push(t);
    const allForms = patternFormsBatch(flat);

    // refs in creation order, with the normalised pattern of each; sorted by pattern id afterwards
    const keys: string[] = [];
    const rEntry: number[] = [];
    const rTerm: number[] = [];
    const rFlags: number[] = [];
    const rForm: (string | undefined)[] = [];
    const rScript: (string | undefined)[] = [];
    const rTermObj: Term[] = [];
    const rSplit: number[] = [];
    const pool: number[] = [];
    const caseOf = new Map<number, string>();
    let k = 0;
    const seen: string[] = [];
    entries.forEach((e, entry) => {
      e.concept.terms.forEach((term: Term, termIndex) => {
        const forms = allForms[k++]!;
        const rankFlags = (STATUS_RANK.get(term.status) ?? 9) | (isProperName(term.text) ? R_NOJOIN : 0) | (term.caseSensitive ? R_CASE : 0);
        seen.length = 0;
        for (const { form, script } of forms) {
          const n = normalizeScratch(form, FOLD_ALL);
          if (n.length === 0) continue;
          const key = unitsToString(n);
          if (seen.includes(key)) continue; // another form of this term normalised alike: keep the first
          seen.push(key);
          const r = keys.length;
          let flags = rankFlags;
          // (n is a shared scratch buffer: read before foldKey below reuses it)
          const at = pool.length;
          pool.push(0);
          for (let j = 1; j < n.length; j++) if (n.flags[j]! & F_SPLIT) pool.push(j);
          if (pool.length > at + 1) {
            flags |= R_SPLITS;
            pool[at] = pool.length - at - 1;
            rSplit.push(at);
          } else {
            pool.length = at;
            rSplit.push(-1);
          }
          if (term.caseSensitive) caseOf.set(r, foldKey(form, FOLD_ALL & ~FOLD_CASE));
          keys.push(key);
          rEntry.push(entry);
          rTerm.push(termIndex);
          rFlags.push(flags);
          rForm.push(form === term.text ? undefined : form);
          rScript.push(script === term.text ? undefined : script);
          rTermObj.push(term);
        }
      });
    });
    // pattern id = the index of the first ref with that pattern
    const { automaton, ids: pid } = Automaton.buildWithIds(keys);
    keys.length = 0;
    this.automaton = automaton;
    this.patternCount = automaton.patternCount;
    this.maxPatternLength = automaton.maxDepth;

    // counting sort of the refs by pattern (stable: creation order within a pattern)
    const count = pid.length;
    const start = new Int32Array(count + 1);
    for (const p of pid) start[p + 1]!++;
    for (let p = 0; p < count; p++) start[p + 1]! += start[p]!;
    const fill = start.slice(0, count);
    const total = pid.length;
    this.refEntry = new Int32Array(total);
    this.refTerm = new Int32Array(total);
    this.refFlags = new Uint8Array(total);
    this.refForm = new Array<string | undefined>(total);
    this.refScript = new Array<string | undefined>(total);
    this.refTermObj = new Array<Term>(total);
    this.refSplit = new Int32Array(total);
    this.splitPool = Int32Array.from(pool);
    for (let r = 0; r < total; r++) {
      const to = fill[pid[r]!]!++;
      this.refEntry[to] = rEntry[r]!;
      this.refTerm[to] = rTerm[r]!;
      this.refFlags[to] = rFlags[r]!;
      this.refForm[to] = rForm[r];
      this.refScript[to] = rScript[r];
      this.refTermObj[to] = rTermObj[r]!;
      this.refSplit[to] = rSplit[r]!;
      const ck = caseOf.get(r);
      if (ck !== undefined) this.refCaseKey.set(to, ck);
    }
    this.refStart = start;
  }

  /** Bytes kept by the automaton's typed arrays. */
  automatonBytes(): number {
    return this.automaton.byteSize();
  }

  find(text: string, options: FindOptions = {}): TermMatch[] {
    const n = normalizeText(text, FOLD_ALL);
    const langs = options.langs?.length ? options.langs : undefined;
    const automaton = this.automaton;
    const flags = n.flags;
    const refStart = this.refStart;
    const refFlags = this.refFlags;
    // the refs of the last candidate that pass the checks (a candidate is often checked twice: accept, emit)
    const valid: number[] = [];
    let lastPid = -1;
    let lastStart = -1;
    let lastEnd = -1;
    const check = (node: number, st: number, en: number): number => {
      if (!(flags[st]! & F_START) || !(flags[en - 1]! & F_END)) return 0;
      const p = automaton.pattern(node);
      if (p === lastPid && st === lastStart && en === lastEnd) return valid.length;
      lastPid = p;
      lastStart = st;
      lastEnd = en;
      valid.length = 0;
      let caseKey: string | undefined;
      const to = refStart[p + 1]!;
      for (let r = refStart[p]!; r < to; r++) {
        const f = refFlags[r]!;
        if (langs && !this.langOk(r, langs)) continue;
        if (!this.breaksOk(n, text, st, en, r, f)) continue;
        if (f & R_CASE) {
          caseKey ??= foldKey(text.slice(n.start[st]!, n.end[en - 1]!), FOLD_ALL & ~FOLD_CASE);
          if (caseKey !== this.refCaseKey.get(r)) continue;
        }
        valid.push(r);
      }
      return valid.length;
    };
    const result: TermMatch[] = [];
    const emit = (node: number, st: number, en: number): void => {
      if (check(node, st, en) === 0) return;
      const start = n.start[st]!;
      const end = n.end[en - 1]!;
      const matched = text.slice(start, end);
      if (valid.length === 1) result.push(this.toMatch(valid[0]!, this.how(valid[0]!, matched), matched, start, end));
      else this.report(valid, matched, start, end, result);
    };
    const accept = (node: number, st: number, en: number): boolean => check(node, st, en) > 0;
    if (options.overlapping) scanUnitsOverlapping(automaton, n.units, n.length, accept, emit);
    else scanUnitsLeftmostLongest(automaton, n.units, n.length, accept, emit);
    return result;
  }

  private termOf(r: number): Term {
    return this.refTermObj[r]!;
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
  private breaksOk(n: NormalizedText, text: string, st: number, en: number, r: number, f: number): boolean {
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

  /** Adds one TermMatch per concept: its best term (fewest folds, then status, then term order). */
  private report(refs: readonly number[], matched: string, start: number, end: number, out: TermMatch[]): void {
    const best = new Map<number, Candidate>();
    for (const ref of refs) {
      const how = this.how(ref, matched);
      const entry = this.refEntry[ref]!;
      const cur = best.get(entry);
      if (!cur || this.better(ref, how, cur.ref, cur.how)) best.set(entry, { ref, how });
    }
    const picked = [...best.values()].sort((a, b) => this.rank(a.ref) - this.rank(b.ref) || this.refEntry[a.ref]! - this.refEntry[b.ref]!);
    for (const { ref, how } of picked) out.push(this.toMatch(ref, how, matched, start, end));
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
    const term = this.refTermObj[ref]!;
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
