/**
 * Validates a glossary source file (glossary/<domain>.yaml): every concept through validateConcept, unique ids,
 * known `related` ids, the editorial rules of the built-in glossary (preferred zh-Hans and en terms, part of speech,
 * subject field, English definition, context on the preferred English term, at least one spec) and the concept's
 * own `specs`, run through an approximate leftmost-longest matcher (and through the real matcher from
 * src/core/match/index.ts when it exists).
 *
 * It also validates the file against glossary/schema.json (beside the file) when zod can read JSON Schema, checks
 * that contexts marked `source: plan` are verbatim quotes of the Action Plan (when ../shared is present) and warns
 * about zh-Hant terms that differ from zh-Hans ones only in script.
 *
 * Usage: `npx tsx tests/support/validate-glossary.ts [--quiet] [glossary/ai-policy.yaml ...]` — exits 1 on any
 * error or real-matcher failure.
 * The exported functions are reusable from tests.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseDocument } from 'yaml';
import { z } from 'zod';
import type { Concept } from '../../src/core/model.js';
import { checkConcept } from '../../src/core/model.js';
import { termKey } from '../../src/core/normalize/index.js';
import { toSimplifiedChars } from '../../src/core/normalize/script.js';

/** A parsed glossary file: header fields and raw concept objects. */
export interface GlossaryFile {
  id: string;
  name: string;
  description?: string;
  languages: string[];
  concepts: unknown[];
}

export interface GlossaryReport {
  errors: string[];
  warnings: string[];
  concepts: Concept[];
  stats: { concepts: number; terms: number; zhDefinitions: number; specsMatch: number; specsNoMatch: number };
}

/** Reads and parses a glossary YAML file; throws with the YAML error message on syntax errors. */
export function loadGlossaryFile(file: string): GlossaryFile {
  const doc = parseDocument(readFileSync(file, 'utf8'), { prettyErrors: true });
  if (doc.errors.length) throw new Error(`${file}: ${doc.errors.map((e) => e.message).join('\n')}`);
  return doc.toJS() as GlossaryFile;
}

const LATIN = /[A-Za-z0-9]/;

