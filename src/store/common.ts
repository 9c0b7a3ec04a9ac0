/**
 * Rules every GlossaryStore implementation shares: input validation, optimistic-concurrency checks,
 * id ordering and the errors they throw. Keeping them here makes memory, SQLite (and a future PostgreSQL
 * store) behave the same, which tests/store/contract.ts checks.
 */
import type { ErrorDetail } from '../core/errors.js';
import { ShuyuError } from '../core/errors.js';
import type { Concept, GlossaryInfo } from '../core/model.js';
import { checkConcept } from '../core/model.js';
import { validateGlossaryInfo } from '../core/glossary-info.js';
import type { BatchOp, ListOptions } from './types.js';

/** A batch op after validation: puts carry the normalised concept. */
export type CheckedOp =
  | { op: 'put'; concept: Concept; expectedRevision?: number }
  | { op: 'delete'; conceptId: string; expectedRevision?: number };

/** Id order used by every store: UTF-16 code units, which equals SQLite's BINARY order for concept ids (ASCII). */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function nowIso(): string {
  return new Date().toISOString();
}

export function glossaryNotFound(glossaryId: string): ShuyuError {
  return new ShuyuError('not_found', `No glossary "${glossaryId}"`, { params: { glossary: glossaryId } });
}

export function conceptNotFound(glossaryId: string, conceptId: string): ShuyuError {
  return new ShuyuError('not_found', `No concept "${conceptId}" in glossary "${glossaryId}"`, {
    params: { glossary: glossaryId, conceptId },
  });
}

export function glossaryExists(glossaryId: string): ShuyuError {
  return new ShuyuError('conflict', `A glossary "${glossaryId}" already exists`, { params: { glossary: glossaryId } });
}

/**
 * Throws ShuyuError('conflict') unless `expected` (when given) matches the stored revision
 * (`current` undefined = the concept does not exist; `expected` 0 = it must not exist).
 */
export function checkRevision(glossaryId: string, conceptId: string, current: number | undefined, expected: number | undefined): void {
  if (expected === undefined) return;
  const actual = current ?? 0;
  if (actual === expected) return;
  const params = { glossary: glossaryId, conceptId, expectedRevision: expected, actualRevision: actual };
  if (expected === 0) throw new ShuyuError('conflict', `Concept "${conceptId}" already exists (revision ${actual})`, { params });
  if (actual === 0) throw new ShuyuError('conflict', `Concept "${conceptId}" was deleted by someone else`, { params });
  throw new ShuyuError('conflict', `Concept "${conceptId}" was changed by someone else (revision ${actual}, expected ${expected})`, { params });
}

function checkExpected(value: unknown, path: string, problems: ErrorDetail[]): void {
  if (value !== undefined && !(Number.isInteger(value) && (value as number) >= 0)) {
    problems.push({ message: `${path}: expectedRevision must be a whole number ≥ 0`, path });
  }
}

/** Validates one concept for a single put; throws ShuyuError('invalid_input') with every problem. */
export function checkOneConcept(input: Concept, expectedRevision?: number): Concept {
  const problems: ErrorDetail[] = [];
  checkExpected(expectedRevision, 'expectedRevision', problems);
  const { concept, problems: conceptProblems } = checkConcept(input);
  problems.push(...conceptProblems);
  if (!concept || problems.length) throw invalid('Invalid concept', problems);
  return concept;
}

/** Validates every op of a batch before anything is written; throws ShuyuError('invalid_input') listing all problems. */
export function checkBatch(ops: BatchOp[]): CheckedOp[] {
  if (!Array.isArray(ops)) throw new ShuyuError('invalid_input', 'A batch must be a list of operations');
  const problems: ErrorDetail[] = [];
  const out: CheckedOp[] = [];
  ops.forEach((op, i) => {
    checkExpected(op?.expectedRevision, `ops[${i}].expectedRevision`, problems);
    if (op?.op === 'put') {
      const { concept, problems: p } = checkConcept(op.concept);
      problems.push(...p.map((d) => ({ ...d, path: `ops[${i}].concept${d.path ? `.${d.path}` : ''}` })));
      if (concept) out.push(withExpected({ op: 'put', concept }, op.expectedRevision));
    } else if (op?.op === 'delete') {
      if (typeof op.conceptId !== 'string' || op.conceptId === '') problems.push({ message: `ops[${i}]: conceptId is missing`, path: `ops[${i}].conceptId` });
      else out.push(withExpected({ op: 'delete', conceptId: op.conceptId }, op.expectedRevision));
    } else {
      problems.push({ message: `ops[${i}]: op must be "put" or "delete"`, path: `ops[${i}].op` });
    }
  });
  if (problems.length) throw invalid('Invalid batch', problems);
  return out;
}

/** Validates the info and concepts of a whole-glossary replacement (ids must be unique). */
export function checkReplacement(info: GlossaryInfo, concepts: Concept[]): { info: GlossaryInfo; concepts: Concept[] } {
  const checkedInfo = validateGlossaryInfo(info);
  const problems: ErrorDetail[] = [];
  const out: Concept[] = [];
  const seen = new Set<string>();
  concepts.forEach((c, i) => {
    const { concept, problems: p } = checkConcept(c);
    problems.push(...p.map((d) => ({ ...d, path: `concepts[${i}]${d.path ? `.${d.path}` : ''}` })));
    if (!concept) return;
    if (seen.has(concept.id)) problems.push({ message: `concepts[${i}]: duplicate concept id "${concept.id}"`, path: `concepts[${i}].id`, conceptId: concept.id });
    seen.add(concept.id);
    out.push(concept);
  });
  if (problems.length) throw invalid('Invalid glossary', problems, checkedInfo.id);
  return { info: checkedInfo, concepts: out };
}

/** Merges a patch into glossary info and validates the result (the id never changes). */
export function patchInfo(current: GlossaryInfo, patch: Partial<Omit<GlossaryInfo, 'id'>>): GlossaryInfo {
  const merged: GlossaryInfo = { ...current };
  for (const [k, v] of Object.entries(patch ?? {})) {
    if (k === 'id') continue;
    if (v === undefined) delete (merged as unknown as Record<string, unknown>)[k];
    else (merged as unknown as Record<string, unknown>)[k] = v;
  }
  return validateGlossaryInfo(merged);
}

function withExpected<T extends CheckedOp>(op: T, expectedRevision: number | undefined): T {
  return expectedRevision === undefined ? op : { ...op, expectedRevision };
}

function invalid(what: string, problems: ErrorDetail[], glossaryId?: string): ShuyuError {
  const first = problems[0];
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
  return new ShuyuError('invalid_input', `${what}: ${first?.message ?? 'invalid'}${more}`, {
    params: { conceptId: first?.conceptId, glossary: glossaryId, count: problems.length },
    details: problems,
  });
}

/** Start and end (exclusive) indexes for ListOptions; throws ShuyuError('invalid_input') on bad values. */
export function pageBounds(options?: ListOptions): { start: number; end: number } {
  const offset = options?.offset ?? 0;
  const limit = options?.limit;
  if (!Number.isInteger(offset) || offset < 0) throw new ShuyuError('invalid_input', 'offset must be a whole number ≥ 0', { params: { offset: String(offset) } });
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 0)) throw new ShuyuError('invalid_input', 'limit must be a whole number ≥ 0', { params: { limit: String(limit) } });
  return { start: offset, end: limit === undefined ? Number.POSITIVE_INFINITY : offset + limit };
}
