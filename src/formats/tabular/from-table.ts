/**
 * Table → glossary for every spreadsheet reader (CSV/TSV, XLSX, XLS/ODS). Columns are mapped by header
 * (either language, see columns.ts) or by an explicit mapping; unmapped columns are reported as warnings.
 * Every bad cell is reported with its row and cell, all together (up to limits.maxErrors).
 */
import { ShuyuError } from '../../core/errors.js';
import type { Concept, Term } from '../../core/model.js';
import { normalizeLang } from '../../core/lang.js';
import type { RawConcept, Where } from '../collect.js';
import { ConceptCollector } from '../collect.js';
import { unneutralizeCell } from '../spreadsheet-safety.js';
import type { FormatWarning, GlossaryReadResult, Limits } from '../types.js';
import type { Column } from './columns.js';
import { headerFor, parseFieldSpec, recognizeHeader } from './columns.js';
import { POS_CHOICES, STATUS_CHOICES, TERM_TYPE_CHOICES, parseBoolean, parsePartOfSpeech, parseStatus, parseTermType, splitList } from './values.js';

/** One data row: cell texts by column index, its 1-based spreadsheet row and (CSV) starting line. */
export interface SheetRow {
  cells: string[];
  row: number;
  line?: number;
}

export interface TableReadContext {
  file: string;
  limits: Limits;
  /** Explicit header → field mapping (see columns.ts). */
  mapping?: Record<string, string>;
  /** How to name a cell in messages: `D7` (spreadsheets) or `"en status"` (CSV). */
  cellName: (columnIndex: number, row: SheetRow) => string;
  /** Header row number (1-based). @default 1 */
  headerRow?: number;
}

/** The mapping from columns to fields, with what could not be mapped. */
export interface ColumnPlan {
  columns: (Column | undefined)[];
  termLayout: boolean;
  unmapped: string[];
}

function findMapping(mapping: Record<string, string> | undefined, header: string): string | undefined {
  if (!mapping) return undefined;
  if (mapping[header] !== undefined) return mapping[header];
  const h = header.trim().toLowerCase();
  for (const [k, v] of Object.entries(mapping)) if (k.trim().toLowerCase() === h) return v;
  return undefined;
}

/** Maps headers to columns; throws ShuyuError('invalid_input') when no term column is found. */
export function planColumns(headers: string[], ctx: Pick<TableReadContext, 'file' | 'mapping'>): ColumnPlan {
  const cleaned = headers.map((h) => unneutralizeCell(h ?? '').trim());
  const mapped = (h: string) => findMapping(ctx.mapping, h);
  const layoutProbe = cleaned.map((h, i) => {
    const m = mapped(h);
    return m !== undefined ? parseFieldSpec(m) : recognizeHeader(h);
    void i;
  });
  const termLayout = layoutProbe.some((c) => c?.field === 'lang');
  const columns = cleaned.map((h) => {
    const m = mapped(h);
    const col = m !== undefined ? parseFieldSpec(m, termLayout) : recognizeHeader(h, termLayout);
    if (col?.field === 'ignore') return undefined;
    return col?.lang ? { ...col, lang: normalizeLang(col.lang) } : col; // normalised once, not per row
  });
  const unmapped = cleaned.filter((h, i) => h !== '' && columns[i] === undefined && (mapped(h) ?? '').toLowerCase() !== 'ignore');
  if (ctx.mapping) {
    for (const key of Object.keys(ctx.mapping)) {
      if (!cleaned.some((h) => h.toLowerCase() === key.trim().toLowerCase())) {
        throw new ShuyuError('usage', `Column mapping names "${key}", but ${ctx.file} has no such column (columns: ${cleaned.filter(Boolean).join(', ')})`, {
          params: { file: ctx.file, column: key },
        });
      }
    }
  }
  // Same target twice: a second term column adds synonyms; anything else is ambiguous.
  const seen = new Map<string, number>();
  columns.forEach((c, i) => {
    if (!c) return;
    const key = `${c.field}\u0000${c.lang ?? ''}`;
    if (!seen.has(key)) {
      seen.set(key, i);
      return;
    }
    if (c.field === 'term' && c.lang) columns[i] = { field: 'synonyms', lang: c.lang };
    else {
      throw new ShuyuError('invalid_input', `${ctx.file}: columns "${cleaned[seen.get(key)!]}" and "${cleaned[i]}" both hold ${headerFor(c)}; rename one or give a mapping`, {
        params: { file: ctx.file, column: cleaned[i] },
      });
    }
  });
  const hasTerm = termLayout ? columns.some((c) => c?.field === 'term' && !c.lang) : columns.some((c) => c?.field === 'term' && c.lang);
  if (!hasTerm) {
    throw new ShuyuError(
      'invalid_input',
      `${ctx.file}: no term column found (columns: ${cleaned.filter(Boolean).join(', ') || 'none'}). Name columns zh / en / 中文 / English …, or give a mapping such as "Column A=zh"`,
      { params: { file: ctx.file, row: 1 } },
    );
  }
  return { columns, termLayout, unmapped };
}

