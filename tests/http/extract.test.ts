import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from './fixture.js';
import type { TestServer } from './fixture.js';

const here = path.dirname(fileURLToPath(import.meta.url));
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

async function post(url: string, body: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(`${server.url}${url}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: await res.json() };
}

describe('POST /api/extract', () => {
  it('ranks candidates of pasted text and marks those the glossary holds', async () => {
    const { status, body } = await post('/api/extract', { text: '美国加强出口管制，建设数据中心。数据中心需要电网。出口管制覆盖芯片。', top: 10 });
    expect(status).toBe(200);
    expect(body.result.lang).toBe('zh');
    const byText = new Map(body.result.candidates.map((c: any) => [c.text, c]));
    expect(byText.get('出口管制')).toMatchObject({ frequency: 2, known: { glossaryId: 'test', conceptId: 'export-controls' } });
    expect((byText.get('电网') as any).contexts[0].sentence).toBe('数据中心需要电网。');
  });

  it('accepts uploaded documents (Chinese file names intact)', async () => {
    const form = new FormData();
    form.append('files', new Blob(['New export controls cover chips. Chip exports need licences.']), '报告.txt');
    form.append('lang', 'en');
    const res = await fetch(`${server.url}/api/extract`, { method: 'POST', body: form });
    const body = (await res.json()) as any;
    expect(res.status).toBe(200);
    expect(body.result.documents).toEqual(['报告.txt']);
    expect(body.result.candidates.map((c: any) => c.text)).toContain('export controls');
  });

  it('takes length limits: minWords lists multi-word terms only, limits out of bounds are a 400', async () => {
    const text = 'New export controls cover chips. Data centers need the power grid. Data centers need water.';
    const { status, body } = await post('/api/extract', { text, minWords: 2 });
    expect(status).toBe(200);
    const texts = body.result.candidates.map((c: any) => c.text.toLowerCase());
    expect(texts).toEqual(expect.arrayContaining(['data centers', 'export controls']));
    expect(texts.filter((t: string) => !t.includes(' '))).toEqual([]);
    for (const bad of [{ maxWords: 0 }, { maxChars: 1000 }, { minWords: 3, maxWords: 2 }]) {
      const r = await post('/api/extract', { text, ...bad });
      expect(r.status).toBe(400);
      expect(r.body.error.code).toBe('usage');
    }
  });

  it('answers 400 for a request without text and for bad fields', async () => {
    expect((await post('/api/extract', {})).status).toBe(400);
    const bad = await post('/api/extract', { text: 'x', lang: 'fr' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('usage');
  });
});

describe('POST /api/extract/parallel', () => {
  it('proposes pairs from uploaded TSV', async () => {
    const form = new FormData();
    form.append('files', new Blob([readFileSync(path.resolve(here, '../fixtures/extract/parallel.tsv'))]), 'parallel.tsv');
    const res = await fetch(`${server.url}/api/extract/parallel`, { method: 'POST', body: form });
    const body = (await res.json()) as any;
    expect(res.status).toBe(200);
    expect(body.result.segments).toBeGreaterThanOrEqual(200);
    expect(body.result.pairs.find((p: any) => p.zh === '出口管制')).toMatchObject({ en: 'export controls', source: 'glossary' });
  });

  it('takes segments as JSON', async () => {
    const { status, body } = await post('/api/extract/parallel', { segments: [{ zh: '鼓励开放权重（open-weight）模型。', en: 'Encourage open-weight models.' }] });
    expect(status).toBe(200);
    expect(body.result.pairs[0]).toMatchObject({ zh: '开放权重', en: 'open-weight', source: 'definition' });
  });
});

describe('review', () => {
  it('accepts a candidate into a writable glossary, rejects one and lists rejections', async () => {
    await post('/api/glossaries', { id: 'mine', name: 'Mine', languages: ['zh-Hans', 'en'] });
    const acc = await post('/api/extract/accept', { glossary: 'mine', zh: '电网', en: 'power grid', contextZh: '数据中心需要电网。' });
    expect(acc.status).toBe(201);
    expect(acc.body.concept).toMatchObject({ id: 'power-grid', terms: [{ text: '电网', context: '数据中心需要电网。' }, { text: 'power grid' }] });
    const rej = await post('/api/extract/reject', { glossary: 'mine', text: '芯片', lang: 'zh' });
    expect(rej.status).toBe(201);
    const list = (await (await fetch(`${server.url}/api/extract/rejections/mine`)).json()) as any;
    expect(list.rejections.map((r: any) => r.text)).toEqual(['芯片']);
    const again = await post('/api/extract', { text: '出口管制覆盖芯片。芯片需要电网。', rejectionsFor: 'mine' });
    expect(again.body.result.candidates.map((c: any) => c.text)).not.toContain('芯片');
    expect((await post('/api/extract/accept', { glossary: 'nope', en: 'x' })).status).toBe(404);
  });

  it('tells whether the dictionary is available', async () => {
    const body = (await (await fetch(`${server.url}/api/extract/dictionary`)).json()) as any;
    expect(typeof body.available).toBe('boolean');
  });
});
