/**
 * Importing a glossary file into the store. A plan is made first (the preview / dry run: what would be
 * added, changed, skipped, with the reason for each), then applied in ONE store batch, so a file imports
 * whole or not at all. Duplicates are found by normalised form (`termKey`: script, width, case,
 * inflection — 开放权重 = 開放權重, open-weight = Open Weight) in the same language, or by equal concept
 * id, and handled by a policy: skip, merge (new terms become synonyms), overwrite, or keep both.
 */
import { ShuyuError } from '../core/errors.js';
import type { Concept, Glossary, GlossaryInfo, StoredConcept, Term } from '../core/model.js';
import { glossaryIdFromName, glossaryIdProblem, normalizeLanguages } from '../core/glossary-info.js';
import { termKey } from '../core/normalize/index.js';
import { readGlossary } from '../formats/registry.js';
import type { FileInput, FormatWarning, GlossaryReadOptions } from '../formats/types.js';
import type { BatchOp, GlossaryStore } from '../store/types.js';

export const DUPLICATE_POLICIES = ['skip', 'merge', 'overwrite', 'keep'] as const;
export type DuplicatePolicy = (typeof DUPLICATE_POLICIES)[number];

export interface ImportOptions extends GlossaryReadOptions {
  /** Target glossary id in the store (created when missing). @default the file's glossary id or name */
  into?: string;
  /** What to do with a concept that duplicates one already there. @default 'skip' */
  onDuplicate?: DuplicatePolicy;
  /** Plan only; write nothing. */
  dryRun?: boolean;
  /** Preview items listed in full (counts always cover everything). @default 1000 */
  maxItems?: number;
}

export type ImportAction = 'add' | 'change' | 'skip' | 'unchanged';

/** What happens to one incoming concept. */
export interface ImportItem {
  action: ImportAction;
  /** Id the concept gets (or has) in the glossary. */
  conceptId: string;
  /** Id in the file, when it differs from conceptId. */
  fileId?: string;
  /** The existing concept it duplicates. */
  duplicateOf?: string;
  reason: string;
  /** Short summary of the terms: `开放权重 / open-weight`. */
  terms: string;
}

export interface ImportReport {
  file: string;
  format?: string;
  glossaryId: string;
  /** The target glossary did not exist (and was created unless dry run). */
  createdGlossary: boolean;
  dryRun: boolean;
  policy: DuplicatePolicy;
  counts: { added: number; changed: number; skipped: number; unchanged: number; duplicates: number; total: number };
  items: ImportItem[];
  /** More items than maxItems: the list is cut, the counts are complete. */
  truncated: boolean;
  warnings: FormatWarning[];
}

interface Planned {
  concept: Concept;
  existing?: StoredConcept;
}

function termsSummary(c: Concept): string {
  const s = c.terms
    .slice(0, 4)
    .map((t) => t.text)
    .join(' / ');
  return c.terms.length > 4 ? `${s} …` : s;
}

const keyCache = new WeakMap<Concept, string[]>();

/** Duplicate-detection keys of a concept's terms (language + termKey), computed once per concept object. */
function keysOf(c: Concept): string[] {
  let keys = keyCache.get(c);
  if (!keys) {
    keys = c.terms.map((t) => `${t.lang.split('-')[0]}\u0000${termKey(t.text, t.lang, t.caseSensitive)}`);
    keyCache.set(c, keys);
  }
  return keys;
}

function stripStored(c: StoredConcept | Concept): Concept {
  const { glossaryId: _g, revision: _r, createdAt: _c, updatedAt: _u, ...rest } = c as StoredConcept;
  void _g, _r, _c, _u;
  return rest;
}

function sameConcept(a: Concept, b: Concept): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(c: Concept): unknown {
  const sortObj = (o: Record<string, string> | undefined) => (o ? Object.fromEntries(Object.entries(o).sort(([x], [y]) => x.localeCompare(y))) : undefined);
  return {
    ...stripStored(c),
    definitions: sortObj(c.definitions),
    extra: sortObj(c.extra),
    terms: c.terms.map((t) => Object.fromEntries(Object.entries(t).sort(([x], [y]) => x.localeCompare(y)))),
  };
}

/**
 * Merges `incoming` into `base`: its terms that are not already there (by normalised form) become
 * synonyms (a second preferred term in a language is admitted instead); definitions, subject field and
 * source fill gaps; new notes, related ids and extra data are added.
 */
