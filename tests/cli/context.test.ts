/** The CLI context on its own: colour rules, exit codes, error formatting. */
import { describe, expect, it } from 'vitest';
import { createCliContext, exitCodeFor, formatError, toShuyuError } from '../../src/cli/context.js';
import { ERROR_CODES, ShuyuError } from '../../src/core/errors.js';
import type { ErrorCode } from '../../src/core/errors.js';

function sink(isTTY: boolean) {
  const chunks: string[] = [];
  return { chunks, writer: { isTTY, write: (s: string) => (chunks.push(s), true), once: () => undefined } };
}

describe('CLI context', () => {
  it('colours only on a TTY, without NO_COLOR and without --no-color', () => {
    const make = (isTTY: boolean, env: NodeJS.ProcessEnv, color?: boolean) =>
      createCliContext({ stdout: sink(isTTY).writer, stderr: sink(false).writer, env, globals: () => (color === undefined ? {} : { color }) });
    expect(make(true, {}).colorEnabled).toBe(true);
    expect(make(true, {}).style.red('x')).toBe('\u001b[31mx\u001b[39m');
    expect(make(false, {}).colorEnabled).toBe(false);
    expect(make(true, { NO_COLOR: '1' }).colorEnabled).toBe(false);
    expect(make(true, {}, false).colorEnabled).toBe(false);
    expect(make(true, { NO_COLOR: '1' }).style.red('x')).toBe('x');
  });

  it('exit code 2 for bad input and usage, 1 for internal failures and timeouts', () => {
    const codes = Object.keys(ERROR_CODES) as ErrorCode[];
    const one = codes.filter((c) => exitCodeFor(new ShuyuError(c, 'x')) === 1);
    expect(one.sort()).toEqual(['internal', 'timeout']);
  });

  it('maps system errors to clear ShuyuErrors', () => {
    const enoent = Object.assign(new Error('ENOENT: no such file'), { code: 'ENOENT', path: 'a.txt' });
    expect(toShuyuError(enoent)).toMatchObject({ code: 'not_found', message: 'No such file', params: { file: 'a.txt' } });
    const eisdir = Object.assign(new Error('EISDIR'), { code: 'EISDIR', path: 'dir' });
    expect(toShuyuError(eisdir).code).toBe('usage');
    expect(formatError(toShuyuError(enoent))).toBe('shuyu: a.txt: No such file');
    expect(toShuyuError(new TypeError('boom')).code).toBe('internal');
  });

  it('formats compiler-style messages with details, without repeating the location', () => {
    const e = new ShuyuError('invalid_input', 'bad concept', {
      params: { file: 'g.yaml', line: 3, column: 7 },
      details: [{ message: 'terms: empty', file: 'g.yaml', line: 3, column: 7, conceptId: 'c1' }],
    });
    expect(formatError(e)).toBe('shuyu: g.yaml:3:7: bad concept\n  g.yaml:3:7: terms: empty [c1]');
    const located = new ShuyuError('parse_error', 'g.yaml:3:7: unexpected token', { params: { file: 'g.yaml', line: 3, column: 7 } });
    expect(formatError(located)).toBe('shuyu: g.yaml:3:7: unexpected token');
    // a single detail that says the same as the headline is not printed twice
    const echoed = new ShuyuError('parse_error', 'malformed CSV: a quoted field is never closed', {
      params: { file: 'bad.csv', line: 2 },
      details: [{ message: 'malformed CSV: a quoted field is never closed', file: 'bad.csv', line: 2 }],
    });
    expect(formatError(echoed)).toBe('shuyu: bad.csv:2: malformed CSV: a quoted field is never closed');
  });

  it('fail() prints one line, sets the exit code and hides the stack unless SHUYU_DEBUG=1', () => {
    const err = sink(false);
    const ctx = createCliContext({ stdout: sink(false).writer, stderr: err.writer, env: {} });
    ctx.fail(new ShuyuError('bad_encoding', 'x.bin looks like a binary file'));
    expect(ctx.exitCode).toBe(2);
    expect(err.chunks.join('')).toBe('shuyu: x.bin looks like a binary file\n');
    const debugErr = sink(false);
    const debug = createCliContext({ stdout: sink(false).writer, stderr: debugErr.writer, env: { SHUYU_DEBUG: '1' } });
    debug.fail(new Error('unexpected'));
    expect(debug.exitCode).toBe(1);
    expect(debugErr.chunks.join('')).toMatch(/^\s+at /m);
  });
});
