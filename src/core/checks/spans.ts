/**
 * The checks' view of packed matcher rows (Matcher.findSpans): what each matched (entry, term) is — its concept
 * and the term's text, language and status — worked out once per glossary term and kept for the matcher, so a
 * match costs array reads instead of a TermMatch built by the matcher; and SpanMatch, a TermMatch whose text
 * and `how` are read only when a check asks for them.
 */
import type { TermStatus } from '../model.js';
import type { MatchHow, MatchSpans, Matcher, TermMatch } from '../match/types.js';
import { own } from './compact.js';
import { sameLang } from './concepts.js';
import type { ConceptRef, ConceptResolver } from './concepts.js';

/** A glossary term as the matcher reports it, with its entry's concept. */
export interface TermInfo {
  /** The concept (undefined when the resolver does not know it). */
  ref: ConceptRef | undefined;
  glossaryId: string;
  conceptId: string;
  term: string;
  lang: string;
  status: TermStatus;
  /** The last language the term was tested against (see inLang) and the answer. */
  testedLang: string | undefined;
  inTestedLang: boolean;
}

/**
 * TermInfo per entry index and term index of one matcher, for one resolver: an entry's row is its concept's
 * `infos` (built with the concept index), or a row filled match by match when the resolver cannot vouch for the
 * entry's terms (an unknown concept, a concept id given twice, terms that differ from the matcher's).
 */
export type TermTable = ((TermInfo | undefined)[] | undefined)[];

const tables = new WeakMap<Matcher, WeakMap<ConceptResolver, TermTable>>();

/** The table of (matcher, resolver), kept as long as both are (a server checks file after file with them). */
export function termTable(matcher: Matcher, resolve: ConceptResolver): TermTable {
  let byResolver = tables.get(matcher);
  if (!byResolver) tables.set(matcher, (byResolver = new WeakMap()));
  let t = byResolver.get(resolve);
  if (!t) byResolver.set(resolve, (t = []));
  return t;
}

/** What row i of `spans` matched (an entry's row is found once, the first time one of its terms is matched). */
export function termInfo(table: TermTable, spans: MatchSpans, i: number, resolve: ConceptResolver): TermInfo {
  const e = spans.entry[i]!;
  const k = spans.termIndex[i]!;
  let row = table[e];
  if (row === undefined) {
    // kept dense (undefined-filled) so that the table stays a fast array however sparse the entries seen
    while (table.length <= e) table.push(undefined);
    row = table[e] = entryRow(spans.match(i), resolve);
  }
  let info = row[k];
  if (info === undefined) {
    const m = spans.match(i);
    info = row[k] = { ref: resolve(m.glossaryId, m.conceptId), glossaryId: m.glossaryId, conceptId: m.conceptId, term: m.term, lang: m.lang, status: m.status, testedLang: undefined, inTestedLang: false };
  }
  return info;
}

/** The row of the entry `m` belongs to: its concept's infos when they are the matcher's terms, else a row of its own. */
function entryRow(m: TermMatch, resolve: ConceptResolver): (TermInfo | undefined)[] {
  const ref = resolve(m.glossaryId, m.conceptId);
  const infos = ref?.infos;
  const t = infos?.[m.termIndex];
  if (infos && t && t.term === m.term && t.lang === m.lang && t.status === m.status && ref.concept.terms.length === infos.length) return infos;
  return [];
}

/** Whether the term is in language `lang` (sameLanguage; `lang` and its cache as langTest gives them), remembered per term. */
export function inLang(info: TermInfo, lang: string, cache: Map<string, boolean>): boolean {
  if (info.testedLang !== lang) {
    info.inTestedLang = sameLang(cache, lang, info.lang);
    info.testedLang = lang;
  }
  return info.inTestedLang;
}

/**
 * The matched text of `m` as a string that keeps nothing else alive: the glossary's own string when the text is
 * the term (the usual case; then nothing is sliced), else a copy.
 */
export function ownText(m: TermMatch): string {
  if (m instanceof SpanMatch) return m.isTerm() ? m.term : own(m.text);
  return m.text === m.term ? m.term : own(m.text);
}

/** A TermMatch over a row of packed matches: the matched text is sliced, and `how` computed, on first use. */
export class SpanMatch implements TermMatch {
  private matched: string | undefined;
  constructor(
    readonly start: number,
    readonly end: number,
    readonly termIndex: number,
    readonly info: TermInfo,
    private readonly input: string,
    private readonly spans: MatchSpans,
    private readonly row: number,
  ) {}
  get text(): string {
    return (this.matched ??= this.input.slice(this.start, this.end));
  }
  /** Whether the matched text is the glossary term as stored (compared in place, nothing sliced). */
  isTerm(): boolean {
    const term = this.info.term;
    return this.end - this.start === term.length && this.input.startsWith(term, this.start);
  }
  get glossaryId(): string {
    return this.info.glossaryId;
  }
  get conceptId(): string {
    return this.info.conceptId;
  }
  get term(): string {
    return this.info.term;
  }
  get lang(): string {
    return this.info.lang;
  }
  get status(): TermStatus {
    return this.info.status;
  }
  get how(): MatchHow[] {
    return this.spans.match(this.row).how;
  }
}