interface TermCells {
  term: Partial<Term>;
  cols: Partial<Record<string, number>>;
  /** The row the term came from (term layout: rows of one concept differ). */
  row?: SheetRow;
}

interface Location {
  row: SheetRow;
  terms: TermCells[];
  fixed: Partial<Record<string, number>>;
}

/** Where a row's concept came from; `cell` maps a problem path to the cell (a class: no closure per row). */
class RowWhere implements Where {
  readonly row: number;
  readonly line?: number;

  constructor(
    private readonly r: SheetRow,
    private readonly terms: TermCells[],
    private readonly fixed: Partial<Record<string, number>>,
    private readonly cellName: TableReadContext['cellName'],
  ) {
    this.row = r.row;
    if (r.line !== undefined) this.line = r.line;
  }

  cell(path: string): string | undefined {
    const m = /^terms\[(\d+)\](?:\.(\w+))?/.exec(path);
    let col: number | undefined;
    if (m) {
      const tc = this.terms[Number(m[1])];
      col = tc?.cols[m[2] ?? 'text'] ?? tc?.cols.text;
      if (col !== undefined && tc?.row) return this.cellName(col, tc.row);
    } else {
      const key = path.split(/[.[]/)[0] ?? '';
      col = this.fixed[key] ?? (key === 'definitions' ? this.fixed[`definitions.${path.split('.')[1] ?? ''}`] : undefined);
    }
    return col === undefined ? undefined : this.cellName(col, this.r);
  }
}

type LangGroup = { main?: TermCells; synonyms: TermCells[]; synStatuses?: { values: string[]; col: number }; synCase?: { values: string[]; col: number } };

function groupOf(byLang: Map<string, LangGroup>, lang: string): LangGroup {
  let g = byLang.get(lang);
  if (!g) byLang.set(lang, (g = { synonyms: [] }));
  return g;
}

/** Builds concepts from rows; the result is all-or-nothing. */
export class TableReader {
  readonly collector: ConceptCollector;
  private readonly plan: ColumnPlan;
  private readonly concepts: RawConcept[] = [];
  private readonly locations: Location[] = [];
  private readonly valid: Concept[] = [];
  private readonly byId = new Map<string, number>();
  private conflicts = 0;
  private rows = 0;
  private readonly langs = new Map<string, string>();

  private normLang(tag: string): string {
    let v = this.langs.get(tag);
    if (v === undefined) {
      v = normalizeLang(tag);
      if (this.langs.size < 1000) this.langs.set(tag, v);
    }
    return v;
  }

  constructor(
    headers: string[],
    private readonly ctx: TableReadContext,
  ) {
    this.collector = new ConceptCollector(ctx.file, ctx.limits);
    this.plan = planColumns(headers, ctx);
  }

  get columnPlan(): ColumnPlan {
    return this.plan;
  }

