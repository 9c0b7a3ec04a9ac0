/**
 * commander's output in the language of messages (src/cli/commander-i18n.ts): translation of its usage errors,
 * display width and wrapping, with a seeded property test of the wrapping.
 */
import { describe, expect, it } from 'vitest';
import { displayWidth, localizeCommanderError, wrapText } from '../../src/cli/commander-i18n.js';
import type { CliContext } from '../../src/cli/context.js';
import { uiLangArgument } from '../../src/cli/ui-lang.js';
import { serverI18n } from '../../src/i18n/index.js';
import { mulberry32 } from '../support/prng.js';

describe('commander in the language of messages', () => {
  it('translates each commander message it knows and passes others through', () => {
    const zh = { lng: 'zh', t: (key: string, params?: Record<string, unknown>) => serverI18n().t(key.split(':')[1]!, { ns: 'cli-help', lng: 'zh', ...params }) } as unknown as CliContext;
    expect(localizeCommanderError("unknown option '--bogus'\n(Did you mean one of --top, --to?)", zh)).toBe('未知选项“--bogus”\n（是否要用 --top, --to？）');
    expect(localizeCommanderError("missing required argument 'query'", zh)).toBe('缺少必需的参数“query”');
    expect(localizeCommanderError("option '--top <n>' argument missing", zh)).toBe('选项“--top <n>”缺少值');
    expect(localizeCommanderError("too many arguments for 'glossaries'. Expected 0 arguments but got 1.", zh)).toBe('参数过多（glossaries）：应为 0 个，实际为 1 个。');
    expect(localizeCommanderError('something commander says that we do not know', zh)).toBe('something commander says that we do not know');
    const en = { ...zh, lng: 'en' } as CliContext;
    expect(localizeCommanderError("unknown option '--bogus'", en)).toBe("unknown option '--bogus'");
  });

  it('wraps Chinese between characters, never before closing punctuation, and English at spaces', () => {
    expect(displayWidth('出口管制 ab')).toBe(11);
    const wrapped = wrapText('去掉出现次数少于 n 的候选（默认 1，输入超过 5 万词时为 2）', 40);
    for (const line of wrapped.split('\n')) {
      expect(displayWidth(line)).toBeLessThanOrEqual(40);
      expect(line).not.toMatch(/^[，。）]/);
    }
    expect(wrapped.replace(/\n/g, '')).toBe('去掉出现次数少于 n 的候选（默认 1，输入超过 5 万词时为 2）');
    expect(wrapText('at most this many results from the glossary', 20)).toBe('at most this many\nresults from the\nglossary');
  });

  it('wraps any mix of Chinese, English and punctuation without losing a character (seeded)', () => {
    const rand = mulberry32(20261207);
    const pieces = ['出口管制', '人工智能', '，', '。', '（', '）', ' ', ' ', 'export', 'controls', 'a', '--max-words', '“', '”', '、', '5'];
    for (let run = 0; run < 500; run++) {
      let text = '';
      const n = 1 + Math.floor(rand() * 40);
      for (let i = 0; i < n; i++) text += pieces[Math.floor(rand() * pieces.length)]!;
      const width = 8 + Math.floor(rand() * 40);
      const lines = wrapText(text, width).split('\n');
      // only the spaces at a line break are dropped
      expect(lines.join('').replace(/ /g, '')).toBe(text.replace(/ /g, ''));
      let at = 0;
      lines.forEach((line, k) => {
        const start = text.indexOf(line, at);
        expect(start).toBeGreaterThanOrEqual(at);
        // a line is over the width only when it is one unbreakable piece (a long word and its punctuation)
        if (displayWidth(line) > width) expect(line.trim()).toMatch(/^[（“]*[^\s]+$/);
        // a break between two characters never puts closing punctuation at the start of a line (after a space it may)
        if (k > 0 && !/\s/.test(text[start - 1] ?? '')) expect(line).not.toMatch(/^[，。、）”]/);
        at = start + line.length;
      });
    }
  });

  it('finds --ui-lang in raw arguments, the last one winning, not after --', () => {
    expect(uiLangArgument(['--ui-lang', 'zh', 'lookup', 'x'])).toBe('zh');
    expect(uiLangArgument(['lookup', '--ui-lang=en', 'x'])).toBe('en');
    expect(uiLangArgument(['--ui-lang', 'zh', '--ui-lang', 'en'])).toBe('en');
    expect(uiLangArgument(['lookup', '--', '--ui-lang', 'zh'])).toBeUndefined();
    expect(uiLangArgument(['lookup', 'x'])).toBeUndefined();
  });
});
