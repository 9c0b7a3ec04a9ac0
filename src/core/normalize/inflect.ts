/**
 * English noun inflection with natural's NounInflector (deep import: never the whole `natural` package,
 * which loads .env and prints to stdout). Used two ways:
 * - `inflectionVariants(word)`: the singular and plural of a pattern's last word, so that the automaton
 *   finds `export controls` for `export control` (and the reverse) without touching the scanned text;
 * - `canonicalWord(word)`: a stable singular used by termKey for grouping.
 * Results are memoised per word (bounded caches).
 */
import { createRequire } from 'node:module';

interface NounInflectorLike {
  singularize(word: string): string;
  pluralize(word: string): string;
  /** natural's own list of nouns whose singular and plural are the same (news, equipment, series …). */
  ambiguous: string[];
  /** natural's internals, read by singularFast (checked when the module loads). */
  singularForms?: { regularForms?: [RegExp, string][]; irregularForms?: Record<string, string> };
  customSingularForms?: unknown[];
  restoreCase?(token: string): (token: string) => string;
}

const require = createRequire(import.meta.url);
const NounInflector = require('natural/lib/natural/inflectors/noun_inflector') as new () => NounInflectorLike;
const inflector = new NounInflector();

/**
 * Nouns that get no generated singular or plural: natural's own invariant nouns (`inflector.ambiguous`:
 * information, equipment, news, series, species, chassis …) plus mass nouns and Latin plurals that
 * natural would wrongly pluralise (`data` → `datas`, `software` → `softwares`, `criteria` → `criterias`),
 * and nouns whose `-s` form is another word (`security` → `securities`, `compute` → `computes`).
 */
const UNCOUNTABLE = new Set<string>([
  ...inflector.ambiguous,
  ...['data', 'metadata', 'media', 'criteria', 'phenomena', 'bacteria'],
  ...['software', 'hardware', 'firmware', 'middleware', 'malware', 'ransomware', 'spyware', 'adware', 'freeware', 'shareware'],
  ...['research', 'knowledge', 'evidence', 'feedback', 'guidance', 'advice', 'progress', 'access', 'compute', 'training', 'learning'],
  ...['cybersecurity', 'security', 'privacy', 'healthcare', 'welfare', 'personnel', 'machinery', 'legislation', 'misinformation', 'disinformation'],
  ...['traffic', 'furniture', 'luggage', 'baggage', 'stuff'],
]);

/** True for a lower-case noun that has no separate plural (see UNCOUNTABLE). */
export function isUncountable(lower: string): boolean {
  return UNCOUNTABLE.has(lower);
}

const MAX_CACHE = 50_000;
const canonCache = new Map<string, string>();
const variantCache = new Map<string, string[]>();

function remember<V>(cache: Map<string, V>, key: string, value: V): V {
  if (cache.size >= MAX_CACHE) cache.clear();
  cache.set(key, value);
  return value;
}

const HAS_LETTER = /\p{L}/u;

/** HAS_LETTER.test(word), without the regular expression when the word starts with an ASCII letter. */
function hasLetter(word: string): boolean {
  const c = word.charCodeAt(0) | 0x20;
  return (c >= 0x61 && c <= 0x7a) || HAS_LETTER.test(word);
}

/** Keeps the caller's spelling for the shared stem: `AI` + `ais` → `AIs`. */
function withCase(word: string, lowerForm: string): string {
  const lower = word.toLowerCase();
  if (lowerForm.startsWith(lower)) return word + lowerForm.slice(lower.length);
  let common = 0;
  while (common < lower.length && common < lowerForm.length && lower[common] === lowerForm[common]) common++;
  return word.slice(0, common) + lowerForm.slice(common);
}

const VOWEL_S = /[aeiou]s$/;

