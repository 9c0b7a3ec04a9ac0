/**
 * The Import / export tab in headless Chromium against the real app: export links for every format carry the
 * filters, upload → preview table → apply, row errors listed by row and cell, file text shown as text only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, openApp } from '../support/browser.js';
import type { TestBrowser } from '../support/browser.js';
import { startTestServer, XSS_TEXT } from '../http/fixture.js';
import type { TestServer } from '../http/fixture.js';

let server: TestServer;
let browser: TestBrowser;
const problems: string[] = [];

beforeAll(async () => {
  server = await startTestServer({ probe: true });
  browser = await launchBrowser({ locale: 'en-US' });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openTab(): Promise<Page> {
  const page = await openApp(browser, server.url, problems, { console: false });
  await page.click('#tab-glossary');
  await page.waitForSelector('#glossary-export-tbx');
  return page;
}

const file = (name: string, text: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });

describe('Import / export tab', () => {
  it('offers every export format with the chosen filters', async () => {
    const page = await openTab();
    await page.selectOption('#glossary-export-id', 'test');
    await page.fill('#glossary-export-langs', 'zh-Hans');
    await page.selectOption('#glossary-export-layout', 'term');
    for (const f of ['tbx', 'xlsx', 'csv', 'tsv', 'json', 'yaml']) {
      const href = await page.locator(`#glossary-export-${f}`).getAttribute('href');
      expect(href).toBe(`/api/glossaries/test/export?format=${f}&layout=term&lang=zh-Hans&status=preferred%2Cadmitted`);
    }
    const res = await page.evaluate(async (u) => (await fetch(u)).status, (await page.locator('#glossary-export-csv').getAttribute('href'))!);
    expect(res).toBe(200);
    await page.close();
  });

  it('previews an upload, then applies it', async () => {
    const page = await openTab();
    await page.setInputFiles('#glossary-import-file', file('术语.csv', `中文,English,英文定义\n前沿模型,"frontier model ${XSS_TEXT.replace(/"/g, '""')}","${XSS_TEXT.replace(/"/g, '""')}"\n開放權重,open weight,\n`));
    await page.fill('#glossary-import-into', 'test');
    await page.selectOption('#glossary-import-policy', 'skip');
    await page.click('#glossary-import-preview');
    await page.waitForSelector('#glossary-import-table tbody tr');
    expect(await page.locator('#glossary-import-status').innerText()).toContain('1 to add');
    expect(await page.locator('#glossary-import-table tbody tr[data-action="skip"]').count()).toBe(1);
    // the file's text is shown as text, never parsed as HTML
    expect(await page.locator('#glossary-import-table tbody').innerText()).toContain(XSS_TEXT);
    expect(await page.locator('#glossary-import-table img').count()).toBe(0);
    expect(await server.engine.store.countConcepts('test')).toBe(5);
    await page.click('#glossary-import-apply');
    await expect.poll(() => page.locator('#glossary-import-status').innerText()).toContain('Imported 术语.csv into test: 1 added');
    const added = (await server.engine.store.listConcepts('test')).find((c) => c.terms.some((t) => t.text === '前沿模型'));
    expect(added!.definitions.en).toBe(XSS_TEXT);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    await page.close();
  });

  it('lists every bad row with its cell', async () => {
    const page = await openTab();
    await page.setInputFiles('#glossary-import-file', file('bad.csv', 'zh,en,en status\n开放权重,open-weight,maybe\n出口管制,export control,perhaps\n'));
    await page.fill('#glossary-import-into', 'fresh');
    await page.click('#glossary-import-preview');
    await page.waitForSelector('#glossary-import-table tr.import-error');
    const rows = await page.locator('#glossary-import-table tr.import-error').allInnerTexts();
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/row 2\s+"en status"\s+unknown status "maybe"/);
    expect(await page.locator('#glossary-import-apply').isDisabled()).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });
});
