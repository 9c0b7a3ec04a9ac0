import { describe, expect, it } from 'vitest';
import { localizeError, pickLanguage } from '../../src/i18n/index.js';

describe('server-side i18n', () => {
  it.each([
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh'],
    ['zh-TW', 'zh'],
    ['en-US,en;q=0.9', 'en'],
    ['fr-FR, de;q=0.9, zh;q=0.5', 'zh'],
    ['en;q=0.2, zh;q=0.8', 'zh'],
    ['zh;q=0, en', 'en'],
    ['', 'en'],
    [undefined, 'en'],
    ['*', 'en'],
  ])('picks the interface language from Accept-Language %j → %s', (header, expected) => {
    expect(pickLanguage(header)).toBe(expected);
  });

  it('picks from a list of browser languages', () => {
    expect(pickLanguage(['ja', 'zh-Hant-TW', 'en'])).toBe('zh');
  });

  it('renders error messages per language and falls back to English', () => {
    expect(localizeError('not_found', 'zh')).toBe('未找到。');
    expect(localizeError('not_found', 'en')).toBe('Not found.');
    expect(localizeError('too_large', 'fr')).toBe('The input is larger than allowed.');
  });
});
