/**
 * Typed errors with stable codes. Every failure the user can cause is a ShuyuError with a code from
 * ERROR_CODES; the HTTP layer maps codes to status (src/http/error-handler.ts) and the i18n catalogues
 * map codes to messages (public/locales/{en,zh}/errors.json). Never put raw user input into `message`
 * without it also being in `params`, so messages can be re-rendered per locale.
 */
export const ERROR_CODES = {
  /** Request or command-line usage is wrong (missing argument, bad option value). */
  usage: 400,
  /** Input data did not validate (a concept without terms, an unknown status …). */
  invalid_input: 422,
  /** A file could not be parsed (malformed XML/CSV/JSON/YAML); params carry file, line, column. */
  parse_error: 422,
  /** A file's format could not be recognised or is not supported for this operation. */
  unsupported_format: 415,
  /** Input is larger than a configured limit (file size, rows, XML depth, zip expansion). */
  too_large: 413,
  /** Input is hostile or unsafe (entity expansion, external entity, zip bomb). */
  unsafe_input: 422,
  /** Input has an encoding we cannot decode, or is binary where text was expected. */
  bad_encoding: 422,
  /** The thing asked for does not exist (glossary, concept, file). */
  not_found: 404,
  /** An optimistic-concurrency check failed or an id is already taken. */
  conflict: 409,
  /** A glossary import matched no term in the languages asked for. */
  empty_import: 422,
  /** A worker or operation exceeded its time budget. */
  timeout: 504,
  /** Something we did not expect: a bug. */
  internal: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** One problem at one place (several are reported together, e.g. all bad rows of an import). */
export interface ErrorDetail {
  message: string;
  file?: string;
  line?: number;
  column?: number;
  row?: number;
  cell?: string;
  conceptId?: string;
  path?: string;
}

export interface ShuyuErrorOptions {
  params?: Record<string, string | number | boolean | undefined>;
  details?: ErrorDetail[];
  cause?: unknown;
}

export class ShuyuError extends Error {
  override readonly name = 'ShuyuError';
  readonly code: ErrorCode;
  readonly params: Record<string, string | number | boolean | undefined>;
  readonly details: ErrorDetail[];

  constructor(code: ErrorCode, message: string, options: ShuyuErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.params = options.params ?? {};
    this.details = options.details ?? [];
  }

  get status(): number {
    return ERROR_CODES[this.code];
  }

  /** A single-line location prefix such as `glossary.yaml:12:3` for human output. */
  get where(): string {
    const p = this.params;
    if (typeof p.file !== 'string') return '';
    const parts = [p.file];
    if (p.line !== undefined) parts.push(String(p.line));
    if (p.column !== undefined) parts.push(String(p.column));
    return parts.join(':');
  }

  toJSON(): { code: ErrorCode; message: string; params: ShuyuError['params']; details: ErrorDetail[] } {
    return { code: this.code, message: this.message, params: this.params, details: this.details };
  }
}

export function isShuyuError(e: unknown): e is ShuyuError {
  return e instanceof ShuyuError;
}

/** Formats `file:line:col: message` the way compilers do, omitting unknown parts. */
export function formatDetail(d: ErrorDetail): string {
  const where = [d.file, d.line ?? d.row, d.column ?? d.cell].filter((x) => x !== undefined).join(':');
  const concept = d.conceptId ? ` [${d.conceptId}]` : '';
  return `${where ? `${where}: ` : ''}${d.message}${concept}`;
}
