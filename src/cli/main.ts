#!/usr/bin/env node
/**
 * The `shuyu` command line. Each command lives in src/cli/commands/<name>.ts and exports
 * `register<Name>(program, ctx)`; to add one, add ONE import and ONE register line below.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError } from 'commander';
import { createCliContext } from './context.js';
import type { CliContext, CreateContextOptions, GlobalOptions } from './context.js';
import { packageVersion } from '../i18n/project.js';
import { registerLookup } from './commands/lookup.js';
import { registerAnnotate } from './commands/annotate.js';
import { registerServe } from './commands/serve.js';
import { registerGlossaries } from './commands/glossaries.js';
import { registerCheck } from './commands/check.js';
import { registerImport } from './commands/import.js';
import { registerExport } from './commands/export.js';
import { registerConvert } from './commands/convert.js';
import { registerExtract } from './commands/extract.js';
import { uiLanguage } from './arguments.js';
import { localizeCommanderError, localizedHelp } from './commander-i18n.js';
import { uiLangArgument } from './ui-lang.js';

/** Registers every command on the program (one line per command). */
function registerCommands(program: Command, ctx: CliContext): void {
  registerLookup(program, ctx);
  registerAnnotate(program, ctx);
  registerServe(program, ctx);
  registerGlossaries(program, ctx);
  registerCheck(program, ctx);
  registerImport(program, ctx);
  registerExport(program, ctx);
  registerConvert(program, ctx);
  registerExtract(program, ctx);
}

/** Collects a repeatable option's values (`-g a.yaml -g b.tbx`); not variadic, so it cannot swallow the command name. */
function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** Builds the root program with its global options; errors are thrown (exitOverride), not exited on. */
export function buildProgram(ctx: CliContext): Command {
  const h = (key: string, params?: Record<string, unknown>) => ctx.t(`cli-help:${key}`, params);
  const program = new Command('shuyu')
    .description(h('program'))
    .version(packageVersion(), '-V, --version', h('global.version'))
    .option('-g, --glossary <file>', h('global.glossary'), collect)
    .option('--db <path>', h('global.db'))
    .option('--no-color', h('global.noColor'))
    .option('--ui-lang <lang>', h('global.uiLang'), uiLanguage(ctx.t))
    .helpOption('-h, --help', h('global.help'))
    .helpCommand('help [command]', h('global.helpCommand'))
    .configureHelp(localizedHelp(ctx))
    .showHelpAfterError(h('global.afterError'))
    .exitOverride()
    .configureOutput({
      writeOut: (s) => void ctx.stdout.write(s),
      writeErr: (s) => void ctx.stderr.write(s),
      outputError: (s, write) => write(`shuyu: ${localizeCommanderError(s.replace(/^error: /, ''), ctx)}`),
    });
  registerCommands(program, ctx);
  return program;
}

/** Runs the CLI on argv (as in process.argv) and returns the exit code. */
export async function run(argv: string[], options: Omit<CreateContextOptions, 'globals'> = {}): Promise<number> {
  let program: Command | undefined;
  // the help texts are written before parsing: they take --ui-lang from the raw arguments
  const early = uiLangArgument(argv.slice(2));
  const globals = (): GlobalOptions => {
    const parsed = (program?.opts() ?? {}) as GlobalOptions;
    return parsed.uiLang === undefined && early !== undefined ? { ...parsed, uiLang: early } : parsed;
  };
  const ctx = createCliContext({ ...options, globals });
  program = buildProgram(ctx);
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      const ok = error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.exitCode === 0;
      ctx.exitCode = ok ? 0 : 2;
    } else {
      ctx.fail(error);
    }
  } finally {
    await ctx.close();
  }
  return ctx.exitCode;
}

function isMainModule(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMainModule()) {
  // `shuyu annotate big.txt | head`: a closed pipe is a normal end, not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
  });
  process.exitCode = await run(process.argv);
}
