/**
 * Where the project's files are at run time. The code runs both from `src/` (tsx) and from `dist/src/`
 * (built), so paths are found by walking up to the package.json named `shuyu`, never hard-coded.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let cachedRoot: string | undefined;

/** The repository (package) root: the nearest ancestor directory whose package.json is named `shuyu`. */
export function projectRoot(): string {
  if (cachedRoot) return cachedRoot;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'shuyu') return (cachedRoot = dir);
      } catch {
        // not our package.json: keep walking
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('Cannot find the shuyu package root');
    dir = parent;
  }
}

/** The package version from package.json. */
export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(path.join(projectRoot(), 'package.json'), 'utf8')) as { version?: string };
  return pkg.version ?? '0.0.0';
}

/** The static web root (public/). */
export function publicDir(): string {
  return path.join(projectRoot(), 'public');
}

/** The message catalogues: public/locales/<lng>/<ns>.json. */
export function localesDir(): string {
  return path.join(publicDir(), 'locales');
}
