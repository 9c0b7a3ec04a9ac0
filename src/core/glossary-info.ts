/**
 * Validation of glossary metadata (id, name, languages), shared by the stores and the glossary file
 * formats. Pure: no fs, no db.
 */
import type { ErrorDetail } from './errors.js';
import { ShuyuError } from './errors.js';
import type { GlossaryInfo } from './model.js';
import { dropUndefined } from './model.js';
import { normalizeLang } from './lang.js';

/** Glossary ids: letters (any script, so `术语` works), digits and `. _ : -`, not starting with punctuation. */
export const GLOSSARY_ID_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N}\p{M}._:-]*$/u;
export const GLOSSARY_ID_MAX = 100;

/** Why `id` is not a valid glossary id, or undefined when it is. */
export function glossaryIdProblem(id: unknown): string | undefined {
  if (typeof id !== 'string' || id === '') return 'id is missing';
  if (id.length > GLOSSARY_ID_MAX) return `id is longer than ${GLOSSARY_ID_MAX} characters`;
  if (!GLOSSARY_ID_PATTERN.test(id)) return 'id must be letters, digits and . _ : - (not starting with punctuation)';
  return undefined;
}

/**
 * Turns a file name into a glossary id: `My Terms (v2).csv` → `My-Terms-v2`, `术语表.xlsx` → `术语表`.
 * Falls back to `glossary` when nothing usable is left.
 */
export function glossaryIdFromName(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  const slug = base
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}\p{M}._:-]+/gu, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[^\p{L}\p{N}]+/u, '')
    .replace(/-+$/, '')
    .slice(0, GLOSSARY_ID_MAX);
  return slug === '' ? 'glossary' : slug;
}

/** Normalises language tags and drops duplicates, keeping first-seen order. */
export function normalizeLanguages(langs: readonly string[]): string[] {
  return [...new Set(langs.map(normalizeLang))];
}

/** Checks glossary metadata and returns it normalised (trimmed name, normalised languages), or the problems. */
export function checkGlossaryInfo(input: GlossaryInfo): { info?: GlossaryInfo; problems: ErrorDetail[] } {
  const problems: ErrorDetail[] = [];
  const idProblem = glossaryIdProblem(input.id);
  if (idProblem) problems.push({ message: idProblem, path: 'id' });
  if (typeof input.name !== 'string' || input.name.trim() === '') problems.push({ message: 'name is missing', path: 'name' });
  else if (input.name.length > 500) problems.push({ message: 'name is longer than 500 characters', path: 'name' });
  if (input.description !== undefined && typeof input.description !== 'string') problems.push({ message: 'description must be text', path: 'description' });
  if (!Array.isArray(input.languages) || input.languages.some((l) => typeof l !== 'string' || l.trim().length < 2)) {
    problems.push({ message: 'languages must be a list of language tags', path: 'languages' });
  }
  if (input.builtIn !== undefined && typeof input.builtIn !== 'boolean') problems.push({ message: 'builtIn must be true or false', path: 'builtIn' });
  if (input.sourceHash !== undefined && typeof input.sourceHash !== 'string') problems.push({ message: 'sourceHash must be text', path: 'sourceHash' });
  if (problems.length) return { problems };
  const info: GlossaryInfo = dropUndefined({
    id: input.id,
    name: input.name.trim(),
    description: input.description,
    languages: normalizeLanguages(input.languages),
    builtIn: input.builtIn === true ? true : undefined,
    sourceHash: input.sourceHash,
  });
  return { info, problems };
}

/** Validates glossary metadata or throws ShuyuError('invalid_input') listing every problem. */
export function validateGlossaryInfo(input: GlossaryInfo): GlossaryInfo {
  const { info, problems } = checkGlossaryInfo(input);
  if (!info) {
    throw new ShuyuError('invalid_input', `Invalid glossary: ${problems[0]?.message ?? 'invalid'}`, {
      params: { glossary: typeof input.id === 'string' ? input.id : undefined },
      details: problems,
    });
  }
  return info;
}
