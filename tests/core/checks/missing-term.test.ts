import { describe, expect, it } from 'vitest';
import { buildMatcher } from '../../../src/core/match/index.js';
import { runChecks } from '../../../src/core/checks/index.js';
import { conceptResolver } from '../../../src/service/check.js';
import { check, only, unit } from './helpers.js';

describe('missing-term', () => {
  it('reports a source term whose allowed target terms are all absent, with the preferred term as suggestion', async () => {
    const u = unit('New data centers need power.', '新的机房需要电力。');
    const [f, ...rest] = await check([u]);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      checkId: 'missing-term',
      severity: 'error',
      unitId: u.id,
      term: 'data centers',
      expected: ['数据中心'],
      source: { start: 4, end: 16, text: 'data centers' },
      params: { suggestion: '数据中心' },
    });
  });

  it('accepts preferred and admitted renderings, and inflected/cased source forms', async () => {
    expect(await only('missing-term', [unit('Compute is scarce.', '计算资源稀缺。'), unit('EXPORT CONTROLS apply.', '出口管制适用。')])).toEqual([]);
  });

  it('works zh→en, with English inflection tolerance in the target', async () => {
    const ok = unit('我们加强出口管制。', 'We tighten export controls.', { sourceLang: 'zh-Hans', targetLang: 'en' });
    const bad = unit('我们加强出口管制。', 'We tighten trade rules.', { sourceLang: 'zh-Hans', targetLang: 'en' });
    const fs = await only('missing-term', [ok, bad]);
    expect(fs.map((f) => [f.unitId, f.term, f.expected])).toEqual([[bad.id, '出口管制', ['export control']]]);
  });

  it('accepts either concept when two share a source term (homonym), and allowed statuses per run', async () => {
    // 芯片 is chip (preferred) and integrated circuit (admitted)
    const zh = { sourceLang: 'zh-Hans', targetLang: 'en' };
    expect(await only('missing-term', [unit('芯片短缺。', 'An integrated circuit shortage.', zh), unit('芯片短缺。', 'A chip shortage.', zh)])).toEqual([]);
    expect(await only('missing-term', [unit('Compute is scarce.', '计算资源稀缺。')], { allowedStatuses: ['preferred'] })).toHaveLength(0);
  });

  it('leaves deprecated renderings to forbidden-term and empty targets to untranslated; can be turned off per concept', async () => {
    expect(await only('missing-term', [unit('Open-weight models.', '开源权重模型。'), unit('Open-weight models.', '')])).toEqual([]);
    expect(await only('missing-term', [unit('New data centers.', '新机房。')], { concepts: { 'data-center': { checks: { 'missing-term': false } } } })).toEqual([]);
    expect(await only('missing-term', [unit('New data centers.', '新机房。')], { checks: { 'missing-term': false } })).toEqual([]);
  });

  it('accepts Taiwan vocabulary in a Traditional target even when the segment is too short to show its script', async () => {
    const hant = { targetLang: 'zh-Hant' };
    // 人工智慧 (Taiwan) for 人工智能: a zh-Hant segment is Traditional text
    expect(await only('missing-term', [unit('Artificial intelligence', '人工智慧', hant), unit('Data centers', '資料中心', hant)])).toEqual([]);
    // in a Simplified target the same characters need Traditional text around them to count
    expect((await only('missing-term', [unit('Artificial intelligence', '人工智慧')])).map((f) => f.term)).toEqual(['Artificial intelligence']);
  });

  it('suggests the terms of the target\'s own Chinese script', async () => {
    const entries = [
      {
        glossaryId: 'g',
        concept: {
          id: 'ic',
          definitions: {},
          notes: [],
          terms: [
            { text: 'integrated circuit', lang: 'en', status: 'preferred' as const },
            { text: '集成电路', lang: 'zh-Hans', status: 'preferred' as const },
            { text: '積體電路', lang: 'zh-Hant', status: 'preferred' as const },
          ],
        },
      },
    ];
    const run = (u: ReturnType<typeof unit>) => runChecks([u], buildMatcher(entries), conceptResolver(entries), { checks: { 'forbidden-term': false, 'inconsistent-term': false, 'inconsistent-segment': false, 'term-count': false, untranslated: false } });
    expect((await run(unit('An integrated circuit.', '一块芯片。'))).map((f) => f.expected)).toEqual([['集成电路']]);
    expect((await run(unit('An integrated circuit.', '一塊晶片。', { targetLang: 'zh-Hant' }))).map((f) => f.expected)).toEqual([['積體電路']]);
    // the other script still counts as the term: no finding
    expect(await run(unit('An integrated circuit.', '一块積體電路。'))).toEqual([]);
  });

  it('never matches across an inline code', async () => {
    const u = unit('export \uFFFCcontrols', '出口\uFFFC管制');
    expect(await only('missing-term', [u])).toEqual([]);
  });
});

describe('missing-term, once per concept', () => {
  it('reports a concept once per unit however often its term occurs in the source', async () => {
    const fs = await only('missing-term', [unit('Save the data center list to the data center.', '保存机房列表。')]);
    expect(fs).toHaveLength(1);
    expect(fs[0]!.source).toMatchObject({ start: 9 });
  });
});
