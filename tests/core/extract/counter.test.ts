import { describe, expect, it } from 'vitest';
import { CandidateCounter, displayForm, formsOf } from '../../../src/core/extract/counter.js';

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

  it('shows a later form when it becomes the most frequent, and lists every form once', () => {
    const c = new CandidateCounter();
    c.add('data center', ['data', 'center'], 'data center', 0, 'A data center.');
    c.add('data center', ['data', 'centers'], 'data centers', 0, 'Two data centers.');
    c.add('data center', ['data', 'centers'], 'data centers', 0, 'More data centers.');
    const e = c.entries.get('data center')!;
    expect(displayForm(e)).toBe('data centers');
    expect(formsOf(e)).toEqual([['data center', 1], ['data centers', 2]]);
  });

  it('counts a sentence-initial capital for the lower-case form, and keeps forms only ever seen capitalised', () => {
    const c = new CandidateCounter();
    c.add('quantum annealing', ['Quantum', 'annealing'], 'Quantum annealing', 0, 'Quantum annealing is rare.');
    c.add('quantum annealing', ['Quantum', 'annealing'], 'Quantum annealing', 0, 'Quantum annealing needs care.');
    c.add('quantum annealing', ['quantum', 'annealing'], 'quantum annealing', 0, 'We use quantum annealing.');
    expect(displayForm(c.entries.get('quantum annealing')!)).toBe('quantum annealing');
    c.add('commerce department', ['Commerce', 'Department'], 'Commerce Department', 0, 'The Commerce Department acts.');
    c.add('commerce department', ['Commerce', 'Department'], 'Commerce Department', 0, 'Commerce Department rules.');
    expect(displayForm(c.entries.get('commerce department')!)).toBe('Commerce Department');
    // a proper noun seen capitalised inside sentences wins over a stray lower-case form
    c.add('ai', ['AI'], 'AI', 0, 'We build AI.');
    c.add('ai', ['AI'], 'AI', 0, 'Use AI well.');
    c.add('ai', ['ai'], 'ai', 0, 'see ai.gov');
    expect(displayForm(c.entries.get('ai')!)).toBe('AI');
  });

  it('gives every candidate of a sentence that sentence as context', () => {
    const c = new CandidateCounter();
    const sentence = 'Export controls protect data centers.';
    c.add('export control', ['export', 'controls'], 'export controls', 0, sentence);
    c.add('data center', ['data', 'centers'], 'data centers', 0, sentence);
    expect(c.entries.get('export control')!.contexts[0]!.sentence).toBe(sentence);
    expect(c.entries.get('data center')!.contexts).toEqual([{ doc: 0, sentence }]);
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
