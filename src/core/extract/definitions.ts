/**
 * Terms that a text defines itself, taken with high confidence:
 * - Chinese with a parenthesised English term or acronym: `开放权重（open-weight）`, `人工智能（AI）`,
 *   `《美国人工智能行动计划》（America’s AI Action Plan）`;
 * - English with a parenthesised acronym: `artificial intelligence (AI)`,
 *   `Center for AI Standards and Innovation (CAISI)` — the long form is found with the Schwartz & Hearst
 *   (2003) algorithm (each acronym letter matched right to left, the first one at a word start);
 * - English with a parenthesised Chinese term: `open-weight (开放权重)`.
 */
import type { Span } from './en-candidates.js';
import type { DefinitionPair } from './types.js';

const PAREN_RE = /[（(]([^（()）]{1,120})[）)]/g;
const HAN = /\p{Script=Han}/u;
const LATIN = /[A-Za-z]/;

/** A parenthesised code, number or reference that is not a term: (M-25-21), (2023), (p. 4), (see …). */
function isNotATerm(inner: string): boolean {
  const t = inner.trim();
  return (
    !LATIN.test(t) && !HAN.test(t)
  ) || /^[A-Z]{1,3}-?\d/.test(t) || /^(?:see|e\.g\.|i\.e\.|cf\.|p\.|pp\.|for example|including|and|or)\b/i.test(t) || /https?:|www\./.test(t) || /^\d/.test(t);
}

/** Chinese-text definitions. `spans` are the candidate spans of the sentence (to pick the term before the parenthesis). */
export function zhDefinitions(sentence: string, spans: readonly Span[], joinZh: (parts: readonly string[]) => string): DefinitionPair[] {
  const out: DefinitionPair[] = [];
  PAREN_RE.lastIndex = 0;
  for (let m = PAREN_RE.exec(sentence); m; m = PAREN_RE.exec(sentence)) {
    const inner = m[1]!.trim();
    if (isNotATerm(inner)) continue;
    const at = m.index;
    if (LATIN.test(inner) && !HAN.test(inner)) {
      let term: string | undefined;
      if (sentence[at - 1] === '》') {
        const open = sentence.lastIndexOf('《', at);
        if (open >= 0) term = sentence.slice(open + 1, at - 1).trim();
      } else {
        let best: Span | undefined;
        for (const s of spans) if (s.end === at && HAN.test(s.parts.join('')) && (!best || s.start < best.start)) best = s;
        if (best) term = joinZh(best.parts);
      }
      if (term && HAN.test(term) && inner.split(/\s+/).length <= 12) {
        out.push({ term, gloss: inner, kind: 'translation', termLang: 'zh', glossLang: 'en', sentence });
      }
    } else if (HAN.test(inner) && !LATIN.test(inner)) {
      // CAISI（人工智能标准与创新中心）: a Latin acronym before a Chinese expansion
      const before = /([A-Z][A-Za-z0-9&-]{1,15})\s*$/.exec(sentence.slice(0, at));
      if (before && inner.length <= 24) {
        out.push({ term: inner, gloss: before[1]!, kind: 'translation', termLang: 'zh', glossLang: 'en', sentence });
      }
    }
  }
  return out;
}

/** The long form of `short` at the end of `before`, or undefined (Schwartz & Hearst 2003). */
export function findLongForm(short: string, before: string): string | undefined {
  const words = before.trim().split(/\s+/).filter(Boolean);
  const letters = short.replace(/[^A-Za-z0-9]/g, '');
  if (letters.length < 2) return undefined;
  const maxWords = Math.min(letters.length + 5, letters.length * 2);
  const lf = words.slice(-maxWords).join(' ');
  let l = lf.length - 1;
  for (let s = short.length - 1; s >= 0; s--) {
    const c = short[s]!.toLowerCase();
    if (!/[a-z0-9]/.test(c)) continue;
    while (l >= 0 && (lf[l]!.toLowerCase() !== c || (s === 0 && l > 0 && /[A-Za-z0-9]/.test(lf[l - 1]!)))) l--;
    if (l < 0) return undefined;
    l--;
  }
  const start = lf.lastIndexOf(' ', l) + 1;
  const long = lf.slice(start).replace(/^[^A-Za-z0-9]+/, '').replace(/[,;:]+$/, '');
  const longWords = long.split(/\s+/);
  if (longWords.length < 2 && long.length <= letters.length + 1) return undefined;
  if (/^(?:the|a|an|and|or|of|in|on|for|to)$/i.test(longWords[0] ?? '')) return undefined;
  return long;
}

/** English-text definitions: acronyms with their long form, and English terms with a Chinese gloss. */
export function enDefinitions(sentence: string, spans: readonly Span[]): DefinitionPair[] {
  const out: DefinitionPair[] = [];
  PAREN_RE.lastIndex = 0;
  for (let m = PAREN_RE.exec(sentence); m; m = PAREN_RE.exec(sentence)) {
    const inner = m[1]!.trim();
    if (isNotATerm(inner)) continue;
    const before = sentence.slice(0, m.index);
    if (HAN.test(inner) && !LATIN.test(inner)) {
      let best: Span | undefined;
      const at = before.trimEnd().length;
      for (const s of spans) if (s.end === at && (!best || s.start < best.start)) best = s;
      if (best) out.push({ term: inner, gloss: best.parts.join(' '), kind: 'translation', termLang: 'zh', glossLang: 'en', sentence });
      continue;
    }
    if (/^[\p{L}\d][\p{L}\d.&/-]{1,11}$/u.test(inner) && /\p{Lu}/u.test(inner)) {
      const long = findLongForm(inner, before);
      if (long) out.push({ term: long, gloss: inner, kind: 'acronym', termLang: 'en', glossLang: 'en', sentence });
    }
  }
  return out;
}
