/**
 * XLSX export (bold frozen header, autofilter, widths, wrapped text, status drop-down, column sheet; no
 * formula cell anywhere), XLSX import (header mapping, cell types, formulas never evaluated), zip-bomb
 * limits, and legacy .xls/.ods read through SheetJS in a worker.
 */
import { createRequire } from 'node:module';
import ExcelJS from 'exceljs';
import yauzl from 'yauzl';
import { describe, expect, it } from 'vitest';
import { ShuyuError } from '../../src/core/errors.js';
import type { Glossary } from '../../src/core/model.js';
import { readGlossary, writeGlossary } from '../../src/formats/registry.js';
import { isDangerousCell } from '../../src/formats/spreadsheet-safety.js';
import { checkZip } from '../../src/formats/zip-guard.js';

const g: Glossary = {
  id: 'ai-policy',
  name: 'AI 政策术语',
  languages: ['zh-Hans', 'en'],
  concepts: [
    {
      id: 'open-weight',
      subjectField: 'AI policy',
      definitions: { en: '=1+1 is not a formula here', 'zh-Hans': '权重公开发布的模型。' },
      notes: ['-5 degrees', '@mention'],
      terms: [
        { text: '开放权重', lang: 'zh-Hans', status: 'preferred', partOfSpeech: 'adjective' },
        { text: '開放權重', lang: 'zh-Hans', status: 'admitted' },
        { text: 'open-weight', lang: 'en', status: 'preferred', context: '+open-weight models such as Llama' },
        { text: 'open-source', lang: 'en', status: 'forbidden' },
      ],
    },
    {
      id: 'export-control',
      definitions: {},
      notes: [],
      terms: [
        { text: '出口管制', lang: 'zh-Hans', status: 'preferred' },
        { text: 'export control', lang: 'en', status: 'preferred', partOfSpeech: 'noun' },
      ],
    },
  ],
};

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

/** The raw XML of one part of the zip. */
function zipPart(bytes: Uint8Array, name: string): Promise<string> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(Buffer.from(bytes), { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      zip.on('entry', (e: yauzl.Entry) => {
        if (e.fileName !== name) return zip.readEntry();
        zip.openReadStream(e, (err2, s) => {
          if (err2 || !s) return reject(err2);
          const chunks: Buffer[] = [];
          s.on('data', (c: Buffer) => chunks.push(c));
          s.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        });
      });
      zip.on('end', () => reject(new Error(`no ${name}`)));
      zip.readEntry();
    });
  });
}

