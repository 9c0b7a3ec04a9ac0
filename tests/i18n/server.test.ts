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

  it('puts the place first and the reason after for input errors, in both languages', () => {
    const params = { file: 'broken.xlf', line: 9, column: 11 };
    expect(localizeError('parse_error', 'en', params, 'Malformed XML: unexpected close tag.')).toBe(
      'broken.xlf:9:11: The file could not be read: it is malformed. (Malformed XML: unexpected close tag.)',
    );
    expect(localizeError('parse_error', 'zh', params, 'Malformed XML: unexpected close tag.')).toBe(
      'broken.xlf:9:11：无法读取文件：文件格式有误。（Malformed XML: unexpected close tag.）',
    );
    expect(localizeError('invalid_input', 'en', { file: 'terms.csv', row: 4 }, 'Row 4: a term has no text')).toBe(
      'terms.csv:4: The data did not pass validation. (Row 4: a term has no text)',
    );
  });

  it('never shows the reason of an internal error, and adds nothing when there is no place or reason', () => {
    expect(localizeError('internal', 'en', {}, 'TypeError: x is undefined at /srv/app.js:1')).toBe('Something went wrong on our side.');
    expect(localizeError('not_found', 'en', {}, 'No API endpoint GET /api/x')).toBe('Not found.');
    expect(localizeError('too_large', 'en')).toBe('The input is larger than allowed.');
  });
});
