import { describe, expect, it } from 'vitest';
import type { Concept, Term } from '../../src/core/model.js';
import { annotateChunks, buildMatcher } from '../../src/core/match/index.js';
import type { MatcherEntry, TermMatch } from '../../src/core/match/index.js';

function entry(id: string, terms: [string, string, Partial<Term>?][]): MatcherEntry {
  const concept: Concept = { id, definitions: {}, notes: [], terms: terms.map(([text, lang, extra]) => ({ text, lang, status: 'preferred', ...extra })) };
  return { glossaryId: 'g', concept };
}

const matcher = buildMatcher([
  entry('ow', [['开放权重', 'zh-Hans'], ['open-weight', 'en']]),
  entry('ai', [['人工智能', 'zh-Hans'], ['AI', 'en', { caseSensitive: true }]]),
  entry('ec', [['export control', 'en'], ['出口管制', 'zh-Hans']]),
  entry('grid', [['grid', 'en']]),
  entry('model', [['model', 'en'], ['模型', 'zh-Hans']]),
  entry('fm', [['frontier model', 'en'], ['前沿模型', 'zh-Hans']]),
]);

const TEXT =
  "He said 開放權重 models' and the model's Open Weights, ＡＩ, 人工智慧 with ｅｘｐｏｒｔ　ｃｏｎｔｒｏｌｓ; gridlock grid 𠀀AI芯片 " +
  'Export-Controls openweight 前沿模型😀frontier models grid';

async function collect(chunks: string[], opts: Parameters<typeof annotateChunks>[2]): Promise<TermMatch[]> {
  const out: TermMatch[] = [];
  for await (const m of annotateChunks(matcher, chunks, opts)) out.push(m);
  return out;
}

const key = (ms: TermMatch[]) => ms.map((m) => `${m.start}-${m.end}:${m.conceptId}:${m.text}:${m.how.join('+')}`);

describe('annotateChunks', () => {
  for (const overlapping of [false, true]) {
    it(`finds the same matches as find() with a border at every position (overlapping: ${overlapping})`, async () => {
      const expected = key(matcher.find(TEXT, { overlapping }));
      expect(expected.length).toBeGreaterThan(10);
      for (let p = 0; p <= TEXT.length; p++) {
        const got = await collect([TEXT.slice(0, p), TEXT.slice(p)], { overlapping, holdBack: 24 });
        expect(key(got), `border at ${p}`).toEqual(expected);
      }
    });
  }

  it('finds the same matches with one-character chunks and with three chunks', async () => {
    const expected = key(matcher.find(TEXT));
    expect(key(await collect([...TEXT.split('')], { holdBack: 24 }))).toEqual(expected);
    for (let p = 0; p < TEXT.length; p += 7) {
      const q = Math.min(TEXT.length, p + 13);
      expect(key(await collect([TEXT.slice(0, p), TEXT.slice(p, q), TEXT.slice(q)], { holdBack: 24 }))).toEqual(expected);
    }
  });

  it('keeps the text before a chunk border as context for Taiwan vocabulary (script)', async () => {
    // 人工智慧 is the Taiwan form of 人工智能: it matches only with Traditional text (這 與) around it
    const text = `這是說明與${'，'.repeat(20)}人工智慧 and 人工智慧`;
    const expected = key(matcher.find(text));
    expect(expected.filter((k) => k.includes('人工智慧'))).toHaveLength(2);
    for (let p = 0; p <= text.length; p++) {
      expect(key(await collect([text.slice(0, p), text.slice(p)], { holdBack: 24 })), `border at ${p}`).toEqual(expected);
      expect(key(await collect([text.slice(0, p), text.slice(p)], { holdBack: 24, overlapping: true })), `border at ${p}`).toEqual(key(matcher.find(text, { overlapping: true })));
    }
    // and in Simplified text it stays unmatched whatever the chunks
    const simplified = `这是说明${'，'.repeat(20)}人工智慧`;
    for (let p = 0; p <= simplified.length; p++) expect(key(await collect([simplified.slice(0, p), simplified.slice(p)], { holdBack: 24 }))).toEqual([]);
  });

  it('reports offsets relative to the whole stream with the default hold-back', async () => {
    const big = Array.from({ length: 200 }, (_, i) => `${i} ${TEXT}\n`).join('');
    const chunks: string[] = [];
    for (let i = 0; i < big.length; i += 333) chunks.push(big.slice(i, i + 333));
    const got = await collect(chunks, {});
    expect(key(got)).toEqual(key(matcher.find(big)));
    for (const m of got) expect(big.slice(m.start, m.end)).toBe(m.text);
  });

  it('accepts an async iterable and keeps memory bounded by the hold-back', async () => {
    async function* gen(): AsyncIterable<string> {
      for (let i = 0; i < 2000; i++) yield `第${i}段：开放权重模型与出口管制。 `;
    }
    let count = 0;
    let last = -1;
    for await (const m of annotateChunks(matcher, gen())) {
      expect(m.start).toBeGreaterThanOrEqual(last);
      last = m.end;
      count++;
    }
    expect(count).toBe(2000 * 3);
  });
});
