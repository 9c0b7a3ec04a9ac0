/** Working out languages of bilingual files from headers, file/folder names and, as a last resort, the text. */
import { normalizeLang } from '../../core/lang.js';

const NAMES: Record<string, string> = {
  english: 'en',
  英文: 'en',
  英语: 'en',
  chinese: 'zh-Hans',
  中文: 'zh-Hans',
  汉语: 'zh-Hans',
  简体中文: 'zh-Hans',
  繁體中文: 'zh-Hant',
  繁体中文: 'zh-Hant',
};

/** A language named by a header cell, file stem or folder name (`en`, `zh-CN`, `English`, `中文`), or undefined. */
export function langFromName(name: string): string | undefined {
  const s = name.trim();
  const lower = s.toLowerCase();
  if (NAMES[lower]) return NAMES[lower];
  if (NAMES[s]) return NAMES[s];
  if (/^[a-z]{2,3}([-_][a-z0-9]{2,8})*$/i.test(s)) {
    const primary = lower.split(/[-_]/)[0]!;
    // only tags that plausibly are languages, not words like "id" or "key"
    if (['en', 'zh', 'ja', 'ko', 'fr', 'de', 'es', 'it', 'pt', 'ru', 'ar', 'nl', 'pl', 'sv', 'tr', 'vi', 'th', 'cmn', 'be', 'ca', 'uk', 'cs', 'he', 'hi', 'id', 'ms', 'fa'].includes(primary)) {
      if (primary === 'id' && !/[-_]/.test(s)) return undefined; // "id" is a column name, not Indonesian
      return normalizeLang(s);
    }
  }
  return undefined;
}

/** Guesses zh-Hans or en from text: Han characters dominate → Chinese. */
export function guessLang(samples: Iterable<string>): string {
  let han = 0;
  let latin = 0;
  for (const s of samples) {
    for (const ch of s) {
      const cp = ch.codePointAt(0)!;
      if ((cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf)) han++;
      else if ((cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a)) latin++;
    }
  }
  return han * 3 >= latin && han > 0 ? 'zh-Hans' : 'en';
}

/** The language suffix of a file name: `policy.zh-CN.txt` → zh-Hans, `en.json` → en. */
export function langFromFileName(file: string): string | undefined {
  const base = (file.split(/[\\/]/).pop() ?? file).replace(/\.[^.]+$/, '');
  const parts = base.split('.');
  for (let i = parts.length - 1; i >= 0; i--) {
    const l = langFromName(parts[i]!);
    if (l) return l;
    const tail = /[_-]([a-z]{2}(?:[-_][A-Za-z]{2,4})?)$/i.exec(parts[i]!);
    if (tail && i === parts.length - 1) {
      const t = langFromName(tail[1]!);
      if (t) return t;
    }
  }
  return undefined;
}
