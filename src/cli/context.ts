/**
 * What every CLI command gets: output writers, TTY/colour handling, the engine opener (honouring the
 * global `--glossary` and `--db` options) and `fail(error)`, which prints one clear message and sets the
 * exit code. Commands never call process.exit themselves and never print stack traces.
 */
import type { Engine } from '../service/engine.js';
import { ShuyuError, formatDetail, isShuyuError } from '../core/errors.js';
import type { ErrorCode } from '../core/errors.js';
import { localizeError, serverI18n } from '../i18n/index.js';
import type { UiLanguage } from '../i18n/index.js';
import { cliLanguage } from './ui-lang.js';

/** Translates a message key of the CLI (`key` of the cli catalogue, or `ns:key`) in the language of messages. */
export type Translate = (key: string, params?: Record<string, unknown>) => string;

/** Options defined on the root `shuyu` program, available to every command. */
export interface GlobalOptions {
  /** Work on these glossary files (any importable format) instead of the store. */
  glossary?: string[];
  /** SQLite database path (default $SHUYU_DB or <repo>/data/shuyu.sqlite). */
  db?: string;
  /** false with `--no-color`. */
  color?: boolean;
  /** `--ui-lang`: the language of the CLI's messages (en, zh). */
  uiLang?: string;
}

/** A text sink such as process.stdout. */
export interface Writer {
  write(chunk: string): boolean;
  once(event: 'drain', listener: () => void): unknown;
}

/** ANSI styles; each is the identity when colours are off. */
export interface Style {
  bold(s: string): string;
  dim(s: string): string;
  underline(s: string): string;
  red(s: string): string;
  green(s: string): string;
  yellow(s: string): string;
  blue(s: string): string;
  magenta(s: string): string;
  cyan(s: string): string;
  /** Highlight for a matched term in running text (inverse video + bold). */
  mark(s: string): string;
}

export interface CliContext {
  readonly stdout: Writer;
  readonly stderr: Writer;
  /** stdout is a terminal (human output may be laid out for a screen). */
  readonly isTTY: boolean;
  /** Colours: on a TTY only, not with NO_COLOR set, not with `--no-color`. */
  readonly colorEnabled: boolean;
  readonly style: Style;
  /** The language of the CLI's own messages (see cli/ui-lang.ts). */
  readonly lng: UiLanguage;
  /** A message of the `cli` catalogue (public/locales/<lng>/cli.json), or `ns:key` of another one. */
  t: Translate;
  /** The parsed global options. */
  globals(): GlobalOptions;
  /** Writes text to stdout and waits for the stream to drain when its buffer is full (bounded memory). */
  write(text: string): Promise<void>;
  /** Writes one line to stdout. */
  out(line: string): Promise<void>;
  /** Writes one line to stderr. */
  err(line: string): void;
  /** Opens (once) and returns the engine for this invocation. */
  engine(): Promise<Engine>;
  /** Closes the engine if it was opened. Called by main after the command finished. */
  close(): Promise<void>;
  /** Reports an error to the user and sets the exit code (2 bad input/usage, 1 internal). */
  fail(error: unknown): void;
  /** The exit code the process should end with. */
  exitCode: number;
}

export interface CreateContextOptions {
  stdout?: Writer & { isTTY?: boolean };
  stderr?: Writer;
  env?: NodeJS.ProcessEnv;
  /** Returns the parsed global options (main passes `() => program.opts()`). */
  globals?: () => GlobalOptions;
  /** Overrides how the engine is opened (defaults to openEngine with the global options). */
  openEngine?: (globals: GlobalOptions) => Promise<Engine>;
}

/** Error codes that mean "the user's input or command line is wrong" → exit code 2. */
const USER_ERROR_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'usage',
  'invalid_input',
  'parse_error',
  'unsupported_format',
  'too_large',
  'unsafe_input',
  'bad_encoding',
  'not_found',
  'empty_import',
  'conflict',
]);

/** Exit code for an error: 2 for usage and bad input, 1 for internal failures and timeouts. */
export function exitCodeFor(error: ShuyuError): number {
  return USER_ERROR_CODES.has(error.code) ? 2 : 1;
}

/** Turns Node system errors (ENOENT, EISDIR …) into ShuyuErrors (the path goes to params.file, shown as the location); anything else becomes `internal`. */
export function toShuyuError(error: unknown): ShuyuError {
  if (isShuyuError(error)) return error;
  const e = error as NodeJS.ErrnoException | undefined;
  const file = typeof e?.path === 'string' ? e.path : undefined;
  const params = file ? { file } : {};
  switch (e?.code) {
    case 'ENOENT':
      return new ShuyuError('not_found', 'No such file', { params, cause: error });
    case 'EISDIR':
      return new ShuyuError('usage', 'Is a directory, not a file', { params, cause: error });
    case 'EACCES':
    case 'EPERM':
      return new ShuyuError('usage', 'Permission denied', { params, cause: error });
    case 'EADDRINUSE':
      return new ShuyuError('usage', `Address already in use${e.message.match(/ [\d.:[\]a-f]+$/i)?.[0] ?? ''}`, { cause: error });
    default:
      return new ShuyuError('internal', `Internal error: ${e instanceof Error ? e.message : String(error)}`, { cause: error });
  }
}

