import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../src/store/memory.js';
import { concept, runStoreContract } from './contract.js';

runStoreContract('memory', () => createMemoryStore());

describe('memory store', () => {
  it('keeps separate stores apart', async () => {
    const a = createMemoryStore();
    const b = createMemoryStore();
    await a.createGlossary({ id: 'g', name: 'g', languages: ['en'] });
    await a.putConcept('g', concept('c1'));
    expect(await b.listGlossaries()).toEqual([]);
    expect(a.description).toBe('memory');
  });
});
