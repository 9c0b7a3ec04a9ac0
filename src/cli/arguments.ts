/**
 * Parsers of option values for commander, with their reasons in the language of messages (cli-help catalogue,
 * `invalid.*`): commander reports "option '--top <n>' argument 'x' is invalid." followed by the reason.
 */
import { InvalidArgumentError } from 'commander';
import { UI_LANGUAGES } from '../i18n/index.js';
import type { Translate } from './context.js';

/** A whole number ≥ 0. */
export function wholeNumber(t: Translate): (value: string) => number {
  return (value) => {
    if (!/^\d+$/.test(value)) throw new InvalidArgumentError(t('cli-help:invalid.wholeNumber'));
    return Number(value);
  };
}

/** A whole number from `min` to `max`. */
export function numberInRange(t: Translate, min: number, max: number): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!/^\d+$/.test(value) || n < min || n > max) throw new InvalidArgumentError(t('cli-help:invalid.range', { min, max }));
    return n;
  };
}

/** A TCP port, 0–65535 (0: any free port). */
export function port(t: Translate): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!/^\d+$/.test(value) || n > 65535) throw new InvalidArgumentError(t('cli-help:invalid.port'));
    return n;
  };
}

/** `--ui-lang`: a language the messages exist in (a locale may name any language; the option must not). */
export function uiLanguage(t: Translate): (value: string) => string {
  return (value) => {
    if (!(UI_LANGUAGES as readonly string[]).includes(value)) throw new InvalidArgumentError(t('cli-help:invalid.uiLang', { languages: UI_LANGUAGES.join(t('cli-help:invalid.or')) }));
    return value;
  };
}
