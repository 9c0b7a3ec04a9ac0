/**
 * The spreadsheet table layer: the pinyin column (tonedPinyin must stay exactly pinyinOf(text).toned) and
 * case-sensitive synonyms in the one-row-per-concept layout (`CHIPS` next to `chips act`), and the delimited-text
 * parser (checked against csv-parse, which it replaced).
 */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { Glossary } from '../../src/core/model.js';
import { pinyinOf } from '../../src/core/pinyin.js';
import { readGlossary, writeGlossary } from '../../src/formats/registry.js';
import { glossaryToTable, tonedPinyin } from '../../src/formats/tabular/to-table.js';
import type { ShuyuError } from '../../src/core/errors.js';
import { DelimitedParseError, parseDelimited } from '../../src/formats/tabular/parse-delimited.js';
import { mulberry32 } from '../support/prng.js';

describe('pinyin column', () => {
  it('is the toned form of pinyinOf for Han, mixed, polyphonic, punctuated and Latin-only text', () => {
    const samples = ['开放权重', '重庆银行', '行长', 'AI芯片', '《出口管制》条例', '一不小心', '绿色 能源', '  ', 'open weight', 'CHIPS  and   Science', '长江三角洲-城市群', '𠀀字', '東西', 'A股·B股', '了解了'];
    for (const s of samples) expect(tonedPinyin(s), s).toBe(pinyinOf(s).toned);
  });
});

describe('case-sensitive synonyms in the one-row-per-concept layout', () => {
  const g: Glossary = {
    id: 'chips',
    name: 'chips',
    languages: ['zh-Hans', 'en'],
    concepts: [
      {
        id: 'chips-act',
        definitions: {},
        notes: [],
        terms: [
          { text: '芯片法案', lang: 'zh-Hans', status: 'preferred' },
          { text: 'CHIPS and Science Act', lang: 'en', status: 'preferred' },
          { text: 'chips act', lang: 'en', status: 'admitted' },
          { text: 'CHIPS', lang: 'en', status: 'admitted', caseSensitive: true },
        ],
      },
      { id: 'chip', definitions: {}, notes: [], terms: [{ text: 'chip', lang: 'en', status: 'preferred' }] },
    ],
  };

  it('get a positional column, described on the column sheet, and survive a round trip without a warning', async () => {
    const table = glossaryToTable(g);
    const col = table.headers.indexOf('en synonyms case sensitive');
    expect(col).toBeGreaterThan(0);
    expect([...table.rows()].map((r) => r[col])).toEqual(['|yes', '']);
    for (const format of ['csv', 'xlsx']) {
      const { bytes, warnings } = await writeGlossary(g, format);
      expect(warnings.filter((w) => w.code === 'cannot_hold')).toEqual([]);
      const back = (await readGlossary({ name: `g.${format}`, bytes })).glossary;
      expect(back.concepts[0]!.terms.find((t) => t.text === 'CHIPS')?.caseSensitive, format).toBe(true);
      expect(back.concepts[0]!.terms.find((t) => t.text === 'chips act')?.caseSensitive, format).toBeUndefined();
    }
  });

  it('says in one warning everything a layout leaves out, and what keeps it', async () => {
    const lossy: Glossary = {
      ...g,
      concepts: [
        {
          id: 'x',
          definitions: {},
          notes: [],
          specs: { match: ['a chip shortage'] },
          terms: [
            { text: 'chip', lang: 'en', status: 'preferred' },
            { text: 'microchip', lang: 'en', status: 'admitted', note: 'older usage', partOfSpeech: 'noun' },
          ],
        },
      ],
    };
    const { warnings } = await writeGlossary(lossy, 'csv');
    const held = warnings.filter((w) => w.code === 'cannot_hold');
    expect(held).toHaveLength(1);
    expect(held[0]!.message).toMatch(/^the one-row-per-concept spreadsheet leaves out test sentences \(specs\) \(1\), .*notes of synonyms \(1\).*; one row per term, TBX or JSON keep them$/);
  });

  it('reports a list that does not line up with the synonyms, naming the cell', async () => {
    const csv = 'en,en synonyms,en synonyms case sensitive\nCHIPS Act,chips act|CHIPS,yes\n';
    const e = (await readGlossary({ name: 'bad.csv', bytes: new TextEncoder().encode(csv) }).catch((x: unknown) => x)) as ShuyuError;
    expect(e.code).toBe('invalid_input');
    expect(e.details[0]).toMatchObject({ row: 2, cell: '"en synonyms case sensitive"' });
    expect(e.details[0]!.message).toContain('1 case-sensitivity values for 2 en synonyms');
  });
});

describe('parseDelimited', () => {
  it('splits records exactly as csv-parse does (relax_column_count, skip_empty_lines) on 5000 random texts (seed 4181)', () => {
    const rand = mulberry32(4181);
    for (let k = 0; k < 5000; k++) {
      const eol = ['\n', '\r\n', '\r'][k % 3]!;
      const pieces = ['a', 'b', ',', ',', eol, eol, '"x"', '"y""z"', '"p,q"', `"l${eol}m"`, ' ', '中', '"'];
      let s = k % 7 === 0 ? '\uFEFF' : '';
      const len = Math.floor(rand() * 12);
      for (let i = 0; i < len; i++) s += pieces[Math.floor(rand() * pieces.length)];
      let want: unknown;
      let got: unknown;
      try {
        want = parse(s, { relax_column_count: true, skip_empty_lines: true, bom: true });
      } catch {
        want = 'error';
      }
      try {
        got = parseDelimited(s, ',').records;
      } catch (e) {
        expect(e).toBeInstanceOf(DelimitedParseError);
        got = 'error';
      }
      expect(got, JSON.stringify(s)).toEqual(want);
    }
  });

  it('knows the line each record starts on, and names the line of a quote left open', () => {
    expect(parseDelimited('zh,en\r\n\r\n"多\r\n行",x\r\nlast,y', ',').lines).toEqual([1, 3, 5]);
    expect(() => parseDelimited('zh,en\na,b\n"open,c\nd,e\n', ',')).toThrow(/line 3/);
    expect(() => parseDelimited(`zh,en\na,${'x'.repeat(100)}\n`, ',', 50)).toThrow(DelimitedParseError);
  });
});
