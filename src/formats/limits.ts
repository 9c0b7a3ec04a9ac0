/** Default input limits; every reader takes `Partial<Limits>` and merges it over these. */
import type { Limits } from './types.js';

export const DEFAULT_LIMITS: Limits = {
  maxBytes: 200 * 2 ** 20,
  maxRows: 1_000_000,
  maxXmlDepth: 64,
  maxUnzippedBytes: 2 ** 30,
  maxErrors: 50,
};

export function resolveLimits(partial?: Partial<Limits>): Limits {
  return { ...DEFAULT_LIMITS, ...partial };
}
