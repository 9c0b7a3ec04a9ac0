/**
 * CSV/TSV: RFC 4180 quoting, UTF-8 BOM on export, encoding and delimiter detection on import (UTF-8 ± BOM,
 * UTF-16 "Unicode text", GB18030 from Chinese Excel), header names in either language, an explicit
 * mapping, unmapped columns reported, every exported cell neutralised against formulas.
 */
import iconv from 'iconv-lite';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { ShuyuError } from '../../src/core/errors.js';
import type { Glossary } from '../../src/core/model.js';
import { detectDelimiter } from '../../src/formats/csv.js';
import { readGlossary, writeGlossary } from '../../src/formats/registry.js';
import { isDangerousCell } from '../../src/formats/spreadsheet-safety.js';
import { recognizeHeader } from '../../src/formats/tabular/columns.js';

const utf8 = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) });

describe('header recognition', () => {
  it.each([
    ['zh', { field: 'term', lang: 'zh-Hans' }],
    ['中文', { field: 'term', lang: 'zh-Hans' }],
    ['zh-CN', { field: 'term', lang: 'zh-Hans' }],
    ['zh-TW', { field: 'term', lang: 'zh-Hant' }],
    ['繁體中文', { field: 'term', lang: 'zh-Hant' }],
    ['English', { field: 'term', lang: 'en' }],
    ['en-US', { field: 'term', lang: 'en-US' }],
    ['英文', { field: 'term', lang: 'en' }],
    ['术语', { field: 'term', lang: 'zh-Hans' }],
    ['Term', { field: 'term', lang: 'en' }],
    ['定义', { field: 'definition', lang: 'zh-Hans' }],
    ['Definition', { field: 'definition', lang: 'en' }],
    ['英文定义', { field: 'definition', lang: 'en' }],
    ['中文术语', { field: 'term', lang: 'zh-Hans' }],
    ['Definition (en)', { field: 'definition', lang: 'en' }],
    ['定义（英文）', { field: 'definition', lang: 'en' }],
    ['definition:zh-Hans', { field: 'definition', lang: 'zh-Hans' }],
    ['en synonyms', { field: 'synonyms', lang: 'en' }],
    ['zh-Hans part of speech', { field: 'partOfSpeech', lang: 'zh-Hans' }],
    ['Status', { field: 'status' }],
    ['状态', { field: 'status' }],
    ['词性', { field: 'partOfSpeech' }],
    ['Subject Field', { field: 'subjectField' }],
    ['领域', { field: 'subjectField' }],
    ['ID', { field: 'id' }],
    ['Notes', { field: 'notes' }],
  ])('%s', (header, column) => {
    expect(recognizeHeader(header)).toEqual(column);
  });

  it.each(['foo', 'Comment count', 'id number', 'xyz', ''])('does not guess for %j', (header) => {
    expect(recognizeHeader(header)).toBeUndefined();
  });
});

