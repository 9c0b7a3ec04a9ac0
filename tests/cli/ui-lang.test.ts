/**
 * The language of the CLI's own messages: --ui-lang, $SHUYU_LANG, then the POSIX locale. Real CLI runs
 * (child processes) for the messages; the choice of language as a unit.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/cli/commander-i18n.js';
import { cliLanguage } from '../../src/cli/ui-lang.js';
import { FIXTURE_YAML, runCli, tempDir } from './run.js';

const tmp = tempDir();
afterAll(() => tmp.remove());

describe('CLI message language', () => {
  it('takes --ui-lang, then SHUYU_LANG, then LC_ALL / LC_MESSAGES / LANG, else English', () => {
    expect(cliLanguage(undefined, {})).toBe('en');
    expect(cliLanguage(undefined, { LANG: 'zh_CN.UTF-8' })).toBe('zh');
    expect(cliLanguage(undefined, { LANG: 'zh_TW.Big5' })).toBe('zh');
    expect(cliLanguage(undefined, { LANG: 'zh_CN.UTF-8', LC_ALL: 'C' })).toBe('en');
    expect(cliLanguage(undefined, { LANG: 'en_US.UTF-8', LC_MESSAGES: 'zh_CN.UTF-8' })).toBe('zh');
    expect(cliLanguage(undefined, { LANG: 'zh_CN.UTF-8', SHUYU_LANG: 'en' })).toBe('en');
    expect(cliLanguage('zh', { SHUYU_LANG: 'en' })).toBe('zh');
    expect(cliLanguage(undefined, { LANG: 'fr_FR.UTF-8' })).toBe('en');
    expect(cliLanguage(undefined, { LANG: '', LC_ALL: '' })).toBe('en');
  });

  it('prints lookup labels, summaries and errors in Chinese under a Chinese locale', async () => {
    const g = tmp.write('test.yaml', FIXTURE_YAML);
    const env = { SHUYU_LANG: '', LC_ALL: '', LC_MESSAGES: '', LANG: 'zh_CN.UTF-8' };
    const found = await runCli(['lookup', 'ckgz', '-g', g], { env });
    expect(found.code).toBe(0);
    expect(found.stdout).toContain('出口管制 ↔ export controls');
    expect(found.stdout).toContain('匹配方式 拼音首字母');
    expect(found.stdout).toContain('首选');
    const none = await runCli(['lookup', 'zzzzqqq', '-g', g], { env });
    expect(none.stdout).toContain('没有找到与“zzzzqqq”相关的概念。');
    // an error: the code's message in Chinese, where first, the technical reason after it
    const broken = tmp.write('broken.xlf', '<?xml version="1.0"?>\n<xliff version="1.2"><file source-language="en" target-language="zh"><body>\n<trans-unit id="1"><source>a</source></target></body></file></xliff>\n');
    const failed = await runCli(['check', broken, '-g', g], { env });
    expect(failed.code).toBe(2);
    expect(failed.stderr).toMatch(/^shuyu: .*broken\.xlf:\d+(:\d+)?：无法读取文件：文件格式有误。（.+）/m);
    // a usage error says so in the CLI's words, not the web's ("the request is invalid")
    const usage = await runCli(['export', 'test', '-g', g], { env });
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/^shuyu: 命令参数有误（Give --format/m);
    // --ui-lang overrides the locale
    const english = await runCli(['--ui-lang', 'en', 'lookup', 'zzzzqqq', '-g', g], { env });
    expect(english.stdout).toContain('No concept found for "zzzzqqq".');
    // a language the messages do not exist in is a usage error, not a silent fallback
    const unknown = await runCli(['--ui-lang', 'fr', 'lookup', 'zzzzqqq', '-g', g], { env });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("argument 'fr' is invalid. use en or zh");
  });

  it('prints help and commander usage errors in Chinese, measured and wrapped by display width', async () => {
    const env = { SHUYU_LANG: '', LC_ALL: '', LC_MESSAGES: '', LANG: 'zh_CN.UTF-8' };
    const help = await runCli(['extract', '--help'], { env });
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^用法： shuyu extract \[options\] <file\.\.\.>/);
    expect(help.stdout).toContain('从文档中提取候选术语');
    expect(help.stdout).toMatch(/--lang <lang> +文档语言：zh、en 或 auto（默认："auto"）/);
    expect(help.stdout).toContain('选项：');
    // no line is wider than commander's 80 columns when a Chinese character counts two
    for (const line of help.stdout.split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(80);
    // --ui-lang in the arguments chooses the help language before they are parsed
    const english = await runCli(['--ui-lang', 'en', 'extract', '--help'], { env });
    expect(english.stdout).toMatch(/^Usage: shuyu extract/);
    const chinese = await runCli(['--ui-lang=zh', 'lookup', '--help'], { env: { SHUYU_LANG: 'en' } });
    expect(chinese.stdout).toContain('按中文、英文、拼音');
    const range = await runCli(['lookup', '--limit', '0', 'x'], { env });
    expect(range.code).toBe(2);
    expect(range.stderr).toContain('shuyu: 选项“-n, --limit <n>”的值“0”无效：应为 1 到 100 之间的数');
    expect(range.stderr).toContain('（运行 `shuyu --help` 查看用法）');
    const typo = await runCli(['extrct'], { env });
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('未知命令“extrct”\n（是否要用 extract？）');
  });

  it('writes the check report in the language of messages unless --lang says otherwise', async () => {
    const g = tmp.write('test2.yaml', FIXTURE_YAML);
    const xlf = tmp.write(
      'app.xlf',
      '<?xml version="1.0"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a" source-language="en" target-language="zh-Hans" datatype="plaintext"><body>\n<trans-unit id="u1"><source>Export controls matter.</source><target>出口限制很重要。</target></trans-unit>\n</body></file></xliff>\n',
    );
    const zh = await runCli(['check', xlf, '-g', g], { env: { SHUYU_LANG: 'zh' } });
    const en = await runCli(['check', xlf, '-g', g, '--lang', 'en'], { env: { SHUYU_LANG: 'zh' } });
    expect(zh.stdout).not.toBe(en.stdout);
    expect(zh.stdout).toMatch(/[\u4e00-\u9fff]{4}/);
    expect(en.stdout).toMatch(/export controls/i);
  });
});