interface Pattern {
  conceptId: string;
  re: RegExp;
  caseSensitive: boolean;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Regex source for the last English word allowing plural/possessive folding. */
function inflected(word: string): string {
  const w = word;
  if (!/[A-Za-z]$/.test(w)) return escape(w);
  if (/^[A-Z0-9&]+$/.test(w)) return `${escape(w)}(?:s|['’]s)?`; // acronyms: GPUs, NIST's
  let stem: string;
  let tail: string;
  if (/[^aeiou]ies$/i.test(w)) {
    stem = w.slice(0, -3);
    tail = '(?:y|ies)';
  } else if (/[^aeiou]y$/i.test(w)) {
    stem = w.slice(0, -1);
    tail = '(?:y|ies)';
  } else if (/[^su]s$/i.test(w) && w.length > 3) {
    stem = w.slice(0, -1);
    tail = '(?:s|es)?';
  } else {
    stem = w;
    tail = '(?:s|es)?';
  }
  return `${escape(stem)}${tail}(?:['’]s?)?`;
}

function norm(text: string): string {
  return toSimplifiedChars(text.normalize('NFKC'));
}

/** Builds the approximate pattern for one term (see the module comment). */
function buildPattern(conceptId: string, text: string, caseSensitive: boolean): Pattern {
  const t = norm(text.trim());
  const words = t.split(/[\s\-‐‑]+/).filter(Boolean);
  // Like termKey, every English word is folded for number and possessive (Centers of Excellence = Center of Excellence).
  const parts = words.map((w) => (/[A-Za-z]{2,}$/.test(w) && !/\p{Script=Han}/u.test(w) ? inflected(w) : escape(w)));
  let src = parts.join('[\\s\\-‐‑]?');
  if (LATIN.test(t[0] ?? '')) src = `(?<![A-Za-z0-9])${src}`;
  if (LATIN.test(t[t.length - 1] ?? '')) src = `${src}(?![A-Za-z0-9])`;
  return { conceptId, re: new RegExp(src, caseSensitive ? 'gu' : 'giu'), caseSensitive };
}

interface Hit {
  start: number;
  end: number;
  conceptId: string;
}

/** Approximate matcher: all candidate hits, and the leftmost-longest non-overlapping selection. */
export function approximateMatcher(concepts: Concept[]) {
  const patterns: Pattern[] = [];
  for (const c of concepts) for (const t of c.terms) patterns.push(buildPattern(c.id, t.text, t.caseSensitive === true));
  return {
    all(text: string): Hit[] {
      const s = norm(text);
      const hits: Hit[] = [];
      for (const p of patterns) {
        p.re.lastIndex = 0;
        for (const m of s.matchAll(p.re)) hits.push({ start: m.index, end: m.index + m[0].length, conceptId: p.conceptId });
      }
      return hits;
    },
    find(text: string): Hit[] {
      const hits = this.all(text).sort((a, b) => a.start - b.start || b.end - a.end);
      const out: Hit[] = [];
      let pos = 0;
      let last: Hit | undefined;
      for (const h of hits) {
        if (last && h.start === last.start && h.end === last.end) {
          out.push(h); // same span, another concept (homonym)
          continue;
        }
        if (h.start < pos) continue;
        out.push(h);
        last = h;
        pos = h.end;
      }
      return out;
    },
  };
}

/** Checks a parsed glossary file and returns errors, warnings and statistics. */
export function checkGlossary(file: GlossaryFile): GlossaryReport {
  const errors: string[] = [];
  const warnings: string[] = [];
  const concepts: Concept[] = [];
  if (!file || typeof file.id !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(file.id)) errors.push('header: id must be a kebab-case slug');
  if (!file || typeof file.name !== 'string' || !file.name) errors.push('header: name is required');
  if (!Array.isArray(file?.languages)) errors.push('header: languages must be a list');
  if (!Array.isArray(file?.concepts)) {
    errors.push('header: concepts must be a list');
    return { errors, warnings, concepts, stats: { concepts: 0, terms: 0, zhDefinitions: 0, specsMatch: 0, specsNoMatch: 0 } };
  }
  const ids = new Set<string>();
  file.concepts.forEach((raw, i) => {
    const { concept, problems } = checkConcept(raw);
    const label = concept?.id ?? (raw as { id?: string })?.id ?? `#${i}`;
    for (const p of problems) errors.push(`${label}: ${p.message}`);
    if (!concept) return;
    if (ids.has(concept.id)) errors.push(`${label}: duplicate id`);
    ids.add(concept.id);
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(concept.id)) errors.push(`${label}: id is not kebab-case`);
    if (!concept.subjectField) errors.push(`${label}: subjectField missing`);
    if (!concept.definitions.en) errors.push(`${label}: English definition missing`);
    const prefEn = concept.terms.filter((t) => t.lang === 'en' && t.status === 'preferred');
    const prefZh = concept.terms.filter((t) => t.lang === 'zh-Hans' && t.status === 'preferred');
    if (prefEn.length !== 1) errors.push(`${label}: needs exactly one preferred en term (has ${prefEn.length})`);
    if (prefZh.length !== 1) errors.push(`${label}: needs exactly one preferred zh-Hans term (has ${prefZh.length})`);
    if (prefEn[0] && !prefEn[0].context) errors.push(`${label}: preferred en term has no context`);
    for (const t of concept.terms) {
      if (!t.partOfSpeech) errors.push(`${label}: term "${t.text}" has no partOfSpeech`);
      if (t.termType === 'acronym' && /^[A-Z0-9&-]+$/.test(t.text) && t.lang === 'en' && !t.caseSensitive)
        warnings.push(`${label}: acronym "${t.text}" is not caseSensitive`);
      if (!['en', 'zh-Hans', 'zh-Hant'].includes(t.lang)) errors.push(`${label}: unexpected language ${t.lang}`);
      if ((t.status === 'deprecated' || t.status === 'forbidden') && !t.note) warnings.push(`${label}: ${t.status} term "${t.text}" has no note`);
    }
    if (!concept.specs?.match?.length) errors.push(`${label}: no specs.match sentence`);
    concepts.push(concept);
  });
  for (const c of concepts) for (const r of c.related ?? []) if (!ids.has(r)) errors.push(`${c.id}: related id "${r}" does not exist`);

  // Same term (by termKey, as import's duplicate detection sees it) in two concepts: allowed for real
  // homonyms, reported for review.
  const owners = new Map<string, string[]>();
  for (const c of concepts)
    for (const t of c.terms) {
      const key = `${t.lang.slice(0, 2)}\u0000${termKey(t.text, t.lang, t.caseSensitive)}`;
      const list = owners.get(key) ?? [];
      if (!list.includes(c.id)) list.push(c.id);
      owners.set(key, list);
    }
  for (const [key, list] of owners) if (list.length > 1) warnings.push(`term "${key.split('\u0000')[1]}" is in several concepts: ${list.join(', ')}`);

  const m = approximateMatcher(concepts);
  let specsMatch = 0;
  let specsNoMatch = 0;
  for (const c of concepts) {
    for (const s of c.specs?.match ?? []) {
      specsMatch++;
      const found = m.find(s);
      if (!found.some((h) => h.conceptId === c.id))
        errors.push(`${c.id}: spec match fails: "${s}" → [${found.map((h) => h.conceptId).join(', ')}]`);
    }
    for (const s of c.specs?.noMatch ?? []) {
      specsNoMatch++;
      if (m.all(s).some((h) => h.conceptId === c.id)) errors.push(`${c.id}: spec noMatch matches: "${s}"`);
    }
  }
  const stats = {
    concepts: concepts.length,
    terms: concepts.reduce((n, c) => n + c.terms.length, 0),
    zhDefinitions: concepts.filter((c) => c.definitions['zh-Hans']).length,
    specsMatch,
    specsNoMatch,
  };
  return { errors, warnings, concepts, stats };
}

/**
 * Contexts marked `source: plan` must be verbatim sentences (or runs of sentences) of America's AI Action Plan;
 * returns the offending ones, or null when the plan text is not available (../shared beside the checkout).
 */
