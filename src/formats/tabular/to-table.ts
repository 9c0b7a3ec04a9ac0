/**
 * Glossary → table (header + rows of plain strings) for every spreadsheet writer. Two layouts: one row
 * per concept (default; the main term of each language in its own column, the other terms `|`-separated
 * in a synonyms column, as Trados does) or one row per term (everything about each term kept).
 * Cells are NOT neutralised here: each writer applies neutralizeCell to every cell it writes.
 */
import type { Concept, Glossary, Term } from '../../core/model.js';
import { isChinese } from '../../core/lang.js';
import { pinyinTokens, preloadReadings } from '../../core/pinyin.js';
import { languagesOf } from '../filter.js';
import type { FormatWarning } from '../types.js';
import type { Column, LangField } from './columns.js';
import { headerFor } from './columns.js';
import { joinList } from './values.js';

export type Layout = 'concept' | 'term';

export interface Table {
  layout: Layout;
  columns: Column[];
  headers: string[];
  /** Number of data rows. */
  rowCount: number;
  /** The data rows, produced one at a time (a 120k-row export never holds them all). */
  rows(): Iterable<string[]>;
  /** What the layout could not hold; complete once rows() has been iterated. */
  readonly warnings: FormatWarning[];
}

/** What the tabular formats cannot hold, per layout (also the formats' `cannotHold`). */
export const TABULAR_CANNOT_HOLD = [
  'specs (test sentences)',
  'extra (unmodelled data categories)',
  'empty text fields (read back as absent)',
  'concept layout: part of speech, term type, context, note and source of synonyms (all terms but the first per language)',
  'term layout: definitions in languages without terms',
] as const;

const HAN = /\p{Script=Han}/u;

/**
 * Toned pinyin of a term: the same text as `pinyinOf(text).toned` (the toned forms of pinyinTokens joined
 * by spaces), without also building the plain and initials forms nobody reads here — a third of the time
 * of a 100k-term export. tests/formats/tabular.test.ts checks it against pinyinOf.
 */
export function tonedPinyin(text: string): string {
  if (!HAN.test(text)) return text.split(/\s+/).filter(Boolean).join(' ');
  try {
    const tokens = pinyinTokens(text);
    let out = tokens[0]?.toned ?? '';
    for (let i = 1; i < tokens.length; i++) out += ` ${tokens[i]!.toned}`;
    return out;
  } catch {
    return '';
  }
}

/**
 * tonedPinyin memoised for one table (a headword shared by several concepts is read once). The readings of
 * every character of the Chinese terms are fetched first in one batch (a fifth less time on 100k terms).
 */
function pinyinCells(concepts: readonly Concept[]): (text: string) => string {
  const chars = new Set<string>();
  for (const c of concepts) for (const t of c.terms) if (isChinese(t.lang)) for (const ch of t.text) chars.add(ch);
  preloadReadings(chars);
  const seen = new Map<string, string>();
  return (text) => {
    let p = seen.get(text);
    if (p === undefined) seen.set(text, (p = tonedPinyin(text)));
    return p;
  };
}

/** The languages of a glossary's terms and definitions, Chinese first, then English. */
function allLanguages(concepts: Concept[]): { termLangs: string[]; defOnly: string[] } {
  const termLangs = languagesOf(concepts);
  const defs = new Set<string>();
  for (const c of concepts) for (const l of Object.keys(c.definitions)) if (!termLangs.includes(l)) defs.add(l);
  return { termLangs, defOnly: [...defs].sort() };
}

class Losses {
  private counts = new Map<string, number>();
  add(what: string, n = 1): void {
    this.counts.set(what, (this.counts.get(what) ?? 0) + n);
  }
  /** One warning listing everything left out, with where it would be kept (one line, not one per kind). */
  warnings(layout: Layout): FormatWarning[] {
    if (this.counts.size === 0) return [];
    const what = [...this.counts].map(([w, n]) => `${w} (${n})`).join(', ');
    const keep = layout === 'concept' ? 'one row per term, TBX or JSON keep' : 'TBX or JSON keep';
    return [{ code: 'cannot_hold', message: `the one-row-per-${layout} spreadsheet leaves out ${what}; ${keep} them` }];
  }
}

