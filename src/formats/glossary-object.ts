/**
 * Shared by our two own glossary formats (glossary YAML and Shuyu JSON): turning a parsed document into a
 * validated Glossary, collecting every problem with file, line and concept id, and the stable key order
 * used when writing.
 */
import type { Document, LineCounter } from 'yaml';
import { isNode } from 'yaml';
import type { ErrorDetail } from '../core/errors.js';
import { ShuyuError, formatDetail } from '../core/errors.js';
import type { Concept, Glossary, Term } from '../core/model.js';
import { checkConcept } from '../core/model.js';
import { glossaryIdFromName, glossaryIdProblem, normalizeLanguages } from '../core/glossary-info.js';
import type { FormatWarning } from './types.js';

export type PathPart = string | number;
/** Finds the 1-based line and column of the value at a path in the source document, when known. */
export type Locator = (path: PathPart[]) => { line: number; column: number } | undefined;

export interface ObjectReadOptions {
  file: string;
  /** Top-level keys the format allows (others are reported as errors, to catch typos). */
  topKeys: readonly string[];
  locate?: Locator;
  /** Problems listed in full before the rest are only counted. */
  maxErrors: number;
}

/** A Locator over a parsed yaml Document (JSON files are parsed the same way when lines are needed). */
export function yamlLocator(doc: Document, lineCounter: LineCounter): Locator {
  return (path) => {
    for (let n = path.length; n >= 0; n--) {
      const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) {
        const { line, col } = lineCounter.linePos(node.range[0]);
        return { line, column: col };
      }
    }
    return undefined;
  };
}

/** `terms[0].status` → ['terms', 0, 'status']. */
export function parsePath(path: string | undefined): PathPart[] {
  if (!path) return [];
  const out: PathPart[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(m[2] !== undefined ? Number(m[2]) : m[1]!);
  return out;
}

/**
 * Validates a parsed glossary document: top-level fields, then every concept with checkConcept, plus
 * duplicate concept ids. Throws one ShuyuError('invalid_input') listing all problems.
 */
export function glossaryFromObject(data: unknown, options: ObjectReadOptions): { glossary: Glossary; warnings: FormatWarning[] } {
  const { file } = options;
  const problems: ErrorDetail[] = [];
  const at = (path: PathPart[], message: string, conceptId?: string) => {
    const pos = options.locate?.(path);
    problems.push({
      message,
      file,
      ...(pos ? { line: pos.line, column: pos.column } : {}),
      path: path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('').replace(/^\./, ''),
      ...(conceptId ? { conceptId } : {}),
    });
  };
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    at([], 'the file must hold a mapping with id, name, languages and concepts');
    throw invalidGlossary(file, problems, options.maxErrors);
  }
  const doc = data as Record<string, unknown>;
  for (const key of Object.keys(doc)) if (!options.topKeys.includes(key)) at([key], `unknown key "${key}" (allowed: ${options.topKeys.join(', ')})`);

  let id = doc.id;
  if (id === undefined) id = glossaryIdFromName(file);
  else if (glossaryIdProblem(id)) at(['id'], glossaryIdProblem(id)!);
  const name = doc.name ?? id;
  if (typeof name !== 'string' || name.trim() === '') at(['name'], 'name must be text');
  if (doc.description !== undefined && typeof doc.description !== 'string') at(['description'], 'description must be text');
  const listed = doc.languages ?? [];
  if (!Array.isArray(listed) || listed.some((l) => typeof l !== 'string' || l.trim().length < 2)) at(['languages'], 'languages must be a list of language tags such as zh-Hans, en');

  const concepts: Concept[] = [];
  const firstSeen = new Map<string, number>();
  if (!Array.isArray(doc.concepts)) at(['concepts'], 'concepts must be a list');
  else {
    doc.concepts.forEach((raw, i) => {
      const { concept, problems: found } = checkConcept(raw);
      for (const p of found) at(['concepts', i, ...parsePath(p.path)], p.message, p.conceptId);
      if (!concept) return;
      const first = firstSeen.get(concept.id);
      if (first !== undefined) {
        const firstLine = options.locate?.(['concepts', first])?.line;
        at(['concepts', i, 'id'], `duplicate concept id "${concept.id}" (first used ${firstLine ? `at line ${firstLine}` : `by concepts[${first}]`})`, concept.id);
      } else firstSeen.set(concept.id, i);
      concepts.push(concept);
    });
  }
  if (problems.length) throw invalidGlossary(file, problems, options.maxErrors);

  const warnings: FormatWarning[] = [];
  const languages = normalizeLanguages(listed as string[]);
  const used = normalizeLanguages(concepts.flatMap((c) => c.terms.map((t: Term) => t.lang)));
  for (const lang of used) {
    if (languages.includes(lang)) continue;
    if ((listed as string[]).length > 0) warnings.push({ code: 'language_not_listed', message: `terms use ${lang}, which "languages" does not list; added`, file });
    languages.push(lang);
  }
  const glossary: Glossary = { id: id as string, name: (name as string).trim(), languages, concepts };
  if (typeof doc.description === 'string') glossary.description = doc.description;
  return { glossary, warnings };
}

