/**
 * Language tags. Terms carry BCP 47 tags; Chinese is normalised to `zh-Hans` or `zh-Hant` so that
 * zh / zh-CN / zh-SG / zh-Hans (Simplified) and zh-TW / zh-HK / zh-MO / zh-Hant (Traditional) meet.
 * Comparison is case-insensitive (`EN`, `en-us`, `ZH-cn` appear in real TBX and TMX files).
 */
const TRADITIONAL_REGIONS = new Set(['tw', 'hk', 'mo']);

/** Canonical casing for a BCP 47 tag: language lower, script title, region upper. */
export function canonicalTag(tag: string): string {
  const parts = tag.trim().replace(/_/g, '-').split('-').filter(Boolean);
  return parts
    .map((p, i) => {
      if (i === 0) return p.toLowerCase();
      if (p.length === 4 && /^[a-z]+$/i.test(p)) return p[0]!.toUpperCase() + p.slice(1).toLowerCase();
      if (p.length === 2 || /^\d{3}$/.test(p)) return p.toUpperCase();
      return p.toLowerCase();
    })
    .join('-');
}

/**
 * Normalises a language tag for glossary use: any Chinese tag becomes `zh-Hans` or `zh-Hant`;
 * other tags are canonically cased (`EN` → `en`, `en-us` → `en-US`).
 */
export function normalizeLang(tag: string): string {
  const canon = canonicalTag(tag);
  const parts = canon.split('-');
  const primary = parts[0] ?? '';
  if (primary === 'zh' || primary === 'cmn' || primary === 'chi' || primary === 'zho') {
    const script = parts.find((p) => p === 'Hans' || p === 'Hant');
    if (script) return `zh-${script}`;
    const region = parts.find((p, i) => i > 0 && p.length === 2)?.toLowerCase();
    return region && TRADITIONAL_REGIONS.has(region) ? 'zh-Hant' : 'zh-Hans';
  }
  return canon;
}

const normalized = new Map<string, string>();

/**
 * {@link normalizeLang}, remembered per tag: hot paths (a check run per segment and concept, termKey per term)
 * meet a handful of tags many times. At most 1,000 tags are remembered.
 */
export function normalizedLang(tag: string): string {
  let norm = normalized.get(tag);
  if (norm === undefined) {
    norm = normalizeLang(tag);
    if (normalized.size < 1000) normalized.set(tag, norm);
  }
  return norm;
}

/** The primary language subtag, lower-case: `zh-Hant` → `zh`, `en-US` → `en`. */
export function primaryLang(tag: string): string {
  return (tag.split(/[-_]/)[0] ?? '').toLowerCase();
}

export function isChinese(tag: string): boolean {
  return primaryLang(tag) === 'zh';
}

/** True when `a` and `b` name the same language for glossary purposes (zh-CN ≈ zh-Hans ≈ zh). */
export function sameLanguage(a: string, b: string): boolean {
  if (isChinese(a) && isChinese(b)) return true; // simplified and traditional match each other via script folding
  return primaryLang(a) === primaryLang(b);
}

/** Whether words in this language are separated by spaces (word boundaries apply to its Latin runs). */
export function usesWhitespace(tag: string): boolean {
  return !['zh', 'ja', 'th', 'lo', 'km', 'my', 'bo'].includes(primaryLang(tag));
}