  /** Adds one data row (blank rows are skipped). */
  addRow(r: SheetRow): void {
    const cells: string[] = new Array<string>(r.cells.length);
    let blank = true;
    for (let i = 0; i < r.cells.length; i++) {
      const c = r.cells[i] ?? '';
      cells[i] = c.charCodeAt(0) === 0x27 ? unneutralizeCell(c) : c; // only text starting with ' was neutralised
      if (blank && c.trim() !== '') blank = false;
    }
    if (blank) return;
    this.rows++;
    if (this.rows > this.ctx.limits.maxRows) {
      throw new ShuyuError('too_large', `${this.ctx.file} has more than ${this.ctx.limits.maxRows} rows`, {
        params: { file: this.ctx.file, row: r.row, limit: this.ctx.limits.maxRows },
      });
    }
    if (this.plan.termLayout) this.addTermRow(cells, r);
    else this.addConceptRow(cells, r);
  }

  private where(r: SheetRow, terms: TermCells[], fixed: Partial<Record<string, number>>): Where {
    return new RowWhere(r, terms, fixed, this.ctx.cellName);
  }

  private bad(r: SheetRow, col: number, message: string, conceptId?: string): void {
    this.collector.problem(message, { row: r.row, ...(r.line !== undefined ? { line: r.line } : {}), cell: () => this.ctx.cellName(col, r) }, undefined, conceptId);
  }

  private applyTermField(t: TermCells, field: string, value: string, col: number, r: SheetRow): boolean {
    switch (field) {
      case 'status': {
        const s = parseStatus(value);
        if (s === null) return this.fail(r, col, `unknown status "${value}" (use ${STATUS_CHOICES})`);
        if (s) t.term.status = s;
        break;
      }
      case 'partOfSpeech': {
        const p = parsePartOfSpeech(value);
        if (p === null) return this.fail(r, col, `unknown part of speech "${value}" (use ${POS_CHOICES})`);
        if (p) t.term.partOfSpeech = p;
        break;
      }
      case 'termType': {
        const tt = parseTermType(value);
        if (tt === null) return this.fail(r, col, `unknown term type "${value}" (use ${TERM_TYPE_CHOICES})`);
        if (tt) t.term.termType = tt;
        break;
      }
      case 'caseSensitive': {
        const b = parseBoolean(value);
        if (b === null) return this.fail(r, col, `"${value}" is not yes or no`);
        if (b) t.term.caseSensitive = true;
        break;
      }
      case 'context':
        if (value !== '') t.term.context = value;
        break;
      case 'note':
        if (value !== '') t.term.note = value;
        break;
      case 'termSource':
        if (value !== '') t.term.source = value;
        break;
      default:
        return true;
    }
    if (value !== '') t.cols[field === 'termSource' ? 'source' : field] = col;
    return true;
  }

  private fail(r: SheetRow, col: number, message: string): boolean {
    this.bad(r, col, message);
    return false;
  }

