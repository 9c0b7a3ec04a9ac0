import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../src/core/errors.js';
import { createMemoryStore } from '../../src/store/memory.js';
import { Engine } from '../../src/service/engine.js';
import { startTestServer } from './fixture.js';
import type { TestServer } from './fixture.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ maxJsonBytes: 1024 });
});
afterAll(async () => {
  await server?.close();
});

describe('HTTP errors and page serving', () => {
  it('answers unknown /api paths with 404 JSON', async () => {
    const res = await fetch(`${server.url}/api/nope`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    const body = await res.json();
    expect(body.error).toMatchObject({ code: 'not_found', details: [] });
    expect(body.error.message).toContain('/api/nope');
  });

  it('turns malformed JSON into 400 usage and an oversized body into 413 too_large', async () => {
    const bad = await fetch(`${server.url}/api/annotate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"text": ' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.code).toBe('usage');
    const big = await fetch(`${server.url}/api/annotate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'x'.repeat(5000) }),
    });
    expect(big.status).toBe(413);
    expect((await big.json()).error.code).toBe('too_large');
  });

  it('adds a message in the language of Accept-Language', async () => {
    const zh = await (await fetch(`${server.url}/api/nope`, { headers: { 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.8' } })).json();
    expect(zh.error.localizedMessage).toBe('未找到。');
    const en = await (await fetch(`${server.url}/api/nope`, { headers: { 'accept-language': 'fr, en;q=0.5' } })).json();
    expect(en.error.localizedMessage).toBe('Not found.');
  });

  it('hides unexpected failures behind 500 internal, without a stack trace', async () => {
    const store = createMemoryStore();
    store.listGlossaries = async () => {
      throw new Error('secret database detail');
    };
    const logged: unknown[] = [];
    const broken = await startTestServer({ engine: new Engine(store), logError: (e) => logged.push(e) });
    try {
      const res = await fetch(`${broken.url}/api/glossaries`);
      expect(res.status).toBe(ERROR_CODES.internal);
      const text = await res.text();
      expect(text).not.toContain('secret');
      expect(text).not.toMatch(/\bat .*\.(ts|js):\d+/);
      expect(JSON.parse(text).error.code).toBe('internal');
      expect(logged).toHaveLength(1);
    } finally {
      await broken.close();
    }
  });

  it('serves the page with a strict Content-Security-Policy, the i18next module and the catalogues', async () => {
    const page = await fetch(`${server.url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<script type="module" src="/app.js">');
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    const vendor = await fetch(`${server.url}/vendor/i18next.js`);
    expect(vendor.status).toBe(200);
    expect(vendor.headers.get('content-type')).toMatch(/javascript/);
    expect(await vendor.text()).toMatch(/export \{/);
    const catalogue = await fetch(`${server.url}/locales/zh/common.json`);
    expect((await catalogue.json()).appName).toBe('术语');
    const health = await (await fetch(`${server.url}/api/health`)).json();
    expect(health).toMatchObject({ ok: true, store: 'memory' });
  });
});
