/**
 * The fast path of checkConcept (model.ts) for the 100k+ concepts of an import or a store batch: the same
 * rules as conceptSchema, checked by hand, with language tags normalised through a small cache. It only
 * ever ACCEPTS: anything unusual (an unknown key, a bad value, a duplicate term) returns undefined, and
 * checkConcept runs the schema, whose messages name the field. For accepted input the result equals the
 * schema path's concept (same keys, same order, fresh objects); tests/core/quick-check.test.ts compares
 * the two on random input.
 */
import { normalizeLang } from './lang.js';
import type { Concept, ConceptSpecs, Term } from './model.js';
import { PARTS_OF_SPEECH, TERM_STATUSES, TERM_TYPES } from './model.js';

const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;
const CONCEPT_KEYS = new Set(['id', 'subjectField', 'definitions', 'notes', 'source', 'terms', 'related', 'specs', 'extra']);
const TERM_KEYS = new Set(['text', 'lang', 'status', 'partOfSpeech', 'termType', 'caseSensitive', 'context', 'note', 'source']);
/** The picklists as sets, made on first use (model.ts imports this module, so its constants are not ready at load). */
let picklists: { statuses: Set<string>; pos: Set<string>; types: Set<string> } | undefined;
function lists(): { statuses: Set<string>; pos: Set<string>; types: Set<string> } {
  return (picklists ??= { statuses: new Set(TERM_STATUSES), pos: new Set(PARTS_OF_SPEECH), types: new Set(TERM_TYPES) });
}

const langs = new Map<string, string>();
/** normalizeLang, cached (a glossary has a handful of distinct tags; canonicalising one is not free). */
function normLang(tag: string): string {
  let v = langs.get(tag);
  if (v === undefined) {
    v = normalizeLang(tag);
    if (langs.size < 1000) langs.set(tag, v);
  }
  return v;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

function optString(v: unknown, max: number): boolean {
  return v === undefined || (typeof v === 'string' && v.length <= max);
}

function stringArray(v: unknown, max = Infinity): v is string[] {
  if (!Array.isArray(v)) return false;
  for (const s of v) if (typeof s !== 'string' || s.length > max) return false;
  return true;
}

function stringRecord(v: unknown, max = Infinity): v is Record<string, string> {
  if (!isRecord(v)) return false;
  for (const k in v) {
    const s = v[k];
    if (typeof s !== 'string' || s.length > max) return false;
  }
  return true;
}

function quickTerm(t: unknown): Term | undefined {
  if (!isRecord(t)) return undefined;
  for (const k in t) if (!TERM_KEYS.has(k)) return undefined;
  const { text, lang, status, partOfSpeech, termType, caseSensitive, context, note, source } = t;
  if (typeof text !== 'string') return undefined;
  const trimmed = text.trim();
  if (trimmed.length < 1 || trimmed.length > 500) return undefined;
  if (typeof lang !== 'string' || lang.length < 2 || lang.length > 35) return undefined;
  const { statuses, pos, types } = lists();
  if (typeof status !== 'string' || !statuses.has(status)) return undefined;
  if (partOfSpeech !== undefined && (typeof partOfSpeech !== 'string' || !pos.has(partOfSpeech))) return undefined;
  if (termType !== undefined && (typeof termType !== 'string' || !types.has(termType))) return undefined;
  if (caseSensitive !== undefined && typeof caseSensitive !== 'boolean') return undefined;
  if (!optString(context, 5000) || !optString(note, 5000) || !optString(source, 1000)) return undefined;
  // the key order of checkConcept's terms (the schema's)
  const out = { text: trimmed, lang: normLang(lang), status } as Term;
  if (partOfSpeech !== undefined) out.partOfSpeech = partOfSpeech as Term['partOfSpeech'];
  if (termType !== undefined) out.termType = termType as Term['termType'];
  if (caseSensitive !== undefined) out.caseSensitive = caseSensitive;
  if (context !== undefined) out.context = context as string;
  if (note !== undefined) out.note = note as string;
  if (source !== undefined) out.source = source as string;
  return out;
}

/**
 * The concept checkConcept would return for `input`, or undefined when the input needs checkConcept
 * (invalid, or anything this fast path does not vouch for).
 */
export function quickCheckConcept(input: unknown): Concept | undefined {
  if (!isRecord(input)) return undefined;
  for (const k in input) if (!CONCEPT_KEYS.has(k)) return undefined;
  const { id, subjectField, definitions, notes, source, terms, related, specs, extra } = input;
  if (typeof id !== 'string' || id.length > 200 || !ID.test(id)) return undefined;
  if (!optString(subjectField, 200) || !optString(source, 1000)) return undefined;
  if (definitions !== undefined && !stringRecord(definitions, 10000)) return undefined;
  if (notes !== undefined && !stringArray(notes, 10000)) return undefined;
  if (related !== undefined && !stringArray(related)) return undefined;
  if (extra !== undefined && !stringRecord(extra)) return undefined;
  let specsOut: ConceptSpecs | undefined;
  if (specs !== undefined) {
    if (!isRecord(specs)) return undefined;
    for (const k in specs) if (k !== 'match' && k !== 'noMatch') return undefined;
    if ((specs.match !== undefined && !stringArray(specs.match)) || (specs.noMatch !== undefined && !stringArray(specs.noMatch))) return undefined;
    specsOut = {};
    if (specs.match !== undefined) specsOut.match = [...(specs.match as string[])];
    if (specs.noMatch !== undefined) specsOut.noMatch = [...(specs.noMatch as string[])];
  }
  if (!Array.isArray(terms) || terms.length === 0) return undefined;
  const outTerms: Term[] = [];
  const seen = new Set<string>();
  for (const t of terms) {
    const term = quickTerm(t);
    if (!term) return undefined;
    const key = `${term.lang}\u0000${term.text}`;
    if (seen.has(key)) return undefined; // a duplicate: checkConcept names it
    seen.add(key);
    outTerms.push(term);
  }
  const defs: Record<string, string> = {};
  if (definitions) for (const l in definitions) defs[normLang(l)] = definitions[l] as string;
  // the key order of checkConcept's concepts
  return {
    id,
    ...(subjectField !== undefined ? { subjectField: subjectField as string } : {}),
    definitions: defs,
    notes: notes ? [...notes] : [],
    ...(source !== undefined ? { source: source as string } : {}),
    terms: outTerms,
    ...(related !== undefined ? { related: [...related] } : {}),
    ...(specsOut !== undefined ? { specs: specsOut } : {}),
    ...(extra !== undefined ? { extra: { ...extra } } : {}),
  };
}
