import { describe, expect, it } from 'vitest';
import { check, only, unit } from './helpers.js';

describe('untranslated', () => {
  it('reports missing and empty targets as information', async () => {
    const fs = await only('untranslated', [unit('Data centers.', undefined), unit('Data centers.', '  '), unit('Hello.', '\uFFFC')]);
    expect(fs.map((f) => [f.severity, f.messageKey])).toEqual([
      ['info', 'findings.untranslated-missing'],
      ['info', 'findings.untranslated-empty'],
      ['info', 'findings.untranslated-empty'],
    ]);
  });

  it('reports a copied target only when the source has a term that reads differently in the target language', async () => {
    const fs = await check([unit('Data centers need power.', 'Data centers need power.'), unit('Hello world.', 'Hello world.')]);
    expect(fs.map((f) => [f.checkId, f.messageKey, f.term])).toEqual([['untranslated', 'findings.untranslated-identical', 'Data centers']]);
  });
});
