/**
 * Lookup: find concepts by what a user types — Chinese (simplified or traditional, whole or part), English
 * (any case, singular or plural, with a typo), pinyin (`chukouguanzhi`, `chu kou`, `ckgz`) or definition words —
 * ranked exact > variant > pinyin > pinyin initials > prefix > substring > fuzzy > definition, each hit with
 * its reason. Pure: build once from glossary entries, then search many times.
 */
import type { MatcherEntry } from '../match/types.js';
import { buildIndexData } from './build.js';
import type { IndexData } from './build.js';
import { search } from './search.js';
import type { LookupHit, LookupIndex, LookupOptions } from './types.js';

export type { HitReason, LookupHit, LookupIndex, LookupOptions } from './types.js';

class Index implements LookupIndex {
  constructor(private readonly data: IndexData) {}

  get size(): number {
    return this.data.entries.length;
  }

  search(query: string, options?: LookupOptions): LookupHit[] {
    return search(this.data, query, options);
  }
}

/**
 * Builds a lookup index over glossary concepts. `size` is the number of concepts.
 * Typical cost at 100k concepts (CC-CEDICT): a few seconds to build, mostly deriving pinyin; a search takes about
 * a tenth of a millisecond (see docs/lookup.md).
 */
export function buildLookupIndex(entries: Iterable<MatcherEntry>): LookupIndex {
  return new Index(buildIndexData(entries));
}
