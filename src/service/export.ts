/**
 * Exporting a glossary from the store in any writable format (TBX, XLSX, CSV, TSV, JSON, YAML), with the
 * language, status and layout filters. Returns the bytes plus a file name and media type for downloads.
 */
import { ShuyuError } from '../core/errors.js';
import type { Concept, Glossary, StoredConcept, TermStatus } from '../core/model.js';
import { TERM_STATUSES } from '../core/model.js';
import { getGlossaryFormat, writeGlossary } from '../formats/registry.js';
import type { FormatWarning } from '../formats/types.js';
import type { GlossaryStore } from '../store/types.js';

export interface ExportOptions {
  /** Format id or extension: tbx, xlsx, csv, tsv, json, yaml. */
  format: string;
  /** Keep only these languages (`zh-Hans,en`; a bare `zh`/`en` keeps every variant). */
  langs?: string[];
  /** Keep only terms with these statuses. */
  statuses?: string[];
  /** Tabular formats: one row per concept (default) or per term. */
  layout?: 'concept' | 'term';
}

export interface ExportResult {
  bytes: Uint8Array;
  warnings: FormatWarning[];
  format: string;
  /** Suggested file name: `<glossary id>.<extension>`. */
  fileName: string;
  mediaType: string;
  conceptCount: number;
}

/** Parses `preferred,admitted` into statuses; throws 'usage' for unknown ones. */
export function parseStatuses(values: string[] | undefined): TermStatus[] | undefined {
  if (!values?.length) return undefined;
  const out: TermStatus[] = [];
  for (const v of values.flatMap((x) => x.split(',')).map((x) => x.trim().toLowerCase()).filter(Boolean)) {
    if (!(TERM_STATUSES as readonly string[]).includes(v)) {
      throw new ShuyuError('usage', `Unknown status "${v}" (use ${TERM_STATUSES.join(', ')})`, { params: { status: v } });
    }
    out.push(v as TermStatus);
  }
  return out;
}

/** Splits `zh-Hans,en` lists. */
export function parseList(values: string[] | string | undefined): string[] | undefined {
  if (values === undefined) return undefined;
  const list = (Array.isArray(values) ? values : [values]).flatMap((x) => x.split(',')).map((x) => x.trim()).filter(Boolean);
  return list.length ? list : undefined;
}

function plain(c: StoredConcept): Concept {
  const { glossaryId: _g, revision: _r, createdAt: _c, updatedAt: _u, ...rest } = c;
  void _g, _r, _c, _u;
  return rest;
}

/** Loads a whole glossary from the store as a plain Glossary. */
export async function loadGlossary(store: GlossaryStore, glossaryId: string): Promise<Glossary> {
  const info = await store.getGlossary(glossaryId);
  if (!info) throw new ShuyuError('not_found', `No glossary "${glossaryId}"`, { params: { glossary: glossaryId } });
  const concepts: Concept[] = [];
  for await (const c of store.iterateConcepts(glossaryId)) concepts.push(plain(c));
  const { builtIn: _b, sourceHash: _h, ...rest } = info;
  void _b, _h;
  return { ...rest, concepts };
}

/** Writes an in-memory glossary in a format with the export filters. */
export async function exportLoaded(glossary: Glossary, options: ExportOptions): Promise<ExportResult> {
  const format = getGlossaryFormat(options.format, 'write');
  const statuses = parseStatuses(options.statuses);
  const langs = parseList(options.langs);
  const { bytes, warnings } = await writeGlossary(glossary, format.id, {
    ...(langs ? { langs } : {}),
    ...(statuses ? { statuses } : {}),
    ...(options.layout ? { layout: options.layout } : {}),
  });
  return {
    bytes,
    warnings,
    format: format.id,
    fileName: `${glossary.id}.${format.extensions[0]}`,
    mediaType: format.mediaTypes[0] ?? 'application/octet-stream',
    conceptCount: glossary.concepts.length,
  };
}

/** Exports one glossary of the store. */
export async function exportGlossary(store: GlossaryStore, glossaryId: string, options: ExportOptions): Promise<ExportResult> {
  getGlossaryFormat(options.format, 'write'); // fail on a bad format before loading anything
  return exportLoaded(await loadGlossary(store, glossaryId), options);
}
