/**
 * The Check and Extract tabs in headless Chromium against the real app (memory store, fixture glossary `test`):
 * upload a translated file, see findings with the terms highlighted, filter them, download a report; extract
 * candidates from pasted text, accept one into a glossary (then lookup finds it) and reject another (not
 * proposed again). File contents are shown as text only.
 */
import { readFileSync } from 'node:fs';
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
  browser = await launchBrowser({ locale: 'en-US', acceptDownloads: true });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openTab(tab: 'check' | 'extract'): Promise<Page> {
  const page = await openApp(browser, server.url, problems, { ignoreConsole: 'the server responded with a status of' });
  await page.click(`#tab-${tab}`);
  await page.waitForSelector(`#${tab}-run`);
  return page;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** An XLIFF 1.2 file (en → zh-Hans): one unit uses the deprecated 出口限制, one is right, one is empty, one carries HTML, one leaves the term out. */
const XLIFF = `<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="app.strings" source-language="en" target-language="zh-Hans" datatype="plaintext">
    <body>
      <trans-unit id="u1"><source>Export controls matter.</source><target>出口限制很重要。</target></trans-unit>
      <trans-unit id="u2"><source>New export controls on chips.</source><target>新的芯片出口管制。</target></trans-unit>
      <trans-unit id="u3"><source>Build a data center.</source><target></target></trans-unit>
      <trans-unit id="u5"><source>Export controls on GPUs.</source><target>对GPU的管控。</target></trans-unit>
      <trans-unit id="u4"><source>Red tape ${esc(XSS_TEXT)}</source><target>繁文缛节 ${esc(XSS_TEXT)}</target></trans-unit>
    </body>
  </file>
</xliff>
`;

describe('Check tab', () => {
  it('shows findings for an uploaded XLIFF with terms highlighted, filters them and downloads the HTML report', async () => {
    const page = await openTab('check');
    expect(await page.locator('#check-filter-check').isVisible()).toBe(false); // nothing to filter yet
    await page.setInputFiles('#check-files', { name: 'app.zh-Hans.xlf', mimeType: 'application/xliff+xml', buffer: Buffer.from(XLIFF, 'utf8') });
    await page.selectOption('#check-glossaries', 'test');
    await page.click('#check-run');
    const rows = page.locator('#check-findings tbody tr');
    await rows.first().waitFor();
    expect(await page.locator('#check-summary').innerText()).toMatch(/5 units/);
    const checks = await rows.evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset['check']));
    expect(checks).toContain('missing-term');
    expect(checks).toContain('forbidden-term');
    expect(checks).toContain('untranslated');

    // the forbidden-term row highlights 出口限制 in the target, the missing-term row "Export controls" in the source
    const forbidden = page.locator('#check-findings tbody tr[data-check="forbidden-term"]').first();
    expect(await forbidden.locator('mark.term-mark').allInnerTexts()).toContain('出口限制');
    expect(await forbidden.innerText()).toContain('u1');
    expect(await forbidden.innerText()).toContain('出口管制'); // the term to use instead
    const missing = page.locator('#check-findings tbody tr[data-check="missing-term"]').first();
    expect(await missing.innerText()).toContain('u5');
    expect(await missing.locator('mark.term-mark').first().innerText()).toBe('Export controls');

    // filters: by check, then by severity
    await page.selectOption('#check-filter-check', 'forbidden-term');
    await expect.poll(async () => [...new Set(await rows.evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset['check'])))]).toEqual(['forbidden-term']);
    await page.selectOption('#check-filter-check', '');
    await page.selectOption('#check-filter-severity', 'info');
    await expect.poll(async () => [...new Set(await rows.evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset['check'])))]).toEqual(['untranslated']);
    await page.selectOption('#check-filter-severity', '');

    // file text containing HTML is shown as text
    expect(await page.locator('#check-findings').innerText()).not.toContain('window.__xss=1"><');
    expect(await page.locator('#check-findings img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();

    // download the HTML report: one self-contained file with the same findings
    await page.selectOption('#check-download-format', 'html');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#check-download')]);
    expect(download.suggestedFilename()).toBe('shuyu-check.html');
    const html = readFileSync((await download.path())!, 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/i);
    expect(html).toContain('forbidden-term');
    expect(html).toContain('出口限制');
    expect(html).not.toContain(XSS_TEXT); // escaped in the report too
    await page.close();
    expect(problems).toEqual([]);
  });

  it('names the file and the reason when the upload is malformed', async () => {
    const page = await openTab('check');
    await page.setInputFiles('#check-files', { name: 'broken.xlf', mimeType: 'application/xliff+xml', buffer: Buffer.from(XLIFF.replace('</trans-unit>', ''), 'utf8') });
    await page.selectOption('#check-glossaries', 'test');
    await page.click('#check-run');
    const alert = page.locator('#check-summary .error-box');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('broken.xlf');
    expect(await page.locator('#check-findings').isVisible()).toBe(false);
    await page.close();
  });
});

