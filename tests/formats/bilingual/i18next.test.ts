import { describe, expect, it } from 'vitest';
import { i18nextFormat, pluralBase } from '../../../src/formats/bilingual/i18next.js';
import { jsonLeaves } from '../../../src/formats/bilingual/json-lines.js';
import { PLACEHOLDER } from '../../../src/formats/bilingual/segment.js';
import { DATA, bytesInput, readAll, translated } from './helpers.js';

const excalidraw = [
  { name: 'excalidraw/en.json', path: `${DATA}/i18next/excalidraw/en.json` },
  { name: 'excalidraw/zh-CN.json', path: `${DATA}/i18next/excalidraw/zh-CN.json` },
];
const onedrive = [
  { name: 'locales/zh-CN/common.json', path: `${DATA}/i18next/onedrive-vercel-index/zh-CN/common.json` },
  { name: 'locales/en/common.json', path: `${DATA}/i18next/onedrive-vercel-index/en/common.json` },
];

describe('i18next reader', () => {
  it('pairs the excalidraw locale files: 610 en keys, 606 zh-CN → 606 units, 4 keys missing in zh-CN as notices', async () => {
    const { units, info } = await readAll(i18nextFormat, excalidraw);
    expect(units).toHaveLength(606);
    expect(translated(units)).toBe(594); // 12 empty values in zh-CN
    expect(info.sourceLang).toBe('en');
    expect(info.targetLang).toBe('zh-Hans');
    expect(info.notices.map((n) => n.code)).toEqual(['missing_in_target', 'missing_in_target', 'missing_in_target', 'missing_in_target']);
    expect(info.notices[0]!.message).toContain('labels.you');
    const paste = units.find((u) => u.id === 'labels.paste')!;
    expect(paste.target!.text).toBe('粘贴');
    expect(paste.file).toBe('excalidraw/zh-CN.json');
    expect(paste.line).toBe(3);
    const solid = units.find((u) => u.id === 'labels.strokeStyle_solid')!;
    expect(solid.group).toBe('labels.strokeStyle');
  });

  it('reads two locale folders of namespaces: keys ns:…, plural forms grouped, Trans markup and {{vars}} as codes', async () => {
    const { units, info } = await readAll(i18nextFormat, onedrive);
    expect(units).toHaveLength(120);
    expect(info.notices).toHaveLength(0);
    expect(info.sourceLang).toBe('en');
    const one = units.find((u) => u.id === 'common:{{count}} item(s)——one')!;
    expect(one.group).toBe('common:{{count}} item(s)');
    expect(one.part).toBe('common');
    expect(one.source.text).toBe(`${PLACEHOLDER} item`);
    expect(one.source.codes[0]!.markup).toBe('{{count}}');
    const trans = units.find((u) => u.id.startsWith('common:<0></0> If you are not the owner'))!;
    expect(trans.source.text.startsWith(`${PLACEHOLDER}${PLACEHOLDER} If you`)).toBe(true);
  });

  it('a target language with fewer plural forms is not missing keys; a key only on one side is one notice', async () => {
    const en = JSON.stringify({ files_one: '{{count}} file', files_other: '{{count}} files', nested: { a: 'Export controls $t(x)' }, onlyEn: 'x' });
    const zh = JSON.stringify({ files_other: '{{count}} 个文件', nested: { a: '出口管制 $t(x)' }, onlyZh: 'y' });
    const { units, info } = await readAll(i18nextFormat, [bytesInput('en.json', en), bytesInput('zh-CN.json', zh)]);
    expect(units.map((u) => [u.id, u.target!.text])).toEqual([
      ['files_one', `${PLACEHOLDER} 个文件`],
      ['files_other', `${PLACEHOLDER} 个文件`],
      ['nested.a', `出口管制 ${PLACEHOLDER}`],
    ]);
    expect(info.notices.map((n) => n.code).sort()).toEqual(['missing_in_source', 'missing_in_target']);
  });

  it('the source language override swaps the direction', async () => {
    const { units, info } = await readAll(i18nextFormat, excalidraw, { sourceLang: 'zh-CN' });
    expect(info.sourceLang).toBe('zh-Hans');
    expect(units.find((u) => u.id === 'labels.paste')!.source.text).toBe('粘贴');
  });

  it('malformed JSON fails with line and column; files without a locale are a usage error', async () => {
    await expect(readAll(i18nextFormat, [bytesInput('en.json', '{\n  "a": "x",\n  "b": }'), bytesInput('zh.json', '{}')])).rejects.toMatchObject({
      code: 'parse_error',
      params: { file: 'en.json', line: 3 },
    });
    await expect(readAll(i18nextFormat, [bytesInput('strings.json', '{}'), bytesInput('zh.json', '{}')])).rejects.toMatchObject({ code: 'usage' });
  });

  it('pluralBase and jsonLeaves', () => {
    expect(pluralBase('a.b_other')).toBe('a.b');
    expect(pluralBase('x——one')).toBe('x');
    expect(pluralBase('place_ordinal_few')).toBe('place');
    expect(jsonLeaves('{\n"a": {\n "b": "c"\n}, "n": 1, "z": null}', 'f')).toEqual([
      { path: ['a', 'b'], value: 'c', line: 3 },
      { path: ['n'], value: '1', line: 4 },
    ]);
  });
});
