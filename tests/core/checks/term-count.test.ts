import { describe, expect, it } from 'vitest';
import { only, unit } from './helpers.js';

describe('term-count', () => {
  it('warns when the source term occurs more often than its translation', async () => {
    const fs = await only('term-count', [unit('Export controls work; export controls matter.', '出口管制有效且重要。')]);
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ severity: 'warning', term: 'Export controls', params: { sourceCount: 2, targetCount: 1 } });
  });

  it('is quiet when counts match, when the target has more, or when the target has none (missing-term)', async () => {
    const units = [
      unit('Export controls work; export controls matter.', '出口管制有效，出口管制重要。'),
      unit('Export controls work.', '出口管制有效，出口管制重要。'),
      unit('Export controls work; export controls matter.', '规则有效。'),
    ];
    expect(await only('term-count', units)).toEqual([]);
  });
});