  private addConceptRow(cells: string[], r: SheetRow): void {
    const raw: RawConcept = { definitions: {}, notes: [], terms: [] };
    const fixed: Partial<Record<string, number>> = {};
    const byLang = new Map<string, LangGroup>();
    const rowWide: { field: string; value: string; col: number }[] = [];
    const perLang: { field: string; lang: string; value: string; col: number }[] = [];
    const planned = this.plan.columns;
    for (let i = 0; i < planned.length; i++) {
      const col = planned[i];
      if (!col) continue;
      const value = cells[i] ?? '';
      if (col.lang === undefined) {
        switch (col.field) {
          case 'id':
            if (value.trim()) (raw.id = value.trim()), (fixed.id = i);
            break;
          case 'subjectField':
            if (value !== '') (raw.subjectField = value), (fixed.subjectField = i);
            break;
          case 'notes':
            raw.notes = splitList(value, false).filter((n) => n !== '');
            fixed.notes = i;
            break;
          case 'source':
            if (value !== '') (raw.source = value), (fixed.source = i);
            break;
          case 'related':
            raw.related = splitList(value);
            fixed.related = i;
            break;
          case 'status':
          case 'partOfSpeech':
          case 'termType':
          case 'caseSensitive':
            if (value !== '') rowWide.push({ field: col.field, value, col: i });
            break;
          default:
            break;
        }
        continue;
      }
      const lang = col.lang;
      switch (col.field) {
        case 'term':
          if (value.trim() !== '') groupOf(byLang, lang).main = { term: { text: value.trim(), lang }, cols: { text: i } };
          break;
        case 'synonyms':
          for (const s of splitList(value)) groupOf(byLang, lang).synonyms.push({ term: { text: s, lang, status: 'admitted' }, cols: { text: i } });
          break;
        case 'synonymStatuses':
          if (value.trim() !== '') groupOf(byLang, lang).synStatuses = { values: splitList(value), col: i };
          break;
        case 'synonymCaseSensitive':
          // positional: `|yes` = the second synonym only, so empty items are kept
          if (value.trim() !== '') groupOf(byLang, lang).synCase = { values: splitList(value, false), col: i };
          break;
        case 'definition':
          if (value !== '') (raw.definitions[lang] = value), (fixed[`definitions.${lang}`] = i);
          break;
        case 'pinyin':
          break; // derived from the Chinese term, never imported
        default:
          if (value !== '') perLang.push({ field: col.field, lang, value, col: i });
      }
    }
    const terms: TermCells[] = [];
    for (const [lang, g] of byLang) {
      if (!g.main && g.synonyms.length) {
        g.main = g.synonyms.shift()!; // synonyms without a main term: the first one leads
        delete g.main.term.status;
      }
      if (!g.main) continue;
      g.main.term.status = 'preferred';
      terms.push(g.main);
      if (g.synStatuses) {
        if (g.synStatuses.values.length !== g.synonyms.length) {
          this.bad(r, g.synStatuses.col, `${g.synStatuses.values.length} synonym statuses for ${g.synonyms.length} ${lang} synonyms`);
        }
        g.synonyms.forEach((s, k) => {
          const v = g.synStatuses!.values[k];
          if (v !== undefined) this.applyTermField(s, 'status', v, g.synStatuses!.col, r);
        });
      }
      if (g.synCase) {
        if (g.synCase.values.length !== g.synonyms.length) {
          this.bad(r, g.synCase.col, `${g.synCase.values.length} case-sensitivity values for ${g.synonyms.length} ${lang} synonyms`);
        }
        g.synonyms.forEach((s, k) => {
          const v = g.synCase!.values[k];
          if (v !== undefined) this.applyTermField(s, 'caseSensitive', v, g.synCase!.col, r);
        });
      }
      terms.push(...g.synonyms);
    }
    for (const w of rowWide) for (const [, g] of byLang) if (g.main) this.applyTermField(g.main, w.field, w.value, w.col, r);
    for (const p of perLang) {
      const g = byLang.get(p.lang);
      if (!g?.main) {
        this.bad(r, p.col, `${p.lang} ${p.field === 'status' ? 'status' : p.field} given but the row has no ${p.lang} term`);
        continue;
      }
      this.applyTermField(g.main, p.field, p.value, p.col, r);
    }
    if (terms.length === 0) {
      this.collector.problem('row has no term', { row: r.row, ...(r.line !== undefined ? { line: r.line } : {}) }, undefined, raw.id);
      return;
    }
    raw.terms = terms.map((t) => t.term);
    // One row, one concept: validated now, so only the concept is kept (not the row, the raw concept and its cells).
    const c = this.collector.add(raw, this.where(r, terms, fixed));
    if (c) this.valid.push(c);
  }

