/**
 * The language of the CLI's own messages (errors, summaries, lookup labels): `--ui-lang`, else `$SHUYU_LANG`,
 * else the POSIX locale (`$LC_ALL`, `$LC_MESSAGES`, `$LANG`, the first one set: `zh_CN.UTF-8` → zh); English
 * otherwise. Help texts follow it too: they are written before the arguments are parsed, so `--ui-lang` is
 * also looked for in the raw arguments (uiLangArgument).
 */
import { pickLanguage } from '../i18n/index.js';
import type { UiLanguage } from '../i18n/index.js';

export function cliLanguage(flag: string | undefined, env: NodeJS.ProcessEnv): UiLanguage {
  for (const value of [flag, env.SHUYU_LANG, env.LC_ALL, env.LC_MESSAGES, env.LANG]) {
    if (!value) continue;
    // ll_CC.encoding@modifier → ll-CC
    const tag = value.split('.')[0]!.split('@')[0]!.replace(/_/g, '-');
    if (tag === 'C' || tag === 'POSIX') return 'en';
    return pickLanguage(tag);
  }
  return 'en';
}

/**
 * The value of `--ui-lang` in raw arguments (`--ui-lang zh` or `--ui-lang=zh`, before a `--`), for what must be
 * known before commander parses them: the help texts. The parsed option wins where both exist.
 */
export function uiLangArgument(argv: readonly string[]): string | undefined {
  let found: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    if (a === '--ui-lang') found = argv[i + 1];
    else if (a.startsWith('--ui-lang=')) found = a.slice('--ui-lang='.length);
  }
  return found;
}
