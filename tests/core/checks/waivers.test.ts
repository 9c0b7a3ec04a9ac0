import { describe, expect, it } from 'vitest';
import { applyWaivers, parseWaivers } from '../../../src/core/checks/index.js';
import { check, unit } from './helpers.js';

describe('waivers', () => {
  it('marks covered findings as waived and returns stale waivers', async () => {
    const a = unit('New data centers.', '新机房。');
    const b = unit('Compute.', '算力。');
    const c = unit('Compute grows.', '计算资源增长。');
    const fs = await check([a, b, c]);
    expect(fs.map((f) => f.checkId)).toEqual(['missing-term', 'inconsistent-term']);
    const waivers = parseWaivers({
      waivers: [
        { check: 'missing-term', unit: a.id, term: 'data centers', reason: 'machine room is the client term', author: 'li', date: '2026-01-02' },
        { check: 'inconsistent-term', term: 'compute', reason: 'both fine here', author: 'li', date: new Date('2026-01-03') },
        { check: 'forbidden-term', key: 'nope', reason: 'old', author: 'li', date: '2025-12-01' },
      ],
    });
    const stale = applyWaivers(fs, waivers);
    expect(fs.every((f) => f.waived)).toBe(true);
    expect(stale.map((w) => w.unit)).toEqual(['nope']);
    expect(waivers[1]!.date).toBe('2026-01-03');
  });

  it('rejects waivers without reason, author or a known check, listing every problem', () => {
    expect(() => parseWaivers([{ check: 'missing-term', author: 'x', date: '2026-01-01' }, { check: 'spelling', reason: 'r', author: 'a', date: '2026-01-01' }])).toThrow(
      expect.objectContaining({ code: 'invalid_input', details: [expect.objectContaining({ message: expect.stringContaining('reason') }), expect.objectContaining({ message: expect.stringContaining('check') })] }),
    );
    expect(() => parseWaivers({ nope: 1 })).toThrow(/list of waivers/);
  });
});
