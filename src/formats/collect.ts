/**
 * Shared by the TBX and tabular readers: turns the raw concepts a reader assembles into validated
 * concepts, with stable unique ids, duplicate terms merged (with a warning), and every problem collected
 * with its file, line/row and cell — up to limits.maxErrors — so that one error lists them all.
 */
import type { ErrorDetail } from '../core/errors.js';
import { ShuyuError, formatDetail } from '../core/errors.js';
import type { Concept, Glossary, Term } from '../core/model.js';
import { checkConcept } from '../core/model.js';
import { glossaryIdFromName } from '../core/glossary-info.js';
import { languagesOf } from './filter.js';
import type { FormatWarning, Limits } from './types.js';

/** Where a raw concept came from: a line (XML) or a row (spreadsheets), and how to name a field's cell. */
export interface Where {
  line?: number;
  row?: number;
  /** Maps a problem path (`terms[1].status`) to a cell reference (`D7`) or column name. */
  cell?: (path: string) => string | undefined;
}

/** A concept before validation: plain data, possibly without id. */
export interface RawConcept {
  id?: string;
  subjectField?: string;
  definitions: Record<string, string>;
  notes: string[];
  source?: string;
  terms: Partial<Term>[];
  related?: string[];
  specs?: { match?: string[]; noMatch?: string[] };
  extra?: Record<string, string>;
}

const ID_OK = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;

/** FNV-1a 32-bit hash as 8 hex digits (stable short ids). */
export function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** A readable id for a concept without one: the English term as a slug, else a hash of its first term. */
export function suggestId(terms: Partial<Term>[]): string {
  const en = terms.find((t) => t.lang?.toLowerCase().startsWith('en') && t.text)?.text;
  const slug = en
    ?.normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  if (slug && ID_OK.test(slug)) return slug;
  const first = terms.find((t) => t.text)?.text ?? '';
  return `c-${shortHash(first)}`;
}

/** Makes an id valid: invalid characters become `-`; empty ids get a suggestion from the terms. */
export function sanitizeId(id: string | undefined, terms: Partial<Term>[]): string {
  const trimmed = (id ?? '').trim();
  if (trimmed && ID_OK.test(trimmed) && trimmed.length <= 200) return trimmed;
  const fixed = trimmed
    .replace(/[^A-Za-z0-9._:-]+/g, '-')
    .replace(/^[^A-Za-z0-9]+/, '')
    .slice(0, 200);
  return fixed || suggestId(terms);
}

/** Collects validated concepts from a reader, with every problem up to the error limit. */
export class ConceptCollector {
  readonly warnings: FormatWarning[] = [];
  readonly problems: ErrorDetail[] = [];
  private readonly ids = new Set<string>();
  private count = 0;
  private problemCount = 0;
  private mergedTerms = 0;
  private renamedIds = 0;

  constructor(
    readonly file: string,
    private readonly limits: Limits,
  ) {}

  /** Validates one raw concept; returns it, or undefined when it had problems (recorded) or no terms (warned). */
  add(raw: RawConcept, where: Where = {}): Concept | undefined {
    this.count++;
    if (this.count > this.limits.maxRows) {
      throw new ShuyuError('too_large', `${this.file} has more than ${this.limits.maxRows} entries`, {
        params: { file: this.file, limit: this.limits.maxRows, ...(where.line ? { line: where.line } : {}), ...(where.row ? { row: where.row } : {}) },
      });
    }
    const terms = this.mergeDuplicateTerms(raw.terms, where);
    if (terms.length === 0) {
      this.warn('no_terms', 'entry without any term skipped', where, raw.id);
      return undefined;
    }
    let id = sanitizeId(raw.id, terms);
    if (raw.id !== undefined && id !== raw.id.trim()) this.renamedIds++;
    if (this.ids.has(id)) {
      let n = 2;
      while (this.ids.has(`${id}-${n}`)) n++;
      if (raw.id !== undefined) this.warn('duplicate_id', `concept id "${id}" used twice; renamed to "${id}-${n}"`, where, id);
      id = `${id}-${n}`;
    }
    // Built without `delete` (which would turn the object into a slow dictionary for validation).
    const input: Record<string, unknown> = { id, terms };
    for (const [k, v] of Object.entries(raw)) {
      if (v === undefined || k === 'id' || k === 'terms') continue;
      if ((k === 'extra' && Object.keys(v as object).length === 0) || (k === 'related' && (v as unknown[]).length === 0)) continue;
      input[k] = v;
    }
    const { concept, problems } = checkConcept(input);
    if (!concept) {
      for (const p of problems) this.problem(p.message, where, p.path, id);
      return undefined;
    }
    this.ids.add(id);
    return concept;
  }

