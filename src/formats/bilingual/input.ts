/** Reading a FileInput (bytes in memory or a path on disk) as decoded text, whole or in chunks, within limits. */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { ShuyuError } from '../../core/errors.js';
import { createChunkDecoder, decodeText } from '../decode.js';
import type { FileInput, Limits } from '../types.js';

const CHUNK = 64 * 1024;

/** Size of the input in bytes. */
export async function inputSize(input: FileInput): Promise<number> {
  if (input.bytes) return input.bytes.length;
  if (input.path) return (await stat(input.path)).size;
  throw new ShuyuError('usage', `${input.name}: no bytes and no path`, { params: { file: input.name } });
}

function tooLarge(input: FileInput, size: number, limits: Limits): ShuyuError {
  return new ShuyuError('too_large', `${input.name} is ${size} bytes, more than the limit of ${limits.maxBytes}`, {
    params: { file: input.name, size, limit: limits.maxBytes },
  });
}

/** The raw bytes of an input (refusing files above limits.maxBytes). */
export async function inputBytes(input: FileInput, limits: Limits): Promise<Uint8Array> {
  const size = await inputSize(input);
  if (size > limits.maxBytes) throw tooLarge(input, size, limits);
  if (input.bytes) return input.bytes;
  return new Uint8Array(await readFile(input.path!));
}

/** The whole input decoded as text (BOM, UTF-16, GB18030 and XML-declared encodings handled). */
export async function inputText(input: FileInput, limits: Limits): Promise<string> {
  return decodeText(await inputBytes(input, limits), input.name);
}

/**
 * The input decoded in chunks (streaming for files on disk, so memory stays flat in file size).
 * `onProgress` gets bytes done of total.
 */
export async function* inputChunks(input: FileInput, limits: Limits, onProgress?: (done: number, total?: number) => void): AsyncIterable<string> {
  const size = await inputSize(input);
  if (size > limits.maxBytes) throw tooLarge(input, size, limits);
  const decoder = createChunkDecoder(input.name);
  let done = 0;
  if (input.bytes) {
    for (let i = 0; i < input.bytes.length; i += CHUNK * 4) {
      const chunk = input.bytes.subarray(i, i + CHUNK * 4);
      done += chunk.length;
      const text = decoder.write(chunk);
      onProgress?.(done, size);
      if (text) yield text;
    }
  } else {
    const stream = createReadStream(input.path!, { highWaterMark: CHUNK });
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      done += chunk.length;
      const text = decoder.write(chunk);
      onProgress?.(done, size);
      if (text) yield text;
    }
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

/** The file's base name without directories (for messages). */
export function baseName(name: string): string {
  return name.split(/[\\/]/).pop() ?? name;
}
