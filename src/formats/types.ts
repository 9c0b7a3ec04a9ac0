/**
 * One adapter per file format, one interface, one registry (src/formats/registry.ts).
 * Glossary formats read/write concept glossaries (TBX, XLSX, CSV/TSV, JSON, glossary YAML …);
 * bilingual formats read translated files for the checker and for bilingual extraction
 * (XLIFF, TMX, bilingual CSV/TSV/XLSX, i18next JSON pairs, line-aligned text).
 */
import type { Glossary, TermStatus } from '../core/model.js';

/** An input file: bytes in memory (uploads, small files) or a path on disk (large files stream). */
export interface FileInput {
  /** File name used in messages and for picking the adapter by extension. */
  name: string;
  bytes?: Uint8Array;
  path?: string;
}

export interface Limits {
  /** @default 200 MiB */
  maxBytes: number;
  /** @default 1_000_000 */
  maxRows: number;
  /** @default 64 */
  maxXmlDepth: number;
  /** Total uncompressed size allowed inside a zip container (.xlsx, .ods, uploaded .zip). @default 1 GiB */
  maxUnzippedBytes: number;
  /** Errors collected before giving up. @default 50 */
  maxErrors: number;
}

/** Something the format could not hold or had to change; never silently dropped. */
export interface FormatWarning {
  code: string;
  message: string;
  file?: string;
  line?: number;
  row?: number;
  conceptId?: string;
}

export interface GlossaryReadOptions {
  /** Keep only these languages (normalised tags); an import finding none of them fails with 'empty_import'. */
  langs?: string[];
  /** Explicit column mapping for tabular formats: header → field (`zh`, `en`, `definition:en`, `status` …). */
  mapping?: Record<string, string>;
  limits?: Partial<Limits>;
  /** Progress callback: bytes or rows done of total (when known). */
  onProgress?: (done: number, total?: number) => void;
  /** Force a text encoding (iconv-lite label) instead of detecting it. */
  encoding?: string;
  /** Force a format id instead of detecting it from the name and content. */
  format?: string;
}

export interface GlossaryReadResult {
  glossary: Glossary;
  warnings: FormatWarning[];
}

export interface GlossaryWriteOptions {
  langs?: string[];
  statuses?: TermStatus[];
  /** Tabular formats: one row per concept (default) or one row per term. */
  layout?: 'concept' | 'term';
}

export interface GlossaryWriteResult {
  bytes: Uint8Array;
  warnings: FormatWarning[];
}

export interface FormatInfo {
  /** Stable id used on the command line: `tbx`, `xlsx`, `csv`, `xliff` … */
  id: string;
  name: string;
  /** Lower-case, without dot: `tbx`, `xlsx`. */
  extensions: string[];
  mediaTypes: string[];
  /** Recognise the content from its first bytes (after any BOM) when the extension is missing or ambiguous. */
  sniff?(head: Uint8Array): boolean;
}

export interface GlossaryFormat extends FormatInfo {
  kind: 'glossary';
  /** What the format cannot hold (reported as warnings on write). */
  cannotHold: string[];
  read?(input: FileInput, options?: GlossaryReadOptions): Promise<GlossaryReadResult>;
  write?(glossary: Glossary, options?: GlossaryWriteOptions): Promise<GlossaryWriteResult>;
}

/** A placeholder standing for an inline code (`<g>`, `<x/>`, `<ph>`, `{{var}}`, `<0>`) in segment text. */
export interface InlineCode {
  /** Offset in the segment's plain text where the code stands (its placeholder is U+FFFC, one code unit). */
  offset: number;
  /** Original markup, for display. */
  markup: string;
}

export interface Segment {
  /** Plain text; each inline code is replaced by U+FFFC so matching never runs across it. */
  text: string;
  codes: InlineCode[];
}

export interface BilingualUnit {
  /** Unit id, trans-unit id, TMX tuid or i18n key (`ns:a.b.c`). */
  id: string;
  file: string;
  /** The sub-document inside the file, where the format has them: XLIFF `<file original>`, i18next namespace. */
  part?: string;
  /** 1-based line of the unit (or of its source) where the format has lines. */
  line?: number;
  source: Segment;
  /** Absent when the unit has no target at all (untranslated). */
  target?: Segment;
  sourceLang: string;
  targetLang: string;
  notes?: string[];
  /** XLIFF state, TMX props … */
  state?: string;
  /** Grouping key for plural/context variants of one i18n key. */
  group?: string;
}

export interface BilingualReadOptions {
  sourceLang?: string;
  targetLang?: string;
  limits?: Partial<Limits>;
  onProgress?: (done: number, total?: number) => void;
}

export interface BilingualInfo {
  /** Notices that are not term errors (keys missing on one side …). */
  notices: FormatWarning[];
  sourceLang?: string;
  targetLang?: string;
}

export interface BilingualFormat extends FormatInfo {
  kind: 'bilingual';
  /** Streams units; `info` is complete once iteration ends. */
  readUnits(inputs: FileInput[], options?: BilingualReadOptions): { units: AsyncIterable<BilingualUnit>; info: BilingualInfo };
}

export type FileFormat = GlossaryFormat | BilingualFormat;
