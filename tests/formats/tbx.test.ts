/**
 * TBX: every real file in ../shared/data/tbx is read with exact concept and term counts (BOM,
 * windows-1254, xml:lang="EN", 14 languages, the 223-entry SDL file), status mapping both ways, legacy
 * values, unknown data categories kept, language filtering, and the TBX v3 writer's structure.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { ShuyuError } from '../../src/core/errors.js';
import type { Glossary } from '../../src/core/model.js';
import { readGlossary, writeGlossary } from '../../src/formats/registry.js';
import { readTbx, writeTbx } from '../../src/formats/tbx/index.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const DATA = path.resolve(here, '../../../shared/data/tbx');
const file = (name: string) => ({ name: path.basename(name), path: path.join(DATA, name) });
const bytes = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) });
const termCount = (g: Glossary) => g.concepts.reduce((n, c) => n + c.terms.length, 0);

const EXPECTED: Record<string, { concepts: number; terms: number; languages: string[] }> = {
  'okapi-lisa-samples/ibm_tbx.tbx': { concepts: 5, terms: 11, languages: ['en', 'fr'] },
  'okapi-lisa-samples/maryland.tbx': { concepts: 1, terms: 13, languages: ['en', 'es', 'fr', 'it'] },
  'okapi-lisa-samples/medtronic_TBX.tbx': {
    concepts: 3,
    terms: 62,
    languages: ['en', 'cs', 'da', 'el', 'es', 'fi', 'fr', 'hu', 'it', 'nl', 'no', 'pl', 'pt', 'sv'],
  },
  'okapi-lisa-samples/oracle_TBX.tbx': { concepts: 2, terms: 6, languages: ['en', 'pt'] },
  'okapi-lisa-samples/sdl_tbx.tbx': { concepts: 223, terms: 472, languages: ['en', 'de'] },
  'okapi-lisa-samples/test01.tbx': { concepts: 1, terms: 2, languages: ['en', 'hu'] },
  'okapi-lisa-samples/test02_win1254.tbx': { concepts: 1, terms: 2, languages: ['en', 'tr'] },
  'sampleTBXfile.tbx': { concepts: 1, terms: 2, languages: ['en', 'hu'] },
};

describe('TBX reader on real files', () => {
  it('knows every file in ../shared/data/tbx', () => {
    const found = [
      ...readdirSync(path.join(DATA, 'okapi-lisa-samples')).map((f) => `okapi-lisa-samples/${f}`),
      ...readdirSync(DATA).filter((f) => f.endsWith('.tbx')),
    ].sort();
    expect(found).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const [name, want] of Object.entries(EXPECTED)) {
    it(`${name}: ${want.concepts} concepts, ${want.terms} terms, ${want.languages.length} languages`, async () => {
      const { glossary } = await readGlossary(file(name));
      expect(glossary.concepts).toHaveLength(want.concepts);
      expect(termCount(glossary)).toBe(want.terms);
      expect([...glossary.languages].sort()).toEqual([...want.languages].sort());
      // and our own TBX v3 output reads back identically
      const again = await readTbx({ name: 'again.tbx', bytes: writeTbx(glossary).bytes });
      expect(again.glossary.concepts).toEqual(glossary.concepts);
    });
  }

  it('decodes windows-1254 from the XML declaration', async () => {
    const { glossary } = await readGlossary(file('okapi-lisa-samples/test02_win1254.tbx'));
    expect(glossary.concepts[0]!.terms.map((t) => t.text)).toEqual(['term with: éá and İı', 'tr term with: éá and İı']);
  });

  it('reads the UTF-8 BOM file and the upper-case xml:lang="EN" file', async () => {
    const bom = await readGlossary(file('okapi-lisa-samples/test01.tbx'));
    expect(bom.glossary.concepts[0]!.terms[1]).toMatchObject({ text: 'Alfa simítási tényező', lang: 'hu' });
    const md = await readGlossary(file('okapi-lisa-samples/maryland.tbx'));
    const c = md.glossary.concepts[0]!;
    // the concept-level definition takes the root xml:lang="EN"; pretty-printing whitespace is folded
    expect(c.definitions).toEqual({ en: "personne qui accomplit un travail copie ou d'écriture" });
    expect(c.subjectField).toBe('personnel');
    expect(c.terms.filter((t) => t.lang === 'fr').map((t) => [t.text, t.status])).toEqual([
      ['copiste', 'preferred'],
      ['scribe', 'admitted'],
      ['écrivain', 'admitted'],
    ]);
    expect(c.terms.find((t) => t.text === 'escribano')!.termType).toBe('variant');
  });

  it('maps legacy statuses, parts of speech and keeps unknown categories', async () => {
    const oracle = (await readGlossary(file('okapi-lisa-samples/oracle_TBX.tbx'))).glossary.concepts[0]!;
    expect(oracle.terms.find((t) => t.lang === 'pt' && t.text.startsWith('Entidade'))!.status).toBe('preferred'); // standardizedTerm-admn-sts
    expect(oracle.terms.find((t) => t.lang === 'en' && t.text === 'PRE')!.note).toBe('abbreviatedFormFor: Provincial Reporting Establishment');
    expect(oracle.extra).toMatchObject({ 'admin:productSubset': 'PER' });
    expect(oracle.notes).toEqual(['pt: Termo específico aos EUA.']);
    const ibm = (await readGlossary(file('okapi-lisa-samples/ibm_tbx.tbx'))).glossary.concepts[0]!;
    expect(ibm.terms.find((t) => t.lang === 'fr')!.partOfSpeech).toBe('noun'); // "nom"
    expect(ibm.extra!['descrip:relatedConceptBroader']).toBe('navigation');
  });

  it('skips empty <term/> placeholders with a warning (SDL)', async () => {
    const { warnings } = await readGlossary(file('okapi-lisa-samples/sdl_tbx.tbx'));
    expect(warnings.map((w) => w.message).join('\n')).toContain('44 empty <term/> placeholders');
  });

  it('filters languages case-insensitively and fails loudly when none is found', async () => {
    const en = await readGlossary(file('okapi-lisa-samples/sdl_tbx.tbx'), { langs: ['EN'] });
    expect(en.glossary.languages).toEqual(['en']);
    expect(termCount(en.glossary)).toBe(en.glossary.concepts.reduce((n, c) => n + c.terms.filter((t) => t.lang === 'en').length, 0));
    const e = await readGlossary(file('okapi-lisa-samples/sdl_tbx.tbx'), { langs: ['zh-Hans', 'en-US'] }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ShuyuError);
    expect((e as ShuyuError).code).toBe('empty_import');
    expect((e as ShuyuError).message).toContain('de, en');
  });
});

describe('TBX language tags and legacy values', () => {
  const martif = (langs: string[], status = 'preferredTerm-admn-sts') =>
    `<?xml version="1.0"?><martif type="TBX" xml:lang="en"><text><body><termEntry id="x">${langs
      .map((l, i) => `<langSet xml:lang="${l}"><tig><term>t${i}</term><termNote type="administrativeStatus">${status}</termNote></tig></langSet>`)
      .join('')}</termEntry></body></text></martif>`;

  it('recognises zh / zh-CN / zh-SG / ZH-hans as Simplified and zh-TW / zh-HK / zh-Hant as Traditional', async () => {
    const { glossary } = await readTbx(bytes('a.tbx', martif(['zh', 'zh-CN', 'zh-SG', 'ZH-hans', 'zh-TW', 'zh-HK', 'zh-Hant', 'EN-us'])));
    expect(glossary.concepts[0]!.terms.map((t) => t.lang)).toEqual(['zh-Hans', 'zh-Hans', 'zh-Hans', 'zh-Hans', 'zh-Hant', 'zh-Hant', 'zh-Hant', 'en-US']);
    const zh = await readGlossary(bytes('a.tbx', martif(['zh-CN', 'zh-TW', 'en'])), { langs: ['zh-Hans'] });
    expect(zh.glossary.concepts[0]!.terms.map((t) => t.text)).toEqual(['t0']);
  });

  it.each([
    ['preferredTerm-admn-sts', 'preferred'],
    ['admittedTerm-admn-sts', 'admitted'],
    ['supersededTerm-admn-sts', 'deprecated'],
    ['deprecatedTerm-admn-sts', 'forbidden'],
    ['forbidden', 'forbidden'],
    ['obsolete', 'forbidden'],
    ['preferredTerm', 'preferred'],
    ['PREFERREDTERM-ADMN-STS', 'preferred'],
  ])('reads administrativeStatus %s as %s', async (value, status) => {
    const { glossary } = await readTbx(bytes('s.tbx', martif(['en'], value)));
    expect(glossary.concepts[0]!.terms[0]!.status).toBe(status);
  });

  it('keeps an unknown status as a note with a warning', async () => {
    const { glossary, warnings } = await readTbx(bytes('s.tbx', martif(['en'], 'proposed-by-bob')));
    expect(glossary.concepts[0]!.terms[0]!.note).toBe('administrativeStatus: proposed-by-bob');
    expect(warnings.some((w) => w.code === 'unknown_status')).toBe(true);
  });

  it('reads TBX v3 DCT style (namespaced data-category elements)', async () => {
    const xml = `<?xml version="1.0"?>
<tbx type="TBX-Basic" style="dct" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2" xmlns:basic="http://www.tbxinfo.net/ns/basic" xmlns:min="http://www.tbxinfo.net/ns/min">
<text><body><conceptEntry id="c1"><basic:subjectField>AI</basic:subjectField>
<langSec xml:lang="zh-CN"><termSec><term>开放权重</term><min:administrativeStatus>preferredTerm-admn-sts</min:administrativeStatus><basic:partOfSpeech>adjective</basic:partOfSpeech></termSec></langSec>
<langSec xml:lang="en"><basic:definition>Weights are published.</basic:definition><termSec><term>open-weight</term><basic:context>open-weight models</basic:context></termSec>
<termSec><term>open-source</term><min:administrativeStatus>deprecatedTerm-admn-sts</min:administrativeStatus></termSec></langSec>
</conceptEntry></body></text></tbx>`;
    const { glossary } = await readTbx(bytes('dct.tbx', xml));
    expect(glossary.concepts[0]).toEqual({
      id: 'c1',
      subjectField: 'AI',
      definitions: { en: 'Weights are published.' },
      notes: [],
      terms: [
        { text: '开放权重', lang: 'zh-Hans', status: 'preferred', partOfSpeech: 'adjective' },
        { text: 'open-weight', lang: 'en', status: 'admitted', context: 'open-weight models' },
        { text: 'open-source', lang: 'en', status: 'forbidden' },
      ],
    });
  });

  it('refuses a non-TBX root element', async () => {
    const e = (await readTbx(bytes('x.tbx', '<xliff version="1.2"/>')).catch((x: unknown) => x)) as ShuyuError;
    expect(e.code).toBe('unsupported_format');
  });
});

describe('TBX v3 writer', () => {
  const g: Glossary = {
    id: 'ai-policy',
    name: 'AI policy <test> & "quotes"',
    description: 'Terms of the AI Action Plan',
    languages: ['zh-Hans', 'en'],
    concepts: [
      {
        id: 'open-weight',
        subjectField: 'AI policy',
        definitions: { en: 'Model whose trained weights are publicly released.', fr: 'Poids publiés.' },
        notes: ['first note', 'second\nnote'],
        source: 'AI Action Plan',
        related: ['open-source'],
        specs: { match: ['open-weight models'], noMatch: ['weight loss'] },
        extra: { 'admin:productSubset': 'policy', custom: 'value' },
        terms: [
          { text: '开放权重', lang: 'zh-Hans', status: 'preferred', partOfSpeech: 'adjective' },
          { text: 'open-weight', lang: 'en', status: 'preferred', context: 'open-weight models such as …', termType: 'fullForm', source: 'p. 3' },
          { text: 'open-source', lang: 'en', status: 'forbidden', note: 'not the same thing' },
          { text: 'open weights', lang: 'en', status: 'deprecated' },
          { text: 'AI', lang: 'en', status: 'admitted', caseSensitive: true, termType: 'acronym' },
        ],
      },
    ],
  };

  it('writes TBX-Basic DCA structure with the ed-2 namespace and TBX-Basic status values', async () => {
    const { bytes: out } = await writeGlossary(g, 'tbx');
    const text = new TextDecoder().decode(out);
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">')).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (n) => ['langSec', 'termSec', 'termNote', 'note', 'descrip', 'admin'].includes(n) }).parse(text);
    const entry = doc.tbx.text.body.conceptEntry;
    expect(entry['@id']).toBe('open-weight');
    expect(entry.langSec.map((l: Record<string, string>) => l['@xml:lang'])).toEqual(['zh-Hans', 'en']);
    const statuses = entry.langSec[1].termSec.map((t: { termNote: { '@type': string; '#text': string }[] }) => t.termNote.find((n) => n['@type'] === 'administrativeStatus')!['#text']);
    expect(statuses).toEqual(['preferredTerm-admn-sts', 'deprecatedTerm-admn-sts', 'supersededTerm-admn-sts', 'admittedTerm-admn-sts']);
    expect(text).toContain('<title>AI policy &lt;test&gt; &amp; &quot;quotes&quot;</title>');
    expect(text).toContain('<descrip type="definition" xml:lang="fr">Poids publiés.</descrip>');
    expect(text).toContain('<admin type="productSubset">policy</admin>');
  });

  it('reads its own output back exactly, including what TBX-Basic has no category for', async () => {
    const { bytes: out } = await writeGlossary(g, 'tbx');
    const back = await readTbx({ name: 'g.tbx', bytes: out });
    expect(back.glossary.concepts).toEqual(g.concepts);
    expect(back.glossary.name).toBe(g.name);
    expect(back.glossary.id).toBe(g.id);
    expect(back.glossary.description).toBe(g.description);
  });

  it('leaves out characters XML cannot hold, with a warning', async () => {
    const bad: Glossary = { ...g, concepts: [{ ...g.concepts[0]!, notes: ['bell\u0007here'] }] };
    const { bytes: out, warnings } = await writeGlossary(bad, 'tbx');
    expect(warnings.map((w) => w.code)).toContain('invalid_xml_chars');
    expect((await readTbx({ name: 'g.tbx', bytes: out })).glossary.concepts[0]!.notes).toEqual(['bellhere']);
  });
});
