/**
 * The concept-oriented data model, compatible with TBX (ISO 30042): a concept holds terms in several
 * languages; each term has a status and optional grammatical and usage data. Nothing here touches
 * fs, db or http. Pinyin is derived (src/core/pinyin.ts), never stored.
 */
import { z } from 'zod';
import type { ErrorDetail } from './errors.js';
import { ShuyuError } from './errors.js';
import { normalizeLang } from './lang.js';
import { quickCheckConcept } from './quick-check.js';

export const TERM_STATUSES = ['preferred', 'admitted', 'deprecated', 'forbidden'] as const;
export type TermStatus = (typeof TERM_STATUSES)[number];

/** TBX-Basic part-of-speech picklist. */
export const PARTS_OF_SPEECH = ['noun', 'verb', 'adjective', 'adverb', 'other'] as const;
export type PartOfSpeech = (typeof PARTS_OF_SPEECH)[number];

/** TBX-Basic termType picklist. */
export const TERM_TYPES = ['fullForm', 'acronym', 'abbreviation', 'shortForm', 'variant', 'phrase'] as const;
export type TermType = (typeof TERM_TYPES)[number];

/** Statuses a translator may use in a target text. */
export const ALLOWED_STATUSES: readonly TermStatus[] = ['preferred', 'admitted'];

export interface Term {
  text: string;
  /** BCP 47, normalised with normalizeLang: `zh-Hans`, `zh-Hant`, `en`, `en-GB` … */
  lang: string;
  status: TermStatus;
  partOfSpeech?: PartOfSpeech;
  termType?: TermType;
  /** Match only with the same letter case (acronyms such as `AI`, `CHIPS`). @default false */
  caseSensitive?: boolean;
  /** A sentence that shows the term in use. */
  context?: string;
  note?: string;
  /** Where the term comes from (document, standard, person). */
  source?: string;
}

/** Test sentences carried by a glossary entry: the entry must match in each `match` and in no `noMatch`. */
export interface ConceptSpecs {
  match?: string[];
  noMatch?: string[];
}

export interface Concept {
  /** Stable id, unique within its glossary: `[A-Za-z0-9][A-Za-z0-9._:-]*`. */
  id: string;
  subjectField?: string;
  /** Definition per language tag. */
  definitions: Record<string, string>;
  notes: string[];
  source?: string;
  terms: Term[];
  /** Ids of related concepts (see also). */
  related?: string[];
  specs?: ConceptSpecs;
  /** Data categories we do not model (kept from imports so that nothing is lost): name → value. */
  extra?: Record<string, string>;
}

/** A concept as stored: with the revision used for optimistic concurrency and timestamps. */
export interface StoredConcept extends Concept {
  glossaryId: string;
  /** Incremented on every write; an update must name the revision it was based on. */
  revision: number;
  createdAt: string;
  updatedAt: string;
}

export interface GlossaryInfo {
  /** Stable id (slug): `ai-policy`. */
  id: string;
  name: string;
  description?: string;
  /** Languages the glossary holds, normalised tags. */
  languages: string[];
  /** Seeded from a file under glossary/ (re-synced when the file changes; not editable in place). */
  builtIn?: boolean;
  /** Content hash of the source file a built-in glossary was seeded from. */
  sourceHash?: string;
}

export interface Glossary extends GlossaryInfo {
  concepts: Concept[];
}

const idPattern = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;

const termSchema = z
  .object({
    text: z.string().trim().min(1, 'term text is empty').max(500, 'term text is longer than 500 characters'),
    lang: z.string().min(2, 'language tag is missing').max(35),
    status: z.enum(TERM_STATUSES, { error: `status must be one of ${TERM_STATUSES.join(', ')}` }),
    partOfSpeech: z.enum(PARTS_OF_SPEECH, { error: `partOfSpeech must be one of ${PARTS_OF_SPEECH.join(', ')}` }).optional(),
    termType: z.enum(TERM_TYPES, { error: `termType must be one of ${TERM_TYPES.join(', ')}` }).optional(),
    caseSensitive: z.boolean().optional(),
    context: z.string().max(5000).optional(),
    note: z.string().max(5000).optional(),
    source: z.string().max(1000).optional(),
  })
  .strict();