function noteConceptLosses(c: Concept, losses: Losses): void {
  if (c.specs && (c.specs.match?.length || c.specs.noMatch?.length)) losses.add('test sentences (specs)');
  if (c.extra && Object.keys(c.extra).length) losses.add('extra data categories', Object.keys(c.extra).length);
}

/** A concept-level cell (same in both layouts); '' for fields that are not concept-level. */
function conceptCell(c: Concept, field: string): string {
  switch (field) {
    case 'id':
      return c.id;
    case 'subjectField':
      return c.subjectField ?? '';
    case 'notes':
      return joinList(c.notes);
    case 'source':
      return c.source ?? '';
    case 'related':
      return joinList(c.related ?? []);
    default:
      return '';
  }
}

const NONE: Term[] = [];

/** A per-language cell of the one-row-per-concept layout: `list` holds the concept's terms in `lang`, main first. */
function langCell(c: Concept, field: string, lang: string, list: Term[], pinyinCell: (text: string) => string): string {
  const main = list[0];
  switch (field) {
    case 'term':
      return main?.text ?? '';
    case 'pinyin':
      return main ? pinyinCell(main.text) : '';
    case 'synonyms':
      return list.length > 1 ? joinList(list.slice(1).map((t) => t.text)) : '';
    case 'status':
      return main?.status ?? '';
    case 'synonymStatuses':
      return list.length > 1 ? joinList(list.slice(1).map((t) => t.status)) : '';
    case 'synonymCaseSensitive':
      return list.some((t, i) => i > 0 && t.caseSensitive) ? list.slice(1).map((t) => (t.caseSensitive ? 'yes' : '')).join('|') : '';
    case 'partOfSpeech':
      return main?.partOfSpeech ?? '';
    case 'termType':
      return main?.termType ?? '';
    case 'caseSensitive':
      return main?.caseSensitive ? 'yes' : '';
    case 'definition':
      return c.definitions[lang] ?? '';
    case 'context':
      return main?.context ?? '';
    case 'note':
      return main?.note ?? '';
    case 'termSource':
      return main?.source ?? '';
    default:
      return '';
  }
}

/** One row per concept. */
function conceptTable(g: Glossary): Table {
  const losses = new Losses();
  const pinyinCell = pinyinCells(g.concepts);
  const { termLangs, defOnly } = allLanguages(g.concepts);
  // Which optional columns each language needs, found in one pass.
  const flags = new Map<string, Set<LangField>>();
  for (const c of g.concepts) {
    const seen = new Set<string>();
    for (const t of c.terms) {
      const main = !seen.has(t.lang);
      seen.add(t.lang);
      let f = flags.get(t.lang);
      if (!f) flags.set(t.lang, (f = new Set()));
      if (main) {
        if (t.termType !== undefined) f.add('termType');
        if (t.caseSensitive === true) f.add('caseSensitive');
        if (t.source !== undefined) f.add('termSource');
      } else {
        if (t.status !== 'admitted') f.add('synonymStatuses');
        if (t.caseSensitive === true) f.add('synonymCaseSensitive');
      }
    }
  }
  const has = (field: LangField) => (lang: string) => flags.get(lang)?.has(field) ?? false;
  const anySynStatus = has('synonymStatuses');
  const anySynCase = has('synonymCaseSensitive');
  const anyTermType = has('termType');
  const anyCase = has('caseSensitive');
  const anyTermSource = has('termSource');
  const columns: Column[] = [{ field: 'id' }];
  for (const lang of termLangs) {
    const fields: LangField[] = ['term'];
    if (isChinese(lang)) fields.push('pinyin');
    fields.push('synonyms', 'status');
    if (anySynStatus(lang)) fields.push('synonymStatuses');
    if (anySynCase(lang)) fields.push('synonymCaseSensitive');
    fields.push('partOfSpeech');
    if (anyTermType(lang)) fields.push('termType');
    if (anyCase(lang)) fields.push('caseSensitive');
    fields.push('definition', 'context', 'note');
    if (anyTermSource(lang)) fields.push('termSource');
    for (const field of fields) columns.push({ field, lang });
  }
  for (const lang of defOnly) columns.push({ field: 'definition', lang });
  columns.push({ field: 'subjectField' }, { field: 'notes' });
  if (g.concepts.some((c) => c.source)) columns.push({ field: 'source' });
  if (g.concepts.some((c) => c.related?.length)) columns.push({ field: 'related' });

  function* rows(): Iterable<string[]> {
    for (const c of g.concepts) {
      noteConceptLosses(c, losses);
      const byLang = new Map<string, Term[]>();
      for (const t of c.terms) {
        const list = byLang.get(t.lang);
        if (list) {
          list.push(t);
          // a synonym: only its text, status and case sensitivity have columns
          if (t.partOfSpeech) losses.add('parts of speech of synonyms');
          if (t.termType) losses.add('term types of synonyms');
          if (t.context !== undefined) losses.add('contexts of synonyms');
          if (t.note !== undefined) losses.add('notes of synonyms');
          if (t.source !== undefined) losses.add('sources of synonyms');
        } else byLang.set(t.lang, [t]);
      }
      const row = new Array<string>(columns.length);
      for (let i = 0; i < columns.length; i++) {
        const col = columns[i]!;
        row[i] = col.lang === undefined ? conceptCell(c, col.field) : langCell(c, col.field, col.lang, byLang.get(col.lang) ?? NONE, pinyinCell);
      }
      yield row;
    }
  }
  return {
    layout: 'concept',
    columns,
    headers: columns.map(headerFor),
    rowCount: g.concepts.length,
    rows,
    get warnings() {
      return losses.warnings('concept');
    },
  };
}

