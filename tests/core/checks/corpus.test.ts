/**
 * The clean/dirty proof: 101 aligned en/zh sentence pairs that use the corpus glossary correctly yield no
 * finding; a copy with injected errors of every kind yields exactly the findings listed in its manifest.
 * Both as TSV and as XLIFF.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildMatcher } from '../../../src/core/match/index.js';
import { checkWithMatcher, conceptResolver } from '../../../src/service/check.js';
import { readGlossaryFile } from '../../../src/service/open.js';
import type { Finding } from '../../../src/core/checks/index.js';
import { FIXTURES, corpus } from './helpers.js';

interface Expected {
  check: string;
  unit: string;
  term?: string;
  message: string;
}

async function run(file: string) {
  const { matcher, resolve } = await corpus();
  return checkWithMatcher(matcher, resolve, ['corpus'], { inputs: [{ name: file, path: path.join(FIXTURES, file) }] });
}

function matches(f: Finding, e: Expected): boolean {
  if (f.checkId !== e.check || f.messageKey !== e.message) return false;
  if (e.term !== undefined && f.term !== e.term) return false;
  return f.locations ? f.locations.some((l) => l.unitId === e.unit) : f.unitId === e.unit;
}

const manifest = JSON.parse(readFileSync(path.join(FIXTURES, 'dirty-manifest.json'), 'utf8')) as { findings: Expected[] };

describe('clean/dirty corpus', () => {
  it('has at least 100 pairs and every kind of check among the injected findings', () => {
    const lines = readFileSync(path.join(FIXTURES, 'clean.tsv'), 'utf8').trim().split('\n');
    expect(lines.length - 1).toBeGreaterThanOrEqual(100);
    expect(new Set(manifest.findings.map((f) => f.check))).toEqual(new Set(['missing-term', 'forbidden-term', 'inconsistent-term', 'inconsistent-segment', 'term-count', 'untranslated']));
  });

  for (const ext of ['tsv', 'xlf']) {
    it(`clean.${ext} yields no finding`, async () => {
      const r = await run(`clean.${ext}`);
      expect(r.summary.units).toBe(101);
      expect(r.findings.map((f) => `${f.checkId} ${f.unitId} ${f.term}`)).toEqual([]);
    });

    it(`dirty.${ext} yields exactly the injected findings`, async () => {
      const r = await run(`dirty.${ext}`);
      const unexpected = r.findings.filter((f) => !manifest.findings.some((e) => matches(f, e)));
      const missing = manifest.findings.filter((e) => !r.findings.some((f) => matches(f, e)));
      expect(unexpected.map((f) => `${f.checkId} ${f.unitId} ${f.term}`)).toEqual([]);
      expect(missing).toEqual([]);
      expect(r.findings).toHaveLength(manifest.findings.length);
    });
  }

  it('clean.tsv also uses the built-in glossary (glossary/ai-policy.yaml) correctly: no finding', async () => {
    const g = await readGlossaryFile(path.join(FIXTURES, '../../../glossary/ai-policy.yaml'));
    const entries = g.concepts.map((concept) => ({ glossaryId: g.id, concept }));
    const r = await checkWithMatcher(buildMatcher(entries), conceptResolver(entries), [g.id], { inputs: [{ name: 'clean.tsv', path: path.join(FIXTURES, 'clean.tsv') }] });
    expect(r.findings.map((f) => `${f.checkId} ${f.unitId} ${f.term}`)).toEqual([]);
  });
});