export function mergeConcepts(base: Concept, incoming: Concept): Concept {
  const out: Concept = structuredClone(stripStored(base));
  const have = new Set(keysOf(out));
  for (const t of incoming.terms) {
    const key = `${t.lang.split('-')[0]}\u0000${termKey(t.text, t.lang, t.caseSensitive)}`;
    if (have.has(key)) continue;
    have.add(key);
    const term: Term = { ...t };
    if (term.status === 'preferred' && out.terms.some((x) => x.lang === term.lang && x.status === 'preferred')) term.status = 'admitted';
    out.terms.push(term);
  }
  for (const [lang, def] of Object.entries(incoming.definitions)) if (out.definitions[lang] === undefined) out.definitions[lang] = def;
  if (out.subjectField === undefined && incoming.subjectField !== undefined) out.subjectField = incoming.subjectField;
  if (out.source === undefined && incoming.source !== undefined) out.source = incoming.source;
  for (const n of incoming.notes) if (!out.notes.includes(n)) out.notes.push(n);
  if (incoming.related?.length) out.related = [...new Set([...(out.related ?? []), ...incoming.related])];
  if (incoming.extra) out.extra = { ...incoming.extra, ...(out.extra ?? {}) };
  if (incoming.specs && !out.specs) out.specs = incoming.specs;
  return out;
}

/** Makes an import plan against the glossary's current content (no writes). */
export async function planImport(
  store: GlossaryStore,
  glossary: Glossary,
  glossaryId: string,
  policy: DuplicatePolicy,
): Promise<{ items: ImportItem[]; ops: BatchOp[]; planned: Map<string, Planned>; counts: ImportReport['counts'] }> {
  const existing = new Map<string, StoredConcept>();
  const byKey = new Map<string, string>();
  if (await store.getGlossary(glossaryId)) {
    for await (const c of store.iterateConcepts(glossaryId)) {
      existing.set(c.id, c);
      for (const k of keysOf(c)) if (!byKey.has(k)) byKey.set(k, c.id);
    }
  }
  /** The concepts as they will be after the import (existing + planned), by id. */
  const planned = new Map<string, Planned>();
  const current = (id: string): Concept | undefined => planned.get(id)?.concept ?? existing.get(id);
  const items: ImportItem[] = [];
  const counts = { added: 0, changed: 0, skipped: 0, unchanged: 0, duplicates: 0, total: glossary.concepts.length };
  const freeId = (id: string) => {
    if (!current(id)) return id;
    let n = 2;
    while (current(`${id}-${n}`)) n++;
    return `${id}-${n}`;
  };
  const index = (c: Concept) => {
    for (const k of keysOf(c)) if (!byKey.has(k)) byKey.set(k, c.id);
  };

  for (const incoming of glossary.concepts) {
    // Duplicate by normalised term (the existing concept sharing most terms), else by equal id.
    const hits = new Map<string, number>();
    for (const k of keysOf(incoming)) {
      const id = byKey.get(k);
      if (id) hits.set(id, (hits.get(id) ?? 0) + 1);
    }
    let dupId: string | undefined;
    let reason = '';
    if (hits.size) {
      dupId = [...hits].sort((a, b) => b[1] - a[1] || (a[0] === incoming.id ? -1 : b[0] === incoming.id ? 1 : 0))[0]![0];
      const dup = current(dupId)!;
      const dupKeys = new Set(keysOf(dup));
      const shared = incoming.terms.find((t) => dupKeys.has(`${t.lang.split('-')[0]}\u0000${termKey(t.text, t.lang, t.caseSensitive)}`));
      const other = dup.terms.find((t) => shared && termKey(t.text, t.lang, t.caseSensitive) === termKey(shared.text, shared.lang, shared.caseSensitive));
      reason = shared && other && shared.text !== other.text ? `"${shared.text}" = "${other.text}" of ${dupId}` : `"${shared?.text ?? incoming.terms[0]!.text}" is already in ${dupId}`;
    } else if (current(incoming.id)) {
      dupId = incoming.id;
      reason = `concept id ${incoming.id} already exists`;
    }
    if (!dupId) {
      const id = freeId(incoming.id);
      const concept = id === incoming.id ? incoming : { ...incoming, id };
      planned.set(id, { concept });
      index(concept);
      counts.added++;
      items.push({ action: 'add', conceptId: id, ...(id !== incoming.id ? { fileId: incoming.id } : {}), reason: 'new', terms: termsSummary(incoming) });
      continue;
    }
    counts.duplicates++;
    const base = current(dupId)!;
    const baseExisting = existing.get(dupId);
    switch (policy) {
      case 'skip':
        counts.skipped++;
        items.push({ action: 'skip', conceptId: dupId, fileId: incoming.id, duplicateOf: dupId, reason: `duplicate: ${reason}`, terms: termsSummary(incoming) });
        break;
      case 'keep': {
        const id = freeId(incoming.id);
        const concept = id === incoming.id ? incoming : { ...incoming, id };
        planned.set(id, { concept });
        index(concept);
        counts.added++;
        items.push({ action: 'add', conceptId: id, ...(id !== incoming.id ? { fileId: incoming.id } : {}), duplicateOf: dupId, reason: `duplicate kept as a separate concept: ${reason}`, terms: termsSummary(incoming) });
        break;
      }
      case 'merge':
      case 'overwrite': {
        const next = policy === 'merge' ? mergeConcepts(base, incoming) : { ...stripStored(incoming), id: dupId };
        if (sameConcept(next, base)) {
          counts.unchanged++;
          items.push({ action: 'unchanged', conceptId: dupId, fileId: incoming.id, duplicateOf: dupId, reason: `duplicate with nothing new: ${reason}`, terms: termsSummary(incoming) });
          break;
        }
        const wasPlanned = planned.has(dupId) && !baseExisting;
        planned.set(dupId, { concept: next, ...(baseExisting ? { existing: baseExisting } : {}) });
        index(next);
        if (wasPlanned) {
          // merged into a concept added earlier from the same file: still one addition
          counts.unchanged++;
          items.push({ action: 'unchanged', conceptId: dupId, fileId: incoming.id, duplicateOf: dupId, reason: `${policy === 'merge' ? 'merged into' : 'replaced'} an earlier row of the file: ${reason}`, terms: termsSummary(incoming) });
        } else {
          counts.changed++;
          items.push({ action: 'change', conceptId: dupId, fileId: incoming.id, duplicateOf: dupId, reason: `${policy === 'merge' ? 'merged as synonyms' : 'overwritten'}: ${reason}`, terms: termsSummary(incoming) });
        }
        break;
      }
    }
  }
  const ops: BatchOp[] = [];
  for (const [, p] of planned) {
    ops.push(p.existing ? { op: 'put', concept: p.concept, expectedRevision: p.existing.revision } : { op: 'put', concept: p.concept, expectedRevision: 0 });
  }
  return { items, ops, planned, counts };
}