/** One error for all problems of a file: the message names the first one and how many there are. */
export function invalidGlossary(file: string, problems: ErrorDetail[], maxErrors: number): ShuyuError {
  const first = problems[0]!;
  const count = problems.length;
  const more = count > 1 ? ` (${count} problems; the first is shown)` : '';
  return new ShuyuError('invalid_input', `${formatDetail(first)}${more}`, {
    params: { file, line: first.line, column: first.column, conceptId: first.conceptId, count },
    details: problems.slice(0, Math.max(1, maxErrors)),
  });
}

/** The parse error of a syntactically broken file, naming file, line and column. */
export function parseError(file: string, message: string, pos: { line?: number; column?: number }, details: ErrorDetail[] = []): ShuyuError {
  const where = [file, pos.line, pos.column].filter((x) => x !== undefined).join(':');
  return new ShuyuError('parse_error', `${where}: ${message}`, {
    params: { file, line: pos.line, column: pos.column },
    details: details.length ? details : [{ message, file, ...(pos.line ? { line: pos.line } : {}), ...(pos.column ? { column: pos.column } : {}) }],
  });
}

const TERM_KEYS: (keyof Term)[] = ['text', 'lang', 'status', 'partOfSpeech', 'termType', 'caseSensitive', 'context', 'note', 'source'];

/** A concept as a plain object with stable key order, leaving out empty optional parts. */
export function orderedConcept(c: Concept): Record<string, unknown> {
  const out: Record<string, unknown> = { id: c.id };
  if (c.subjectField !== undefined) out.subjectField = c.subjectField;
  if (Object.keys(c.definitions).length) out.definitions = { ...c.definitions };
  if (c.notes.length) out.notes = [...c.notes];
  if (c.source !== undefined) out.source = c.source;
  out.terms = c.terms.map((t) => {
    const term: Record<string, unknown> = {};
    for (const k of TERM_KEYS) if (t[k] !== undefined) term[k] = t[k];
    return term;
  });
  if (c.related?.length) out.related = [...c.related];
  if (c.specs && (c.specs.match?.length || c.specs.noMatch?.length)) {
    const specs: Record<string, unknown> = {};
    if (c.specs.match?.length) specs.match = [...c.specs.match];
    if (c.specs.noMatch?.length) specs.noMatch = [...c.specs.noMatch];
    out.specs = specs;
  }
  if (c.extra && Object.keys(c.extra).length) out.extra = { ...c.extra };
  return out;
}

/** Glossary header fields in stable order. */
export function orderedHeader(g: Glossary): Record<string, unknown> {
  const out: Record<string, unknown> = { id: g.id, name: g.name };
  if (g.description !== undefined && g.description !== '') out.description = g.description;
  out.languages = [...g.languages];
  return out;
}
