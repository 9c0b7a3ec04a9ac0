import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { cliRuns, FIXTURE_YAML, runCli, tempDir } from './run.js';

const tmp = tempDir();
const runs = cliRuns();
const QUERIES = ['ckgz', '出口管製', 'export contol', '出口管制'];

beforeAll(async () => {
  // the built-in glossary, seeded once into a database of our own, then every run at once
  const env = { SHUYU_DB: path.join(tmp.dir, 'shuyu.sqlite') };
  const glossary = tmp.write('test.yaml', FIXTURE_YAML);
  const seeded = await runCli(['glossaries', '--json'], { env });
  if (seeded.code !== 0) throw new Error(`seeding failed: ${seeded.stderr}`);
  for (const q of QUERIES) runs.start(q, ['lookup', q, '--json'], { env });
  runs.start('human', ['lookup', 'ckgz'], { env });
  runs.start('words', ['lookup', 'open', 'weight', '--json', '--limit', '1'], { env });
  runs.start('file', ['--glossary', glossary, 'lookup', 'red tape', '--json']);
  runs.start('none', ['lookup', 'qqqqxqqqqxqqq', '-g', glossary]);
  runs.start('badLimit', ['lookup', 'x', '--limit', '0', '-g', glossary]);
  await runs.all();
}, 900_000);
afterAll(() => tmp.remove());

describe('shuyu lookup (built-in glossary)', () => {
  it.each(QUERIES)('finds 出口管制 ↔ export controls for %s', async (query) => {
    const r = await runs.get(query);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const body = JSON.parse(r.stdout);
    expect(body.query).toBe(query);
    expect(body.results[0].pair).toEqual({ zh: '出口管制', en: 'export controls' });
  });

  it('prints a readable block: pair, reason, terms with status and pinyin, definition', async () => {
    const r = await runs.get('human');
    expect(r.code).toBe(0);
    const first = r.stdout.split('\n\n')[0]!;
    expect(first).toMatch(/^1\. 出口管制 ↔ export controls  ai-policy:/);
    expect(first).toMatch(/found by pinyin initials/);
    expect(first).toMatch(/zh-Hans\s+出口管制 \[chū kǒu guǎn zhì\]\s+preferred/);
    expect(first).toMatch(/definition \(en\) /);
    expect(r.stdout).not.toMatch(/\u001b\[/); // NO_COLOR and not a TTY
  });

  it('joins several words into one query and honours --limit', async () => {
    const body = JSON.parse((await runs.get('words')).stdout);
    expect(body.query).toBe('open weight');
    expect(body.results).toHaveLength(1);
    expect(body.results[0].pair.zh).toBe('开放权重');
  });
});

describe('shuyu lookup --glossary <file>', () => {
  it('works on a glossary file directly, with the documented JSON shape', async () => {
    const r = await runs.get('file');
    expect(r.code).toBe(0);
    const [hit] = JSON.parse(r.stdout).results;
    expect(hit).toMatchObject({
      glossaryId: 'test',
      conceptId: 'red-tape',
      reason: 'exact',
      matched: 'red tape',
      pair: { zh: '繁文缛节', en: 'red tape' },
      pairStatus: { zh: 'preferred', en: 'preferred' },
      definitions: { en: 'Excessive bureaucratic rules.' },
    });
    expect(hit.terms[0]).toMatchObject({ text: '繁文缛节', lang: 'zh-Hans', status: 'preferred', pinyin: 'fán wén rù jié' });
    for (const key of ['conceptId', 'definitions', 'glossaryId', 'matched', 'matchedLang', 'notes', 'pair', 'pairStatus', 'reason', 'score', 'terms']) {
      expect(hit).toHaveProperty(key);
    }
  });

  it('says so when nothing is found (exit 0)', async () => {
    const r = await runs.get('none');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('No concept found for "qqqqxqqqqxqqq".');
  });

  it('rejects a bad --limit with exit code 2', async () => {
    const r = await runs.get('badLimit');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^shuyu: .*limit.*1 to 100/m);
  });
});