/** The target glossary id: `--into`, else the file's own id, else one made from the file name. */
function targetId(glossary: Glossary, file: string, into?: string): string {
  if (into !== undefined) {
    const problem = glossaryIdProblem(into);
    if (problem) throw new ShuyuError('usage', `Invalid glossary id "${into}": ${problem}`, { params: { glossary: into } });
    return into;
  }
  return glossary.id && !glossaryIdProblem(glossary.id) ? glossary.id : glossaryIdFromName(file);
}

/**
 * Reads a file and imports it (or, with dryRun, only reports what would happen). All-or-nothing: a file
 * with any bad row raises one ShuyuError listing every problem, and the store batch is applied whole.
 */
export async function importGlossary(store: GlossaryStore, input: FileInput, options: ImportOptions = {}): Promise<ImportReport> {
  const policy = options.onDuplicate ?? 'skip';
  if (!DUPLICATE_POLICIES.includes(policy)) {
    throw new ShuyuError('usage', `Unknown duplicate policy "${String(policy)}" (use ${DUPLICATE_POLICIES.join(', ')})`, { params: { policy: String(policy) } });
  }
  const { glossary, warnings } = await readGlossary(input, options);
  const glossaryId = targetId(glossary, input.name, options.into);
  const info = await store.getGlossary(glossaryId);
  if (info?.builtIn) {
    throw new ShuyuError('conflict', `Glossary "${glossaryId}" is built in (seeded from glossary/); import into another glossary with --into`, {
      params: { glossary: glossaryId },
    });
  }
  const { items, ops, counts } = await planImport(store, glossary, glossaryId, policy);
  const maxItems = options.maxItems ?? 1000;
  const report: ImportReport = {
    file: input.name,
    ...(options.format ? { format: options.format } : {}),
    glossaryId,
    createdGlossary: !info,
    dryRun: Boolean(options.dryRun),
    policy,
    counts,
    items: items.slice(0, maxItems),
    truncated: items.length > maxItems,
    warnings,
  };
  if (options.dryRun) return report;
  const languages = normalizeLanguages([...(info?.languages ?? []), ...glossary.languages]);
  let created: GlossaryInfo | undefined;
  if (!info) {
    created = await store.createGlossary({
      id: glossaryId,
      name: options.into === undefined || options.into === glossary.id ? glossary.name || glossaryId : glossaryId,
      ...(glossary.description ? { description: glossary.description } : {}),
      languages,
    });
  }
  try {
    if (ops.length) await store.applyBatch(glossaryId, ops);
  } catch (e) {
    if (created) await store.deleteGlossary(glossaryId).catch(() => undefined);
    throw e;
  }
  if (info && languages.length !== info.languages.length) await store.updateGlossary(glossaryId, { languages });
  return report;
}
