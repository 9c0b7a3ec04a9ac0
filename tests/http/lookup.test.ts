import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from './fixture.js';
import type { TestServer } from './fixture.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

async function lookup(query: string): Promise<{ status: number; body: any }> {
  const res = await fetch(`${server.url}/api/lookup?${query}`);
  return { status: res.status, body: await res.json() };
}

describe('GET /api/lookup', () => {
  it('finds 出口管制 ↔ export controls from the pinyin initials ckgz, with the whole concept', async () => {
    const { status, body } = await lookup('q=ckgz');
    expect(status).toBe(200);
    expect(body.query).toBe('ckgz');
    const first = body.results[0];
    expect(first).toMatchObject({
      glossaryId: 'test',
      conceptId: 'export-controls',
      reason: 'pinyin-initials',
      pair: { zh: '出口管制', en: 'export controls' },
      pairStatus: { zh: 'preferred', en: 'preferred' },
    });
    expect(first.definitions.en).toMatch(/restrictions on the transfer/);
    const zh = first.terms.find((t: any) => t.text === '出口管制');
    expect(zh).toMatchObject({ lang: 'zh-Hans', status: 'preferred', pinyin: 'chū kǒu guǎn zhì' });
    expect(first.terms.find((t: any) => t.text === '出口限制').status).toBe('deprecated');
    expect(first.terms.find((t: any) => t.lang === 'en').pinyin).toBeUndefined();
  });

  it('finds the concept from traditional script (出口管製) and from a typo (export contol)', async () => {
    const trad = await lookup(`q=${encodeURIComponent('出口管製')}`);
    expect(trad.body.results[0]?.conceptId).toBe('export-controls');
    const typo = await lookup(`q=${encodeURIComponent('export contol')}`);
    expect(typo.body.results[0]?.conceptId).toBe('export-controls');
    expect(typo.body.results[0]?.reason).not.toBe('exact');
  });

  it('ranks an exact English hit first and gives its reason', async () => {
    const { body } = await lookup(`q=${encodeURIComponent('red tape')}`);
    expect(body.results[0]).toMatchObject({ conceptId: 'red-tape', reason: 'exact', matched: 'red tape', pair: { zh: '繁文缛节', en: 'red tape' } });
  });

  it('honours limit and glossary', async () => {
    const one = await lookup('q=data&limit=1');
    expect(one.status).toBe(200);
    expect(one.body.results.length).toBeLessThanOrEqual(1);
    const scoped = await lookup(`q=${encodeURIComponent('开放权重')}&glossary=test`);
    expect(scoped.body.results[0]?.conceptId).toBe('open-weight');
  });

  it('returns an empty list, not an error, when nothing matches', async () => {
    const { status, body } = await lookup('q=qqqqqqqqqqqqxz');
    expect(status).toBe(200);
    expect(body.results).toEqual([]);
  });

  it.each([
    ['', 'q'],
    ['q=', 'q'],
    ['q=ckgz&limit=0', 'limit'],
    ['q=ckgz&limit=abc', 'limit'],
    ['q=ckgz&limit=1000', 'limit'],
  ])('rejects %j with 400 usage naming the field', async (query, field) => {
    const { status, body } = await lookup(query);
    expect(status).toBe(400);
    expect(body.error.code).toBe('usage');
    expect(body.error.details.some((d: any) => d.message.startsWith(field))).toBe(true);
  });

  it('answers 404 not_found for an unknown glossary', async () => {
    const { status, body } = await lookup('q=ckgz&glossary=nope');
    expect(status).toBe(404);
    expect(body.error).toMatchObject({ code: 'not_found', params: { glossary: 'nope' } });
  });
});