describe('CSV import', () => {
  it('maps Chinese headers, splits | synonyms, reports unmapped columns', async () => {
    const csv = '术语,英文,同义词（英文）,定义,状态,词性,负责人\n开放权重,open-weight,open weights|openweight,权重公开的模型,首选,形容词,王五\n';
    const { glossary, warnings } = await readGlossary(utf8('术语表.csv', csv));
    expect(glossary.id).toBe('术语表');
    expect(glossary.concepts).toEqual([
      {
        id: 'open-weight',
        definitions: { 'zh-Hans': '权重公开的模型' },
        notes: [],
        terms: [
          { text: '开放权重', lang: 'zh-Hans', status: 'preferred', partOfSpeech: 'adjective' },
          { text: 'open-weight', lang: 'en', status: 'preferred', partOfSpeech: 'adjective' },
          { text: 'open weights', lang: 'en', status: 'admitted' },
          { text: 'openweight', lang: 'en', status: 'admitted' },
        ],
      },
    ]);
    expect(warnings.find((w) => w.code === 'unmapped_columns')?.message).toContain('负责人');
  });

  it('takes an explicit mapping, and fails when it names a missing column', async () => {
    const csv = 'Source,Target,Gloss,Owner\nexport control,出口管制,Controls on exports,Bob\n';
    const { glossary, warnings } = await readGlossary(utf8('t.csv', csv), { mapping: { Source: 'en', Target: 'zh', Gloss: 'definition:en', Owner: 'ignore' } });
    expect(glossary.concepts[0]!.terms.map((t) => `${t.lang}:${t.text}`)).toEqual(['en:export control', 'zh-Hans:出口管制']);
    expect(glossary.concepts[0]!.definitions).toEqual({ en: 'Controls on exports' });
    expect(warnings.filter((w) => w.code === 'unmapped_columns')).toEqual([]);
    const e = (await readGlossary(utf8('t.csv', csv), { mapping: { Nope: 'en' } }).catch((x: unknown) => x)) as ShuyuError;
    expect(e.code).toBe('usage');
  });

  it('detects semicolons and tabs, and reads GB18030 and UTF-16 files from Excel', async () => {
    expect(detectDelimiter('zh;en\n"a;b";c\n')).toBe(';');
    expect(detectDelimiter('zh\ten\n出口管制\texport control\n')).toBe('\t');
    const text = 'zh;en;definition\n出口管制;export control;"对出口的管制; 含分号"\n';
    const gb = await readGlossary({ name: 'excel.csv', bytes: new Uint8Array(iconv.encode(text, 'gb18030')) });
    expect(gb.glossary.concepts[0]!.definitions).toEqual({ en: '对出口的管制; 含分号' });
    const u16 = await readGlossary({ name: 'unicode.txt.csv', bytes: new Uint8Array(iconv.encode(`\uFEFF${text.replace(/;/g, '\t')}`, 'utf16-le')) });
    expect(u16.glossary.concepts[0]!.terms[0]!.text).toBe('出口管制');
  });

  it('reports every bad row with its line, row and column, importing nothing', async () => {
    const csv = 'zh,en,en status\n开放权重,open-weight,preferred\n"出口\n管制",export control,sometimes\n前沿模型,frontier model,never\n';
    const e = (await readGlossary(utf8('bad.csv', csv)).catch((x: unknown) => x)) as ShuyuError;
    expect(e.code).toBe('invalid_input');
    expect(e.details.map((d) => [d.line, d.row, d.cell])).toEqual([
      [3, 3, '"en status"'],
      [5, 4, '"en status"'],
    ]);
  });

  it('reads the one-row-per-term layout (language column)', async () => {
    const csv = 'id,language,term,status,definition\nc1,zh-CN,开放权重,,权重公开\nc1,en,open-weight,preferred,\nc1,en,open weights,,\n';
    const { glossary } = await readGlossary(utf8('terms.csv', csv));
    expect(glossary.concepts).toEqual([
      {
        id: 'c1',
        definitions: { 'zh-Hans': '权重公开' },
        notes: [],
        terms: [
          { text: '开放权重', lang: 'zh-Hans', status: 'preferred' },
          { text: 'open-weight', lang: 'en', status: 'preferred' },
          { text: 'open weights', lang: 'en', status: 'admitted' },
        ],
      },
    ]);
  });
});

describe('CSV export', () => {
  const g: Glossary = {
    id: 'g',
    name: 'g',
    languages: ['zh-Hans', 'en'],
    concepts: [
      {
        id: 'c1',
        definitions: { en: '=HYPERLINK("http://evil","click")' },
        notes: ['+1 note', '@SUM(A1)', "'=already quoted"],
        terms: [
          { text: '开放权重', lang: 'zh-Hans', status: 'preferred' },
          { text: '-open-weight', lang: 'en', status: 'preferred', context: '\tstarts with tab, has "quotes", and,commas\r\nand lines' },
          { text: '＝full-width', lang: 'en', status: 'admitted' },
        ],
      },
    ],
  };

  it('writes UTF-8 with BOM, CRLF and RFC 4180 quoting', async () => {
    const { bytes } = await writeGlossary(g, 'csv');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.split('\r\n')[0]).toBe('id,zh-Hans,zh-Hans pinyin,zh-Hans synonyms,zh-Hans status,zh-Hans part of speech,zh-Hans definition,zh-Hans context,zh-Hans note,en,en synonyms,en status,en part of speech,en definition,en context,en note,subject field,notes');
    expect(text).toContain('kāi fàng quán zhòng');
  });

  it('neutralises every cell that a spreadsheet would read as a formula, and reads it back unchanged', async () => {
    for (const format of ['csv', 'tsv']) {
      const { bytes } = await writeGlossary(g, format);
      const cells = (parse(Buffer.from(bytes), { bom: true, delimiter: format === 'csv' ? ',' : '\t', relax_column_count: true }) as string[][]).flat();
      expect(cells.filter(isDangerousCell)).toEqual([]);
      expect(cells).toContain('\'=HYPERLINK("http://evil","click")');
      const back = await readGlossary({ name: `g.${format}`, bytes });
      expect(back.glossary.concepts).toEqual(g.concepts);
    }
  });
});
