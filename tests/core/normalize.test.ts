import { describe, expect, it } from 'vitest';
import * as OpenCC from 'opencc-js';
import { simplifiedCharKeys, toSimplifiedChars, toTaiwanPruned, toTraditional } from '../../src/core/normalize/script.js';
import { mayHaveTaiwanForm } from '../../src/core/normalize/tw-filter.js';
import { createRequire } from 'node:module';
import { readFileSync, readdirSync } from 'node:fs';
import { singularFast } from '../../src/core/normalize/inflect.js';
import { FOLD_ALL, FOLD_INFLECTION, F_END, F_SPLIT, F_START, asciiFoldKey, inflectionVariants, normalizeText, patternForms, termKey, unitsToString } from '../../src/core/normalize/index.js';

describe('termKey', () => {
  it('folds simplified and traditional script, with Taiwan vocabulary', () => {
    expect(termKey('開放權重', 'zh-Hant')).toBe(termKey('开放权重', 'zh-Hans'));
    expect(termKey('人工智慧', 'zh-Hant')).toBe(termKey('人工智能', 'zh-Hans'));
    expect(termKey('開放權重', 'zh-Hant')).toBe('开放权重');
  });

  it('applies Taiwan vocabulary only to Traditional tags or text, never to a Simplified word', () => {
    // 命令列表 ("command list") in Simplified text is not the Taiwan 命令列 ("command line") + 表
    expect(termKey('命令列表', 'zh-Hans')).toBe('命令列表');
    expect(termKey('命令列', 'zh-Hant')).toBe(termKey('命令行', 'zh-Hans'));
    // Traditional text under a plain zh tag still meets its Simplified form
    expect(termKey('資料中心', 'zh')).toBe(termKey('数据中心', 'zh-Hans'));
    expect(termKey('開放權重', 'zh-Hans')).toBe('开放权重');
  });

  it('folds full width and case', () => {
    expect(termKey('ＡＩ', 'en')).toBe(termKey('AI', 'en'));
    expect(termKey('ｅｘｐｏｒｔ　ｃｏｎｔｒｏｌｓ', 'en')).toBe(termKey('export control', 'en'));
  });

  it('folds hyphen, space and joined forms and plurals', () => {
    const k = termKey('open-weight', 'en');
    for (const v of ['Open Weight', 'open weights', 'open-weights', 'openweight', 'OPEN  WEIGHT']) expect(termKey(v, 'en')).toBe(k);
    expect(termKey('export controls', 'en')).toBe(termKey('export control', 'en'));
    expect(termKey('analyses', 'en')).toBe(termKey('analysis', 'en'));
    expect(termKey('use cases', 'en')).toBe(termKey('use case', 'en'));
    expect(termKey('knowledge bases', 'en')).toBe(termKey('knowledge base', 'en'));
    expect(termKey('status', 'en')).not.toBe(termKey('statu', 'en'));
  });

  it('drops possessives', () => {
    expect(termKey("model's", 'en')).toBe(termKey('model', 'en'));
    expect(termKey('model’s', 'en')).toBe(termKey('model', 'en'));
    expect(termKey("the models' weights", 'en')).toBe(termKey('the model weight', 'en'));
  });

  it('keeps case when case-sensitive, and keeps different words apart', () => {
    expect(termKey('AI', 'en', true)).not.toBe(termKey('ai', 'en', true));
    expect(termKey('ＡＩ', 'en', true)).toBe(termKey('AI', 'en', true));
    expect(termKey('export control', 'en')).not.toBe(termKey('export controller', 'en'));
    expect(termKey('its', 'en')).not.toBe(termKey('it', 'en'));
    expect(termKey('数据中心', 'zh-Hans')).not.toBe(termKey('数据', 'zh-Hans'));
  });
});

describe('normalizeText', () => {
  it('maps every unit back to its original range', () => {
    const text = 'ＡＩ 𠀀芯片 Export-Controls';
    const n = normalizeText(text, FOLD_ALL);
    expect(unitsToString(n)).toBe('ai𠀀芯片exportcontrols');
    expect(n.start[0]).toBe(0);
    expect(n.end[1]).toBe(2);
    // the astral character is two units, both mapping to its two original units
    expect(n.start[2]).toBe(3);
    expect(n.end[3]).toBe(5);
    const e = unitsToString(n).indexOf('export');
    expect(n.start[e]).toBe(text.indexOf('Export'));
    expect(n.flags[e]! & F_SPLIT).toBe(0);
    const c = unitsToString(n).indexOf('controls');
    expect(n.flags[c]! & F_SPLIT).toBe(F_SPLIT);
    expect(n.flags[c]! & F_START).toBe(F_START);
    expect(n.flags[c + 1]! & F_START).toBe(0);
    expect(n.flags[c - 1]! & F_END).toBe(F_END);
  });

  it('marks no boundaries inside Latin words and all boundaries around Han characters', () => {
    const n = normalizeText('said人工智能', FOLD_ALL);
    expect(Array.from(n.flags.subarray(0, n.length))).toEqual([F_START, 0, 0, F_END, 3, 3, 3, 3]);
  });

  it('drops a possessive and extends the previous unit over it', () => {
    const text = "the model's weights";
    const n = normalizeText(text, FOLD_ALL);
    expect(unitsToString(n)).toBe('themodelweights');
    expect(n.end[7]).toBe(text.indexOf("'s") + 2);
  });

  it('keeps separators without the inflection fold', () => {
    expect(unitsToString(normalizeText('Open  weight-X', FOLD_ALL & ~FOLD_INFLECTION))).toBe('open weight-x');
  });
});