export const conceptSchema = z
  .object({
    id: z.string().regex(idPattern, 'id must be letters, digits and . _ : - (not starting with punctuation)').max(200),
    subjectField: z.string().max(200).optional(),
    definitions: z.record(z.string(), z.string().max(10000)).default({}),
    notes: z.array(z.string().max(10000)).default([]),
    source: z.string().max(1000).optional(),
    terms: z.array(termSchema).min(1, 'a concept needs at least one term'),
    related: z.array(z.string()).optional(),
    specs: z
      .object({ match: z.array(z.string()).optional(), noMatch: z.array(z.string()).optional() })
      .strict()
      .optional(),
    extra: z.record(z.string(), z.string()).optional(),
  })
  .strict();

/** Input shape accepted by validateConcept (before defaults are applied). */
export type ConceptInput = z.input<typeof conceptSchema>;

function issuePath(path: ReadonlyArray<PropertyKey>): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
}

/**
 * Validates and normalises one concept (language tags normalised, definitions keyed by normalised tag,
 * duplicate terms rejected). Returns the concept or the list of problems, each naming the field.
 */
export function checkConcept(input: unknown): { concept?: Concept; problems: ErrorDetail[] } {
  const quick = quickCheckConcept(input); // hand-checked fast path for valid input (quick-check.ts)
  if (quick) return { concept: quick, problems: [] };
  return checkConceptSchema(input);
}

/** checkConcept through the zod schema alone (the reference the fast path is tested against). */
export function checkConceptSchema(input: unknown): { concept?: Concept; problems: ErrorDetail[] } {
  const parsed = conceptSchema.safeParse(input);
  const rawId = typeof input === 'object' && input !== null ? (input as { id?: unknown }).id : undefined;
  const conceptId = typeof rawId === 'string' ? rawId : undefined;
  if (!parsed.success) {
    return {
      problems: parsed.error.issues.map((i) => ({
        message: `${issuePath(i.path) || 'concept'}: ${i.message}`,
        path: issuePath(i.path),
        ...(conceptId ? { conceptId } : {}),
      })),
    };
  }
  const c = parsed.data;
  const problems: ErrorDetail[] = [];
  const terms: Term[] = c.terms.map((t) => dropUndefined({ ...t, text: t.text.trim(), lang: normalizeLang(t.lang) }));
  const seen = new Set<string>();
  terms.forEach((t, i) => {
    const key = `${t.lang}\u0000${t.text}`;
    if (seen.has(key)) problems.push({ message: `terms[${i}]: duplicate term "${t.text}" (${t.lang})`, path: `terms[${i}]`, conceptId: c.id });
    seen.add(key);
  });
  const definitions: Record<string, string> = {};
  for (const [lang, text] of Object.entries(c.definitions)) definitions[normalizeLang(lang)] = text;
  const concept: Concept = dropUndefined({
    id: c.id,
    subjectField: c.subjectField,
    definitions,
    notes: c.notes,
    source: c.source,
    terms,
    related: c.related,
    specs: c.specs,
    extra: c.extra,
  });
  return problems.length ? { problems } : { concept, problems };
}

/** Validates one concept or throws ShuyuError('invalid_input') listing every problem. */
export function validateConcept(input: unknown): Concept {
  const { concept, problems } = checkConcept(input);
  if (!concept) {
    const first = problems[0]?.message ?? 'invalid concept';
    throw new ShuyuError('invalid_input', `Invalid concept: ${first}`, { details: problems, params: { conceptId: problems[0]?.conceptId } });
  }
  return concept;
}

/** Removes keys whose value is undefined (keeps stored and exported objects tidy and comparable). */
export function dropUndefined<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}

/** The preferred term of a concept in a language (falling back to admitted, then any). */
export function preferredTerm(concept: Concept, lang: string): Term | undefined {
  const norm = normalizeLang(lang);
  const inLang = concept.terms.filter((t) => t.lang === norm || (norm.startsWith('zh') && t.lang.startsWith('zh') && t.lang === norm));
  const fallback = concept.terms.filter((t) => t.lang.split('-')[0] === norm.split('-')[0]);
  const pool = inLang.length ? inLang : fallback;
  return pool.find((t) => t.status === 'preferred') ?? pool.find((t) => t.status === 'admitted') ?? pool[0];
}

export function isAllowed(status: TermStatus, allowed: readonly TermStatus[] = ALLOWED_STATUSES): boolean {
  return allowed.includes(status);
}
