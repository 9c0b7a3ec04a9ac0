import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { bilingualCsvFormat, bilingualTsvFormat, bilingualXlsxFormat } from '../../../src/formats/bilingual/table.js';
import { bytesInput, readAll } from './helpers.js';

describe('bilingual CSV/TSV/XLSX reader', () => {
  it('finds source and target columns by language header, with id and note columns', async () => {
    const csv = 'key,note,zh-CN,en\nk1,n1,出口管制,export controls\nk2,,"开放权重, 模型",open-weight model\n';
    const { units, info } = await readAll(bilingualCsvFormat, [bytesInput('t.csv', csv)], { sourceLang: 'en' });
    expect(units.map((u) => [u.id, u.source.text, u.target!.text, u.line])).toEqual([
      ['k1', 'export controls', '出口管制', 2],
      ['k2', 'open-weight model', '开放权重, 模型', 3],
    ]);
    expect(units[0]!.notes).toEqual(['n1']);
    expect(info.sourceLang).toBe('en');
    expect(info.targetLang).toBe('zh-Hans');
  });

  it('finds columns by source/target header and guesses languages from the text', async () => {
    const tsv = '原文\t译文\n人工智能很重要\tAI matters\n数据中心\tdata center\n';
    const { units, info } = await readAll(bilingualTsvFormat, [bytesInput('t.tsv', tsv)]);
    expect(units).toHaveLength(2);
    expect(info.sourceLang).toBe('zh-Hans');
    expect(info.targetLang).toBe('en');
  });

  it('without a header takes the first two columns by position (ids are line numbers); UTF-16 and BOM decoded', async () => {
    const text = '\uFEFFexport controls\t出口管制\nfrontier model\t前沿模型\n';
    const utf16 = new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text.slice(1), 'utf16le')]));
    const { units } = await readAll(bilingualTsvFormat, [bytesInput('t.tsv', utf16)]);
    expect(units.map((u) => [u.id, u.source.text, u.target!.text])).toEqual([
      ['1', 'export controls', '出口管制'],
      ['2', 'frontier model', '前沿模型'],
    ]);
  });

  it('removes the formula guard our own exports add', async () => {
    const { units } = await readAll(bilingualCsvFormat, [bytesInput('t.csv', "en,zh\n'=SUM(A1),'=SUM(A1)\n")]);
    expect(units[0]!.source.text).toBe('=SUM(A1)');
  });

  it('reads XLSX (first sheet)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('s');
    ws.addRow(['id', 'en', 'zh-CN']);
    ws.addRow(['a', 'national security', '国家安全']);
    ws.addRow(['b', 'semiconductor', '']);
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const { units } = await readAll(bilingualXlsxFormat, [bytesInput('t.xlsx', bytes)]);
    expect(units.map((u) => [u.id, u.source.text, u.target?.text, u.line])).toEqual([
      ['a', 'national security', '国家安全', 2],
      ['b', 'semiconductor', '', 3],
    ]);
  });

  it('malformed CSV is a parse_error naming the file', async () => {
    await expect(readAll(bilingualCsvFormat, [bytesInput('bad.csv', 'en,zh\n"open,"x"y\n')])).rejects.toMatchObject({ code: 'parse_error', params: { file: 'bad.csv' } });
  });
});
