/**
 * Headless Chromium for browser tests: Debian's /usr/bin/chromium driven by playwright-core (no browser
 * download), with a fresh profile per launch. Call `close()` in afterAll, or the test process never exits.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext, BrowserContextOptions, Page } from 'playwright-core';

/** The Chromium binary (override with SHUYU_CHROMIUM). */
export const CHROMIUM_PATH = process.env.SHUYU_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface TestBrowser {
  context: BrowserContext;
  /** Closes the browser and removes its profile directory. */
  close(): Promise<void>;
}

/**
 * Launches Chromium with a fresh user-data-dir. `options` are the context options (locale, viewport …);
 * the locale also sets Accept-Language and navigator.languages.
 */
export async function launchBrowser(options: BrowserContextOptions = {}): Promise<TestBrowser> {
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'shuyu-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1100, height: 800 },
    ...options,
  });
  return {
    context,
    close: async () => {
      try {
        await context.close();
      } finally {
        rmSync(userDataDir, { recursive: true, force: true });
      }
    },
  };
}

/** Options of {@link openApp}. */
export interface OpenAppOptions {
  /** The part after the host: `#tab-check` … @default '' */
  hash?: string;
  /** Collect console errors too (not only script errors). @default true */
  console?: boolean;
  /** Console errors expected by the test (an HTTP error the page reports on purpose) are not collected. */
  ignoreConsole?: string;
}

/**
 * Opens the app in a new tab of `browser` and waits until the page is ready. Script errors (and console errors,
 * unless told otherwise) go into `problems`, which each test file asserts stays empty.
 */
export async function openApp(browser: TestBrowser, url: string, problems: string[], options: OpenAppOptions = {}): Promise<Page> {
  const page = await browser.context.newPage();
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  if (options.console !== false) {
    page.on('console', (m) => {
      if (m.type() === 'error' && !(options.ignoreConsole && m.text().includes(options.ignoreConsole))) problems.push(`console: ${m.text()}`);
    });
  }
  await page.goto(`${url}/${options.hash ?? ''}`);
  await page.waitForSelector('body[data-ready="true"]');
  return page;
}
