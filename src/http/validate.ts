/** Request validation with zod: a failure becomes ShuyuError('usage') naming every bad field. */
import type { z } from 'zod';
import { ShuyuError } from '../core/errors.js';

/**
 * Parses `input` with `schema` or throws a `usage` error (HTTP 400) whose details list each problem.
 * @param what what is being validated, for the message: `query`, `body`.
 */
export function parseRequest<S extends z.ZodType>(schema: S, input: unknown, what = 'request'): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const details = result.error.issues.map((i) => {
    const path = i.path.map(String).join('.');
    return { message: `${path || what}: ${i.message}`, ...(path ? { path } : {}) };
  });
  throw new ShuyuError('usage', `Invalid ${what}: ${details[0]?.message ?? 'bad value'}`, { details });
}
