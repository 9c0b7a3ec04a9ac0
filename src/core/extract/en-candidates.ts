/**
 * English candidate spans: noun phrases matching (Adj|Noun)* Noun, optionally with one "of" phrase
 * (`Department of Commerce`), found in tagged tokens. Every sub-span that is itself a valid noun phrase is a
 * candidate too (C-value later decides between nested candidates).
 */
import type { EnToken } from './en-tokenize.js';
import { isAcronym } from './en-tokenize.js';
import type { EnTagger } from './types.js';

/** A candidate occurrence: its words (surface forms) and character offsets in the sentence. */
export interface Span {
  parts: string[];
  start: number;
  end: number;
  /** The first part is a verb modifying the rest (开放|权重) — or governing it as an object (赢得|人工智能). */
  verbLead?: boolean;
  /** Counted for the structure of shorter candidates inside it, never proposed itself. */
  structural?: boolean;
  /**
   * The first part is a place name or a general noun (美国, 全球, 国家) that may only modify a term that is free
   * without it (美国人工智能) — or be part of the term (美国价值观); the ranking decides by counts. `place` for a
   * place name, `general` for a general noun, `descriptive` for a descriptive adjective (完整, 空前), which is
   * loose only before a compound (完整|技术栈; 苛刻监管 is a term).
   */
  looseLead?: LooseLead;
  /** A name the text sets off as an item of a quoted list (“加速人工智能创新、…”): it does not contain its parts for C-value. */
  named?: boolean;
  /**
   * A single Chinese verb or adjective, taken as the noun it may be (创新, 部署, 安全): in a list (安全、可靠和可信)
   * it names a quality or an action, not a thing.
   */
  predicate?: boolean;
  /** A Chinese idiom or set phrase (jieba tags i, l: 唯我独尊): quotation marks around it are irony, not a name. */
  idiom?: boolean;
}

/** What kind of loose first part a candidate has (see Span.looseLead). */
export type LooseLead = 'place' | 'general' | 'descriptive';

/** Nouns that are never terms on their own (they may still head a longer candidate: `executive order`). */
export const EN_STOP_NOUNS: ReadonlySet<string> = new Set(
  (
    'way ways thing things lot lots part parts kind kinds type types number numbers time times day days year years today ' +
    'example examples use uses area areas need needs order orders level levels step steps effort efforts other others one ones ' +
    'something anything everything nothing someone anyone everyone people person percent term terms end ability addition fact ' +
    'point points place places case cases result results rest sort sorts set sets variety range amount amounts means basis ' +
    'group groups form forms side sides first second third month months week weeks hour hours minute minutes while lack ' +
    'matter matters question questions issue issues thing reason reasons purpose purposes role roles work works field fields ' +
    'mr ms dr etc e.g. i.e. et al al. page pages section sections chapter note notes http https www com org gov pdf ' +
    // words by which a document names its own kind or parts (the genre, not the subject)
    'introduction conclusion conclusions summary overview abstract appendix appendices preface foreword contents'
  ).split(' '),
);

/** Adjectives that quantify or evaluate rather than classify: they never start a term ("new export controls"). */
export const EN_STOP_MODIFIERS: ReadonlySet<string> = new Set(
  (
    'new other such more most many much several various further additional current existing certain specific different ' +
    'same own important significant overall possible recent next first last previous particular great greater greatest ' +
    'better best appropriate relevant necessary essential vital clear entire only few less least every each all any some no'
  ).split(' '),
);

/** Longest English candidate in words unless an option says otherwise. */
export const EN_MAX_WORDS = 5;

/** Tags that can head a term (end a candidate). */
function isNounTag(tag: string): boolean {
  return tag === 'NN' || tag === 'NNS' || tag === 'NNP' || tag === 'NNPS' || tag === 'FW';
}

/** Tags that can modify inside a term. */
function isModifierTag(tag: string): boolean {
  return tag === 'JJ' || tag === 'VBN' || tag === 'VBG' || isNounTag(tag);
}

/** Number words, which the tagger often takes for nouns ("three processing units"). */
const NUMBER_WORDS: ReadonlySet<string> = new Set(
  'one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred thousand million billion trillion dozen'.split(' '),
);

/**
 * Corrects tagger output for what a general tagger gets wrong in policy text: acronyms (AI tagged VBP),
 * dotted abbreviations and URLs, numbers and number words. Mutates and returns the tokens.
 */
export function refineEnTags(tokens: EnToken[]): EnToken[] {
  for (const t of tokens) {
    if (t.kind === 'url') t.tag = 'URL';
    else if (t.kind === 'number') t.tag = 'CD';
    else if (t.kind === 'punct') t.tag = t.tag || 'PUNCT';
    else if (t.kind === 'abbr') t.tag = /^(?:e\.g|i\.e|a\.m|p\.m)\.$/i.test(t.text) ? 'FW-ABBR' : 'NNP';
    else if (isAcronym(t.text)) t.tag = 'NNP';
    else if (NUMBER_WORDS.has(t.text.toLowerCase())) t.tag = 'CD';
    else if (!/\p{L}/u.test(t.text)) t.tag = 'CD';
  }
  return tokens;
}

