/**
 * A small JSON reader that keeps the line of every string leaf, for i18next resource files: findings can
 * then name the line of a key. Malformed JSON fails with ShuyuError('parse_error') naming line and column.
 */
import { ShuyuError } from '../../core/errors.js';

/** One string leaf: its key path and the line of its value. */
export interface JsonLeaf {
  path: string[];
  value: string;
  line: number;
}

/** Parses JSON text and returns every string leaf (numbers/booleans are turned into strings, null skipped). */
export function jsonLeaves(text: string, file: string, maxDepth = 64): JsonLeaf[] {
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const out: JsonLeaf[] = [];
  const fail = (msg: string): never => {
    throw new ShuyuError('parse_error', `Malformed JSON: ${msg}`, { params: { file, line, column: i - lineStart + 1 } });
  };
  const ws = (): void => {
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) {
        line++;
        lineStart = i + 1;
      } else if (c !== 32 && c !== 9 && c !== 13) break;
    }
  };
  const str = (): string => {
    if (text[i] !== '"') fail(`expected a string at ${JSON.stringify(text.slice(i, i + 10))}`);
    const start = i;
    i++;
    for (; i < text.length; i++) {
      const c = text[i];
      if (c === '\\') i++;
      else if (c === '"') break;
      else if (c === '\n') fail('line break inside a string');
    }
    if (i >= text.length) fail('unterminated string');
    i++;
    try {
      return JSON.parse(text.slice(start, i)) as string;
    } catch {
      return fail('bad escape in string');
    }
  };
  const value = (path: string[], depth: number): void => {
    if (depth > maxDepth) fail(`nesting deeper than ${maxDepth}`);
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') return void i++;
      for (;;) {
        ws();
        const key = str();
        ws();
        if (text[i] !== ':') fail('expected ":"');
        i++;
        value([...path, key], depth + 1);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') return void i++;
        fail('expected "," or "}"');
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') return void i++;
      for (let k = 0; ; k++) {
        value([...path, String(k)], depth + 1);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') return void i++;
        fail('expected "," or "]"');
      }
    }
    if (c === '"') {
      const l = line;
      out.push({ path, value: str(), line: l });
      return;
    }
    const m = /^(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 40));
    if (!m) fail(`unexpected ${i < text.length ? JSON.stringify(text[i]) : 'end of file'}`);
    i += m![0].length;
    if (m![0] !== 'null') out.push({ path, value: m![0], line });
  };
  value([], 0);
  ws();
  if (i < text.length) fail('unexpected text after the end of the JSON value');
  return out;
}
