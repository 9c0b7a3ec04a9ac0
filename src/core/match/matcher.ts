/**
 * The glossary matcher: every term of every concept is compiled into surface forms (script and
 * vocabulary variants, singular/plural), each normalised (width, case, script, separators) into one
 * pattern of a single Aho-Corasick automaton. Text is normalised the same way with an offset map, scanned
 * once, and candidates are checked for word boundaries (Latin runs only), case-sensitive terms and
 * languages. Several concepts may share one normalised pattern: each is reported (see docs/matching.md).
 */
import type { Term, TermStatus } from '../model.js';
import { TERM_STATUSES } from '../model.js';
import { sameLanguage } from '../lang.js';
import { FOLD_ALL, FOLD_CASE, F_END, F_SPLIT, F_START, foldKey, normalizeScratch, normalizeText, patternForms, unitsToString } from '../normalize/index.js';
import type { NormalizedText } from '../normalize/index.js';
import { Automaton } from './automaton.js';
import { howMatched } from './how.js';
import { scanUnitsLeftmostLongest, scanUnitsOverlapping } from './scan.js';
import type { FindOptions, MatchHow, Matcher, MatcherEntry, TermMatch } from './types.js';

interface Ref {
  id: number;
  entry: number;
  termIndex: number;
  term: Term;
  /** The compiled surface form and the script variant it was inflected from. */
  form: string;
  script: string;
  /** Offsets (in normalised units) where the form has a word break with no character between words. */
  splits: number[] | undefined;
  /** foldKey(form) without case folding, for case-sensitive terms. */
  caseKey: string | undefined;
  rank: number;
  /** matched text → how (bounded). */
  howCache?: Map<string, MatchHow[]>;
}

const STATUS_RANK = new Map<TermStatus, number>(TERM_STATUSES.map((s, i) => [s, i]));
const MAX_HOW_CACHE = 1000;
const NONE: Ref[] = [];

export class GlossaryMatcher implements Matcher {
  readonly patternCount: number;
  /** Longest normalised pattern, in UTF-16 units. */
  readonly maxPatternLength: number;
  private readonly automaton: Automaton;
  private readonly refs: Ref[][];
  private readonly entries: MatcherEntry[];

  constructor(entries: MatcherEntry[]) {
    this.entries = entries;
    const ids = new Map<string, number>();
    const patterns: string[] = [];
    const refs: Ref[][] = [];
    let refId = 0;
    entries.forEach((e, entry) => {
      e.concept.terms.forEach((term, termIndex) => {
        const seen = new Set<number>();
        for (const { form, script } of patternForms(term.text, term.lang)) {
          const n = normalizeScratch(form, FOLD_ALL);
          if (n.length === 0) continue;
          const key = unitsToString(n);
          let pid = ids.get(key);
          if (pid === undefined) {
            pid = patterns.length;
            ids.set(key, pid);
            patterns.push(key);
            refs.push([]);
          }
          if (seen.has(pid)) continue; // another form of this term normalised alike: keep the first
          seen.add(pid);
          let splits: number[] | undefined;
          for (let k = 1; k < n.length; k++) if (n.flags[k]! & F_SPLIT) (splits ??= []).push(k);
          // (n is a shared scratch buffer: read before foldKey below reuses it)
          refs[pid]!.push({
            id: refId++,
            entry,
            termIndex,
            term,
            form,
            script,
            splits,
            caseKey: term.caseSensitive ? foldKey(form, FOLD_ALL & ~FOLD_CASE) : undefined,
            rank: STATUS_RANK.get(term.status) ?? 9,
          });
        }
      });
    });
    this.automaton = Automaton.build(patterns);
    this.refs = refs;
    this.patternCount = patterns.length;
    this.maxPatternLength = this.automaton.maxDepth;
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
    let lastKey = -1;
    let lastStart = -1;
    let lastEnd = -1;
    let lastValid: Ref[] = NONE;
    let sliceKeyCache: string | undefined;
    const valid = (node: number, st: number, en: number): Ref[] => {
      if (!(flags[st]! & F_START) || !(flags[en - 1]! & F_END)) return NONE;
      const pid = automaton.pattern(node);
      if (pid === lastKey && st === lastStart && en === lastEnd) return lastValid;
      lastKey = pid;
      lastStart = st;
      lastEnd = en;
      const refs = this.refs[pid]!;
      sliceKeyCache = undefined;
      lastValid = NONE;
      for (const r of refs) {
        if (langs && !langs.some((l) => sameLanguage(l, r.term.lang))) continue;
        if (!splitsAllowed(n, st, en, r.splits)) continue;
        if (r.caseKey !== undefined) {
          sliceKeyCache ??= foldKey(text.slice(n.start[st]!, n.end[en - 1]!), FOLD_ALL & ~FOLD_CASE);
          if (sliceKeyCache !== r.caseKey) continue;
        }
        if (refs.length === 1) lastValid = refs;
        else (lastValid === NONE ? (lastValid = []) : lastValid).push(r);
      }
      return lastValid;
    };
    const result: TermMatch[] = [];
    const emit = (node: number, st: number, en: number): void => {
      const refs = valid(node, st, en);
      const start = n.start[st]!;
      const end = n.end[en - 1]!;
      for (const m of this.report(refs, text.slice(start, end), start, end)) result.push(m);
    };
    const accept = (node: number, st: number, en: number): boolean => valid(node, st, en).length > 0;
    if (options.overlapping) scanUnitsOverlapping(this.automaton, n.units, n.length, accept, emit);
    else scanUnitsLeftmostLongest(this.automaton, n.units, n.length, accept, emit);
    return result;
  }