describe('singularFast', () => {
  it("returns natural's singularize() for every word of the glossaries and for irregular, invariant and prototype-named words", () => {
    const NounInflector = createRequire(import.meta.url)('natural/lib/natural/inflectors/noun_inflector') as new () => { singularize(w: string): string };
    const natural = new NounInflector();
    const words = new Set(['wolves', 'analyses', 'news', 'men', 'children', 'people', 'constructor', 'toString', 'cactus', 'cacti', 'matrices', 'Class', 'bus', 'ABCs', '3ds', 'licenses', 'policies', 'boxes', 'glasses', 'women', 'humans', 'series', 'Equipment']);
    for (const f of readdirSync('glossary').filter((n) => n.endsWith('.yaml') || n.endsWith('.json'))) {
      for (const w of readFileSync(`glossary/${f}`, 'utf8').match(/[A-Za-z]+/g) ?? []) words.add(w);
    }
    expect(words.size).toBeGreaterThan(1000);
    let changed = 0;
    for (const w of words) {
      for (const x of [w, w.toLowerCase()]) {
        const expected = natural.singularize(x);
        expect(singularFast(x), x).toBe(expected);
        if (expected !== x) changed++;
      }
    }
    expect(changed).toBeGreaterThan(100);
  });
});

describe('Han detection shortcut (scriptVariantsBatch)', () => {
  it('holds for this runtime: U+4E00–U+9FFF are all Script=Han and nothing below U+2E80 is', () => {
    const han = /\p{Script=Han}/u;
    const missing: number[] = [];
    for (let c = 0x4e00; c <= 0x9fff; c++) if (!han.test(String.fromCharCode(c))) missing.push(c);
    const below: number[] = [];
    for (let c = 0; c < 0x2e80; c++) if (han.test(String.fromCharCode(c))) below.push(c);
    expect(missing).toEqual([]);
    expect(below).toEqual([]);
  });
});

describe('simplifiedCharKeys', () => {
  it('marks every Han character that toSimplifiedChars changes when converted alone', () => {
    const chars: string[] = [];
    for (let c = 0x3400; c <= 0x9fff; c++) chars.push(String.fromCharCode(c));
    for (let c = 0xf900; c <= 0xfaff; c++) chars.push(String.fromCharCode(c));
    const out = toSimplifiedChars(chars.join('\n')).split('\n');
    expect(out.length).toBe(chars.length);
    const keys = simplifiedCharKeys();
    const changed = chars.filter((c, i) => out[i] !== c);
    expect(changed.length).toBeGreaterThan(2000);
    expect(changed.filter((c) => keys[c.charCodeAt(0)] !== 1)).toEqual([]);
    expect(keys.reduce((n, k) => n + k, 0)).toBeLessThan(chars.length / 2);
  });
});

