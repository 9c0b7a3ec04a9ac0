/**
 * Differential test: the same seeded random sequence of operations (valid and invalid, with fresh and stale
 * revisions) runs against the memory store and the SQLite store; every result (value or error code and params)
 * and the final contents must be identical, versions included. Seeds are fixed, so a failure names its seed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isShuyuError } from '../../src/core/errors.js';
import type { Concept } from '../../src/core/model.js';
import { createMemoryStore } from '../../src/store/memory.js';
import { createSqliteStore } from '../../src/store/sqlite.js';
import type { BatchOp, GlossaryStore } from '../../src/store/types.js';
import { mulberry32 } from '../support/prng.js';


const tmp = mkdtempSync(path.join(os.tmpdir(), 'shuyu-diff-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

type Step = (s: GlossaryStore) => Promise<unknown>;

/**
 * Generates one random operation (all randomness drawn here, not when it runs, so both stores get the same
 * input); ids and texts come from small pools so that collisions happen often.
 */
function randomStep(rand: () => number): { name: string; run: Step } {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const glossary = pick(['g1', 'g2', '术语']);
  const id = pick(['a', 'b', 'c', 'd', 'e']);
  const rev = () => (rand() < 0.4 ? undefined : Math.floor(rand() * 4));
  const concept = (): Concept => {
    const text = pick(['出口管制', '开放权重', '𠮷野家', 'export control', 'open-weight']);
    const c: Concept = { id: pick(['a', 'b', 'c', 'd', 'e']), definitions: {}, notes: [], terms: [{ text, lang: pick(['zh-CN', 'en', 'zh-TW']), status: 'preferred' }] };
    if (rand() < 0.1) c.terms = []; // invalid
    if (rand() < 0.05) c.id = 'not valid';
    return c;
  };
  const r = rand();
  if (r < 0.08) return { name: `create ${glossary}`, run: (s) => s.createGlossary({ id: glossary, name: glossary, languages: ['zh-Hans', 'en'] }) };
  if (r < 0.12) return { name: `delete glossary ${glossary}`, run: (s) => s.deleteGlossary(glossary) };
  if (r < 0.16) {
    const name = rand() < 0.2 ? '' : `name ${id}`;
    return { name: `update ${glossary} "${name}"`, run: (s) => s.updateGlossary(glossary, { name }) };
  }
  if (r < 0.45) {
    const c = concept();
    const expectedRevision = rev();
    return { name: `put ${glossary}/${c.id}@${expectedRevision}`, run: (s) => s.putConcept(glossary, c, expectedRevision === undefined ? {} : { expectedRevision }) };
  }
  if (r < 0.6) {
    const expectedRevision = rev();
    return { name: `delete ${glossary}/${id}@${expectedRevision}`, run: (s) => s.deleteConcept(glossary, id, expectedRevision === undefined ? {} : { expectedRevision }) };
  }
  if (r < 0.85) {
    const ops: BatchOp[] = Array.from({ length: Math.floor(rand() * 5) }, () => {
      const expectedRevision = rev();
      const op: BatchOp = rand() < 0.7 ? { op: 'put', concept: concept() } : { op: 'delete', conceptId: pick(['a', 'b', 'c', 'd', 'e']) };
      return expectedRevision === undefined ? op : { ...op, expectedRevision };
    });
    return { name: `batch ${glossary} ×${ops.length}`, run: (s) => s.applyBatch(glossary, ops) };
  }
  if (r < 0.95) {
    const concepts = Array.from({ length: Math.floor(rand() * 4) }, concept);
    return { name: `replace ${glossary} ×${concepts.length}`, run: (s) => s.replaceGlossary({ id: glossary, name: `r ${glossary}`, languages: ['en'] }, concepts) };
  }
  return { name: `version ${glossary}`, run: (s) => s.version(glossary) };
}

/** A comparable outcome: the value without timestamps, or the error code and params. */
async function outcome(run: () => Promise<unknown>): Promise<unknown> {
  try {
    return { ok: strip(await run()) };
  } catch (e) {
    if (!isShuyuError(e)) throw e;
    return { error: e.code, params: e.params, details: e.details.length };
  }
}

function strip(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(strip);
  if (value && typeof value === 'object') {
    const { createdAt: _c, updatedAt: _u, ...rest } = value as Record<string, unknown>;
    return rest;
  }
  return value;
}

async function contents(s: GlossaryStore): Promise<unknown> {
  const out: unknown[] = [];
  for (const g of await s.listGlossaries()) out.push({ g, version: await s.version(g.id), concepts: strip(await s.listConcepts(g.id)) });
  return out;
}

describe('memory and SQLite stores behave identically', () => {
  for (const seed of [1, 42, 20251129]) {
    it(`seed ${seed}: 300 random operations give the same results and contents`, async () => {
      const rand = mulberry32(seed);
      const memory = createMemoryStore();
      const sqlite = createSqliteStore(path.join(tmp, `diff-${seed}.sqlite`));
      let ok = 0;
      for (let i = 0; i < 300; i++) {
        const step = randomStep(rand);
        const a = await outcome(() => step.run(memory));
        const b = await outcome(() => step.run(sqlite));
        expect(b, `seed ${seed}, step ${i}: ${step.name}`).toEqual(a);
        if ((a as { ok?: unknown }).ok !== undefined) ok++;
      }
      expect(await contents(sqlite)).toEqual(await contents(memory));
      // The sequence exercised both successes and failures.
      expect(ok).toBeGreaterThan(50);
      expect(ok).toBeLessThan(290);
      await memory.close();
      await sqlite.close();
    });
  }
});
