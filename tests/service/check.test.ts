/**
 * checkFiles keeps the concept resolver of each matcher (built once per glossary set, like the matcher): a second
 * check reuses it, and a changed glossary — a new matcher — is seen by the next check.
 */
import { describe, expect, it } from 'vitest';
import type { Concept } from '../../src/core/model.js';
import { Engine } from '../../src/service/engine.js';
import { checkFiles } from '../../src/service/check.js';
import { createMemoryStore } from '../../src/store/memory.js';

const compute = (zh: string): Concept => ({
  id: 'compute',
  definitions: {},
  notes: [],
  terms: [
    { text: 'compute', lang: 'en', status: 'preferred' },
    { text: zh, lang: 'zh-Hans', status: 'preferred' },
  ],
});

const tsv = new TextEncoder().encode('source\ttarget\nWe need more compute.\t我们需要更多算力。\nCompute is scarce.\t算力稀缺。\n');

async function missing(engine: Engine): Promise<string[]> {
  const report = await checkFiles(engine, { inputs: [{ name: 'pairs.tsv', bytes: tsv }], sourceLang: 'en', targetLang: 'zh-Hans' });
  return report.findings.filter((f) => f.checkId === 'missing-term').map((f) => `${f.unitId}:${f.expected?.join('/')}`);
}

describe('checkFiles and glossary changes', () => {
  it('checks twice with the same glossary alike, and sees a changed glossary at once', async () => {
    const store = createMemoryStore();
    await store.replaceGlossary({ id: 'g', name: 'G', languages: ['en', 'zh-Hans'] }, [compute('算力')]);
    const engine = new Engine(store);
    expect(await missing(engine)).toEqual([]);
    expect(await missing(engine)).toEqual([]);
    await store.putConcept('g', compute('计算资源'));
    const after = await missing(engine);
    expect(after).toHaveLength(2);
    expect(after.every((x) => x.endsWith(':计算资源'))).toBe(true);
  });
});
