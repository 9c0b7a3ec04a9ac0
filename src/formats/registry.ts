/**
 * The one table of file formats. Glossary adapters (TBX, XLSX, CSV/TSV, legacy XLS/ODS, JSON, glossary
 * YAML) and bilingual readers (XLIFF, TMX …, kind 'bilingual') live in `formats`; the registry picks an
 * adapter by extension and by sniffing the content, and applies the shared limits and language/status
 * filters so that every adapter behaves the same.
 */
import { ShuyuError } from '../core/errors.js';
import type { Glossary } from '../core/model.js';
import { detectEncoding, decodeWith } from './decode.js';
import { filterForWrite, keepLanguages } from './filter.js';
import { checkSize, extensionOf, readHead } from './input.js';
import { resolveLimits } from './limits.js';
import type {
  BilingualFormat,
  FileFormat,
  FileInput,
  GlossaryFormat,
  GlossaryReadOptions,
  GlossaryReadResult,
  GlossaryWriteOptions,
  GlossaryWriteResult,
} from './types.js';
import { tbxFormat } from './tbx/index.js';
import { glossaryYamlFormat } from './glossary-yaml.js';
import { glossaryJsonFormat } from './glossary-json.js';
import { csvFormat, tsvFormat } from './csv.js';
import { xlsxFormat } from './xlsx/index.js';
import { legacySheetFormat } from './legacy-sheet/index.js';
import { bilingualFormats } from './bilingual/index.js';

/** Every known format. Add new adapters here (one line) or with registerFormat. */
export const formats: FileFormat[] = [glossaryYamlFormat, glossaryJsonFormat, tbxFormat, xlsxFormat, csvFormat, tsvFormat, legacySheetFormat, ...bilingualFormats];

/** Adds (or replaces, by id) a format in the table. */
export function registerFormat(format: FileFormat): void {
  const i = formats.findIndex((f) => f.id === format.id);
  if (i >= 0) formats[i] = format;
  else formats.push(format);
}

/** The format with this id, if any. */
export function getFormat(id: string): FileFormat | undefined {
  const lower = id.toLowerCase();
  return formats.find((f) => f.id === lower) ?? formats.find((f) => f.extensions.includes(lower));
}

/** The glossary format with this id; throws ShuyuError('unsupported_format') listing the known ones. */
export function getGlossaryFormat(id: string, need?: 'read' | 'write'): GlossaryFormat {
  const f = getFormat(id);
  const ok = (x: FileFormat | undefined): x is GlossaryFormat => x?.kind === 'glossary' && (!need || Boolean(x[need]));
  if (ok(f)) return f;
  const known = formats.filter(ok).map((x) => x.id);
  throw new ShuyuError('unsupported_format', `Unknown ${need ? `${need}able ` : ''}glossary format "${id}" (known: ${known.join(', ')})`, {
    params: { format: id, known: known.join(',') },
  });
}

/** The head as UTF-8 text bytes when it is text (so sniffers see `<?xml` in UTF-16 files too), else raw. */
function sniffable(head: Uint8Array, name: string): Uint8Array {
  try {
    const enc = detectEncoding(head, name);
    if (enc.encoding === 'utf-8') return head.subarray(enc.bomLength);
    // Drop a possibly cut last character before decoding.
    const body = head.length > 8 ? head.subarray(0, head.length - ((head.length - enc.bomLength) % 2) - 2) : head;
    return new TextEncoder().encode(decodeWith(body, enc).replace(/^\uFEFF/, ''));
  } catch {
    return head;
  }
}

/**
 * Picks the format of a file: by extension first (sniffing decides between several adapters sharing an
 * extension), then by content alone. `kind` restricts the search to glossary or bilingual formats.
 */
export function detectFormat(name: string, head?: Uint8Array, kind?: FileFormat['kind']): FileFormat | undefined {
  const pool = formats.filter((f) => !kind || f.kind === kind);
  const ext = extensionOf(name);
  const text = head ? sniffable(head, name) : undefined;
  const byExt = ext ? pool.filter((f) => f.extensions.includes(ext)) : [];
  if (byExt.length === 1) return byExt[0];
  if (byExt.length > 1) return (text && byExt.find((f) => f.sniff?.(text))) || byExt[0];
  return text ? pool.find((f) => f.sniff?.(text)) : undefined;
}

/** Like detectFormat for glossaries, throwing ShuyuError('unsupported_format') when nothing fits. */
export async function detectGlossaryFormat(input: FileInput, forced?: string): Promise<GlossaryFormat> {
  if (forced) return getGlossaryFormat(forced, 'read');
  const f = detectFormat(input.name, await readHead(input), 'glossary');
  if (f?.kind === 'glossary' && f.read) return f;
  const known = formats.filter((x) => x.kind === 'glossary' && x.read).flatMap((x) => x.extensions.map((e) => `.${e}`));
  throw new ShuyuError('unsupported_format', `Cannot tell the glossary format of ${input.name} (readable: ${known.join(' ')})`, {
    params: { file: input.name },
  });
}

/** Bilingual readers for a file name/head (used by the checker). */
export function detectBilingualFormat(name: string, head?: Uint8Array): BilingualFormat | undefined {
  const f = detectFormat(name, head, 'bilingual');
  return f?.kind === 'bilingual' ? f : undefined;
}

/**
 * Reads a glossary file in any readable format: size limit checked first, adapter detected (or
 * `options.format`), then languages filtered (`options.langs`; none found → 'empty_import').
 */
export async function readGlossary(input: FileInput, options: GlossaryReadOptions = {}): Promise<GlossaryReadResult> {
  const limits = resolveLimits(options.limits);
  await checkSize(input, limits);
  const format = await detectGlossaryFormat(input, options.format);
  const result = await format.read!(input, { ...options, limits });
  const glossary = keepLanguages(result.glossary, options.langs, input.name);
  if (glossary.concepts.length === 0 && !options.langs?.length) {
    throw new ShuyuError('empty_import', `${input.name} contains no terms`, { params: { file: input.name } });
  }
  return { glossary, warnings: result.warnings };
}

/** Writes a glossary in a format (by id), after the language/status filters of `options`. */
export async function writeGlossary(glossary: Glossary, formatId: string, options: GlossaryWriteOptions = {}): Promise<GlossaryWriteResult> {
  const format = getGlossaryFormat(formatId, 'write');
  return format.write!(filterForWrite(glossary, options), options);
}
