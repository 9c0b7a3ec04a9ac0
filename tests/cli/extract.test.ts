import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { cliRuns, FIXTURE_YAML, REPO, tempDir } from './run.js';

const tmp = tempDir();
const runs = cliRuns();
const PARALLEL = path.join(REPO, 'tests/fixtures/extract/parallel.tsv');
let xlsxFile = '';

beforeAll(() => {
  const g = tmp.write('test.yaml', FIXTURE_YAML);
  const zh = tmp.write('zh.txt', '美国加强出口管制，建设数据中心。\n数据中心需要电网。出口管制覆盖芯片。\n');
  const en = tmp.write('en.md', '# Plan\n\nNew export controls cover chips. Data centers need the power grid. Data centers need water.\n');
  xlsxFile = path.join(tmp.dir, 'out.xlsx');
  runs.start('zh', ['extract', zh, '--top', '3', '-g', g]);
  runs.start('json', ['extract', en, '--format', 'json', '--lang', 'en', '-g', g]);
  runs.start('csv', ['extract', zh, '--format', 'csv', '--no-known-terms', '-g', g]);
  runs.start('xlsx', ['extract', zh, '--format', 'xlsx', '-o', xlsxFile, '-g', g]);
  runs.start('parallel', ['extract', '--parallel', PARALLEL, '--format', 'json', '-g', g]);
  runs.start('badlang', ['extract', zh, '--lang', 'fr', '-g', g]);
  runs.start('missing', ['extract', path.join(tmp.dir, 'nope.txt'), '-g', g]);
  runs.start('xlsx-stdout', ['extract', zh, '--format', 'xlsx', '-g', g]);
  runs.start('multi', ['extract', en, '--lang', 'en', '--min-words', '2', '--format', 'json', '-g', g]);
  runs.start('badlen', ['extract', en, '--min-words', '3', '--max-words', '2', '-g', g]);
});
afterAll(() => tmp.remove());

// eight CLI processes start at once on a small machine: the first result may take a while
describe('shuyu extract', { timeout: 300_000 }, () => {
  it('lists ranked Chinese candidates with frequency, score, context and known concepts', async () => {
    const r = await runs.get('zh');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Chinese candidates \(3, \d+ words, keyness against jieba/);
    expect(r.stdout).toMatch(/出口管制 \[known: test:export-controls\]\s+×2 score/);
    expect(r.stdout).toContain('美国加强出口管制，建设数据中心。');
  }, 300_000);

  it('prints JSON with candidates and their evidence', async () => {
    const r = await runs.get('json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as { lang: string; candidates: { text: string; frequency: number; documents: number[]; contexts: unknown[]; known?: unknown }[] };
    expect(j.lang).toBe('en');
    const dc = j.candidates.find((c) => c.text === 'Data centers')!;
    expect(dc.frequency).toBe(2);
    expect(dc.documents).toEqual([0]);
    expect(dc.known).toMatchObject({ conceptId: 'data-center' });
  });

  it('writes CSV with a BOM, without known candidates when asked', async () => {
    const r = await runs.get('csv');
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('\uFEFFlang,term,score,frequency')).toBe(true);
    expect(r.stdout).not.toMatch(/^zh,出口管制,/m);
    expect(r.stdout).toMatch(/^zh,电网,/m);
  });

  it('writes XLSX to a file and refuses XLSX on stdout', async () => {
    expect((await runs.get('xlsx')).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(xlsxFile) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('candidates')!;
    expect(ws.getRow(1).getCell(2).value).toBe('term');
    expect(ws.rowCount).toBeGreaterThan(2);
    const bad = await runs.get('xlsx-stdout');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--output');
  });

  it('proposes zh–en pairs from parallel text', async () => {
    const r = await runs.get('parallel');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as { segments: number; pairs: { zh: string; en: string; source: string }[] };
    expect(j.segments).toBeGreaterThanOrEqual(200);
    expect(j.pairs.find((p) => p.zh === '出口管制')).toMatchObject({ source: 'glossary' });
    expect(j.pairs.find((p) => p.zh === '半导体')?.en.toLowerCase()).toMatch(/^semiconductors?$/);
  });

  it('lists only candidates as long as --min-words asks, and refuses contradicting limits', async () => {
    const r = await runs.get('multi');
    expect(r.code).toBe(0);
    const texts = (JSON.parse(r.stdout) as { candidates: { text: string }[] }).candidates.map((c) => c.text.toLowerCase());
    expect(texts).toEqual(expect.arrayContaining(['data centers', 'export controls', 'power grid']));
    expect(texts.filter((t) => !t.includes(' '))).toEqual([]);
    const bad = await runs.get('badlen');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('minWords (3) is larger than maxWords (2)');
  });

  it('fails with exit code 2 on bad input', async () => {
    const lang = await runs.get('badlang');
    expect(lang.code).toBe(2);
    expect(lang.stderr).toContain('Unknown language "fr"');
    const missing = await runs.get('missing');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('No such file');
  });
});