/** A cell of the one-row-per-term layout. */
function termCell(c: Concept, t: Term, field: string, pinyinCell: (text: string) => string): string {
  switch (field) {
    case 'lang':
      return t.lang;
    case 'term':
      return t.text;
    case 'pinyin':
      return isChinese(t.lang) ? pinyinCell(t.text) : '';
    case 'status':
      return t.status;
    case 'partOfSpeech':
      return t.partOfSpeech ?? '';
    case 'termType':
      return t.termType ?? '';
    case 'caseSensitive':
      return t.caseSensitive ? 'yes' : '';
    case 'context':
      return t.context ?? '';
    case 'note':
      return t.note ?? '';
    case 'termSource':
      return t.source ?? '';
    case 'definition':
      return c.definitions[t.lang] ?? '';
    default:
      return conceptCell(c, field);
  }
}

/** One row per term; concept fields repeated on each row of the concept. */
function termTable(g: Glossary): Table {
  const losses = new Losses();
  const pinyinCell = pinyinCells(g.concepts);
  const hasZh = g.concepts.some((c) => c.terms.some((t) => isChinese(t.lang)));
  const any = (pred: (t: Term) => boolean) => g.concepts.some((c) => c.terms.some(pred));
  const columns: Column[] = [{ field: 'id' }, { field: 'lang' }, { field: 'term' }];
  if (hasZh) columns.push({ field: 'pinyin' });
  columns.push({ field: 'status' }, { field: 'partOfSpeech' });
  if (any((t) => t.termType !== undefined)) columns.push({ field: 'termType' });
  if (any((t) => t.caseSensitive === true)) columns.push({ field: 'caseSensitive' });
  columns.push({ field: 'context' }, { field: 'note' });
  if (any((t) => t.source !== undefined)) columns.push({ field: 'termSource' });
  columns.push({ field: 'definition' }, { field: 'subjectField' }, { field: 'notes' });
  if (g.concepts.some((c) => c.source)) columns.push({ field: 'source' });
  if (g.concepts.some((c) => c.related?.length)) columns.push({ field: 'related' });
  function* rows(): Iterable<string[]> {
    for (const c of g.concepts) {
      noteConceptLosses(c, losses);
      const langs = new Set(c.terms.map((t) => t.lang));
      for (const l of Object.keys(c.definitions)) if (!langs.has(l)) losses.add('definitions in languages without terms');
      for (const t of c.terms) {
        const row = new Array<string>(columns.length);
        for (let i = 0; i < columns.length; i++) row[i] = termCell(c, t, columns[i]!.field, pinyinCell);
        yield row;
      }
    }
  }
  return {
    layout: 'term',
    columns,
    headers: columns.map(headerFor),
    rowCount: g.concepts.reduce((n, c) => n + c.terms.length, 0),
    rows,
    get warnings() {
      return losses.warnings('term');
    },
  };
}

/** Lays a glossary out as a table, reporting what the layout cannot hold as warnings. */
export function glossaryToTable(g: Glossary, layout: Layout = 'concept'): Table {
  return layout === 'term' ? termTable(g) : conceptTable(g);
}
