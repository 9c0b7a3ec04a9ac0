import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliRuns, FIXTURE_YAML, tempDir } from './run.js';

const tmp = tempDir();
const runs = cliRuns();
const TEXT = '美国加强出口管制。\nNew export controls and less red tape; 建设数据中心。\n';

// A multi-megabyte text: lines of varying length put terms on every offset modulo the 64 KiB read size.
const bigLines: string[] = [];
let bigExpected = 0;
for (let i = 0, size = 0; size < 3_000_000; i++) {
  const line = `${'中文字'.repeat(i % 17)}${'x'.repeat(i % 13)}出口管制 ${'y'.repeat(i % 7)} red tape.`;
  bigLines.push(line);
  size += line.length + 1;
  bigExpected += 2;
}
const BIG = `${bigLines.join('\n')}\n`;

beforeAll(async () => {
  const g = tmp.write('test.yaml', FIXTURE_YAML);
  const report = tmp.write('report.txt', TEXT);
  runs.start('list', ['annotate', report, '-g', g]);
  runs.start('json', ['annotate', report, '--json', '-g', g]);
  runs.start('stdin', ['annotate', '-', '--json', '-g', g], { input: '禁止繁文缛节' });
  runs.start('empty', ['annotate', '-', '--json', '-g', g], { input: '' });
  runs.start('none', ['annotate', '-', '-g', g], { input: 'nothing to see' });
  runs.start('big', ['annotate', tmp.write('big.txt', BIG), '--json', '-g', g]);
  const utf16 = tmp.write('utf16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('cut red tape', 'utf16le')]));
  runs.start('utf16', ['annotate', utf16, '--json', '-g', g]);
  const bom = tmp.write('bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('red tape', 'utf8')]));
  runs.start('bom', ['annotate', bom, '--json', '-g', g]);
  // Chinese Windows "ANSI" files: GB18030 (mainland) and Big5 (Taiwan, Hong Kong), no BOM.
  runs.start('gb18030', ['annotate', tmp.write('gb.txt', iconv.encode(TEXT, 'gb18030')), '--json', '-g', g]);
  const TRAD = '美國加強出口管制，減少繁文縟節；建設資料中心與數據中心。\n';
  runs.start('big5', ['annotate', tmp.write('big5.txt', iconv.encode(TRAD.repeat(3), 'big5')), '--json', '-g', g]);
  // Taiwan vocabulary (資料中心 for 数据中心): Traditional by its own characters (資), unless --script says otherwise
  runs.start('tw-auto', ['annotate', '-', '--json', '-g', g], { input: '資料中心' });
  runs.start('tw-simp', ['annotate', '-', '--json', '--script', 'simplified', '-g', g], { input: '這是資料中心' });
  runs.start('tw-trad', ['annotate', '-', '--json', '--script', 'traditional', '-g', g], { input: '资料中心' });
  runs.start('tw-bad', ['annotate', '-', '--script', 'klingon', '-g', g], { input: 'x' });
  await runs.all();
}, 900_000);
afterAll(() => tmp.remove());

describe('shuyu annotate', () => {
  it('lists every term with line:col and the pair when stdout is not a terminal', async () => {
    const r = await runs.get('list');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split('\n')).toEqual([
      '1:5\t出口管制 → 出口管制 ↔ export controls  preferred  test:export-controls',
      '2:5\texport controls → 出口管制 ↔ export controls  preferred  test:export-controls',
      '2:30\tred tape → 繁文缛节 ↔ red tape  preferred  test:red-tape',
      '2:42\t数据中心 → 数据中心 ↔ data center  preferred  test:data-center',
    ]);
  });

  it('prints one stable JSON document with --json; offsets index the text', async () => {
    const r = await runs.get('json');
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

  it('matches Taiwan vocabulary in Traditional text: detected from the characters, or said with --script', async () => {
    const texts = async (name: string) => JSON.parse((await runs.get(name)).stdout).matches.map((m: { text: string; conceptId: string }) => `${m.text}:${m.conceptId}`);
    expect(await texts('tw-auto')).toEqual(['資料中心:data-center']);
    expect(await texts('tw-simp')).toEqual([]);
    // 资料中心 in Simplified characters is Taiwan vocabulary too: only when the text is said to be Traditional
    expect(await texts('tw-trad')).toEqual(['资料中心:data-center']);
    const bad = await runs.get('tw-bad');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/klingon/);
  });

  it('reads standard input with -; an empty input gives {"matches":[]}', async () => {
    expect(JSON.parse((await runs.get('stdin')).stdout).matches.map((m: { text: string }) => m.text)).toEqual(['繁文缛节']);
    expect(JSON.parse((await runs.get('empty')).stdout)).toEqual({ matches: [] });
    const none = await runs.get('none');
    expect(none.code).toBe(0);
    expect(none.stderr).toContain('No glossary terms found.');
  });

  it('streams a multi-megabyte file: terms straddling chunk borders are found, positions stay exact', async () => {
    const r = await runs.get('big');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const { matches } = JSON.parse(r.stdout) as { matches: { start: number; end: number; text: string; line: number; column: number }[] };
    expect(matches).toHaveLength(bigExpected);
    for (const m of matches) expect(BIG.slice(m.start, m.end)).toBe(m.text);
    const last = matches[matches.length - 1]!;
    expect(last.line).toBe(bigLines.length);
    expect(last.column).toBe(bigLines[bigLines.length - 1]!.indexOf('red tape') + 1);
    // a line deep inside the file
    const k = 10_007;
    const atLine = matches.filter((m) => m.line === k + 1);
    expect(atLine.map((m) => m.column)).toEqual([bigLines[k]!.indexOf('出口管制') + 1, bigLines[k]!.indexOf('red tape') + 1]);
  });

  it('detects GB18030 and Big5 files and reports offsets into the decoded text', async () => {
    const gb = JSON.parse((await runs.get('gb18030')).stdout).matches as { text: string; line: number; column: number }[];
    expect(gb.map((m) => `${m.line}:${m.column} ${m.text}`)).toEqual(['1:5 出口管制', '2:5 export controls', '2:30 red tape', '2:42 数据中心']);
    const big5 = await runs.get('big5');
    expect(big5.stderr).toBe('');
    const trad = JSON.parse(big5.stdout).matches as { text: string; conceptId: string; how: string[] }[];
    // 資料中心 is Taiwan vocabulary for 数据中心
    expect(trad.slice(0, 4).map((m) => [m.text, m.conceptId])).toEqual([
      ['出口管制', 'export-controls'],
      ['繁文縟節', 'red-tape'],
      ['資料中心', 'data-center'],
      ['數據中心', 'data-center'],
    ]);
    expect(trad[1]!.how).toContain('script');
    expect(trad).toHaveLength(12);
  });

  it('reads UTF-16 files with a BOM and drops a UTF-8 BOM', async () => {
    expect(JSON.parse((await runs.get('utf16')).stdout).matches[0]).toMatchObject({ text: 'red tape', start: 4, column: 5 });
    expect(JSON.parse((await runs.get('bom')).stdout).matches[0]).toMatchObject({ text: 'red tape', start: 0, column: 1 });
  });
});
