/**
 * The language of the CLI's own messages (errors, summaries, lookup labels): `--ui-lang`, else `$SHUYU_LANG`,
 * else the POSIX locale (`$LC_ALL`, `$LC_MESSAGES`, `$LANG`, the first one set: `zh_CN.UTF-8` → zh); English
 * otherwise. Help texts stay English (commander's own).
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