describe('XLSX export', () => {
  it('has a bold frozen header, autofilter, widths, wrapped long text, a status drop-down and a column sheet', async () => {
    const { bytes } = await writeGlossary(g, 'xlsx');
    const wb = await load(bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Glossary', 'Columns']);
    const ws = wb.worksheets[0]!;
    const headers = (ws.getRow(1).values as string[]).slice(1);
    expect(headers.slice(0, 5)).toEqual(['id', 'zh-Hans', 'zh-Hans pinyin', 'zh-Hans synonyms', 'zh-Hans status']);
    expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBe(`A1:${ws.getColumn(headers.length).letter}1`);
    const defCol = headers.indexOf('en definition') + 1;
    expect(ws.getColumn(defCol).width).toBeGreaterThanOrEqual(40);
    expect(ws.getRow(2).getCell(defCol).alignment?.wrapText).toBe(true);
    expect(ws.getRow(2).getCell(headers.indexOf('zh-Hans pinyin') + 1).value).toBe('kāi fàng quán zhòng');
    expect(ws.getRow(2).getCell(headers.indexOf('zh-Hans synonyms') + 1).value).toBe('開放權重');
    // one validation range per status column (not the overlapping per-cell ranges of exceljs issue #2820)
    const sheetXml = await zipPart(bytes, 'xl/worksheets/sheet1.xml');
    const ranges = [...sheetXml.matchAll(/<dataValidation [^>]*sqref="([^"]+)"/g)].map((m) => m[1]);
    const letter = (h: string) => ws.getColumn(headers.indexOf(h) + 1).letter;
    expect(ranges.sort()).toEqual([`${letter('en status')}2:${letter('en status')}3`, `${letter('zh-Hans status')}2:${letter('zh-Hans status')}3`].sort());
    expect(sheetXml).toContain('&quot;preferred,admitted,deprecated,forbidden&quot;');
    const info = wb.worksheets[1]!;
    expect(info.getRow(1).values).toEqual([undefined, 'Column', '中文', 'Meaning']);
    expect((info.getColumn(1).values as string[]).slice(2, 2 + headers.length)).toEqual(headers);
  });

  it('is read by an independent reader (SheetJS) with the same cells, autofilter and filter name', async () => {
    const XLSX = createRequire(import.meta.url)('xlsx') as {
      read(b: Buffer, o: object): { SheetNames: string[]; Sheets: Record<string, Record<string, unknown>>; Workbook?: { Names?: { Name: string }[] } };
      utils: { sheet_to_json(ws: unknown, o: object): unknown[][] };
    };
    const { bytes } = await writeGlossary(g, 'xlsx');
    const wb = XLSX.read(Buffer.from(bytes), {});
    expect(wb.SheetNames).toEqual(['Glossary', 'Columns']);
    const ws = wb.Sheets.Glossary!;
    expect(ws['!autofilter']).toMatchObject({ ref: expect.stringMatching(/^A1:[A-Z]+1$/) });
    expect(wb.Workbook?.Names?.map((n) => n.Name)).toContain('_xlnm._FilterDatabase');
    const rows = XLSX.utils.sheet_to_json(ws, { header: 1, defval: '' });
    expect(rows).toHaveLength(3);
    expect(rows[1]!.slice(0, 3)).toEqual(['open-weight', '开放权重', 'kāi fàng quán zhòng']);
    expect(rows[1]).toContain("'=1+1 is not a formula here");
  });

  it('contains no formula cell, and every cell a spreadsheet could read as a formula is neutralised', async () => {
    for (const layout of ['concept', 'term'] as const) {
      const { bytes } = await writeGlossary(g, 'xlsx', { layout });
      const wb = await load(bytes);
      let cells = 0;
      for (const ws of wb.worksheets) {
        ws.eachRow((row) =>
          row.eachCell((cell) => {
            cells++;
            expect(cell.type, `${ws.name}!${cell.address}`).not.toBe(ExcelJS.ValueType.Formula);
            expect(cell.formula).toBeUndefined();
            expect(isDangerousCell(String(cell.value)), `${ws.name}!${cell.address}: ${String(cell.value)}`).toBe(false);
          }),
        );
      }
      expect(cells).toBeGreaterThan(20);
      for (const part of ['xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml']) expect(await zipPart(bytes, part)).not.toMatch(/<f[ >]/);
      expect((await readGlossary({ name: 'g.xlsx', bytes })).glossary.concepts).toEqual(g.concepts);
    }
  });
});

describe('XLSX cell limit', () => {
  it('cuts text to 32,767 characters without splitting a surrogate pair, and says so', async () => {
    // (a list of related ids is the one field without a length limit of its own)
    const long = `${'x'.repeat(32_766)}😀 tail`;
    const one: Glossary = { id: 'l', name: 'l', languages: ['en'], concepts: [{ id: 'c', definitions: {}, notes: [], related: [long], terms: [{ text: 'long', lang: 'en', status: 'preferred' }] }] };
    const { bytes, warnings } = await writeGlossary(one, 'xlsx');
    expect(warnings.map((w) => w.code)).toContain('cell_too_long');
    expect(await zipPart(bytes, 'xl/sharedStrings.xml')).toContain(`<t>${'x'.repeat(32_766)}</t>`);
    const back = (await readGlossary({ name: 'l.xlsx', bytes })).glossary;
    expect(back.concepts[0]!.related).toEqual(['x'.repeat(32_766)]);
  });
});

describe('XLSX import', () => {
  it('maps headers in either language and turns every cell type into text; formulas are not evaluated', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('术语表');
    ws.addRow(['序号', '中文', 'English', '英文定义', '状态', '备注']);
    ws.addRow([1, '开放权重', { richText: [{ text: 'open-' }, { font: { bold: true }, text: 'weight' }] }, 'Weights are public.', 'preferred', { formula: '1+1', result: 2 }]);
    ws.addRow([2, '出口管制', { text: 'export control', hyperlink: 'https://example.org' }, null, '允许', null]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const { glossary, warnings } = await readGlossary({ name: '术语.xlsx', bytes });
    expect(glossary.concepts.map((c) => c.terms.map((t) => `${t.text}/${t.status}`))).toEqual([
      ['开放权重/preferred', 'open-weight/preferred'],
      ['出口管制/admitted', 'export control/admitted'],
    ]);
    expect(glossary.concepts[0]!.definitions).toEqual({ en: 'Weights are public.' });
    expect(glossary.concepts[0]!.terms[0]!.note).toBe('2');
    expect(warnings.find((w) => w.code === 'unmapped_columns')?.message).toContain('序号');
  });

  it('names the cell of every bad value', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('s');
    ws.addRow(['zh', 'en', 'en status', 'en part of speech']);
    ws.addRow(['开放权重', 'open-weight', 'great', 'noun']);
    ws.addRow(['出口管制', 'export control', 'preferred', 'gerund']);
    const e = (await readGlossary({ name: 'bad.xlsx', bytes: new Uint8Array(await wb.xlsx.writeBuffer()) }).catch((x: unknown) => x)) as ShuyuError;
    expect(e.code).toBe('invalid_input');
    expect(e.details.map((d) => d.cell)).toEqual(['C2', 'D3']);
  });
});

