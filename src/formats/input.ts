/**
 * Reading a FileInput (bytes in memory or a path on disk) with the size limit applied before anything
 * is parsed, and reading just its head for format sniffing.
 */
import { open, readFile, stat } from 'node:fs/promises';
import { ShuyuError } from '../core/errors.js';
import type { FileInput, Limits } from './types.js';

/** Size of the input in bytes. */
export async function inputSize(input: FileInput): Promise<number> {
  if (input.bytes) return input.bytes.byteLength;
  if (input.path) return (await stat(input.path)).size;
  throw new ShuyuError('usage', `No content for ${input.name}`, { params: { file: input.name } });
}

/** Throws ShuyuError('too_large') when the input exceeds limits.maxBytes. */
export async function checkSize(input: FileInput, limits: Pick<Limits, 'maxBytes'>): Promise<number> {
  const size = await inputSize(input);
  if (size > limits.maxBytes) {
    throw new ShuyuError('too_large', `${input.name} is ${formatBytes(size)}, more than the limit of ${formatBytes(limits.maxBytes)}`, {
      params: { file: input.name, size, limit: limits.maxBytes },
    });
  }
  return size;
}

/** The whole input as bytes (size-checked first). */
export async function readInputBytes(input: FileInput, limits: Pick<Limits, 'maxBytes'>): Promise<Uint8Array> {
  await checkSize(input, limits);
  if (input.bytes) return input.bytes;
  return new Uint8Array(await readFile(input.path!));
}

/** The first `n` bytes of the input. */
export async function readHead(input: FileInput, n = 4096): Promise<Uint8Array> {
  if (input.bytes) return input.bytes.subarray(0, n);
  if (!input.path) return new Uint8Array();
  const fh = await open(input.path, 'r');
  try {
    const buf = Buffer.alloc(n);
    const { bytesRead } = await fh.read(buf, 0, n, 0);
    return new Uint8Array(buf.buffer, buf.byteOffset, bytesRead);
  } finally {
    await fh.close();
  }
}

/** Streams the input in chunks (a path is read from disk; bytes are sliced). */
export async function* inputChunks(input: FileInput, chunkSize = 1 << 16): AsyncGenerator<Uint8Array> {
  if (input.bytes) {
    for (let i = 0; i < input.bytes.length; i += chunkSize) yield input.bytes.subarray(i, i + chunkSize);
    return;
  }
  const fh = await open(input.path!, 'r');
  try {
    for (;;) {
      const buf = Buffer.alloc(chunkSize);
      const { bytesRead } = await fh.read(buf, 0, chunkSize, null);
      if (bytesRead === 0) break;
      yield new Uint8Array(buf.buffer, buf.byteOffset, bytesRead);
    }
  } finally {
    await fh.close();
  }
}

/** `1.5 MiB`-style sizes for messages. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) (v /= 1024), i++;
  return `${v.toFixed(v < 10 ? 1 : 0)} ${units[i]}`;
}

/** The lower-case extension without dot (`Glossary.XLSX` → `xlsx`), or ''. */
export function extensionOf(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}
