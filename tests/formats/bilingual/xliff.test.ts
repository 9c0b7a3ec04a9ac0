import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { xliffFormat } from '../../../src/formats/bilingual/xliff.js';
import { PLACEHOLDER } from '../../../src/formats/bilingual/segment.js';
import { DATA, bytesInput, fileInput, readAll, translated } from './helpers.js';

describe('XLIFF reader', () => {
  it('reads the LoopKit Xcode export: 75 files, 2,378 units, 820 translated, notes and languages', async () => {
    const { units, info } = await readAll(xliffFormat, [fileInput('xliff/loopkit-zh-Hans/zh-Hans.xliff')]);
    expect(units).toHaveLength(2378);
    expect(translated(units)).toBe(820);
    expect(new Set(units.map((u) => u.part)).size).toBe(75);
    expect(info.sourceLang).toBe('en');
    expect(info.targetLang).toBe('zh-Hans');
    const apiKey = units.find((u) => u.id === 'API Key')!;
    expect(apiKey.notes).toEqual(['The title of the Amplitude API key']);
    expect(apiKey.line).toBeGreaterThan(1);
  });

  // counts established by reading each file by hand (units; units with a non-empty target)
  const expected: Record<string, [number, number]> = {
    'locize-xliff-fixtures/example.xliff': [5, 5],
    'locize-xliff-fixtures/example12.xliff': [5, 5],
    'locize-xliff-fixtures/example12_diff.xliff': [8, 7],
    'locize-xliff-fixtures/example_empty12.xliff': [0, 0],
    'locize-xliff-fixtures/example_groups.xliff': [3, 3],
    'locize-xliff-fixtures/example_groups12.xliff': [3, 3],
    'locize-xliff-fixtures/example_ignorable.xliff': [1, 1],
    'locize-xliff-fixtures/example_multi.xliff': [4, 4],
    'locize-xliff-fixtures/example_note12.xliff': [6, 6],
    'locize-xliff-fixtures/inline-elements__example_i18next_native-span12.xliff': [4, 0],
    'omegat-tests/filters3__file-XLIFFFilter-tags.xlf': [10, 10],
    'omegat-tests/filters3__file-XLIFFFilter.xlf': [6, 2],
    'omegat-tests/filters3__file-xliff-BUGS1221.xlf': [7, 7],
    'omegat-tests/filters4-xliff1__en-xx.xlf': [8, 3],
    'omegat-tests/filters4-xliff1__file-XLIFFFilter1-multiple-file-tag.xlf': [2, 0],
    'omegat-tests/filters4-xliff2__ex.14.5.xlf': [2, 0],
    'omegat-tests/filters4-xliff2__ex.9.5.xlf': [8, 1],
  };
  for (const [rel, [n, t]] of Object.entries(expected)) {
    it(`reads ${rel}: ${n} units, ${t} translated`, async () => {
      const { units } = await readAll(xliffFormat, [fileInput(`xliff/${rel}`)]);
      expect(units).toHaveLength(n);
      expect(translated(units)).toBe(t);
    });
  }

  it('reads every real XLIFF file except the deliberately malformed one', async () => {
    let files = 0;
    for (const dir of ['locize-xliff-fixtures', 'omegat-tests']) {
      for (const f of readdirSync(path.join(DATA, 'xliff', dir))) {
        if (!/\.(xlf|xliff)$/.test(f) || f.includes('invalid-content')) continue;
        files++;
        const { units } = await readAll(xliffFormat, [fileInput(`xliff/${dir}/${f}`)]);
        for (const u of units) expect(u.source.codes.every((c) => u.source.text[c.offset] === PLACEHOLDER)).toBe(true);
      }
    }
    expect(files).toBe(61);
  });

  it('fails on the malformed OmegaT file with parse_error naming file, line and column', async () => {
    await expect(readAll(xliffFormat, [fileInput('xliff/omegat-tests/filters3__file-XLIFFFilter-invalid-content.xlf')])).rejects.toMatchObject({
      code: 'parse_error',
      params: { file: 'filters3__file-XLIFFFilter-invalid-content.xlf', line: 7, column: 25 },
    });
  });

  it('turns 1.2 inline codes into placeholders and keeps <g> content as text', async () => {
    const xml = `<xliff version="1.2"><file source-language="en" target-language="zh-CN"><body>
<trans-unit id="a"><source>Use <g id="1">export controls</g> on <x id="2"/>chips<ph id="3">&lt;br/&gt;</ph>.</source>
<target state="translated">对<x id="2"/>芯片实施<g id="1">出口管制</g><ph id="3">&lt;br/&gt;</ph>。</target>
<alt-trans><target>不要读这个</target></alt-trans></trans-unit></body></file></xliff>`;
    const { units } = await readAll(xliffFormat, [bytesInput('a.xlf', xml)]);
    const u = units[0]!;
    expect(u.source.text).toBe(`Use ${PLACEHOLDER}export controls${PLACEHOLDER} on ${PLACEHOLDER}chips${PLACEHOLDER}.`);
    expect(u.source.codes.map((c) => c.markup)).toEqual(['<g id="1">', '</g>', '<x id="2"/>', '<ph id="3">&lt;br/></ph>']);
    expect(u.target!.text).toBe(`对${PLACEHOLDER}芯片实施${PLACEHOLDER}出口管制${PLACEHOLDER}${PLACEHOLDER}。`);
    expect(u.state).toBe('translated');
    expect(u.targetLang).toBe('zh-Hans');
  });

  it('reads XLIFF 2.0 units, joining segments, with <pc>/<ph>/<sc>/<ec> as codes and language overrides', async () => {
    const xml = `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="zh-CN"><file id="f">
<unit id="u1"><notes><note>hi</note></notes><segment state="final"><source>An <pc id="1">open-weight</pc> model.</source><target>一个<pc id="1">开放权重</pc>模型。</target></segment>
<ignorable><source> </source></ignorable><segment><source>Next<ph id="2"/>.</source><target>下一个<ph id="2"/>。</target></segment></unit>
<unit id="u2"><segment><source>No target</source></segment></unit></file></xliff>`;
    const { units } = await readAll(xliffFormat, [bytesInput('b.xlf', xml)], { targetLang: 'zh-TW' });
    expect(units).toHaveLength(2);
    expect(units[0]!.source.text).toBe(`An ${PLACEHOLDER}open-weight${PLACEHOLDER} model. Next${PLACEHOLDER}.`);
    expect(units[0]!.target!.text).toBe(`一个${PLACEHOLDER}开放权重${PLACEHOLDER}模型。 下一个${PLACEHOLDER}。`);
    expect(units[0]!.notes).toEqual(['hi']);
    expect(units[0]!.targetLang).toBe('zh-Hant');
    expect(units[1]!.target).toBeUndefined();
  });

  it('refuses DTD entity declarations (billion laughs, external entities) as unsafe_input', async () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><xliff version="1.2"><file><body><trans-unit id="1"><source>&lol2;</source></trans-unit></body></file></xliff>`;
    await expect(readAll(xliffFormat, [bytesInput('laughs.xlf', laughs)])).rejects.toMatchObject({ code: 'unsafe_input' });
    const xxe = `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><xliff version="1.2"><file><body><trans-unit id="1"><source>&xxe;</source></trans-unit></body></file></xliff>`;
    await expect(readAll(xliffFormat, [bytesInput('xxe.xlf', xxe)])).rejects.toMatchObject({ code: 'unsafe_input' });
  });

  it('refuses nesting deeper than the limit and truncated documents', async () => {
    const deep = `<xliff version="1.2">${'<group>'.repeat(100)}${'</group>'.repeat(100)}</xliff>`;
    await expect(readAll(xliffFormat, [bytesInput('deep.xlf', deep)])).rejects.toMatchObject({ code: 'too_large' });
    await expect(readAll(xliffFormat, [bytesInput('cut.xlf', '<xliff version="1.2"><file><body><trans-unit id="1"><source>a')])).rejects.toMatchObject({ code: 'parse_error' });
  });
});
