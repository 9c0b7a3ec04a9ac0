import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO, runCli, tempDir } from './run.js';

const tmp = tempDir('shuyu-check-');
afterAll(() => tmp.remove());
const FIX = path.join(REPO, 'tests/fixtures/check');
const GLOSSARY = path.join(FIX, 'corpus-glossary.yaml');
const DATA = path.resolve(REPO, '../shared/data');

describe('shuyu check', () => {
  it('exits 0 on the clean corpus and prints a summary', async () => {
    const r = await runCli(['check', path.join(FIX, 'clean.tsv'), '-g', GLOSSARY]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('101 units checked, 0 findings (0 waived)');
  });

  it('exits 1 on the dirty corpus, naming file, line, unit, check and the marked term', async () => {
    const r = await runCli(['check', path.join(FIX, 'dirty.tsv'), '-g', GLOSSARY]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('dirty.tsv:6 [p005] error missing-term: “Frontier models” is not translated with the glossary term: expected 前沿模型');
    expect(r.stdout).toContain('source: «Frontier models» require rigorous testing before release.');
    expect(r.stdout).toContain('103 units checked, 12 findings (0 waived)');
  });

  it('--fail-on never exits 0; --format json -o writes the stable JSON report; --lang zh', async () => {
    const out = path.join(tmp.dir, 'r.json');
    const r = await runCli(['check', path.join(FIX, 'dirty.xlf'), '-g', GLOSSARY, '--format', 'json', '-o', out, '--fail-on', 'never', '--lang', 'zh']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(readFileSync(out, 'utf8'));
    expect(doc.schemaVersion).toBe(1);
    expect(doc.summary).toMatchObject({ units: 103, findings: 12, bySeverity: { error: 4, warning: 6, info: 2 } });
    const forbidden = doc.findings.find((f: { unitId: string }) => f.unitId === 'p002');
    expect(forbidden).toMatchObject({ checkId: 'forbidden-term', file: expect.stringContaining('dirty.xlf'), line: expect.any(Number), target: { text: '国安' }, expected: ['国家安全'] });
    expect(forbidden.message).toBe('“国安”是禁用术语：请改用 国家安全');
  });

  it('waivers (YAML next to the file or --waivers) make errors non-failing; --fail-on warning still fails', async () => {
    const waivers = tmp.write(
      'w.yaml',
      `waivers:
  - { check: forbidden-term, unit: p002, reason: quoted slogan, author: li, date: 2026-01-01 }
  - { check: forbidden-term, unit: p004, reason: legacy name, author: li, date: 2026-01-01 }
  - { check: missing-term, reason: paraphrase accepted, author: li, date: 2026-01-01 }
`,
    );
    const r = await runCli(['check', path.join(FIX, 'dirty.tsv'), '-g', GLOSSARY, '--waivers', waivers, '--format', 'sarif']);
    expect(r.code).toBe(0);
    const sarif = JSON.parse(r.stdout);
    expect(sarif.version).toBe('2.1.0');
    const results = sarif.runs[0].results as { ruleId: string; suppressions?: unknown[]; level: string }[];
    expect(results).toHaveLength(12);
    expect(results.filter((x) => x.suppressions).length).toBe(4);
    expect(sarif.runs[0].tool.driver.rules.map((x: { id: string }) => x.id)).toContain('inconsistent-segment');
    const w = await runCli(['check', path.join(FIX, 'dirty.tsv'), '-g', GLOSSARY, '--waivers', waivers, '--fail-on', 'warning']);
    expect(w.code).toBe(1);
  });

  it('exits 2 with file:line:column for a malformed file, and for bad usage', async () => {
    const r = await runCli(['check', path.join(DATA, 'xliff/omegat-tests/filters3__file-XLIFFFilter-invalid-content.xlf'), '-g', GLOSSARY]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/filters3__file-XLIFFFilter-invalid-content\.xlf:7:25: Malformed XML/);
    const u = await runCli(['check', path.join(FIX, 'clean.tsv'), '-g', GLOSSARY, '--format', 'pdf']);
    expect(u.code).toBe(2);
    expect(u.stderr).toContain('Unknown report format "pdf"');
  });

  it('checks a folder of i18next locale folders and reports missing keys as notices', async () => {
    const r = await runCli(['check', path.join(DATA, 'i18next/excalidraw'), '-g', GLOSSARY, '--format', 'json', '--fail-on', 'never']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.files).toEqual([expect.objectContaining({ format: 'i18next', units: 606, sourceLang: 'en', targetLang: 'zh-Hans' })]);
    expect(doc.notices).toHaveLength(4);
  });
});
