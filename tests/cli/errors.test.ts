import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_YAML, runCli, tempDir } from './run.js';

const tmp = tempDir();
let glossary: string;
const noStack = (s: string) => expect(s).not.toMatch(/^\s+at .+:\d+/m);

beforeAll(() => {
  glossary = tmp.write('test.yaml', FIXTURE_YAML);
});
afterAll(() => tmp.remove());

describe('CLI errors and exit codes', () => {
  it('missing input file: exit 2, one clear line, no stack trace', async () => {
    const r = await runCli(['annotate', 'no-such-file.txt', '-g', glossary]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^shuyu: .*no-such-file\.txt/);
    expect(r.stdout).toBe('');
    noStack(r.stderr);
  });

  it('binary input: exit 2 with bad_encoding', async () => {
    const png = tmp.write('image.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]));
    const r = await runCli(['annotate', png, '-g', glossary]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^shuyu: .*image\.png.* binary/);
    noStack(r.stderr);
    const latin1 = tmp.write('latin1.txt', Buffer.concat([Buffer.from('red tape '.repeat(200)), Buffer.from([0xe9, 0x74, 0xe9])]));
    const bad = await runCli(['annotate', latin1, '--json', '-g', glossary]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/not valid UTF-8/);
  });

  it('invalid glossary file: the message names the file, the line and the concept id', async () => {
    const broken = tmp.write(
      'broken.yaml',
      `id: broken
name: Broken
languages: [zh-Hans, en]
concepts:
  - id: good-one
    terms:
      - { text: 好, lang: zh-Hans, status: preferred }
  - id: bad-status
    terms:
      - { text: 坏, lang: zh-Hans, status: favourite }
`,
    );
    const r = await runCli(['lookup', 'x', '-g', broken]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('broken.yaml');
    expect(r.stderr).toMatch(/broken\.yaml:(8|9|10)\b/);
    expect(r.stderr).toContain('bad-status');
    noStack(r.stderr);
  });

  it('malformed YAML: parse error with file:line:col', async () => {
    const malformed = tmp.write('malformed.yaml', 'id: m\nname: M\nconcepts:\n  - id: a\n    terms: [ { text: x\n');
    const r = await runCli(['lookup', 'x', '-g', malformed]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/malformed\.yaml:\d+(:\d+)?/);
    noStack(r.stderr);
  });

  it('missing glossary file: exit 2', async () => {
    const r = await runCli(['lookup', 'x', '-g', 'nope.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^shuyu: .*nope\.yaml/);
  });

  it('usage errors exit 2; --help and --version exit 0', async () => {
    const unknown = await runCli(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^shuyu: unknown command 'frobnicate'/);
    const missingArg = await runCli(['lookup']);
    expect(missingArg.code).toBe(2);
    const badOption = await runCli(['annotate', 'x.txt', '--frob']);
    expect(badOption.code).toBe(2);
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/lookup/);
    expect(help.stdout).toMatch(/annotate/);
    expect(help.stdout).toMatch(/serve/);
    const version = await runCli(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('shows a stack trace only with SHUYU_DEBUG=1', async () => {
    const r = await runCli(['annotate', 'no-such-file.txt', '-g', glossary], { env: { SHUYU_DEBUG: '1' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^\s+at .+/m);
  });
});