/**
 * natural's singularize() first tries its custom forms, invariant nouns and irregular forms, then its
 * regular forms (14 suffix expressions, tried in order) and returns the word itself when none applies,
 * which is what happens for most words (they are singular). `anySingularRule` is the union of those
 * expressions, so one test tells that none applies; then singularFast returns what natural would return
 * without running the 14. Undefined (always ask natural) when natural's internals are not as expected:
 * other flags than `i`, back-references, custom forms.
 */
const anySingularRule: RegExp | undefined = (() => {
  const forms = inflector.singularForms?.regularForms;
  if (!forms?.length || !inflector.singularForms?.irregularForms || !inflector.restoreCase || inflector.customSingularForms?.length !== 0) return undefined;
  if (!forms.every(([re]) => re instanceof RegExp && re.flags === 'i' && !/\\[1-9k]/.test(re.source))) return undefined;
  return new RegExp(forms.map(([re]) => `(?:${re.source})`).join('|'), 'i');
})();

/** inflector.singularize(word) (see anySingularRule). */
export function singularFast(word: string): string {
  if (anySingularRule && !anySingularRule.test(word)) {
    const lower = word.toLowerCase();
    if (!inflector.ambiguous.includes(lower) && !inflector.singularForms!.irregularForms![lower]) return inflector.restoreCase!(word)(word);
  }
  return inflector.singularize(word);
}

/**
 * The singular of a lower-case English word, or the word itself. Corrects natural's rules where they
 * strip too much or too little: `cases`/`bases`/`uses` → `case`/`base`/`use` (not `cas`), and words in
 * `-is`/`-us` are already singular (`analysis`, `status`, `bus`, not `analysi`, `statu`, `bu`).
 */
function singularOf(lower: string): string {
  if (/[iu]s$/.test(lower)) return lower;
  const sg = singularFast(lower);
  // cases → cas: natural drops `es`; the word is a vowel + s + e stem (case, base, use, phase, house)
  if (sg.length === lower.length - 2 && lower.endsWith('ses') && VOWEL_S.test(sg) && !sg.endsWith('us')) return lower.slice(0, -1);
  return sg;
}

/** The plural of a lower-case singular English word, or undefined when unknown. */
function pluralOf(lower: string): string | undefined {
  if (lower.endsWith('sis')) return `${lower.slice(0, -2)}es`; // analysis → analyses, basis → bases
  const pl = inflector.pluralize(lower);
  if (pl === lower) return undefined;
  // guard against natural's double plurals (weights → weightses): the plural must come back to the word
  if (pl === `${lower}s` || singularOf(pl) === lower) return pl;
  return undefined;
}

/**
 * Other inflected forms of an English word (singular and plural), spelled with the word's own case for the
 * common stem. Empty for words shorter than 2 letters, without letters, or uncountable (see UNCOUNTABLE).
 */
export function inflectionVariants(word: string): string[] {
  const hit = variantCache.get(word);
  if (hit) return hit;
  const out: string[] = [];
  const lower = word.toLowerCase();
  if (lower.length >= 2 && hasLetter(lower) && !UNCOUNTABLE.has(lower)) {
    const sg = singularOf(lower);
    if (sg !== lower && sg.length >= 2) out.push(withCase(word, sg));
    if (sg === lower) {
      // only a singular-looking word gets a plural (natural pluralises `weights` to `weightses`)
      const pl = pluralOf(lower);
      if (pl !== undefined) out.push(withCase(word, pl));
    }
  }
  return remember(variantCache, word, out);
}

/**
 * A stable singular for grouping: singularises until nothing changes (`analyses` → `analysis`,
 * `use cases` → `use case`), refusing results shorter than 3 letters (`its` stays `its`).
 */
export function canonicalWord(word: string): string {
  const hit = canonCache.get(word);
  if (hit !== undefined) return hit;
  let cur = word;
  if (hasLetter(word)) {
    for (let i = 0; i < 4; i++) {
      const s = singularOf(cur);
      if (s === cur || s.length < 3) break;
      cur = s;
    }
  }
  return remember(canonCache, word, cur);
}