/**
 * Tags the word tokens of a sentence with the injected tagger, then refines the tags. A capitalised first
 * word ending in -ing is tagged in lower case (sentence case is not a proper-noun signal: "Building data
 * centers …" starts with a gerund, not a name).
 */
export function tagEnTokens(tokens: EnToken[], tagger: EnTagger): EnToken[] {
  const words = tokens.filter((t) => t.kind === 'word' || t.kind === 'abbr');
  if (words.length) {
    // only -ing words: lower-casing "Supply" or "Export" would make the tagger see a verb
    const input = words.map((t, i) => (i === 0 && /^\p{Lu}\p{Ll}+ing$/u.test(t.text) ? t.text.toLowerCase() : t.text));
    const tags = tagger.tag(input);
    words.forEach((t, i) => (t.tag = tags[i] ?? 'NN'));
  }
  return refineEnTags(tokens);
}

type Cls = 'N' | 'M' | 'G' | 'OF' | '-';

function classify(t: EnToken): Cls {
  if (t.kind === 'punct' || t.kind === 'url' || t.kind === 'number') return '-';
  if (t.text === 'of') return 'OF';
  if (!/\p{L}/u.test(t.text) || t.text.length > 40) return '-';
  if (isNounTag(t.tag)) return 'N';
  if (t.tag === 'VBG') return 'G';
  if (isModifierTag(t.tag)) return 'M';
  return '-';
}

/** Options for candidate spans. */
export interface EnSpanOptions {
  /** Longest candidate in words. @default 5 */
  maxWords?: number;
}

/**
 * All candidate spans of a tagged sentence. A span ends with a noun, starts with an adjective or noun, or with a
 * gerund right after a determiner, possessive, number or adjective (the training data; but "building data centers"
 * is a verb phrase), contains at most one "of" between nouns, and is not a single stop noun or a single lower-case
 * letter sequence shorter than 2.
 */
export function enCandidateSpans(tokens: EnToken[], options: EnSpanOptions = {}): Span[] {
  const maxWords = options.maxWords ?? EN_MAX_WORDS;
  const cls = tokens.map(classify);
  const out: Span[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const ci = cls[i];
    // a gerund starts a term only where a noun phrase begins: "the training data", "an operating system"
    const gerundStart = ci === 'G' && i > 0 && nominalContext(tokens[i - 1]!);
    if (ci !== 'N' && ci !== 'M' && !gerundStart) continue;
    if (EN_STOP_MODIFIERS.has(tokens[i]!.text.toLowerCase())) continue; // also when sentence case made it NNP
    let ofs = 0;
    for (let j = i; j < tokens.length && j - i < maxWords; j++) {
      const cj = cls[j];
      if (cj === '-') break;
      if (cj === 'OF') {
        // "of" must follow a noun and be followed by a modifier or noun
        if (ofs > 0 || cls[j - 1] !== 'N' || j === i) break;
        const next = cls[j + 1];
        if (next !== 'N' && next !== 'M' && next !== 'G') break;
        ofs++;
        continue;
      }
      // a gerund heads a term after a modifier or noun: quantum computing, semiconductor manufacturing
      const gerundHead = cj === 'G' && j > i && (cls[j - 1] === 'N' || cls[j - 1] === 'M');
      if (cj !== 'N' && !gerundHead) continue;
      if (j === i && (gerundStart || !isSingleCandidate(tokens[i]!.text))) continue;
      const parts = tokens.slice(i, j + 1).map((t) => t.text);
      out.push({ parts, start: tokens[i]!.start, end: tokens[j]!.end });
    }
  }
  return out;
}

/**
 * Words after which a gerund modifies a noun instead of governing an object: determiners, possessives, numbers and
 * adjectives (the training data, its computing power, two operating systems, cheap computing power). After a
 * preposition or at the start of a sentence it is usually a verb ("for building data centers"), so it is not taken.
 */
function nominalContext(prev: EnToken): boolean {
  if (prev.kind !== 'word' && prev.kind !== 'number') return false;
  return NOMINAL_TAGS.has(prev.tag) || EN_STOP_MODIFIERS.has(prev.text.toLowerCase());
}

const NOMINAL_TAGS: ReadonlySet<string> = new Set(['DT', 'PDT', 'PRP$', 'WP$', 'POS', 'CD', 'JJ', 'JJR', 'JJS']);

function isSingleCandidate(word: string): boolean {
  if (word.length < 2) return false;
  if (EN_STOP_NOUNS.has(word.toLowerCase())) return false;
  return true;
}

/** Joins English parts into the surface text of a candidate. */
export function joinEn(parts: readonly string[]): string {
  return parts.join(' ');
}
