/**
 * Turning file bytes into text. Real glossaries arrive as UTF-8 (with or without BOM), UTF-16 (Excel's
 * "Unicode text"), GB18030/GBK (Chinese Windows Excel), Big5 (Traditional Chinese Windows) and, for XML, whatever the declaration names
 * (`encoding="windows-1254"`). Binary data and undecodable text fail with ShuyuError('bad_encoding')
 * naming the file and, where possible, the line of the first bad byte.
 */
import iconv from 'iconv-lite';
import { ShuyuError } from '../core/errors.js';

/** An encoding we detected or were told, plus how many leading bytes (BOM) to skip. */
export interface DetectedEncoding {
  /** `utf-8`, `utf-16le`, `utf-16be`, `gb18030`, `big5` or an iconv-lite label from an XML declaration. */
  encoding: string;
  bomLength: number;
  /** How we know: `bom`, `nul-pattern`, `xml-declaration`, `valid-utf8`, `heuristic`, `explicit`. */
  reason: string;
}

export interface DecodeOptions {
  /** Force an encoding (any iconv-lite label); skips detection except for BOM removal. */
  encoding?: string;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Detects a byte-order mark. */
export function bomOf(bytes: Uint8Array): DetectedEncoding | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3, reason: 'bom' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2, reason: 'bom' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2, reason: 'bom' };
  return undefined;
}

/** UTF-16 without BOM: ASCII-heavy text has a NUL in every other byte. */
function nulPattern(bytes: Uint8Array): DetectedEncoding | undefined {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  // Text in UTF-8 or GB18030 never contains NUL; NULs only on one side of each pair means UTF-16 (even
  // Chinese-heavy UTF-16 has NULs after its ASCII delimiters and newlines).
  if (oddNul >= 2 && oddNul > pairs * 0.05 && evenNul * 2 < oddNul) return { encoding: 'utf-16le', bomLength: 0, reason: 'nul-pattern' };
  if (evenNul >= 2 && evenNul > pairs * 0.05 && oddNul * 2 < evenNul) return { encoding: 'utf-16be', bomLength: 0, reason: 'nul-pattern' };
  return undefined;
}

/** The encoding named in an XML declaration (`<?xml version="1.0" encoding="windows-1254"?>`), if any. */
export function xmlDeclaredEncoding(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 256)).toString('latin1');
  const m = /^<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head);
  return m?.[1]?.toLowerCase();
}

function isUtf8Label(label: string): boolean {
  return /^utf-?8$/i.test(label);
}

/** Control characters that never occur in text files (NUL, most C0 controls except tab/newlines/form feed/ESC). */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) bad++;
  }
  return n > 0 && bad / n > 0.01;
}

/** 1-based line number of a byte offset (counting LF). */
function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Offset of the first invalid UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) (need = 1), (min = 0x80);
    else if (b >= 0xe0 && b <= 0xef) (need = 2), (min = 0x800);
    else if (b >= 0xf0 && b <= 0xf4) (need = 3), (min = 0x10000);
    else return i;
    let cp = b & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** Share of CJK ideographs / CJK punctuation / full-width forms among the non-ASCII characters. */
function cjkShare(text: string): number {
  let nonAscii = 0;
  let cjk = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) continue;
    nonAscii++;
    if (
      (cp >= 0x4e00 && cp <= 0x9fff) ||
      (cp >= 0x3400 && cp <= 0x4dbf) ||
      (cp >= 0x3000 && cp <= 0x303f) ||
      (cp >= 0xff00 && cp <= 0xffef) ||
      (cp >= 0x20000 && cp <= 0x3134f) ||
      (cp >= 0x2e80 && cp <= 0x2fdf) ||
      (cp >= 0x3100 && cp <= 0x31bf) ||
      cp === 0x00b7 ||
      (cp >= 0x2010 && cp <= 0x2027)
    )
      cjk++;
  }
  return nonAscii === 0 ? 1 : cjk / nonAscii;
}