describe('asciiFoldKey', () => {
  it('gives the normaliser\'s key and word breaks for letters, digits, spaces and hyphens, and nothing for other characters', () => {
    let seed = 7;
    const rand = (n: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    const alphabet = 'aZq9 -Xe0';
    const texts = ['export control', 'Open-Weight', ' lead', 'trail- ', 'a  -  b', '', '--', 'GPU cluster'];
    for (let i = 0; i < 500; i++) {
      let t = '';
      for (let k = rand(10); k > 0; k--) t += alphabet[rand(alphabet.length)];
      texts.push(t);
    }
    for (const t of texts) {
      const splits: number[] = [99];
      const key = asciiFoldKey(t, splits);
      const n = normalizeText(t, FOLD_ALL);
      expect(key, t).toBe(unitsToString(n));
      const expected = [99];
      for (let j = 1; j < n.length; j++) if (n.flags[j]! & F_SPLIT) expected.push(j);
      expect(splits, t).toEqual(expected);
    }
    for (const t of ["model's", 'naïve', 'a.b', 'x\ty', 'ＡＩ']) {
      const splits: number[] = [];
      expect(asciiFoldKey(t, splits), t).toBeUndefined();
      expect(splits).toEqual([]);
    }
  });
});

describe('patternForms', () => {
  it('adds Taiwan vocabulary and English inflection variants', () => {
    expect(patternForms('人工智能', 'zh-Hans').map((f) => f.form)).toContain('人工智慧');
    expect(patternForms('export control', 'en').map((f) => f.form)).toEqual(['export control', 'export controls']);
    expect(patternForms('export controls', 'en').map((f) => f.form)).toEqual(['export controls', 'export control']);
    expect(patternForms('AI', 'en').map((f) => f.form)).toEqual(['AI', 'AIs']);
  });

  it('inflects the head of an "X of Y" phrase, not its complement', () => {
    expect(patternForms('code of conduct', 'en').map((f) => f.form)).toEqual(['code of conduct', 'codes of conduct']);
    expect(patternForms('countries of concern', 'en').map((f) => f.form)).toEqual(['countries of concern', 'country of concern']);
    expect(patternForms('AI Center of Excellence', 'en').map((f) => f.form)).toEqual(['AI Center of Excellence', 'AI Centers of Excellence']);
    expect(patternForms('Department of the Interior', 'en').map((f) => f.form)).toEqual([
      'Department of the Interior',
      'Departments of the Interior',
    ]);
    expect(termKey('Codes of Conduct', 'en')).toBe(termKey('code of conduct', 'en'));
  });

  it('gives uncountable nouns no plural: natural\'s invariant nouns and mass nouns it would pluralise', () => {
    for (const w of ['data', 'Data', 'metadata', 'software', 'research', 'information', 'equipment', 'news', 'chassis', 'criteria', 'compute', 'security']) {
      expect(inflectionVariants(w), w).toEqual([]);
    }
    expect(patternForms('training data', 'en').map((f) => f.form)).toEqual(['training data']);
    expect(patternForms('open-source software', 'en').map((f) => f.form)).toEqual(['open-source software']);
    // countable nouns keep theirs
    expect(inflectionVariants('model')).toEqual(['models']);
    expect(inflectionVariants('data center')).toEqual(['data centers']);
    expect(inflectionVariants('analysis')).toEqual(['analyses']);
  });
});

describe('mayHaveTaiwanForm', () => {
  // vocabulary, one-to-many characters and plain terms
  const terms = ['人工智能', '数据中心', '软件', '开放权重', '出口管制', '干燥', '干部', '头发', '发展', '面条', '表面', '里程碑', '后台', '云计算', '信息安全', '网络', '打印机', '硬盘', '内存', '程序', '算法', '芯片', '半导体', '光刻机', '大语言模型', '鼠标', '视频', '服务器', '默认', '优化'];

  it('keeps every term whose Taiwan form folds differently (the filter may only skip useless conversions)', () => {
    const differing = terms.filter((t) => foldOnly(toTraditional(t, 'tw')) !== foldOnly(t));
    expect(differing.length).toBeGreaterThan(5);
    for (const t of differing) expect(mayHaveTaiwanForm(t), t).toBe(true);
    expect(mayHaveTaiwanForm('人工智能')).toBe(true);
    expect(mayHaveTaiwanForm('数据中心')).toBe(true);
    expect(mayHaveTaiwanForm('开放权重')).toBe(false);
    expect(mayHaveTaiwanForm('出口管制')).toBe(false);
  });
});

describe('toTaiwanPruned', () => {
  /** Keys and values of the cn → twp dictionaries, so that the texts meet phrases, variants and overlaps. */
  function dictWords(): string[] {
    const config = (OpenCC.Locale as unknown as { configs: Record<string, { conversionChain: readonly (readonly unknown[])[] }> }).configs.s2twp!;
    const words: string[] = [];
    for (const group of config.conversionChain)
      for (const d of group) {
        if (typeof d !== 'string') continue;
        for (const e of d.split('|')) words.push(...e.split(' ').filter(Boolean));
      }
    return words;
  }

  it('equals toTraditional(text, "tw") term by term and on a batch of terms joined by line breaks', () => {
    const words = dictWords();
    expect(words.length).toBeGreaterThan(10000);
    let seed = 42;
    const rand = (n: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    const texts = ['人工智能', '数据中心', '软件', '开放权重', '出口管制', '干燥', '头发', '里程碑', '打印机', 'AI芯片', ''];
    // 2-4 dictionary words (keys or values, Simplified or Traditional), sometimes cut, glued together
    for (let i = 0; i < 400; i++) {
      let t = '';
      for (let k = 2 + rand(3); k > 0; k--) {
        const w = words[rand(words.length)]!;
        t += rand(4) === 0 ? w.slice(rand(w.length)) : w;
      }
      texts.push(t);
    }
    let changed = 0;
    for (const t of texts) {
      const full = toTraditional(t, 'tw');
      expect(toTaiwanPruned(t), t).toBe(full);
      if (full !== t) changed++;
    }
    expect(changed).toBeGreaterThan(100);
    const batch = texts.join('\n');
    expect(toTaiwanPruned(batch)).toBe(toTraditional(batch, 'tw'));
  });
});

/** The character folds the matcher applies (no vocabulary). */
function foldOnly(s: string): string {
  return unitsToString(normalizeText(s, FOLD_ALL));
}
