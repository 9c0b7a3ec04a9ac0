import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliRuns, FIXTURE_YAML, tempDir } from './run.js';

const tmp = tempDir();
const runs = cliRuns();
const noStack = (s: string) => expect(s).not.toMatch(/^\s+at .+:\d+/m);

beforeAll(async () => {
  const g = tmp.write('test.yaml', FIXTURE_YAML);
  runs.start('missing', ['annotate', 'no-such-file.txt', '-g', g]);
  runs.start('debug', ['annotate', 'no-such-file.txt', '-g', g], { env: { SHUYU_DEBUG: '1' } });
  const png = tmp.write('image.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]));
  runs.start('binary', ['annotate', png, '-g', g]);
  const latin1 = tmp.write('latin1.txt', Buffer.concat([Buffer.from('red tape '.repeat(200)), Buffer.from([0xe9, 0x74, 0xe9])]));
  runs.start('latin1', ['annotate', latin1, '--json', '-g', g]);
  const broken = tmp.write(
    'broken.yaml',
    [
      'id: broken',
      'name: Broken',
      'languages: [zh-Hans, en]',
      'concepts:',
      '  - id: good-one',
      '    terms:',
      '      - { text: 好, lang: zh-Hans, status: preferred }',
      '  - id: bad-status',
      '    terms:',
      '      - { text: 坏, lang: zh-Hans, status: favourite }',
      '',
    ].join('\n'),
  );
  runs.start('invalid', ['lookup', 'x', '-g', broken]);
  const malformed = tmp.write('malformed.yaml', 'id: m\nname: M\nconcepts:\n  - id: a\n    terms: [ { text: x\n');
  runs.start('malformed', ['lookup', 'x', '-g', malformed]);
  runs.start('noGlossary', ['lookup', 'x', '-g', 'nope.yaml']);
  runs.start('unknown', ['frobnicate']);
  runs.start('missingArg', ['lookup']);
  runs.start('badOption', ['annotate', 'x.txt', '--frob']);
  runs.start('help', ['--help']);
  runs.start('version', ['--version']);
  await runs.all();
}, 900_000);
afterAll(() => tmp.remove());

describe('CLI errors and exit codes', () => {
  it('missing input file: exit 2, one clear line, no stack trace', async () => {
    const r = await runs.get('missing');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^shuyu: .*no-such-file\.txt/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stdout).toBe('');
    noStack(r.stderr);
  });

  it('binary input and invalid UTF-8: exit 2 with bad_encoding', async () => {
    const r = await runs.get('binary');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^shuyu: .*image\.png.* binary/);
    noStack(r.stderr);
    const bad = await runs.get('latin1');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/not valid UTF-8/);
  });

  it('invalid glossary file: the message names the file, the line and the concept id', async () => {
    const r = await runs.get('invalid');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/broken\.yaml:(8|9|10)\b/);
    expect(r.stderr).toContain('bad-status');
    noStack(r.stderr);
  });

  it('malformed YAML: parse error with file:line', async () => {
    const r = await runs.get('malformed');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/malformed\.yaml:\d+/);
    noStack(r.stderr);
  });

  it('missing glossary file: exit 2', async () => {
    const r = await runs.get('noGlossary');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^shuyu: .*nope\.yaml/);
  });

  it('usage errors exit 2; --help and --version exit 0', async () => {
    const unknown = await runs.get('unknown');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^shuyu: unknown command 'frobnicate'/);
    expect((await runs.get('missingArg')).code).toBe(2);
    expect((await runs.get('badOption')).code).toBe(2);
    const help = await runs.get('help');
    expect(help.code).toBe(0);
    for (const command of ['lookup', 'annotate', 'serve', 'glossaries']) expect(help.stdout).toContain(command);
    const version = await runs.get('version');
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('shows a stack trace only with SHUYU_DEBUG=1', async () => {
    const r = await runs.get('debug');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^\s+at .+/m);
  });
});