/**
 * Big5 (Traditional Chinese Windows, "ANSI" in Taiwan and Hong Kong) rather than GB18030: about 40% of Big5
 * characters have a trail byte in 0x40–0x7E, which GB2312 never uses and GBK only for rare extension
 * characters; GB18030's four-byte sequences (a digit as second byte) and trail bytes 0x80–0xA0 cannot occur
 * in Big5 at all.
 */
function looksBig5(bytes: Uint8Array): boolean {
  let pairs = 0;
  let lowTrail = 0;
  for (let i = 0; i < bytes.length; i++) {
    const lead = bytes[i]!;
    if (lead < 0x81) continue;
    const trail = bytes[i + 1];
    if (trail === undefined) break;
    if (lead < 0xa1 || lead > 0xf9 || (trail >= 0x30 && trail <= 0x39) || (trail >= 0x7f && trail <= 0xa0) || trail < 0x40) return false;
    pairs++;
    if (trail <= 0x7e) lowTrail++;
    i++;
  }
  return pairs >= 4 && lowTrail / pairs >= 0.1;
}

/**
 * Works out the encoding of a file from its bytes (the whole file or, for streaming, its first chunk).
 * Throws ShuyuError('bad_encoding') for binary data and for bytes that are not UTF-8/UTF-16/GB18030.
 */
export function detectEncoding(bytes: Uint8Array, fileName: string, options: DecodeOptions = {}): DetectedEncoding {
  const bom = bomOf(bytes);
  if (options.encoding) {
    if (!iconv.encodingExists(options.encoding)) {
      throw new ShuyuError('usage', `Unknown encoding "${options.encoding}"`, { params: { encoding: options.encoding, file: fileName } });
    }
    return { encoding: options.encoding.toLowerCase(), bomLength: bom && sameEncoding(bom.encoding, options.encoding) ? bom.bomLength : 0, reason: 'explicit' };
  }
  if (bom) return bom;
  const utf16 = nulPattern(bytes);
  if (utf16) return utf16;
  if (looksBinary(bytes)) {
    throw new ShuyuError('bad_encoding', `${fileName} is a binary file, not text`, { params: { file: fileName } });
  }
  const declared = xmlDeclaredEncoding(bytes);
  if (declared && !isUtf8Label(declared) && !declared.startsWith('utf-16')) {
    if (!iconv.encodingExists(declared)) {
      throw new ShuyuError('bad_encoding', `${fileName} declares the unsupported encoding "${declared}"`, {
        params: { file: fileName, encoding: declared, line: 1 },
      });
    }
    return { encoding: declared, bomLength: 0, reason: 'xml-declaration' };
  }
  const bad = firstInvalidUtf8(bytes);
  if (bad < 0) return { encoding: 'utf-8', bomLength: 0, reason: 'valid-utf8' };
  // A chunk cut in the middle of a character is still UTF-8: only judge bytes well before the end.
  if (bad >= bytes.length - 3 && firstInvalidUtf8(bytes.subarray(0, bad)) < 0 && bytes.length >= 3) {
    const tail = bytes.subarray(bad);
    if (tail.every((b, i) => (i === 0 ? b >= 0xc2 && b <= 0xf4 : (b & 0xc0) === 0x80))) {
      return { encoding: 'utf-8', bomLength: 0, reason: 'valid-utf8' };
    }
  }
  if (declared && isUtf8Label(declared)) throw invalidUtf8(bytes, bad, fileName, 'declares UTF-8 but');
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 1 << 20));
  if (looksBig5(head)) {
    const big5 = iconv.decode(head, 'big5');
    const bad5 = big5.indexOf('\uFFFD');
    if ((bad5 < 0 || bad5 >= big5.length - 1) && cjkShare(big5) >= 0.6) return { encoding: 'big5', bomLength: 0, reason: 'heuristic' };
  }
  const gb = iconv.decode(head, 'gb18030');
  const replacement = gb.indexOf('\uFFFD');
  // A cut at the end of a streaming chunk may leave one replacement character.
  const cleanGb = replacement < 0 || replacement >= gb.length - 1;
  if (cleanGb && cjkShare(gb) >= 0.6) return { encoding: 'gb18030', bomLength: 0, reason: 'heuristic' };
  throw invalidUtf8(bytes, bad, fileName, 'is');
}

