/**
 * Seeds the built-in glossaries (glossary/*.yaml in the repository) into a store, and re-syncs one
 * (atomically, with replaceGlossary) when its file's SHA-256 differs from the stored sourceHash.
 * A broken built-in file stops start-up with a message naming the file, line and concept.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { ShuyuError, formatDetail, isShuyuError } from '../core/errors.js';
import type { GlossaryStore } from '../store/types.js';
import { parseGlossaryYaml } from '../formats/glossary-yaml.js';
import { decodeText } from '../formats/decode.js';
import { projectRoot } from '../i18n/project.js';

/**
 * The repository (package) root: the nearest folder above the running module holding Shuyu's package.json.
 * Works from src/ under tsx/vitest and from dist/src/ after a build.
 */
export const repoRoot: () => string = projectRoot;

/** The built-in glossary folder: <repo>/glossary. */
export function builtInGlossaryDir(): string {
  return path.join(repoRoot(), 'glossary');
}

export interface SeedResult {
  /** Glossary ids created for the first time. */
  created: string[];
  /** Glossary ids replaced because their file changed. */
  updated: string[];
  unchanged: string[];
  /** Built-in glossaries in the store whose file is gone (kept, never deleted automatically). */
  orphaned: string[];
  /** Built-in files not loaded because a user glossary already has their id (it is never overwritten). */
  shadowed: string[];
}

/**
 * Seeds or re-syncs every `*.yaml`/`*.yml` file of `dir` (default: the repository's glossary/ folder)
 * as a built-in glossary. A missing folder seeds nothing.
 */
export async function seedBuiltInGlossaries(store: GlossaryStore, dir: string = builtInGlossaryDir()): Promise<SeedResult> {
  const result: SeedResult = { created: [], updated: [], unchanged: [], orphaned: [], shadowed: [] };
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => /\.ya?ml$/i.test(f)).sort() : [];
  const seen = new Map<string, string>();
  const stored = await store.listGlossaries();
  // A file whose hash is already stored is unchanged: no need to parse it (start-up stays fast).
  const byHash = new Map(stored.filter((g) => g.builtIn && g.sourceHash).map((g) => [g.sourceHash!, g.id]));
  for (const name of files) {
    const file = path.join(dir, name);
    const bytes = readFileSync(file);
    const sourceHash = createHash('sha256').update(bytes).digest('hex');
    const shown = path.join(path.basename(dir), name);
    const unchangedId = byHash.get(sourceHash);
    if (unchangedId !== undefined && !seen.has(unchangedId)) {
      seen.set(unchangedId, shown);
      result.unchanged.push(unchangedId);
      continue;
    }
    let glossary;
    try {
      glossary = parseGlossaryYaml(decodeText(bytes, shown), shown).glossary;
    } catch (e) {
      throw builtInBroken(shown, e);
    }
    const other = seen.get(glossary.id);
    if (other) {
      throw new ShuyuError('conflict', `Built-in glossaries ${other} and ${shown} both have the id "${glossary.id}"`, {
        params: { file: shown, glossary: glossary.id },
      });
    }
    seen.set(glossary.id, shown);
    const current = await store.getGlossary(glossary.id);
    if (current && !current.builtIn) {
      result.shadowed.push(glossary.id);
      continue;
    }
    const { concepts, ...info } = glossary;
    await store.replaceGlossary({ ...info, builtIn: true, sourceHash }, concepts);
    (current ? result.updated : result.created).push(glossary.id);
  }
  for (const g of stored) if (g.builtIn && !seen.has(g.id)) result.orphaned.push(g.id);
  return result;
}

/** Wraps a read error of a built-in file so start-up fails with file, line and concept in the message. */
function builtInBroken(file: string, e: unknown): ShuyuError {
  if (!isShuyuError(e)) return new ShuyuError('internal', `Cannot read built-in glossary ${file}: ${(e as Error).message}`, { params: { file }, cause: e });
  const shown = e.details.slice(0, 5).map((d) => `  ${formatDetail(d)}`);
  const more = e.details.length > 5 ? [`  … and ${e.details.length - 5} more`] : [];
  const lines = shown.length ? [...shown, ...more].join('\n') : `  ${e.message}`;
  return new ShuyuError(e.code, `Built-in glossary ${file} is broken; fix it before starting Shuyu:\n${lines}`, {
    params: { ...e.params, file },
    details: e.details,
    cause: e,
  });
}