  /** Records a problem (row/line/cell) that makes the import fail; stops early past the error limit. */
  problem(message: string, where: Where, path?: string, conceptId?: string): void {
    this.problemCount++;
    if (this.problems.length < this.limits.maxErrors) {
      const cell = where.cell?.(path ?? '');
      this.problems.push({
        message,
        file: this.file,
        ...(where.line !== undefined ? { line: where.line } : {}),
        ...(where.row !== undefined ? { row: where.row } : {}),
        ...(cell ? { cell } : {}),
        ...(path ? { path } : {}),
        ...(conceptId ? { conceptId } : {}),
      });
    }
  }

  warn(code: string, message: string, where: Where = {}, conceptId?: string): void {
    if (this.warnings.length >= 200) return;
    this.warnings.push({
      code,
      message,
      file: this.file,
      ...(where.line !== undefined ? { line: where.line } : {}),
      ...(where.row !== undefined ? { row: where.row } : {}),
      ...(conceptId ? { conceptId } : {}),
    });
  }

  /** Throws ShuyuError('invalid_input') listing every recorded problem, if any. */
  throwIfProblems(): void {
    if (this.problemCount === 0) return;
    const first = this.problems[0]!;
    const more = this.problemCount > 1 ? ` (${this.problemCount} problems; nothing was imported)` : ' (nothing was imported)';
    throw new ShuyuError('invalid_input', `${formatDetail(first)}${more}`, {
      params: { file: this.file, line: first.line, row: first.row, cell: first.cell, count: this.problemCount },
      details: this.problems,
    });
  }

  /** Ends reading: throws on problems, adds summary warnings, returns the glossary. */
  finish(concepts: Concept[], header: { id?: string; name?: string; description?: string } = {}): { glossary: Glossary; warnings: FormatWarning[] } {
    this.throwIfProblems();
    if (this.mergedTerms) this.warn('duplicate_terms_merged', `${this.mergedTerms} repeated terms within an entry were merged`);
    if (this.renamedIds) this.warn('ids_changed', `${this.renamedIds} concept ids had characters Shuyu does not allow and were changed`);
    const id = header.id ?? glossaryIdFromName(this.file);
    const glossary: Glossary = { id, name: header.name?.trim() || id, languages: languagesOf(concepts), concepts };
    if (header.description) glossary.description = header.description;
    return { glossary, warnings: this.warnings };
  }

  /** Same language + same text twice in one entry: keep the first, filling its gaps from the second. */
  private mergeDuplicateTerms(terms: Partial<Term>[], where: Where): Partial<Term>[] {
    const out: Partial<Term>[] = [];
    const seen = new Map<string, Partial<Term>>();
    for (const t of terms) {
      if (t.text === undefined || t.text.trim() === '') {
        if (t.text !== undefined || t.status || t.note) out.push(t); // let validation name the empty term
        continue;
      }
      const key = `${(t.lang ?? '').toLowerCase()}\u0000${t.text.trim()}`;
      const prev = seen.get(key);
      if (!prev) {
        seen.set(key, t);
        out.push(t);
        continue;
      }
      this.mergedTerms++;
      for (const [k, v] of Object.entries(t) as [keyof Term, unknown][]) {
        if (prev[k] === undefined && v !== undefined) (prev as Record<string, unknown>)[k] = v;
      }
      void where;
    }
    return out;
  }
}
