/**
 * Simplified ↔ Traditional Chinese with OpenCC (opencc-js). Converters take ~120 ms to build, so they are
 * built lazily once per process and cached. `tw` variants include Taiwan vocabulary (人工智慧 ↔ 人工智能,
 * 資料中心 ↔ 数据中心, 軟體 ↔ 软件).
 */
import * as OpenCC from 'opencc-js';

type Convert = (text: string) => string;

const cache = new Map<string, Convert>();

function converter(from: string, to: string): Convert {
  const key = `${from}>${to}`;
  let c = cache.get(key);
  if (!c) {
    c = OpenCC.Converter({ from: from as never, to: to as never }) as Convert;
    cache.set(key, c);
  }
  return c;
}

/**
 * Traditional (any region, with Taiwan vocabulary) → Simplified (mainland). Taiwan phrases are converted first:
 * the Hong Kong pass would otherwise turn 資料中心 into 资料中心 and 軟體 into 软体 before the Taiwan phrase table
 * (資料中心 → 数据中心, 軟體 → 软件) could see them.
 */
export function toSimplified(text: string): string {
  return converter('hk', 'cn')(converter('twp', 'cn')(text));
}

/** Traditional characters only (no vocabulary change) → Simplified: length-preserving in practice. */
export function toSimplifiedChars(text: string): string {
  return converter('t', 'cn')(text);
}

/** Simplified → Traditional. `tw` (default) uses Taiwan standard characters and vocabulary; `t` OpenCC standard; `hk` Hong Kong. */
export function toTraditional(text: string, variant: 'tw' | 't' | 'hk' = 'tw'): string {
  return converter('cn', variant === 'tw' ? 'twp' : variant)(text);
}
