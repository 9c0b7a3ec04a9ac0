/**
 * The bilingual readers and how the checker groups input files into readable sets: each XLIFF/TMX/CSV/TSV/
 * XLSX file is read on its own; i18next JSON files are read together (two locales); `.txt` files are paired
 * by name (`x.en.txt` + `x.zh.txt`).
 */
import { ShuyuError } from '../../core/errors.js';
import type { BilingualFormat, FileInput } from '../types.js';
import { i18nextFormat } from './i18next.js';
import { bilingualCsvFormat, bilingualTsvFormat, bilingualXlsxFormat } from './table.js';
import { textPairFormat } from './text-pair.js';
import { tmxFormat } from './tmx.js';
import { xliffFormat } from './xliff.js';

export { i18nextFormat, bilingualCsvFormat, bilingualTsvFormat, bilingualXlsxFormat, textPairFormat, tmxFormat, xliffFormat };

/** Every bilingual reader (also registered in src/formats/registry.ts). */
export const bilingualFormats: BilingualFormat[] = [xliffFormat, tmxFormat, bilingualCsvFormat, bilingualTsvFormat, bilingualXlsxFormat, i18nextFormat, textPairFormat];

/** One reading job: a format and the inputs it reads together. */
export interface ReadSet {
  format: BilingualFormat;
  inputs: FileInput[];
}

function ext(name: string): string {
  const m = /\.([^./\\]+)$/.exec(name);
  return m ? m[1]!.toLowerCase() : '';
}

function sniffXml(head: Uint8Array | undefined): BilingualFormat | undefined {
  if (!head) return undefined;
  if (xliffFormat.sniff?.(head)) return xliffFormat;
  if (tmxFormat.sniff?.(head)) return tmxFormat;
  return undefined;
}

/** Groups input files into read sets; throws 'unsupported_format' for a file no reader takes. */
export function planReads(inputs: { input: FileInput; head?: Uint8Array }[], forced?: string): ReadSet[] {
  const sets: ReadSet[] = [];
  const json: FileInput[] = [];
  const txt: FileInput[] = [];
  const forcedFormat = forced ? bilingualFormats.find((f) => f.id === forced || f.extensions.includes(forced)) : undefined;
  if (forced && !forcedFormat) {
    throw new ShuyuError('unsupported_format', `Unknown bilingual format "${forced}" (known: ${bilingualFormats.map((f) => f.id).join(', ')})`, { params: { format: forced } });
  }
  for (const { input, head } of inputs) {
    const format = forcedFormat ?? bilingualFormats.find((f) => f !== i18nextFormat && f !== textPairFormat && f.extensions.includes(ext(input.name))) ?? sniffXml(head);
    const e = ext(input.name);
    if (format === i18nextFormat || (!forcedFormat && e === 'json')) json.push(input);
    else if (format === textPairFormat || (!forcedFormat && e === 'txt')) txt.push(input);
    else if (format) sets.push({ format, inputs: [input] });
    else {
      throw new ShuyuError('unsupported_format', `Cannot check ${input.name}: not a bilingual format (XLIFF, TMX, CSV/TSV/XLSX, i18next JSON, text pair)`, {
        params: { file: input.name },
      });
    }
  }
  if (json.length) sets.push({ format: i18nextFormat, inputs: json });
  if (txt.length) {
    // pair .txt files by their name without the language part
    const byStem = new Map<string, FileInput[]>();
    for (const t of txt) {
      const stem = t.name.replace(/\.txt$/i, '').replace(/[._-](en|zh|zh[-_][a-z]{2,4}|[a-z]{2}(?:[-_][A-Za-z]{2,4})?)$/i, '');
      byStem.set(stem, [...(byStem.get(stem) ?? []), t]);
    }
    for (const [stem, files] of byStem) {
      if (files.length !== 2) {
        throw new ShuyuError('usage', `Text files are checked in pairs (x.en.txt + x.zh.txt); ${stem} has ${files.length}`, { params: { file: stem } });
      }
      sets.push({ format: textPairFormat, inputs: files });
    }
  }
  return sets;
}