describe('zip-bomb guard', () => {
  it('refuses an .xlsx whose parts really expand beyond the limit', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('s');
    ws.addRow(['zh', 'en']);
    for (let i = 0; i < 3000; i++) ws.addRow([`术语${i}`, `term ${i} ${'x'.repeat(200)}`]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const summary = await checkZip(bytes, 'ok.xlsx', { maxUnzippedBytes: 2 ** 30 });
    expect(summary.uncompressedBytes).toBeGreaterThan(bytes.length);
    const e = (await readGlossary({ name: 'big.xlsx', bytes }, { limits: { maxUnzippedBytes: 100_000 } }).catch((x: unknown) => x)) as ShuyuError;
    expect(e.code).toBe('unsafe_input');
    expect(e.message).toContain('zip bomb');
  });
});

describe('legacy .xls and .ods (SheetJS in a worker)', () => {
  const XLSX = createRequire(import.meta.url)('xlsx') as {
    utils: { book_new(): unknown; aoa_to_sheet(rows: unknown[][]): unknown; book_append_sheet(wb: unknown, ws: unknown, name: string): void };
    write(wb: unknown, o: { type: 'buffer'; bookType: string }): Buffer;
  };
  const book = () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['中文', 'English', '定义'], ['开放权重', 'open-weight', '权重公开'], ['出口管制', 'export control', '']]), '术语');
    return wb;
  };

  it.each([
    ['xls', 'biff8'],
    ['ods', 'ods'],
  ])('reads .%s', async (ext, bookType) => {
    const bytes = new Uint8Array(XLSX.write(book(), { type: 'buffer', bookType }));
    const { glossary } = await readGlossary({ name: `old.${ext}`, bytes });
    expect(glossary.concepts.map((c) => c.terms.map((t) => t.text))).toEqual([
      ['开放权重', 'open-weight'],
      ['出口管制', 'export control'],
    ]);
    expect(glossary.concepts[0]!.definitions).toEqual({ 'zh-Hans': '权重公开' });
  });
});