function invalidUtf8(bytes: Uint8Array, offset: number, fileName: string, verb: string): ShuyuError {
  const line = lineAt(bytes, offset);
  return new ShuyuError(
    'bad_encoding',
    `${fileName} ${verb} not valid UTF-8, UTF-16, GB18030 or Big5 (first bad byte at line ${line}, byte ${offset}); save it as UTF-8`,
    { params: { file: fileName, line, offset } },
  );
}

function sameEncoding(a: string, b: string): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
  return norm(a) === norm(b);
}

/** Decodes bytes with a detected encoding (BOM skipped). */
export function decodeWith(bytes: Uint8Array, detected: DetectedEncoding): string {
  const body = bytes.subarray(detected.bomLength);
  if (detected.encoding === 'utf-8') return UTF8.decode(body);
  return iconv.decode(Buffer.from(body.buffer, body.byteOffset, body.byteLength), detected.encoding, { stripBOM: true });
}

/**
 * Decodes a whole text file: UTF-8 with or without BOM, UTF-16 LE/BE (by BOM or NUL pattern), an XML
 * declaration's encoding, or GB18030/GBK when the bytes are not UTF-8 but decode cleanly as Chinese.
 * The result never starts with a BOM. Throws ShuyuError('bad_encoding') naming the file.
 */
export function decodeText(bytes: Uint8Array, fileName: string, options: DecodeOptions = {}): string {
  const detected = detectEncoding(bytes, fileName, options);
  try {
    const text = decodeWith(bytes, detected);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch (e) {
    if (e instanceof ShuyuError) throw e;
    const bad = firstInvalidUtf8(bytes);
    throw invalidUtf8(bytes, bad < 0 ? 0 : bad, fileName, 'is');
  }
}

/** A streaming decoder for chunks (large TBX/CSV): detection happens on the first chunk. */
export interface ChunkDecoder {
  write(chunk: Uint8Array): string;
  end(): string;
  readonly encoding: DetectedEncoding | undefined;
}

/** Creates a chunk decoder; the first chunk should be large enough to detect the encoding (≥ 4 KiB). */
export function createChunkDecoder(fileName: string, options: DecodeOptions = {}): ChunkDecoder {
  let detected: DetectedEncoding | undefined;
  let utf8: TextDecoder | undefined;
  let other: { write(b: Buffer): string; end(): string | undefined } | undefined;
  let offset = 0;
  let lineBase = 1;
  return {
    get encoding() {
      return detected;
    },
    write(chunk: Uint8Array): string {
      let body = chunk;
      if (!detected) {
        detected = detectEncoding(chunk, fileName, options);
        body = chunk.subarray(detected.bomLength);
        if (detected.encoding === 'utf-8') utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
        else other = iconv.getDecoder(detected.encoding, { stripBOM: true }) as unknown as typeof other;
      }
      try {
        const text = utf8 ? utf8.decode(body, { stream: true }) : other!.write(Buffer.from(body.buffer, body.byteOffset, body.byteLength));
        return text;
      } catch (e) {
        const bad = firstInvalidUtf8(body);
        const line = lineBase + (bad >= 0 ? lineAt(body, bad) - 1 : 0);
        throw new ShuyuError('bad_encoding', `${fileName} is not valid UTF-8 (first bad byte near line ${line}, byte ${offset + Math.max(bad, 0)})`, {
          params: { file: fileName, line, offset: offset + Math.max(bad, 0) },
          cause: e,
        });
      } finally {
        offset += chunk.length;
        for (let p = chunk.indexOf(0x0a); p >= 0; p = chunk.indexOf(0x0a, p + 1)) lineBase++;
      }
    },
    end(): string {
      if (utf8) {
        try {
          return utf8.decode();
        } catch (e) {
          throw new ShuyuError('bad_encoding', `${fileName} ends in the middle of a UTF-8 character`, { params: { file: fileName, line: lineBase }, cause: e });
        }
      }
      return other?.end() ?? '';
    },
  };
}
