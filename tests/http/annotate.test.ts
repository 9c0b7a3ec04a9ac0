import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from './fixture.js';
import type { TestServer } from './fixture.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ maxAnnotateChars: 2000 });
});
afterAll(async () => {
  await server?.close();
});

async function annotate(body: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(`${server.url}/api/annotate`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

describe('POST /api/annotate', () => {
  it('reports every term of a mixed zh/en text with offsets, line, column and the pair', async () => {
    const text = '美国加强出口管制。\nNew export controls and data centres; 開放權重模型在數據中心。';
    const { status, body } = await annotate({ text });
    expect(status).toBe(200);
    const found = body.matches.map((m: any) => [m.text, m.conceptId]);
    expect(found).toEqual([
      ['出口管制', 'export-controls'],
      ['export controls', 'export-controls'],
      ['data centres', 'data-center'],
      ['開放權重', 'open-weight'],
      ['數據中心', 'data-center'],
    ]);
    for (const m of body.matches) expect(text.slice(m.start, m.end)).toBe(m.text);
    expect(body.matches[0]).toMatchObject({ line: 1, column: 5, status: 'preferred', lang: 'zh-Hans', pair: { zh: '出口管制', en: 'export controls' } });
    expect(body.matches[1]).toMatchObject({ line: 2, column: 5, term: 'export controls', how: ['exact'] });
    expect(body.matches[2]).toMatchObject({ term: 'data centre', status: 'admitted', pair: { zh: '数据中心', en: 'data center' } });
    expect(body.matches[3]).toMatchObject({ term: '開放權重', lang: 'zh-Hant', how: ['exact'] });
    expect(body.matches[4]).toMatchObject({ term: '数据中心', how: ['script'], pair: { zh: '数据中心', en: 'data center' } });
    expect(Object.keys(body.matches[0]).sort()).toEqual(
      ['start', 'end', 'line', 'column', 'text', 'glossaryId', 'conceptId', 'term', 'lang', 'status', 'how', 'pair'].sort(),
    );
  });

  it('matches Taiwan vocabulary in Traditional text only, or where the caller says the text is Traditional', async () => {
    const ids = async (body: unknown) => (await annotate(body)).body.matches.map((m: any) => `${m.text}:${m.conceptId}:${m.how.join('+')}`);
    // 资料中心 (Simplified characters, Taiwan wording): no Traditional character anywhere, so not by default
    expect(await ids({ text: '资料中心' })).toEqual([]);
    expect(await ids({ text: '资料中心', script: 'traditional' })).toEqual(['资料中心:data-center:script']);
    // 資 is a Traditional character: the text shows its script
    expect(await ids({ text: '這座資料中心' })).toEqual(['資料中心:data-center:script']);
    expect(await ids({ text: '這座資料中心', script: 'simplified' })).toEqual([]);
    const bad = await annotate({ text: 'x', script: 'cyrillic' });
    expect(bad.status).toBe(400);
  });

  it('flags forbidden terms with their status', async () => {
    const { body } = await annotate({ text: '根据总统令。' });
    expect(body.matches).toHaveLength(1);
    expect(body.matches[0]).toMatchObject({ text: '总统令', status: 'forbidden', pair: { zh: '行政令', en: 'executive order' } });
  });

  it('returns no matches for text without terms and accepts overlapping and glossaries', async () => {
    expect((await annotate({ text: 'nothing here' })).body).toEqual({ matches: [] });
    const r = await annotate({ text: 'red tape', overlapping: true, glossaries: ['test'] });
    expect(r.status).toBe(200);
    expect(r.body.matches[0].conceptId).toBe('red-tape');
  });

  it('rejects a missing text with 400, an unknown glossary with 404 and an oversized text with 413', async () => {
    const missing = await annotate({});
    expect(missing.status).toBe(400);
    expect(missing.body.error.code).toBe('usage');
    const wrongType = await annotate({ text: 42 });
    expect(wrongType.status).toBe(400);
    const unknown = await annotate({ text: 'x', glossaries: ['nope'] });
    expect(unknown.status).toBe(404);
    const big = await annotate({ text: 'a'.repeat(2001) });
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe('too_large');
  });
});
