/** Runs the real CLI (src/cli/main.ts through tsx) as a child process and collects its output. */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const MAIN = path.join(REPO, 'src/cli/main.ts');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** Written to the child's stdin (then closed). */
  input?: string | Buffer;
  env?: Record<string, string>;
  cwd?: string;
}

/**
 * `shuyu <args>`; NO_COLOR is set, SHUYU_DEBUG unset and messages in English (SHUYU_LANG=en, whatever the
 * machine's locale) unless `env` says otherwise.
 */
export function runCli(args: string[], options: RunOptions = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', SHUYU_LANG: 'en', ...options.env };
    if (!options.env?.SHUYU_DEBUG) delete env.SHUYU_DEBUG;
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], { cwd: options.cwd ?? REPO, env, stdio: 'pipe', timeout: 600_000 });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
    child.stdin.end(options.input ?? '');
  });
}

/** A temporary directory with helpers to write files into it. */
export function tempDir(prefix = 'shuyu-cli-'): { dir: string; write(name: string, content: string | Buffer): string; remove(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return {
    dir,
    write(name, content) {
      const file = path.join(dir, name);
      writeFileSync(file, content);
      return file;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The fixture glossary as Shuyu YAML. */
export const FIXTURE_YAML = `id: test
name: Test glossary
languages: [zh-Hans, en]
concepts:
  - id: export-controls
    definitions:
      en: Government restrictions on the transfer of goods and technology abroad.
    terms:
      - { text: 出口管制, lang: zh-Hans, status: preferred }
      - { text: export controls, lang: en, status: preferred }
      - { text: 出口限制, lang: zh-Hans, status: deprecated }
  - id: red-tape
    definitions:
      en: Excessive bureaucratic rules.
    terms:
      - { text: 繁文缛节, lang: zh-Hans, status: preferred }
      - { text: red tape, lang: en, status: preferred }
  - id: data-center
    terms:
      - { text: 数据中心, lang: zh-Hans, status: preferred }
      - { text: data center, lang: en, status: preferred }
`;

/**
 * Starts CLI runs concurrently (the machine may be slow to start a process) and hands out their results
 * by name: `const runs = cliRuns(); runs.start('help', ['--help']); … expect((await runs.get('help')).code)`.
 */
export function cliRuns(): {
  start(name: string, args: string[], options?: RunOptions): void;
  get(name: string): Promise<CliResult>;
  /** Waits for every started run (call at the end of beforeAll, which has a long timeout). */
  all(): Promise<void>;
} {
  const pending = new Map<string, Promise<CliResult>>();
  return {
    start(name, args, options) {
      const p = runCli(args, options);
      p.catch(() => {});
      pending.set(name, p);
    },
    async all() {
      await Promise.allSettled(pending.values());
    },
    get(name) {
      const p = pending.get(name);
      if (!p) throw new Error(`no CLI run named ${name}`);
      return p;
    },
  };
}