const ANSI: Record<keyof Style, [number, number]> = {
  bold: [1, 22],
  dim: [2, 22],
  underline: [4, 24],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  blue: [34, 39],
  magenta: [35, 39],
  cyan: [36, 39],
  mark: [7, 27],
};

/** ANSI styles when `enabled`, identity functions otherwise. */
export function makeStyle(enabled: boolean): Style {
  const style = {} as Style;
  for (const [name, [open, close]] of Object.entries(ANSI) as [keyof Style, [number, number]][]) {
    style[name] = enabled ? (s: string) => `\u001b[${open}m${s}\u001b[${close}m` : (s: string) => s;
  }
  if (enabled) style.mark = (s: string) => `\u001b[1;7m${s}\u001b[22;27m`;
  return style;
}

/**
 * Formats an error the way compilers do: `shuyu: file:line:col: message`, then one indented line per detail. In
 * English the message is the error's own; in another language it is the code's message from errors.json with
 * the error's own (English, technical) message after it in brackets, as the web page shows it.
 */
export function formatError(error: ShuyuError, lng: UiLanguage = 'en'): string {
  const where = error.where;
  // some messages already start with their location: do not repeat it
  const prefix = where && !error.message.startsWith(where) ? `${where}: ` : '';
  const english = `${prefix}${error.message}`;
  const head =
    lng === 'en'
      ? english
      : localizeError(error.code, lng, error.params, error.message, {
          anyReason: true,
          // the CLI's own wording where the web's would be wrong ("the server failed", "the request is invalid")
          ...(error.code === 'internal' || error.code === 'usage' ? { message: serverI18n().t(error.code, { ns: 'cli', lng }) } : {}),
        });
  const lines = [`shuyu: ${head}`];
  const max = 20;
  // a single detail that only repeats the headline adds nothing
  const details = error.details.length === 1 && [english, error.message].includes(formatDetail(error.details[0]!)) ? [] : error.details;
  for (const d of details.slice(0, max)) lines.push(`  ${formatDetail(d)}`);
  if (details.length > max) lines.push(`  ${serverI18n().t('more', { ns: 'cli', lng, count: details.length - max })}`);
  return lines.join('\n');
}

/** Creates the context for one CLI invocation. */
export function createCliContext(options: CreateContextOptions = {}): CliContext {
  const stdout = options.stdout ?? process.stdout;
  const stderr = options.stderr ?? process.stderr;
  const env = options.env ?? process.env;
  const globals: () => GlobalOptions = options.globals ?? (() => ({}));
  // Loaded on first use: `--help`, `--version` and usage errors never pay for the store and format readers.
  const open =
    options.openEngine ??
    (async (g: GlobalOptions) => (await import('../service/open.js')).openEngine({ dbPath: g.db, glossaryFiles: g.glossary }));
  const isTTY = Boolean(stdout.isTTY);
  let enginePromise: Promise<Engine> | undefined;
  let style: Style | undefined;

  const colorEnabled = (): boolean => isTTY && !('NO_COLOR' in env && env.NO_COLOR !== '') && globals().color !== false;
  const lng = (): UiLanguage => cliLanguage(globals().uiLang, env);

  const write = (text: string): Promise<void> =>
    stdout.write(text) ? Promise.resolve() : new Promise<void>((resolve) => stdout.once('drain', resolve));

  const ctx: CliContext = {
    stdout,
    stderr,
    isTTY,
    get colorEnabled() {
      return colorEnabled();
    },
    get style() {
      return (style ??= makeStyle(colorEnabled()));
    },
    get lng() {
      return lng();
    },
    t(key, params = {}) {
      const [ns, k] = key.includes(':') ? (key.split(':', 2) as [string, string]) : ['cli', key];
      return serverI18n().t(k, { ns, lng: lng(), ...params });
    },
    globals,
    write,
    out: (line) => write(`${line}\n`),
    err: (line) => void stderr.write(`${line}\n`),
    engine() {
      const opened = enginePromise ?? open(globals());
      enginePromise = opened;
      return opened;
    },
    async close() {
      if (!enginePromise) return;
      const pending = enginePromise;
      enginePromise = undefined;
      try {
        await (await pending).close();
      } catch {
        // opening failed (already reported) or closing failed: nothing more to do
      }
    },
    fail(error) {
      const e = toShuyuError(error);
      ctx.err(formatError(e, lng()));
      if (env.SHUYU_DEBUG === '1' || env.SHUYU_DEBUG === 'true') {
        ctx.err(e.stack ?? String(e));
        if (e.cause !== undefined) ctx.err(`caused by: ${e.cause instanceof Error && e.cause.stack ? e.cause.stack : String(e.cause)}`);
      }
      ctx.exitCode = exitCodeFor(e);
    },
    exitCode: 0,
  };
  return ctx;
}
