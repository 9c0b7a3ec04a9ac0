/**
 * The contract every glossary adapter must meet: read(write(g)) ≡ g for everything the format can hold,
 * and what it cannot hold (its `cannotHold` list) is reported as warnings when written, never silently
 * dropped. `expectedAfterRoundTrip` says, per format, what survives; formats not listed must be lossless.
 */
import { expect } from 'vitest';
import type { Concept, Glossary, Term } from '../../src/core/model.js';
import { formats } from '../../src/formats/registry.js';
import type { GlossaryFormat, GlossaryWriteOptions } from '../../src/formats/types.js';

/** Every registered glossary format that can both write and read. */
export function roundTripFormats(): GlossaryFormat[] {
  return formats.filter((f): f is GlossaryFormat => f.kind === 'glossary' && Boolean(f.read) && Boolean(f.write));
}

const TABULAR = new Set(['csv', 'tsv', 'xlsx']);

function dropEmpty<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined || o[k] === '' || o[k] === false) delete o[k];
  return o;
}

/** Terms grouped by language (stable), the order every adapter writes them in. */
function groupByLang(terms: Term[]): Term[] {
  const order: string[] = [];
  for (const t of terms) if (!order.includes(t.lang)) order.push(t.lang);
  return order.sort().flatMap((l) => terms.filter((t) => t.lang === l));
}

/** A comparable form of a concept: terms grouped by language, no empty optional values, sorted maps. */
export function canonicalConcept(c: Concept): Concept {
  const out: Concept = dropEmpty({ ...c, terms: groupByLang(c.terms).map((t) => dropEmpty({ ...t })) });
  out.definitions = Object.fromEntries(Object.entries(c.definitions ?? {}).sort(([a], [b]) => a.localeCompare(b)));
  out.notes = [...(c.notes ?? [])];
  if (c.related && c.related.length === 0) delete out.related;
  if (c.extra && Object.keys(c.extra).length === 0) delete out.extra;
  if (c.specs && !c.specs.match?.length && !c.specs.noMatch?.length) delete out.specs;
  return out;
}

/** XLSX is XML: CR and CRLF in text come back as LF. */
function crToLf<T>(value: T): T {
  if (typeof value === 'string') return value.replace(/\r\n?/g, '\n') as T;
  if (Array.isArray(value)) return value.map(crToLf) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, crToLf(v)])) as T;
  return value;
}

/** What a format keeps of a concept. */
export function expectedAfterRoundTrip(c: Concept, formatId: string, options: GlossaryWriteOptions = {}): Concept {
  const base = formatId === 'xlsx' ? crToLf(canonicalConcept(c)) : canonicalConcept(c);
  if (!TABULAR.has(formatId)) return base;
  const { specs: _s, extra: _e, ...rest } = base;
  void _s, _e;
  const out: Concept = {
    ...rest,
    definitions: Object.fromEntries(Object.entries(base.definitions).filter(([, v]) => v !== '')),
    notes: base.notes.filter((n) => n !== ''),
  };
  if (out.related) out.related = out.related.filter((r) => r.trim() !== '');
  if (out.related?.length === 0) delete out.related;
  if (options.layout === 'term') {
    const langs = new Set(out.terms.map((t) => t.lang));
    out.definitions = Object.fromEntries(Object.entries(out.definitions).filter(([l]) => langs.has(l)));
    return out;
  }
  // one row per concept: synonyms (all but the first term of a language) keep only text, status and case sensitivity
  const seen = new Set<string>();
  out.terms = out.terms.map((t) => {
    if (!seen.has(t.lang)) {
      seen.add(t.lang);
      return t;
    }
    return { text: t.text, lang: t.lang, status: t.status, ...(t.caseSensitive ? { caseSensitive: true } : {}) };
  });
  return out;
}

/** Whether the concept holds anything the format cannot hold (so a warning is due). */
export function losesSomething(c: Concept, formatId: string, options: GlossaryWriteOptions = {}): boolean {
  const a = JSON.stringify(expectedAfterRoundTrip(c, formatId, options));
  const b = JSON.stringify(canonicalConcept(c));
  return a !== b;
}

/** Writes, reads back and checks the contract for one glossary and one format. */
export async function assertRoundTrip(format: GlossaryFormat, g: Glossary, options: GlossaryWriteOptions = {}): Promise<void> {
  const written = await format.write!(g, options);
  const ext = format.extensions[0];
  const read = await format.read!({ name: `${g.id}.${ext}`, bytes: written.bytes });
  const want = g.concepts.map((c) => expectedAfterRoundTrip(c, format.id, options));
  const got = read.glossary.concepts.map(canonicalConcept);
  expect(got, `${format.id} ${options.layout ?? ''}`).toEqual(want);
  const lossy = g.concepts.some((c) => losesSomething(c, format.id, options));
  const warned = written.warnings.some((w) => w.code === 'cannot_hold');
  // A loss of anything but empty values must be announced; the format must declare what it cannot hold.
  const substantive = g.concepts.some((c) => (c.specs && (c.specs.match?.length || c.specs.noMatch?.length)) || (c.extra && Object.keys(c.extra).length));
  if (substantive && lossy) {
    expect(warned, `${format.id} must warn about what it drops`).toBe(true);
    expect(format.cannotHold.length).toBeGreaterThan(0);
  }
  if (!lossy) expect(written.warnings.filter((w) => w.code === 'cannot_hold')).toEqual([]);
}
