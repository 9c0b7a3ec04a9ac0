/**
 * Types of the terminology checks: findings, options and the check interface. Checks are pure: they see
 * units already matched against the glossaries (UnitAnalysis) and emit findings; no fs, no db.
 */
import type { BilingualUnit } from '../../formats/types.js';
import type { Concept, TermStatus } from '../model.js';
import type { TermMatch } from '../match/types.js';
import type { ConceptRef } from './concepts.js';
import type { UnitTable } from './compact.js';

export const CHECK_IDS = ['missing-term', 'forbidden-term', 'inconsistent-term', 'inconsistent-segment', 'term-count', 'untranslated'] as const;
/** Stable id of a check (used on the command line, in waivers, in JSON and SARIF). */
export type CheckId = (typeof CHECK_IDS)[number];

export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Rank for comparisons: error > warning > info. */
export const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/** A stretch of a segment: offsets in UTF-16 code units into the segment text (inline codes are U+FFFC). */
export interface Span {
  start: number;
  end: number;
  text: string;
}

/** Where something is: file, sub-document, unit id or i18n key, line, and spans in source and target. */
export interface FindingLocation {
  file: string;
  part?: string;
  unitId: string;
  line?: number;
  source?: Span;
  target?: Span;
  /** For grouped findings: which variant (target term, or translation) this location shows. */
  variant?: string;
}

/** A waiver: a finding someone decided to accept, with who, when and why. */
export interface Waiver {
  check: CheckId;
  /** Unit id or i18n key; absent or `*` = any unit. */
  unit?: string;
  /** The term (as in the finding's `term`); absent = any term. */
  term?: string;
  /** File name (suffix match); absent = any file. */
  file?: string;
  reason: string;
  author: string;
  /** ISO date `YYYY-MM-DD`. */
  date: string;
}

/** One problem found by a check. */
export interface Finding {
  checkId: CheckId;
  severity: Severity;
  file: string;
  part?: string;
  unitId: string;
  line?: number;
  /** The offending or relevant span in the source (offsets into the source segment text). */
  source?: Span;
  /** The offending or relevant span in the target. */
  target?: Span;
  /** The unit's texts, for display (per-unit findings). */
  sourceText?: string;
  targetText?: string;
  /** The term concerned (source term for missing/count/inconsistent, target term for forbidden). */
  term?: string;
  /** Terms that would be right (preferred first). */
  expected?: string[];
  glossaryId?: string;
  conceptId?: string;
  /** i18n key of the message in public/locales/<lng>/check.json (`findings.missing-term` …). */
  messageKey: string;
  params: Record<string, string | number>;
  /** Grouped findings: every location (up to maxLocations per variant) and exact counts per variant. */
  locations?: FindingLocation[];
  counts?: Record<string, number>;
  /** Set when a waiver covers the finding: it is reported but does not fail the run. */
  waived?: Waiver;
}

/** Per-concept options (key: `conceptId` or `glossaryId:conceptId`). */
export interface ConceptCheckOptions {
  /** Target statuses that count as correct for this concept. */
  allowedStatuses?: TermStatus[];
  /** Turn checks off (or on) for this concept. */
  checks?: Partial<Record<CheckId, boolean>>;
}

/** Options of one check run. */
export interface CheckRunOptions {
  /** Checks on/off (all on by default). */
  checks?: Partial<Record<CheckId, boolean>>;
  /** Target statuses that count as correct. @default ['preferred', 'admitted'] */
  allowedStatuses?: TermStatus[];
  /** Per-concept overrides. */
  concepts?: Record<string, ConceptCheckOptions>;
  /** Override the severity of a check. */
  severities?: Partial<Record<CheckId, Severity>>;
  /** Locations kept per variant of a grouped finding (counts stay exact). @default 1000 */
  maxLocations?: number;
  /**
   * The caller can feed the units a second time, in the same order (CheckRun.needsReplay / replay): then the
   * grouped checks keep hashes of the segments instead of their texts, and read the few texts a finding needs
   * from the second pass — the state no longer holds a text per unit. @default false
   */
  replay?: boolean;
}

/** Matches of one concept in one unit. */
export interface ConceptHit {
  ref: ConceptRef;
  /** `glossaryId\u0000conceptId`. */
  key: string;
  glossaryId: string;
  concept: Concept;
  /** Source matches of this concept (leftmost-longest: a term inside a longer term is not counted). */
  source: TermMatch[];
  /** Target matches of this concept (leftmost-longest; overlapping ones too when the concept is in the source but was not found). */
  target: TermMatch[];
}

/** A unit after matching: what every check looks at. */
export interface UnitAnalysis {
  unit: BilingualUnit;
  location: FindingLocation;
  /** Target absent, empty, or only whitespace and inline codes. */
  targetBlank: boolean;
  /** Target identical to the source (whitespace aside): copied, not translated — left to `untranslated`. */
  targetCopied: boolean;
  /** Leftmost-longest source matches, in order (several when concepts share a span). */
  sourceMatches: TermMatch[];
  /** The concept of each source match (undefined when the resolver does not know it). */
  sourceHits: (ConceptHit | undefined)[];
  /**
   * Leftmost-longest target matches, in order (for forbidden terms). With a findSpans matcher only those a check
   * can look at: matches of the unit's concepts and forbidden terms.
   */
  targetOuter: TermMatch[];
  /** The concept of each leftmost-longest target match. */
  targetHits: (ConceptHit | undefined)[];
  /** Concepts seen in the source (and forbidden terms' concepts in the target), in the order first seen. */
  hits: ConceptHit[];
}

/** What a check can ask of the run. */
export interface CheckContext {
  options: CheckRunOptions;
  /** Is this check on for this concept (run option and concept option)? */
  enabled(check: CheckId, conceptKey?: string): boolean;
  /** Statuses allowed for the concept. */
  allowed(conceptKey: string): readonly TermStatus[];
  severity(check: CheckId): Severity;
  maxLocations: number;
  /** The units grouped findings point at, shared by the checks of the run (each unit stored once). */
  units: UnitTable;
}

/** One running check: per-unit hook and end-of-run hook (for checks across units). */
export interface CheckInstance {
  unit?(a: UnitAnalysis, emit: (f: Finding) => void): void;
  /** With the `replay` option: whether finish needs the units again, and the hook that sees them (no matching). */
  wantsReplay?(): boolean;
  replay?(u: BilingualUnit): void;
  finish?(emit: (f: Finding) => void): void;
}

/** A check: stable id, default severity, description key, factory. */
export interface Check {
  id: CheckId;
  severity: Severity;
  /** i18n key of the one-line description (`checks.<id>`). */
  descriptionKey: string;
  create(ctx: CheckContext): CheckInstance;
}
