/**
 * The web page in headless Chromium against the real app (memory store with the fixture glossary):
 * search as you type, language switching (and its default from the browser's languages), annotate with
 * hover, and XSS probes that must be shown as text.
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

async function openPage(b: TestBrowser = browser, hash = ''): Promise<Page> {
  return openApp(b, server.url, problems, { hash });
}

describe('web page', () => {
  it('searches as you type: ckgz shows 出口管制 ↔ export controls with status and definition', async () => {
    const page = await openPage();
    await page.locator('#lookup-input').pressSequentially('ckgz', { delay: 30 });
    const first = page.locator('#lookup-results .result').first();
    await first.waitFor();
    await expect.poll(() => first.locator('.pair').innerText()).toMatch(/出口管制\s*↔\s*export controls/);
    expect(await first.getAttribute('data-concept-id')).toBe('export-controls');
    expect(await first.locator('.pair .badge').innerText()).toBe('preferred');
    expect(await first.innerText()).toContain('Government restrictions on the transfer of goods');
    expect(await first.innerText()).toContain('chū kǒu guǎn zhì');
    expect(await first.locator('.reason').innerText()).toMatch(/pinyin initials/);
    expect(await first.locator('.badge-deprecated').count()).toBe(1);
    // keyboard: ↓ from the box focuses the first result
    await page.locator('#lookup-input').press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('result'))).toBe(true);
    await page.close();
  });

  it('finds from traditional script and typos', async () => {
    const page = await openPage();
    await page.locator('#lookup-input').fill('export contol');
    await expect.poll(() => page.locator('#lookup-results .result').first().getAttribute('data-concept-id')).toBe('export-controls');
    await page.locator('#lookup-input').fill('開放權重');
    await expect.poll(() => page.locator('#lookup-results .result').first().getAttribute('data-concept-id')).toBe('open-weight');
    await page.close();
  });

  it('switches the interface language zh ↔ en and remembers the choice', async () => {
    const page = await openPage();
    expect(await page.locator('#tab-lookup').innerText()).toBe('Lookup');
    await page.locator('#lookup-input').fill('ckgz');
    await page.locator('#lookup-results .result').first().waitFor();
    await page.click('.lang-switch [data-lang="zh"]');
    await expect.poll(() => page.locator('#tab-lookup').innerText()).toBe('查询');
    expect(await page.locator('#tab-annotate').innerText()).toBe('标注');
    expect(await page.locator('label[for="lookup-input"]').innerText()).toBe('查询术语');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-Hans');
    // results re-rendered in Chinese
    await expect.poll(() => page.locator('#lookup-results .result .pair .badge').first().innerText()).toBe('首选');
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    expect(await page.locator('#tab-lookup').innerText()).toBe('查询');
    await page.click('.lang-switch [data-lang="en"]');
    await expect.poll(() => page.locator('#tab-lookup').innerText()).toBe('Lookup');
    expect(await page.getAttribute('.lang-switch [data-lang="en"]', 'aria-pressed')).toBe('true');
    await page.close();
  });

  it('defaults to Chinese for a browser that prefers Chinese', async () => {
    const zhBrowser = await launchBrowser({ locale: 'zh-CN' });
    try {
      const page = await openPage(zhBrowser);
      expect(await page.locator('#tab-lookup').innerText()).toBe('查询');
      expect(await page.locator('.brand-name').innerText()).toBe('术语');
    } finally {
      await zhBrowser.close();
    }
  });

  it('annotates pasted text: terms highlighted, hover and focus show the pair and status', async () => {
    const page = await openPage(browser, '#annotate');
    await page.locator('#annotate-input').fill('美国加强出口管制，建设数据中心。\nStronger export controls cut red tape; 总统令 is wrong.');
    await page.click('#annotate-run');
    const marks = page.locator('#annotate-output .term-mark');
    await expect.poll(() => marks.count()).toBe(5);
    expect(await marks.allInnerTexts()).toEqual(['出口管制', '数据中心', 'export controls', 'red tape', '总统令']);
    expect(await page.locator('#annotate-output').innerText()).toContain('美国加强出口管制，建设数据中心。');
    await marks.nth(0).hover();
    const tooltip = page.locator('#annotate-tooltip');
    await tooltip.waitFor({ state: 'visible' });
    expect(await tooltip.innerText()).toMatch(/出口管制 ↔ export controls/);
    expect(await tooltip.innerText()).toContain('preferred');
    expect(await tooltip.innerText()).toContain('export-controls');
    await marks.nth(4).focus();
    await expect.poll(() => tooltip.innerText()).toMatch(/行政令 ↔ executive order/);
    expect(await tooltip.innerText()).toContain('forbidden');
    expect(await marks.nth(4).getAttribute('class')).toContain('status-forbidden');
    expect(await page.locator('.match-table tbody tr').count()).toBe(5);
    await page.screenshot({ path: '/tmp/shuyu-annotate.png', fullPage: true });
    // the table says how each match was found: script conversion, inflection
    await page.locator('#annotate-input').fill('出口管製 and EXPORT CONTROL');
    await page.click('#annotate-run');
    await expect.poll(() => page.locator('.match-table tbody tr').count()).toBe(2);
    const how = await page.locator('.match-table tbody td.match-how').allInnerTexts();
    expect(how[0]).toBe('traditional/simplified');
    expect(how[1]).toMatch(/different case/);
    expect(how[1]).toMatch(/inflected form/);
    // Taiwan wording in Simplified characters counts only when the text is said to be Traditional
    await page.locator('#annotate-input').fill('资料中心');
    await page.click('#annotate-run');
    await expect.poll(() => page.locator('#annotate-summary').innerText()).toBe('No glossary terms found in this text.');
    await page.selectOption('#annotate-script', 'traditional');
    await expect.poll(() => page.locator('#annotate-output .term-mark').allInnerTexts()).toEqual(['资料中心']);
    await page.close();
  });

  it('shows glossary and pasted text containing HTML as text (XSS probe)', async () => {
    const page = await openPage();
    await page.locator('#lookup-input').fill('zzxss');
    const first = page.locator('#lookup-results .result').first();
    await expect.poll(() => first.getAttribute('data-concept-id')).toBe('xss-probe');
    expect(await first.innerText()).toContain(XSS_TEXT);
    expect(await first.innerText()).toContain('<script>window.__xss=2</script>');
    expect(await page.locator('#lookup-results img, #lookup-results script').count()).toBe(0);

    await page.click('#tab-annotate');
    await page.locator('#annotate-input').fill(`${XSS_TEXT} 跨站脚本 <b>bold</b>`);
    await page.click('#annotate-run');
    await page.locator('#annotate-output .term-mark').first().waitFor();
    expect(await page.locator('#annotate-output').innerText()).toContain(`${XSS_TEXT} 跨站脚本 <b>bold</b>`);
    expect(await page.locator('#annotate-output img, #annotate-output b').count()).toBe(0);
    await page.waitForTimeout(100);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    await page.close();
  });

  it('draws every pinyin tone letter in the Chinese interface (no empty glyphs from the CJK font)', async () => {
    // WenQuanYi Micro Hei (Debian's CJK font, installed by .ci/run) maps ǎ ǐ ǒ ǔ ǘ ǚ ǜ to empty glyphs: a font stack
    // that reaches it before a Latin font with those letters shows "chū k u gu n zhì". Each letter is drawn on a
    // canvas with the computed font of the elements that show pinyin, and must leave ink.
    const zhBrowser = await launchBrowser({ locale: 'zh-CN' });
    try {
      const page = await openPage(zhBrowser);
      expect(await page.getAttribute('html', 'lang')).toBe('zh-Hans');
      await page.locator('#lookup-input').fill('ckgz');
      const first = page.locator('#lookup-results .result').first();
      await first.waitFor();
      expect(await first.locator('.pinyin').first().innerText()).toBe('chū kǒu guǎn zhì');
      const blank = await page.evaluate(() => {
        const letters = [...'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü'];
        const canvas = document.createElement('canvas');
        canvas.width = 48;
        canvas.height = 48;
        const g = canvas.getContext('2d', { willReadFrequently: true })!;
        const out: string[] = [];
        const elements = Array.from(document.querySelectorAll('#lookup-results .pinyin, #lookup-results .reason'));
        for (const el of elements) {
          const style = getComputedStyle(el);
          for (const ch of letters) {
            g.clearRect(0, 0, 48, 48);
            g.font = `${style.fontStyle} ${style.fontWeight} 24px ${style.fontFamily}`;
            g.fillText(ch, 8, 34);
            const px = g.getImageData(0, 0, 48, 48).data;
            let ink = 0;
            for (let i = 3; i < px.length; i += 4) if (px[i]! > 0) ink++;
            if (ink === 0) out.push(`${el.className}: ${ch}`);
          }
        }
        return { checked: elements.length, blank: out };
      });
      expect(blank.checked).toBeGreaterThan(1);
      expect(blank.blank).toEqual([]);
    } finally {
      await zhBrowser.close();
    }
  });

  it('takes a screenshot of the lookup page and logs no errors (CSP, scripts)', async () => {
    const page = await openPage();
    await page.locator('#lookup-input').fill('export controls');
    await page.locator('#lookup-results .result').first().waitFor();
    await page.screenshot({ path: '/tmp/shuyu-lookup.png', fullPage: true });
    await page.close();
    expect(problems).toEqual([]);
  });
});
