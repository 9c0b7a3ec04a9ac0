/**
 * Import and export over HTTP against the real app (createApp, real engine, memory store) on an ephemeral
 * port: downloads in every format with RFC 6266/5987 file names, multipart upload with a dry-run preview,
 * apply, per-row errors in the response, size limit, built-in glossaries refused.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentDisposition } from '../../src/http/routes/io.js';
import { startTestServer } from './fixture.js';
import type { TestServer } from './fixture.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ maxUploadBytes: 64 * 1024 });
  await server.engine.store.updateGlossary('test', { name: 'AI 政策术语' });
});
afterAll(async () => server.close());

function form(fileName: string, content: string | Uint8Array, fields: Record<string, string> = {}): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  fd.append('file', new Blob([Buffer.from(bytes)]), fileName);
  return fd;
}

describe('GET /api/glossaries/:id/export', () => {
  it.each([
    ['tbx', 'application/x-tbx+xml', '<term>出口管制</term>'],
    ['csv', 'text/csv', '出口管制'],
    ['tsv', 'text/tab-separated-values', '出口管制'],
    ['json', 'application/json', '"shuyu-glossary"'],
    ['yaml', 'application/yaml', '出口管制'],
  ])('exports %s', async (format, type, needle) => {
    const res = await fetch(`${server.url}/api/glossaries/test/export?format=${format}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain(type);
    const cd = res.headers.get('content-disposition')!;
    expect(cd).toMatch(/^attachment; filename="AI ____\.\w+"; filename\*=UTF-8''AI%20%E6%94%BF%E7%AD%96%E6%9C%AF%E8%AF%AD\.\w+$/);
    expect(decodeURIComponent(cd.split("''")[1]!)).toBe(`AI 政策术语.${format === 'yaml' ? 'yaml' : format}`);
    expect(await res.text()).toContain(needle);
  });

  it('exports xlsx with filters as a real workbook', async () => {
    const res = await fetch(`${server.url}/api/glossaries/test/export?format=xlsx&lang=zh-Hans&status=preferred,admitted`);
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await res.arrayBuffer()) as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const header = (ws.getRow(1).values as string[]).slice(1);
    expect(header).toContain('zh-Hans');
    expect(header).not.toContain('en');
    const col = header.indexOf('zh-Hans') + 1;
    const terms = (ws.getColumn(col).values as string[]).slice(2);
    expect(terms).toContain('出口管制');
    expect(terms).not.toContain('出口限制'); // deprecated, filtered out
  });

  it('answers 415 / 400 / 404 for bad requests', async () => {
    expect((await fetch(`${server.url}/api/glossaries/test/export?format=docx`)).status).toBe(415);
    expect((await fetch(`${server.url}/api/glossaries/test/export`)).status).toBe(400);
    expect((await fetch(`${server.url}/api/glossaries/test/export?format=csv&layout=diagonal`)).status).toBe(400);
    expect((await fetch(`${server.url}/api/glossaries/none/export?format=csv`)).status).toBe(404);
  });

  it('builds RFC 6266 headers with an ASCII fallback', () => {
    expect(contentDisposition('术语表.xlsx')).toBe(`attachment; filename="glossary.xlsx"; filename*=UTF-8''%E6%9C%AF%E8%AF%AD%E8%A1%A8.xlsx`);
    expect(contentDisposition(`it's "a/b" (v2).csv`)).toBe(`attachment; filename="it's _a_b_ (v2).csv"; filename*=UTF-8''it%27s%20_a_b_%20%28v2%29.csv`);
  });
});

describe('POST /api/glossaries/:id/import', () => {
  const CSV = '中文,English,英文同义词,英文定义\n開放權重,Open Weights,openly weighted,\n前沿模型,frontier model,,The most capable models.\n';

  it('lists formats', async () => {
    const body = (await (await fetch(`${server.url}/api/formats`)).json()) as { formats: { id: string; canWrite: boolean }[] };
    expect(body.formats.filter((f) => f.canWrite).map((f) => f.id)).toEqual(expect.arrayContaining(['tbx', 'xlsx', 'csv', 'tsv', 'json']));
  });

  it('previews (dry run) without writing, then applies', async () => {
    const before = await server.engine.store.countConcepts('test');
    const preview = await fetch(`${server.url}/api/glossaries/test/import?dryRun=1&onDuplicate=merge`, { method: 'POST', body: form('术语.csv', CSV) });
    expect(preview.status).toBe(200);
    const { report } = (await preview.json()) as { report: { dryRun: boolean; file: string; counts: Record<string, number>; items: { action: string; duplicateOf?: string }[] } };
    expect(report.file).toBe('术语.csv');
    expect(report.dryRun).toBe(true);
    expect(report.counts).toMatchObject({ added: 1, changed: 1, duplicates: 1 });
    expect(report.items.find((i) => i.action === 'change')!.duplicateOf).toBe('open-weight');
    expect(await server.engine.store.countConcepts('test')).toBe(before);

    const apply = await fetch(`${server.url}/api/glossaries/test/import?onDuplicate=merge`, { method: 'POST', body: form('术语.csv', CSV) });
    expect(apply.status).toBe(200);
    expect(await server.engine.store.countConcepts('test')).toBe(before + 1);
    const ow = await server.engine.store.getConcept('test', 'open-weight');
    expect(ow!.terms.map((t) => `${t.text}:${t.status}`)).toContain('openly weighted:admitted');
  });

  it('creates a new glossary (201) and honours a column mapping', async () => {
    const res = await fetch(`${server.url}/api/glossaries/team/import`, {
      method: 'POST',
      body: form('t.csv', 'Source,Target\nexport control,出口管制\n', { mapping: JSON.stringify({ Source: 'en', Target: 'zh' }) }),
    });
    expect(res.status).toBe(201);
    expect((await server.engine.store.listConcepts('team'))[0]!.terms.map((t) => t.lang)).toEqual(['en', 'zh-Hans']);
  });

  it('answers 422 with every row error, and imports nothing', async () => {
    const bad = 'zh,en,en status\n开放权重,open-weight,yes\n出口管制,export control,no\n';
    const res = await fetch(`${server.url}/api/glossaries/rows/import`, { method: 'POST', body: form('bad.csv', bad) });
    expect(res.status).toBe(422);
    const { error } = (await res.json()) as { error: { code: string; details: { row: number; cell: string; message: string }[] } };
    expect(error.code).toBe('invalid_input');
    expect(error.details.map((d) => [d.row, d.cell])).toEqual([
      [2, '"en status"'],
      [3, '"en status"'],
    ]);
    expect(await server.engine.store.getGlossary('rows')).toBeUndefined();
  });

  it('refuses uploads over the size limit, hostile files, missing files and built-in glossaries', async () => {
    const big = await fetch(`${server.url}/api/glossaries/x/import`, { method: 'POST', body: form('big.csv', `zh,en\n${'开放权重,open\n'.repeat(10_000)}`) });
    expect(big.status).toBe(413);
    const xxe = await fetch(`${server.url}/api/glossaries/x/import`, {
      method: 'POST',
      body: form('x.tbx', '<?xml version="1.0"?><!DOCTYPE tbx [<!ENTITY x SYSTEM "file:///etc/passwd">]><tbx><text><body/></text></tbx>'),
    });
    expect(xxe.status).toBe(422);
    expect(((await xxe.json()) as { error: { code: string } }).error.code).toBe('unsafe_input');
    expect((await fetch(`${server.url}/api/glossaries/x/import`, { method: 'POST', body: new FormData() })).status).toBe(400);
    expect((await fetch(`${server.url}/api/glossaries/x/import?onDuplicate=explode`, { method: 'POST', body: form('a.csv', CSV) })).status).toBe(400);
    await server.engine.store.replaceGlossary({ id: 'builtin', name: 'B', languages: ['en'], builtIn: true }, []);
    expect((await fetch(`${server.url}/api/glossaries/builtin/import`, { method: 'POST', body: form('a.csv', CSV) })).status).toBe(409);
  });
});
