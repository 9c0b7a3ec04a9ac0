import { describe, expect, it } from 'vitest';
import { CandidateCounter, displayForm } from '../../../src/core/extract/counter.js';

describe('CandidateCounter', () => {
  it('counts forms, documents and a few contexts, and shows the most frequent form', () => {
    const c = new CandidateCounter({ maxContexts: 2 });
    c.add('export control', ['export', 'controls'], 'export controls', 0, 'Export controls matter.');
    c.add('export control', ['export', 'control'], 'export control', 1, 'One export control.');
    c.add('export control', ['export', 'controls'], 'export controls', 1, 'More export controls.');
    const e = c.entries.get('export control')!;
    expect(e.frequency).toBe(3);
    expect(e.docs).toEqual([0, 1]);
    expect(e.contexts).toHaveLength(2);
    expect(displayForm(e)).toBe('export controls');
  });

  it('stays bounded by pruning rare entries (seed 7)', () => {
    const c = new CandidateCounter({ maxEntries: 1000 });
    let x = 7;
    for (let i = 0; i < 50_000; i++) {
      x = (x * 1103515245 + 12345) >>> 0;
      const k = i % 10 === 0 ? 'frequent' : `rare-${x % 100_000}`;
      c.add(k, [k], k, 0, 's');
    }
    expect(c.entries.size).toBeLessThanOrEqual(1000);
    expect(c.entries.get('frequent')?.frequency).toBeGreaterThan(4000);
  });
});
