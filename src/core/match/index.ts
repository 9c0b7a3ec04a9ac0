/** The matcher: normalised glossary matching, exact multi-pattern matching and streaming. */
export { buildMatcher, GlossaryMatcher } from './matcher.js';
export { buildExactMatcher, loadExactMatcher } from './exact.js';
export type { ExactMatch, ExactMatcher, ExactOptions } from './exact.js';
export { Automaton } from './automaton.js';
export { annotateChunks } from './stream.js';
export type { StreamOptions } from './stream.js';
export { howMatched } from './how.js';
export type { FindOptions, MatchHow, MatchSpans, Matcher, MatcherEntry, TermMatch } from './types.js';
