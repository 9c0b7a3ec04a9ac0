/** Shared helpers for the bilingual reader tests. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BilingualFormat, BilingualReadOptions, BilingualUnit, FileInput } from '../../../src/formats/types.js';

export const DATA = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../shared/data');

export function fileInput(rel: string): FileInput {
  return { name: path.basename(rel), path: path.join(DATA, rel) };
}

export function bytesInput(name: string, text: string | Uint8Array): FileInput {
  return { name, bytes: typeof text === 'string' ? new TextEncoder().encode(text) : text };
}

/** Reads every unit (and the info) of some inputs. */
export async function readAll(format: BilingualFormat, inputs: FileInput[], options?: BilingualReadOptions) {
  const { units, info } = format.readUnits(inputs, options);
  const out: BilingualUnit[] = [];
  for await (const u of units) out.push(u);
  return { units: out, info };
}

/** Units with a non-empty target. */
export function translated(units: BilingualUnit[]): number {
  return units.filter((u) => u.target && u.target.text.trim() !== '').length;
}
