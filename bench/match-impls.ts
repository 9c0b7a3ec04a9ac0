/**
 * The matchers compared by bench/match.bench.ts, behind one interface: Shuyu exact and normalised,
 * @monyone/aho-corasick (index = all matches, greedy = leftmost-longest) and modern-ahocorasick.
 * Each `build` returns a counter for leftmost-longest ('ll') or overlapping ('ov') matches. The normalised
 * matcher counts with findSpans (every match with its original offsets, entry and term, packed; no
 * TermMatch objects — the benchmark measures find() with objects separately).
 */
import { AhoCorasick as MonyoneAll } from '@monyone/aho-corasick';
import { AhoCorasick as MonyoneGreedy } from '@monyone/aho-corasick/greedy';
import ModernAhoCorasick from 'modern-ahocorasick';
import { buildExactMatcher, loadExactMatcher } from '../src/core/match/exact.js';
import type { GlossaryMatcher } from '../src/core/match/matcher.js';
import type { MatcherEntry } from '../src/core/match/types.js';

export type Mode = 'll' | 'ov';
export type Counter = (text: string) => number;

export const IMPLS = ['shuyu-exact', 'shuyu-normalised', 'monyone', 'modern-ahocorasick'] as const;
export type Impl = (typeof IMPLS)[number];

const HAN = /\p{Script=Han}/u;

/** The terms as a glossary: one concept per term, Chinese or English by script. */
export function termsAsEntries(terms: string[]): MatcherEntry[] {
  return terms.map((text, i) => ({
    glossaryId: 'bench',
    concept: { id: `c${i}`, definitions: {}, notes: [], terms: [{ text, lang: HAN.test(text) ? 'zh-Hans' : 'en', status: 'preferred' }] },
  }));
}

let buildGlossaryMatcher: ((entries: MatcherEntry[]) => GlossaryMatcher) | undefined;

/** Loads the normalising matcher (and OpenCC, natural) only when it is benchmarked. */
export async function prepare(impl: Impl): Promise<void> {
  if (impl === 'shuyu-normalised' && !buildGlossaryMatcher) buildGlossaryMatcher = (await import('../src/core/match/matcher.js')).buildMatcher;
}

/**
 * What `impl` is built from: the terms themselves, or for the normalised matcher the terms as a glossary
 * (183k concept objects, see termsAsEntries), made before its build is timed, as a store would hand them.
 */
export type Input = { terms: string[]; entries?: MatcherEntry[] };

/** The input of `impl` for `terms`. */
export function inputOf(impl: Impl, terms: string[]): Input {
  return impl === 'shuyu-normalised' ? { terms, entries: termsAsEntries(terms) } : { terms };
}

/** Builds `impl` over `terms` (after `prepare(impl)`) and returns a counter for `mode`. */
export function build(impl: Impl, terms: string[], mode: Mode): Counter | undefined {
  return buildFrom(impl, inputOf(impl, terms), mode);
}

/** Builds `impl` from its input (inputOf) and returns a counter for `mode`. */
export function buildFrom(impl: Impl, input: Input, mode: Mode): Counter | undefined {
  const terms = input.terms;
  switch (impl) {
    case 'shuyu-exact': {
      const m = buildExactMatcher(terms);
      return (text) => m.count(text, { overlapping: mode === 'ov' });
    }
    case 'shuyu-normalised': {
      if (!buildGlossaryMatcher) throw new Error('call prepare() first');
      const m = buildGlossaryMatcher(input.entries ?? termsAsEntries(terms));
      return (text) => m.findSpans(text, { overlapping: mode === 'ov' }).count;
    }
    case 'monyone': {
      const m = mode === 'ov' ? new MonyoneAll(terms) : new MonyoneGreedy(terms);
      return (text) => m.matchInText(text).length;
    }
    case 'modern-ahocorasick': {
      const m = new ModernAhoCorasick(terms);
      return mode === 'ov' ? (text) => m.count(text) : (text) => m.search(text, { strategy: 'leftmost-longest' }).length;
    }
  }
}

/** A Shuyu exact matcher loaded from saved bytes. */
export function loadCounter(bytes: Uint8Array, mode: Mode): Counter {
  const m = loadExactMatcher(bytes);
  return (text) => m.count(text, { overlapping: mode === 'ov' });
}
