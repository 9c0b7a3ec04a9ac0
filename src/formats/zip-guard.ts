/**
 * Zip-bomb protection for zip containers (.xlsx, .ods) before any spreadsheet library sees them:
 * the uncompressed sizes in the central directory are summed and checked against
 * limits.maxUnzippedBytes, the entry count is bounded, and every entry is then inflated once (yauzl
 * checks the real size against the declared one) so a zip that lies about its sizes is caught too.
 */
import yauzl from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';
import { ShuyuError } from '../core/errors.js';
import type { Limits } from './types.js';
import { formatBytes } from './input.js';

/** Most entries a spreadsheet container may have. */
const MAX_ENTRIES = 10_000;
/** A single entry compressing better than this is a bomb, not a spreadsheet (XML compresses ~10–50×). */
const MAX_RATIO = 1000;

export interface ZipSummary {
  entries: string[];
  uncompressedBytes: number;
}

function openZip(source: Uint8Array | string): Promise<ZipFile> {
  const options = { lazyEntries: true, validateEntrySizes: true, autoClose: true };
  return new Promise((resolve, reject) => {
    const cb = (err: Error | null, zip?: ZipFile) => (err || !zip ? reject(err ?? new Error('cannot open zip')) : resolve(zip));
    if (typeof source === 'string') yauzl.open(source, options, cb);
    else yauzl.fromBuffer(Buffer.from(source.buffer, source.byteOffset, source.byteLength), options, cb);
  });
}

function bomb(file: string, message: string, params: Record<string, string | number> = {}): ShuyuError {
  return new ShuyuError('unsafe_input', `${file}: ${message}; refused as a possible zip bomb`, { params: { file, ...params } });
}

/**
 * Checks a zip container; throws ShuyuError('unsafe_input') for a zip bomb and ('parse_error') for a file
 * that is not a readable zip (truncated, corrupt). `kind` names the expected format in messages.
 */
export async function checkZip(source: Uint8Array | string, file: string, limits: Pick<Limits, 'maxUnzippedBytes'>, kind = 'spreadsheet'): Promise<ZipSummary> {
  let zip: ZipFile;
  try {
    zip = await openZip(source);
  } catch (e) {
    throw new ShuyuError('parse_error', `${file} is not a valid ${kind} file (damaged or truncated zip: ${(e as Error).message})`, { params: { file }, cause: e });
  }
  const entries: Entry[] = [];
  let declared = 0;
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: Entry) => {
      entries.push(entry);
      declared += entry.uncompressedSize;
      if (entries.length > MAX_ENTRIES) return reject(bomb(file, `more than ${MAX_ENTRIES} entries`));
      if (declared > limits.maxUnzippedBytes) {
        return reject(bomb(file, `expands to more than ${formatBytes(limits.maxUnzippedBytes)}`, { limit: limits.maxUnzippedBytes }));
      }
      if (entry.compressedSize > 0 && entry.uncompressedSize / entry.compressedSize > MAX_RATIO && entry.uncompressedSize > 10 * 2 ** 20) {
        return reject(bomb(file, `entry ${entry.fileName} compresses ${Math.round(entry.uncompressedSize / entry.compressedSize)}:1`));
      }
      zip.readEntry();
    });
    zip.on('end', () => resolve());
    zip.on('error', (e: Error) => reject(new ShuyuError('parse_error', `${file} is not a valid ${kind} file (${e.message})`, { params: { file }, cause: e })));
    zip.readEntry();
  }).catch((e) => {
    zip.close();
    throw e;
  });
  // Inflate each entry once: yauzl fails when an entry produces more bytes than it declared.
  const again = await openZip(source);
  let actual = 0;
  await new Promise<void>((resolve, reject) => {
    again.on('entry', (entry: Entry) => {
      if (entry.fileName.endsWith('/')) return again.readEntry();
      again.openReadStream(entry, (err, stream) => {
        if (err || !stream) return reject(new ShuyuError('parse_error', `${file}: cannot read ${entry.fileName} (${err?.message})`, { params: { file } }));
        stream.on('data', (chunk: Buffer) => {
          actual += chunk.length;
          if (actual > limits.maxUnzippedBytes) {
            stream.destroy();
            reject(bomb(file, `expands to more than ${formatBytes(limits.maxUnzippedBytes)}`, { limit: limits.maxUnzippedBytes }));
          }
        });
        stream.on('error', (e: Error) => {
          const lied = /too many bytes|too few bytes/i.test(e.message);
          reject(lied ? bomb(file, `entry ${entry.fileName} is not the size it declares`) : new ShuyuError('parse_error', `${file}: damaged entry ${entry.fileName} (${e.message})`, { params: { file } }));
        });
        stream.on('end', () => again.readEntry());
      });
    });
    again.on('end', () => resolve());
    again.on('error', (e: Error) => reject(new ShuyuError('parse_error', `${file} is not a valid ${kind} file (${e.message})`, { params: { file }, cause: e })));
    again.readEntry();
  }).catch((e) => {
    again.close();
    throw e;
  });
  return { entries: entries.map((e) => e.fileName), uncompressedBytes: declared };
}

/** Whether bytes start like a zip file (`PK\x03\x04`). */
export function looksLikeZip(head: Uint8Array): boolean {
  return head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
}
