/**
 * Shuyu as a library. Everything public is re-exported here, grouped by layer; deep imports are not part of the API.
 */

// ---- Model, languages and errors ----
export type { Concept, ConceptSpecs, Glossary, GlossaryInfo, PartOfSpeech, StoredConcept, Term, TermStatus, TermType } from './core/model.js';
export { ALLOWED_STATUSES, PARTS_OF_SPEECH, TERM_STATUSES, TERM_TYPES, checkConcept, preferredTerm, validateConcept } from './core/model.js';
export { canonicalTag, isChinese, normalizeLang, sameLanguage, usesWhitespace } from './core/lang.js';
export type { ErrorCode, ErrorDetail } from './core/errors.js';
export { ERROR_CODES, ShuyuError, formatDetail, isShuyuError } from './core/errors.js';

// ---- Normalisation, matching, lookup, pinyin ----
export { toSimplified, toTraditional } from './core/normalize/script.js';
export { termKey } from './core/normalize/index.js';
export type { FindOptions, MatchHow, Matcher, MatcherEntry, TermMatch } from './core/match/index.js';
export { annotateChunks, buildExactMatcher, buildMatcher, loadExactMatcher } from './core/match/index.js';
export type { HitReason, LookupHit, LookupIndex, LookupOptions } from './core/lookup/index.js';
export { buildLookupIndex } from './core/lookup/index.js';
export { pinyinOf } from './core/pinyin.js';

// ---- Checks ----
export { checks, getCheck, runChecks } from './core/checks/index.js';

// ---- Formats ----
export type { BilingualFormat, BilingualUnit, FileInput, GlossaryFormat, Segment } from './formats/types.js';
export { detectFormat, formats, getFormat, readGlossary, writeGlossary } from './formats/registry.js';
export { neutralizeCell } from './formats/spreadsheet-safety.js';

// ---- Stores ----
export type { BatchOp, BatchResult, GlossaryStore } from './store/types.js';
export { createMemoryStore } from './store/memory.js';
export { createSqliteStore } from './store/sqlite.js';

// ---- Use cases ----
export { Engine } from './service/engine.js';
export { openEngine } from './service/open.js';
export { lookup } from './service/lookup.js';
export { annotateText } from './service/annotate.js';
export { importGlossary, planImport } from './service/import.js';
export { exportGlossary } from './service/export.js';
export { checkFiles } from './service/check.js';
export { acceptCandidate, extractParallelSegments, extractTexts, rejectCandidate } from './service/extract.js';

// ---- HTTP ----
export { createApp } from './http/app.js';
