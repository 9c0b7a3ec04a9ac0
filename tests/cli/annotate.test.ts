import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_YAML, runCli, tempDir } from './run.js';

const tmp = tempDir();
let glossary: string;
const TEXT = '美国加强出口管制。\nNew export controls and less red tape; 建设数据中心。\n';

beforeAll(() => {
  glossary = tmp.write('test.yaml', FIXTURE_YAML);
});
afterAll(() => tmp.remove());

describe('shuyu annotate', () => {
  it('lists every term with line:col and the pair when stdout is not a terminal', async () => {
    const file = tmp.write('report.txt', TEXT);
    const r = await runCli(['annotate', file, '-g', glossary]);
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split('\n')).toEqual([
      '1:5\t出口管制 → 出口管制 ↔ export controls  preferred  test:export-controls',
      '2:5\texport controls → 出口管制 ↔ export controls  preferred  test:export-controls',
      '2:30\tred tape → 繁文缛节 ↔ red tape  preferred  test:red-tape',
      '2:42\t数据中心 → 数据中心 ↔ data center  preferred  test:data-center',
    ]);
  });

  it('prints one stable JSON document with --json; offsets index the text', async () => {
    const file = tmp.write('report.txt', TEXT);
    const r = await runCli(['annotate', file, '--json', '-g', glossary]);
    expect(r.code).toBe(0);
    const body = JSON.parse(r.stdout);
    expect(Object.keys(body)).toEqual(['matches']);
    expect(body.matches).toHaveLength(4);
    expect(body.matches[0]).toEqual({
      start: 4,
      end: 8,
      line: 1,
      column: 5,
      text: '出口管制',
      glossaryId: 'test',
      conceptId: 'export-controls',
      term: '出口管制',
      lang: 'zh-Hans',
      status: 'preferred',
      how: ['exact'],
      pair: { zh: '出口管制', en: 'export controls' },
    });
    for (const m of body.matches) expect(TEXT.slice(m.start, m.end)).toBe(m.text);
  });

  it('reads standard input with -, and an empty input gives {"matches":[]}', async () => {
    const r = await runCli(['annotate', '-', '--json', '-g', glossary], { input: '禁止繁文缛节' });
    expect(JSON.parse(r.stdout).matches.map((m: { text: string }) => m.text)).toEqual(['繁文缛节']);
    const empty = await runCli(['annotate', '-', '--json', '-g', glossary], { input: '' });
    expect(JSON.parse(empty.stdout)).toEqual({ matches: [] });
    const none = await runCli(['annotate', '-', '-g', glossary], { input: 'nothing to see' });
    expect(none.code).toBe(0);
    expect(none.stderr).toContain('No glossary terms found.');
  });

  it('streams a multi-megabyte file: terms straddling chunk borders are found, positions stay exact', async () => {
    // lines of varying length so that terms land on every offset modulo the 64 KiB read size
    const lines: string[] = [];
    let expected = 0;
    for (let i = 0; lines.join('\n').length < 3_000_000; i++) {
      const filler = '中文字'.repeat(i % 17) + 'x'.repeat(i % 13);
      lines.push(`${filler}出口管制 ${'y'.repeat(i % 7)} red tape.`);
      expected += 2;
    }
    const text = `${lines.join('\n')}\n`;
    const file = tmp.write('big.txt', text);
    const r = await runCli(['annotate', file, '--json', '-g', glossary]);
    expect(r.code).toBe(0);
    const { matches } = JSON.parse(r.stdout) as { matches: { start: number; end: number; text: string; line: number; column: number }[] };
    expect(matches).toHaveLength(expected);
    for (const m of matches) expect(text.slice(m.start, m.end)).toBe(m.text);
    const last = matches[matches.length - 1]!;
    expect(last.line).toBe(lines.length);
    expect(last.column).toBe(lines[lines.length - 1]!.indexOf('red tape') + 1);
  });

  it('reads UTF-16 files with a BOM and drops a UTF-8 BOM', async () => {
    const utf16 = tmp.write('utf16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('cut red tape', 'utf16le')]));
    const a = JSON.parse((await runCli(['annotate', utf16, '--json', '-g', glossary])).stdout);
    expect(a.matches[0]).toMatchObject({ text: 'red tape', start: 4, column: 5 });
    const bom = tmp.write('bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('red tape', 'utf8')]));
    const b = JSON.parse((await runCli(['annotate', bom, '--json', '-g', glossary])).stdout);
    expect(b.matches[0]).toMatchObject({ text: 'red tape', start: 0, column: 1 });
  });
});