export function checkPlanQuotes(concepts: Concept[], planFile: string): string[] | null {
  if (!existsSync(planFile)) return null;
  const flat = (t: string) => t.replace(/\s+/g, ' ').trim();
  const plan = flat(readFileSync(planFile, 'utf8'));
  const out: string[] = [];
  for (const c of concepts)
    for (const t of c.terms)
      if (t.source === 'plan' && t.context && !plan.includes(flat(t.context))) out.push(`${c.id}: context of "${t.text}" is not a verbatim quote of the plan`);
  return out;
}

/** zh-Hant terms should differ from the concept's zh-Hans terms in vocabulary, not only in characters. */
export function checkTraditionalTerms(concepts: Concept[]): string[] {
  const out: string[] = [];
  for (const c of concepts) {
    const hans = new Set(c.terms.filter((t) => t.lang === 'zh-Hans').map((t) => t.text));
    for (const t of c.terms)
      if (t.lang === 'zh-Hant' && hans.has(toSimplifiedChars(t.text))) out.push(`${c.id}: zh-Hant "${t.text}" differs from a zh-Hans term only in script`);
  }
  return out;
}

/**
 * Validates the parsed file against glossary/schema.json (converted with zod's JSON Schema reader); returns the
 * problems, or null when this zod version cannot read JSON Schema.
 */
export function checkAgainstSchema(file: unknown, schemaFile: string): string[] | null {
  const fromJSONSchema = (z as unknown as { fromJSONSchema?: (s: unknown) => z.ZodType }).fromJSONSchema;
  if (typeof fromJSONSchema !== 'function') return null;
  const schema = fromJSONSchema(JSON.parse(readFileSync(schemaFile, 'utf8')));
  const r = schema.safeParse(file);
  return r.success ? [] : r.error.issues.slice(0, 50).map((i) => `schema: ${i.path.join('.') || '(root)'}: ${i.message}`);
}

/** Runs the specs through the real matcher (src/core/match/index.ts) if it has been written; returns failures or null. */
export async function checkWithRealMatcher(glossaryId: string, concepts: Concept[]): Promise<string[] | null> {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const file = path.resolve(here, '../../src/core/match/index.ts');
  if (!existsSync(file)) return null;
  const mod = (await import(pathToFileURL(file).href)) as {
    buildMatcher?: (e: Iterable<{ glossaryId: string; concept: Concept }>) => {
      find(t: string, o?: { overlapping?: boolean }): { conceptId: string }[];
    };
  };
  if (!mod.buildMatcher) return null;
  const matcher = mod.buildMatcher(concepts.map((concept) => ({ glossaryId, concept })));
  const failures: string[] = [];
  for (const c of concepts) {
    for (const s of c.specs?.match ?? []) {
      const found = matcher.find(s);
      if (!found.some((h) => h.conceptId === c.id)) failures.push(`${c.id}: real matcher misses "${s}" → [${found.map((h) => h.conceptId).join(', ')}]`);
    }
    for (const s of c.specs?.noMatch ?? []) {
      // as in tests/glossary/specs.test.ts: a noMatch sentence must not match even among overlapping matches
      if (matcher.find(s, { overlapping: true }).some((h) => h.conceptId === c.id)) failures.push(`${c.id}: real matcher matches noMatch "${s}"`);
    }
  }
  return failures;
}

async function main(): Promise<void> {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const quiet = process.argv.includes('--quiet');
  const files = args.length ? args : [path.resolve(here, '../../glossary/ai-policy.yaml')];
  let failed = false;
  for (const f of files) {
    const file = loadGlossaryFile(f);
    const r = checkGlossary(file);
    const schemaProblems = checkAgainstSchema(file, path.join(path.dirname(f), 'schema.json'));
    if (schemaProblems) r.errors.push(...schemaProblems);
    const quotes = checkPlanQuotes(r.concepts, path.resolve(here, '../../../shared/data/en/americas-ai-action-plan.en.md'));
    if (quotes) r.errors.push(...quotes);
    r.warnings.push(...checkTraditionalTerms(r.concepts));
    for (const e of r.errors) console.log(`ERROR ${e}`);
    if (!quiet) for (const w of r.warnings) console.log(`warn  ${w}`);
    const real = await checkWithRealMatcher(file.id, r.concepts).catch((e: unknown) => [`real matcher threw: ${String(e)}`]);
    if (real) for (const e of real) console.log(`REAL  ${e}`);
    console.log(
      `${f}: ${r.stats.concepts} concepts, ${r.stats.terms} terms, ${r.stats.zhDefinitions} zh definitions, ` +
        `${r.stats.specsMatch} match / ${r.stats.specsNoMatch} noMatch specs; ${r.errors.length} errors, ${r.warnings.length} warnings` +
        (real ? `, real matcher: ${real.length} failures` : ', real matcher: not available') +
        (schemaProblems ? '' : ', schema: not checked'),
    );
    if (r.errors.length || real?.length) failed = true;
  }
  process.exitCode = failed ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) void main();