  /** One TermMatch per concept: its best term (fewest folds, then status, then term order). */
  private report(refs: Ref[], matched: string, start: number, end: number): TermMatch[] {
    if (refs.length === 1) {
      const ref = refs[0]!;
      return [this.toMatch(ref, this.how(ref, matched), matched, start, end)];
    }
    const best = new Map<number, { ref: Ref; how: MatchHow[] }>();
    for (const ref of refs) {
      const how = this.how(ref, matched);
      const cur = best.get(ref.entry);
      if (!cur || better(ref, how, cur.ref, cur.how)) best.set(ref.entry, { ref, how });
    }
    const picked = [...best.values()].sort((a, b) => a.ref.rank - b.ref.rank || a.ref.entry - b.ref.entry);
    return picked.map(({ ref, how }) => this.toMatch(ref, how, matched, start, end));
  }

  private toMatch(ref: Ref, how: MatchHow[], matched: string, start: number, end: number): TermMatch {
    const e = this.entries[ref.entry]!;
    return {
      start,
      end,
      text: matched,
      glossaryId: e.glossaryId,
      conceptId: e.concept.id,
      termIndex: ref.termIndex,
      term: ref.term.text,
      lang: ref.term.lang,
      status: ref.term.status,
      how,
    };
  }

  private how(ref: Ref, matched: string): MatchHow[] {
    if (matched === ref.term.text) return ['exact'];
    const cache = (ref.howCache ??= new Map());
    let h = cache.get(matched);
    if (!h) {
      h = howMatched(matched, ref.term.text, ref.script, ref.form);
      if (cache.size >= MAX_HOW_CACHE) cache.clear();
      cache.set(matched, h);
    }
    return h.slice();
  }
}

function better(a: Ref, ha: MatchHow[], b: Ref, hb: MatchHow[]): boolean {
  const ea = ha[0] === 'exact' ? 0 : ha.length;
  const eb = hb[0] === 'exact' ? 0 : hb.length;
  if (ea !== eb) return ea < eb;
  if (a.rank !== b.rank) return a.rank < b.rank;
  return a.termIndex < b.termIndex;
}

/** Every word break inside the candidate that has no character between the words must be one of the form's. */
function splitsAllowed(n: NormalizedText, st: number, en: number, splits: number[] | undefined): boolean {
  for (let k = st + 1; k < en; k++) {
    if (n.flags[k]! & F_SPLIT && !splits?.includes(k - st)) return false;
  }
  return true;
}

/**
 * Builds the matcher over the given glossary entries (built once per glossary version; see Engine).
 * Leftmost-longest non-overlapping matches by default, all overlapping ones with `overlapping`.
 */
export function buildMatcher(entries: Iterable<MatcherEntry>): GlossaryMatcher {
  return new GlossaryMatcher([...entries]);
}
