/**
 * Shuyu's own JSON glossary format (docs/json-format.md, schema docs/shuyu-glossary.schema.json):
 * `{ "format": "shuyu-glossary", "version": 1, id, name, description, languages, concepts: [...] }`,
 * concepts in the shape of the Concept model. Same validation as the glossary YAML; lines of problems
 * are found by re-reading the text with a position-aware parser only when there are problems.
 */
import { LineCounter, parseDocument } from 'yaml';
import { ShuyuError } from '../core/errors.js';
import type { Glossary } from '../core/model.js';
import { resolveLimits } from './limits.js';
import { decodeText } from './decode.js';
import { readInputBytes } from './input.js';
import type { Locator } from './glossary-object.js';
import { glossaryFromObject, orderedConcept, orderedHeader, parseError, yamlLocator } from './glossary-object.js';
import type { FileInput, GlossaryFormat, GlossaryReadOptions, GlossaryReadResult, GlossaryWriteResult } from './types.js';

export const JSON_FORMAT_NAME = 'shuyu-glossary';
export const JSON_FORMAT_VERSION = 1;
const JSON_TOP_KEYS = ['$schema', 'format', 'version', 'id', 'name', 'description', 'languages', 'concepts'] as const;
/** Above this size, problems are reported without line numbers (re-parsing for positions costs too much). */
const LOCATE_MAX_CHARS = 20 * 2 ** 20;

/** Parses Shuyu glossary JSON text; `file` names the source in every message. */
export function parseGlossaryJson(text: string, file: string, options: GlossaryReadOptions = {}): GlossaryReadResult {
  const limits = resolveLimits(options.limits);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const pos = /position (\d+)/.exec((e as Error).message);
    const lc = pos ? lineColumn(text, Number(pos[1])) : {};
    throw parseError(file, `invalid JSON: ${(e as Error).message.replace(/ in JSON at position.*$/, '')}`, lc);
  }
  const head = (typeof data === 'object' && data !== null ? data : {}) as { format?: unknown; version?: unknown };
  if (head.format !== JSON_FORMAT_NAME) {
    throw new ShuyuError('unsupported_format', `${file} is not a Shuyu glossary JSON file ("format": "${JSON_FORMAT_NAME}" is missing)`, {
      params: { file },
    });
  }
  if (head.version !== JSON_FORMAT_VERSION) {
    throw new ShuyuError('unsupported_format', `${file} has Shuyu glossary JSON version ${String(head.version)}; this version of Shuyu reads version ${JSON_FORMAT_VERSION}`, {
      params: { file, version: String(head.version) },
    });
  }
  return glossaryFromObject(data, { file, topKeys: JSON_TOP_KEYS, locate: lazyLocator(text), maxErrors: limits.maxErrors });
}

/** Writes a glossary as Shuyu glossary JSON (2-space indent, stable key order, trailing newline). */
export function stringifyGlossaryJson(glossary: Glossary): string {
  const doc = { format: JSON_FORMAT_NAME, version: JSON_FORMAT_VERSION, ...orderedHeader(glossary), concepts: glossary.concepts.map(orderedConcept) };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** Positions are computed (by parsing the text again, keeping offsets) only if a problem needs one. */
function lazyLocator(text: string): Locator | undefined {
  if (text.length > LOCATE_MAX_CHARS) return undefined;
  let locate: Locator | undefined;
  return (path) => {
    if (!locate) {
      const lineCounter = new LineCounter();
      locate = yamlLocator(parseDocument(text, { lineCounter, uniqueKeys: false }), lineCounter);
    }
    return locate(path);
  };
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

export const glossaryJsonFormat: GlossaryFormat = {
  kind: 'glossary',
  id: 'json',
  name: 'Shuyu glossary JSON',
  extensions: ['json'],
  mediaTypes: ['application/json'],
  cannotHold: [],
  sniff(head) {
    return /"format"\s*:\s*"shuyu-glossary"/.test(new TextDecoder().decode(head.subarray(0, 4096)));
  },
  async read(input: FileInput, options?: GlossaryReadOptions): Promise<GlossaryReadResult> {
    const bytes = await readInputBytes(input, resolveLimits(options?.limits));
    return parseGlossaryJson(decodeText(bytes, input.name), input.name, options);
  },
  async write(glossary: Glossary): Promise<GlossaryWriteResult> {
    return { bytes: new TextEncoder().encode(stringifyGlossaryJson(glossary)), warnings: [] };
  },
};