describe('Extract tab', () => {
  const TEXT = [
    'Quantum annealing hardware is still rare. Quantum annealing hardware needs export controls.',
    'Vendors of quantum annealing hardware sell to data centers. The annealing schedule matters.',
    'A longer annealing schedule helps quantum annealing hardware; the annealing schedule is tuned by hand.',
  ].join('\n');

  it('lists candidates with context, accepts one into a glossary and remembers a rejection', async () => {
    const page = await openTab('extract');
    await page.fill('#extract-input', TEXT);
    await page.selectOption('#extract-lang', 'en');
    await page.selectOption('#extract-glossary', 'test');
    await page.click('#extract-run');
    const table = page.locator('#extract-table');
    await table.waitFor();
    const termOf = (row: ReturnType<typeof table.locator>) => row.locator('td').first().locator('input').inputValue();
    const row = (text: string) => table.locator(`tbody tr[data-key="${text}"]`);
    const hardware = row('quantumannealinghardware');
    expect(await hardware.count()).toBe(1);
    expect(await termOf(hardware)).toMatch(/^quantum annealing hardware$/i);
    expect(await hardware.locator('td.context').innerText()).toMatch(/quantum annealing hardware/i);
    // quantum annealing never occurs without hardware in this text: the longer phrase is the term
    expect(await row('quantumannealing').count()).toBe(0);
    expect(await row('annealingschedule').count()).toBe(1);
    // glossary terms are marked as known, not proposed
    expect(await row('exportcontrol').getAttribute('class')).toBe('known');
    expect(await row('exportcontrol').locator('button').count()).toBe(0);

    // accept, with the term edited and a translation typed in
    await hardware.locator('td').first().locator('input').fill('quantum annealing hardware');
    await hardware.locator('td').nth(1).locator('input').fill('量子退火硬件');
    await hardware.locator('button[data-action="accept"]').click();
    await expect.poll(() => hardware.locator('[role="status"]').innerText()).toMatch(/\S/);
    expect(await hardware.locator('button[data-action="accept"]').isDisabled()).toBe(true);

    // reject another
    const rejected = row('annealingschedule');
    await rejected.locator('button[data-action="reject"]').click();
    await expect.poll(() => rejected.locator('[role="status"]').innerText()).toMatch(/\S/);

    // run again: the accepted term is now known, the rejected one is not proposed again
    await page.click('#extract-run');
    await expect.poll(() => row('annealingschedule').count()).toBe(0);
    await expect.poll(() => row('quantumannealinghardware').getAttribute('class')).toBe('known');

    // and lookup finds the accepted pair, with the context sentence kept as its example
    await page.click('#tab-lookup');
    await page.locator('#lookup-input').fill('量子退火硬件');
    const first = page.locator('#lookup-results .result').first();
    await expect.poll(() => first.locator('.pair').innerText()).toMatch(/量子退火硬件\s*↔\s*quantum annealing hardware/);
    const example = first.locator('.term-context').first();
    expect(await example.innerText()).toMatch(/quantum annealing hardware/i);
    expect((await example.locator('mark.context-term').innerText()).toLowerCase()).toBe('quantum annealing hardware');
    await page.close();
    expect(problems).toEqual([]);
  });

  it('lists only multi-word terms when asked', async () => {
    const page = await openTab('extract');
    await page.fill('#extract-input', TEXT);
    await page.selectOption('#extract-lang', 'en');
    await page.check('#extract-multiword');
    await page.click('#extract-run');
    const table = page.locator('#extract-table');
    await table.waitFor();
    const terms = await table.locator('tbody tr td:first-child input').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
    expect(terms.length).toBeGreaterThan(0);
    expect(terms.map((t) => t.toLowerCase())).toContain('annealing schedule');
    expect(terms.filter((t) => !t.includes(' '))).toEqual([]);
    // without the box, single words come back (vendors, hardware …)
    await page.uncheck('#extract-multiword');
    await page.click('#extract-run');
    await expect.poll(async () => (await table.locator('tbody tr td:first-child input').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value))).some((t) => !t.includes(' '))).toBe(true);
    await page.close();
    expect(problems).toEqual([]);
  });
});
