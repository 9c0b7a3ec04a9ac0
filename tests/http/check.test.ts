import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/http/app.js';
import { unzipInputs } from '../../src/http/routes/check.js';
import { Engine } from '../../src/service/engine.js';
import { readGlossaryFile } from '../../src/service/open.js';
import { createMemoryStore } from '../../src/store/memory.js';
import { FIXTURES } from '../core/checks/helpers.js';
import { launchBrowser } from '../support/browser.js';

const DATA = path.resolve(FIXTURES, '../../../../shared/data');
let server: Server;
let base: string;

beforeAll(async () => {
  const store = createMemoryStore();
  const { concepts, ...info } = await readGlossaryFile(path.join(FIXTURES, 'corpus-glossary.yaml'));
  await store.replaceGlossary(info, concepts);
  const app = createApp(new Engine(store), { logError: () => {} });
  server = app.listen(0, '127.0.0.1');
  await new Promise<void>((r) => server.once('listening', () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

/** A zip (stored, no compression) of the given files. */
function zip(files: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text);
    const nameBuf = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBuf, data);
    centrals.push(central, nameBuf);
    offset += 30 + nameBuf.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

function form(files: [string, Buffer | string][], fields: Record<string, string> = {}): FormData {
  const fd = new FormData();
  for (const [name, content] of files) fd.append('files', new Blob([typeof content === 'string' ? content : new Uint8Array(content)]), name);
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  return fd;
}

describe('POST /api/check', () => {
  it('checks an uploaded file and answers JSON findings with messages', async () => {
    const res = await fetch(`${base}/api/check`, { method: 'POST', body: form([['dirty.tsv', readFileSync(path.join(FIXTURES, 'dirty.tsv'))]], { lang: 'zh' }) });
    expect(res.status).toBe(200);
    const { report } = (await res.json()) as { report: { summary: { findings: number }; findings: { checkId: string; unitId: string; message: string }[] } };
    expect(report.summary.findings).toBe(12);
    expect(report.findings.find((f) => f.unitId === 'p002')!.message).toBe('“国安”是禁用术语：请改用 国家安全');
  });

  it('checks a zip of two i18next locale folders, with a Chinese file name intact', async () => {
    const z = zip({
      'locales/en/common.json': JSON.stringify({ a: 'New data centers', b: 'Export controls' }),
      'locales/zh-CN/common.json': JSON.stringify({ a: '新机房', b: '出口管制' }),
      'README.md': 'ignored',
    });
    const res = await fetch(`${base}/api/check`, { method: 'POST', body: form([['译文.zip', z]]) });
    expect(res.status).toBe(200);
    const { report } = (await res.json()) as { report: { files: { format: string; units: number }[]; findings: { checkId: string; unitId: string }[] } };
    expect(report.files).toEqual([expect.objectContaining({ format: 'i18next', units: 2 })]);
    expect(report.findings.map((f) => [f.checkId, f.unitId])).toEqual([['missing-term', 'common:a']]);
  });

  it('serves report downloads (html, xlsx, sarif) and applies an uploaded waiver file', async () => {
    const file: [string, Buffer] = ['dirty.tsv', readFileSync(path.join(FIXTURES, 'dirty.tsv'))];
    const html = await fetch(`${base}/api/check`, { method: 'POST', body: form([file], { format: 'html' }) });
    expect(html.headers.get('content-type')).toMatch(/text\/html/);
    expect(html.headers.get('content-disposition')).toContain('shuyu-check.html');
    expect(await html.text()).toContain('<mark>国安</mark>');
    const xlsx = await fetch(`${base}/api/check`, { method: 'POST', body: form([file], { format: 'xlsx' }) });
    expect(Buffer.from(await xlsx.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');
    const fd = form([file], { format: 'sarif' });
    fd.append('waivers', new Blob(['[{"check":"untranslated","reason":"later","author":"li","date":"2026-01-01"}]']), 'w.json');
    const sarif = (await (await fetch(`${base}/api/check`, { method: 'POST', body: fd })).json()) as { runs: { results: { suppressions?: unknown[] }[] }[] };
    expect(sarif.runs[0]!.results.filter((r) => r.suppressions)).toHaveLength(2);
  });

  it('answers 400 without files, 422 for a malformed upload, 404 for an unknown glossary', async () => {
    expect((await fetch(`${base}/api/check`, { method: 'POST', body: new FormData() })).status).toBe(400);
    const bad = await fetch(`${base}/api/check`, { method: 'POST', body: form([['x.xlf', readFileSync(path.join(DATA, 'xliff/omegat-tests/filters3__file-XLIFFFilter-invalid-content.xlf'))]]) });
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { error: { code: string; params: { line: number } } }).error).toMatchObject({ code: 'parse_error', params: { line: 7 } });
    const nog = await fetch(`${base}/api/check`, { method: 'POST', body: form([['a.tsv', 'en\tzh\na\tb\n']], { glossaries: 'nope' }) });
    expect(nog.status).toBe(404);
  });

  it('guards zips: too many entries, too many bytes', async () => {
    const many = zip(Object.fromEntries([...Array(30)].map((_, i) => [`en/ns${i}.json`, '{}'])));
    await expect(unzipInputs('m.zip', many, { maxEntries: 10, maxBytes: 1e6 })).rejects.toMatchObject({ code: 'too_large' });
    const big = zip({ 'en/a.json': `{"a":"${'x'.repeat(5000)}"}` });
    await expect(unzipInputs('b.zip', big, { maxEntries: 10, maxBytes: 1000 })).rejects.toMatchObject({ code: 'unsafe_input' });
    await expect(unzipInputs('c.zip', Buffer.from('not a zip'))).rejects.toMatchObject({ code: 'parse_error' });
  });
});

describe('check panel in the page', () => {
  it('uploads a file, shows findings with highlighted terms and filters them, without page errors', async () => {
    const browser = await launchBrowser();
    const problems: string[] = [];
    try {
      const page = await browser.context.newPage();
      page.on('pageerror', (e) => problems.push(e.message));
      await page.goto(`${base}/`);
      await page.waitForSelector('body[data-ready="true"]');
      await page.click('#tab-check');
      await page.setInputFiles('#check-files', path.join(FIXTURES, 'dirty.tsv'));
      await page.click('#check-run');
      await page.waitForSelector('#check-findings tbody tr');
      expect(await page.locator('#check-findings tbody tr').count()).toBe(12);
      expect(await page.locator('#check-summary').innerText()).toContain('103 units checked, 12 findings');
      expect(await page.locator('#check-findings mark', { hasText: '国安' }).count()).toBe(1);
      await page.selectOption('#check-filter-check', 'missing-term');
      expect(await page.locator('#check-findings tbody tr').count()).toBe(2);
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