  private addTermRow(cells: string[], r: SheetRow): void {
    const cols = this.plan.columns;
    const get = (field: string) => {
      const i = cols.findIndex((c) => c?.field === field && c.lang === undefined);
      return i < 0 ? undefined : { value: cells[i] ?? '', col: i };
    };
    const langCell = get('lang');
    const termCell = get('term');
    const text = termCell?.value.trim() ?? '';
    if (text === '') {
      this.bad(r, termCell?.col ?? 0, 'row has no term');
      return;
    }
    if (!langCell || langCell.value.trim() === '') {
      this.bad(r, langCell?.col ?? 0, 'row has no language');
      return;
    }
    const lang = this.normLang(langCell.value.trim());
    const tc: TermCells = { term: { text, lang, status: 'preferred' }, cols: { text: termCell!.col, lang: langCell.col } };
    let explicitStatus = false;
    cols.forEach((c, i) => {
      if (!c || c.lang !== undefined) return;
      if (['status', 'partOfSpeech', 'termType', 'caseSensitive', 'context', 'note', 'termSource'].includes(c.field)) {
        if (c.field === 'status' && (cells[i] ?? '').trim() !== '') explicitStatus = true;
        this.applyTermField(tc, c.field, cells[i] ?? '', i, r);
      }
    });
    const idCell = get('id');
    const id = idCell?.value.trim() || undefined;
    let index = id !== undefined ? this.byId.get(id) : undefined;
    if (index === undefined) {
      index = this.concepts.length;
      this.concepts.push({ definitions: {}, notes: [], terms: [], ...(id !== undefined ? { id } : {}) });
      this.locations.push({ row: r, terms: [], fixed: idCell ? { id: idCell.col } : {} });
      if (id !== undefined) this.byId.set(id, index);
    }
    const raw = this.concepts[index]!;
    // A term without a status in a language that already has a term is an admitted synonym.
    if (!explicitStatus && raw.terms.some((t) => t.lang === lang)) tc.term.status = 'admitted';
    tc.row = r;
    raw.terms.push(tc.term);
    this.locations[index]!.terms.push(tc);
    const setOnce = (key: 'subjectField' | 'source', value: string) => {
      if (value === '') return;
      if (raw[key] === undefined) raw[key] = value;
      else if (raw[key] !== value) this.conflicts++;
    };
    const def = get('definition');
    if (def && def.value !== '') {
      if (raw.definitions[lang] === undefined) raw.definitions[lang] = def.value;
      else if (raw.definitions[lang] !== def.value) this.conflicts++;
    }
    setOnce('subjectField', get('subjectField')?.value ?? '');
    setOnce('source', get('source')?.value ?? '');
    const notes = get('notes');
    if (notes && notes.value !== '') {
      const list = splitList(notes.value, false).filter((n) => n !== '');
      if (raw.notes.length === 0) raw.notes = list;
      else if (raw.notes.join('\u0000') !== list.join('\u0000')) this.conflicts++;
    }
    const related = get('related');
    if (related && related.value !== '' && !raw.related) raw.related = splitList(related.value);
  }

  /** Validates everything and returns the glossary, or throws one error listing every problem. */
  finish(): GlossaryReadResult {
    const out = this.valid; // concept layout: validated row by row; term layout: rows merged by id first
    for (let i = 0; i < this.concepts.length; i++) {
      const loc = this.locations[i]!;
      const c = this.collector.add(this.concepts[i]!, this.where(loc.row, loc.terms, loc.fixed));
      if (c) out.push(c);
    }
    const warnings: FormatWarning[] = [];
    if (this.plan.unmapped.length) {
      warnings.push({
        code: 'unmapped_columns',
        message: `columns not imported (not recognised): ${this.plan.unmapped.join(', ')}; give a mapping to import them`,
        file: this.ctx.file,
      });
    }
    if (this.conflicts) {
      warnings.push({ code: 'conflicting_rows', message: `${this.conflicts} concept fields differ between rows of the same concept; the first value was kept`, file: this.ctx.file });
    }
    const result = this.collector.finish(out);
    return { glossary: result.glossary, warnings: [...warnings, ...result.warnings] };
  }
}
