/**
 * `shuyu import`, `shuyu export` and `shuyu convert` through the real CLI (child processes) on a
 * temporary SQLite database: dry run, policies, all-or-nothing errors with exit code 2, format by extension.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from './run.js';

const tmp = tempDir('shuyu-io-cli-');
const db = path.join(tmp.dir, 'db.sqlite');
const env = { SHUYU_DB: db };
const SDL = path.resolve(__dirname, '../../../shared/data/tbx/okapi-lisa-samples/sdl_tbx.tbx');
afterAll(() => tmp.remove());

describe('shuyu import / export / convert', () => {
  it('imports with a dry run first, then for real, then exports in every format', async () => {
    const csv = tmp.write('术语.csv', '中文,English,英文定义\n开放权重,open-weight,Weights are public.\n出口管制,export control,\n');
    const dry = await runCli(['import', csv, '--into', 'team', '--dry-run'], { env });
    expect(dry.stderr).toBe('');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('Would import 术语.csv into new glossary team: 2 added');
    expect(dry.stdout).toContain('Dry run: nothing was written.');

    const real = await runCli(['import', csv, '--into', 'team', '--json'], { env });
    expect(real.code).toBe(0);
    const report = JSON.parse(real.stdout) as { counts: { added: number }; glossaryId: string };
    expect(report).toMatchObject({ glossaryId: 'team', counts: { added: 2 } });

    const again = await runCli(['import', csv, '--into', 'team', '--on-duplicate', 'merge'], { env });
    expect(again.stdout).toContain('0 added, 0 changed, 0 skipped, 2 unchanged');

    // the exports run side by side (each CLI start is slow on a busy machine)
    const formats = ['tbx', 'xlsx', 'json'];
    const [tsv, xlsxToStdout, ...files] = await Promise.all([
      runCli(['export', 'team', '--format', 'tsv', '--lang', 'zh-Hans,en'], { env }),
      runCli(['export', 'team', '--format', 'xlsx'], { env }),
      ...formats.map((ext) => runCli(['export', 'team', '-o', path.join(tmp.dir, `team.${ext}`)], { env })),
    ]);
    expect(tsv!.code).toBe(0);
    expect(tsv!.stdout.startsWith('\uFEFFid\tzh-Hans\t')).toBe(true);
    expect(tsv!.stdout).toContain('开放权重');
    files.forEach((r, i) => {
      expect(r.code, r.stderr).toBe(0);
      expect(existsSync(path.join(tmp.dir, `team.${formats[i]}`))).toBe(true);
    });
    expect(readFileSync(path.join(tmp.dir, 'team.tbx'), 'utf8')).toContain('<term>开放权重</term>');
    expect(xlsxToStdout!.code).toBe(2);
    expect(xlsxToStdout!.stderr).toContain('-o <file>');
  }, 300_000);

  it('reports every bad row and imports nothing (exit code 2)', async () => {
    const bad = tmp.write('bad.csv', 'zh,en,en status\n开放权重,open-weight,good\n出口管制,export control,bad\n');
    const r = await runCli(['import', bad, '--into', 'never'], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bad.csv:2:"en status": unknown status "good"');
    expect(r.stderr).toContain('2 problems; nothing was imported');
    expect(r.stderr).toMatch(/bad\.csv:3:"en status"/);
    const list = await runCli(['glossaries', '--json'], { env });
    expect(list.stdout).not.toContain('"never"');
  }, 120_000);

  it('converts TBX to XLSX and back without the store', async () => {
    const xlsx = path.join(tmp.dir, 'sdl.xlsx');
    const [r, usage] = await Promise.all([
      runCli(['convert', SDL, xlsx], { env }),
      runCli(['convert', SDL, path.join(tmp.dir, 'x.unknown')], { env }),
    ]);
    expect(r!.code, r!.stderr).toBe(0);
    expect(r!.stderr).toContain('Converted sdl_tbx.tbx (223 concepts)');
    expect(usage!.code).toBe(2);
    expect(usage!.stderr).toContain('unknown');
    const back = await runCli(['convert', xlsx, '-', '--to', 'csv', '--lang', 'de'], { env });
    expect(back.code, back.stderr).toBe(0);
    expect(back.stdout.split("\r\n").filter(Boolean).length).toBe(1 + 179); // header + the 179 concepts with a German term
  }, 300_000);
});
