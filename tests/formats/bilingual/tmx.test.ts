import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tmxFormat } from '../../../src/formats/bilingual/tmx.js';
import { PLACEHOLDER } from '../../../src/formats/bilingual/segment.js';
import { DATA, bytesInput, fileInput, readAll, translated } from './helpers.js';

describe('TMX reader', () => {
  // [units, with target, source language, target language], counted by hand from the files
  const expected: Record<string, [number, number, string, string]> = {
    'project_CN_JP__omegat__project_save.tmx': [1, 1, 'zh-Hans', 'ja-JP'],
    'tmx__TMXComplianceKit__ImportTest1A.tmx': [2, 2, 'en-US', 'fr-CA'], // UTF-16 LE
    'tmx__TMXComplianceKit__ImportTest1B.tmx': [1, 1, 'en-US', 'fr-CA'], // eN-uS / fR-Ca
    'tmx__TMXComplianceKit__ImportTest1G.tmx': [3, 3, 'en-US', 'en-GB'], // UTF-16 BE
    'tmx__TMXComplianceKit__ImportTest1K.tmx': [2, 1, 'en-US', 'de-DE'],
    'tmx__TMXComplianceKit__ImportTest2A.tmx': [7, 7, 'en-US', 'fr-CA'],
    'tmx__test-multiple-tuv.tmx': [3, 2, 'en-US', 'es'], // TMX 1.1 `lang`, upper case
  };
  for (const [f, [n, t, s, tl]] of Object.entries(expected)) {
    it(`reads ${f}: ${n} units, ${t} with target, ${s} → ${tl}`, async () => {
      const { units, info } = await readAll(tmxFormat, [fileInput(`tmx/omegat-tests/${f}`)]);
      expect(units).toHaveLength(n);
      expect(translated(units)).toBe(t);
      expect(info.sourceLang).toBe(s);
      expect(info.targetLang).toBe(tl);
    });
  }

  it('reads all 27 real TMX files (82 units in total)', async () => {
    let files = 0;
    let total = 0;
    for (const f of readdirSync(path.join(DATA, 'tmx/omegat-tests'))) {
      if (!f.endsWith('.tmx')) continue;
      files++;
      total += (await readAll(tmxFormat, [fileInput(`tmx/omegat-tests/${f}`)])).units.length;
    }
    expect(files).toBe(27);
    expect(total).toBe(82);
  });

  it('turns bpt/ept/ph/it into placeholders, hi is transparent, tuid is the id', async () => {
    const { units } = await readAll(tmxFormat, [fileInput('tmx/omegat-tests/tmx__TMXComplianceKit__ImportTest1J.tmx')]);
    expect(units.map((u) => u.id)).toEqual(['1', '2']);
    const xml = `<tmx version="1.4"><header srclang="EN-us"/><body><tu tuid="x"><tuv xml:lang="EN-US"><seg>The <bpt i="1">{\\b </bpt><hi>export controls</hi><ept i="1">}</ept> apply<ph x="1">&lt;br/&gt;</ph></seg></tuv>
<tuv xml:lang="ZH-CN"><seg>适用<bpt i="1">{\\b </bpt>出口管制<ept i="1">}</ept></seg></tuv></tu></body></tmx>`;
    const r = await readAll(tmxFormat, [bytesInput('x.tmx', xml)]);
    const u = r.units[0]!;
    expect(u.source.text).toBe(`The ${PLACEHOLDER}export controls${PLACEHOLDER} apply${PLACEHOLDER}`);
    expect(u.target!.text).toBe(`适用${PLACEHOLDER}出口管制${PLACEHOLDER}`);
    expect(u.source.codes[0]!.markup).toBe('<bpt i="1">{\\b </bpt>');
    expect(u.sourceLang).toBe('en-US');
    expect(u.targetLang).toBe('zh-Hans');
  });

  it('picks the target language given as override in a multilingual TMX', async () => {
    const { units } = await readAll(tmxFormat, [fileInput('tmx/omegat-tests/tmx__test-multiple-tuv.tmx')], { targetLang: 'fr-FR' });
    expect(units.map((u) => u.target?.text.replace(/\s+/g, ' ').trim())).toEqual(['fr_CA Bonjour le monde !', 'fr_FR 2 Bonjour les mondes.', undefined]);
  });
});
