/**
 * The runtime every use case shares: the store, plus the matcher and lookup index built from it.
 * Automata and indexes are built once per (glossary set, versions) and rebuilt when a glossary changes.
 */
import type { MatcherEntry, Matcher } from '../core/match/types.js';
import type { LookupIndex } from '../core/lookup/types.js';
import { buildMatcher } from '../core/match/index.js';
import { buildLookupIndex } from '../core/lookup/index.js';
import type { GlossaryStore } from '../store/types.js';
import { ShuyuError } from '../core/errors.js';

interface Cached<T> {
  key: string;
  value: T;
}

export class Engine {
  /** Promises, so that concurrent requests during a (re)build share one build instead of each starting one. */
  private matcherCache: Cached<Promise<Matcher>>[] = [];
  private lookupCache: Cached<Promise<LookupIndex>> | undefined;

  constructor(readonly store: GlossaryStore) {}

  /** Ids of the glossaries to use: the given ones (checked to exist) or all. */
  async resolveGlossaries(ids?: string[]): Promise<string[]> {
    const all = (await this.store.listGlossaries()).map((g) => g.id);
    if (!ids || ids.length === 0) return all;
    for (const id of ids) if (!all.includes(id)) throw new ShuyuError('not_found', `No glossary "${id}"`, { params: { glossary: id } });
    return ids;
  }

  private async cacheKey(ids: string[]): Promise<string> {
    const parts = await Promise.all(ids.map(async (id) => `${id}@${await this.store.version(id)}`));
    return parts.sort().join(',');
  }

  /** All concepts of the given glossaries (or all glossaries). */
  async *entries(glossaryIds?: string[]): AsyncIterable<MatcherEntry> {
    for (const glossaryId of await this.resolveGlossaries(glossaryIds)) {
      for await (const concept of this.store.iterateConcepts(glossaryId)) yield { glossaryId, concept };
    }
  }

  private async collect(ids: string[]): Promise<MatcherEntry[]> {
    const out: MatcherEntry[] = [];
    for await (const e of this.entries(ids)) out.push(e);
    return out;
  }

  /** The matcher over the given glossaries (all by default), rebuilt when any of them changed. */
  async matcher(glossaryIds?: string[]): Promise<Matcher> {
    const ids = await this.resolveGlossaries(glossaryIds);
    const key = await this.cacheKey(ids);
    const hit = this.matcherCache.find((c) => c.key === key);
    if (hit) return hit.value;
    const value = this.collect(ids).then((entries) => buildMatcher(entries));
    this.matcherCache = [{ key, value }, ...this.matcherCache.filter((c) => !sameIds(c.key, key))].slice(0, 4);
    value.catch(() => {
      this.matcherCache = this.matcherCache.filter((c) => c.value !== value);
    });
    return value;
  }

  /** The lookup index over all glossaries, rebuilt when any glossary changed. */
  async lookupIndex(): Promise<LookupIndex> {
    const ids = await this.resolveGlossaries();
    const key = await this.cacheKey(ids);
    if (this.lookupCache?.key === key) return this.lookupCache.value;
    const value = this.collect(ids).then((entries) => buildLookupIndex(entries));
    this.lookupCache = { key, value };
    value.catch(() => {
      if (this.lookupCache?.value === value) this.lookupCache = undefined;
    });
    return value;
  }

  /** Builds the matcher and lookup index over all glossaries now (a server calls this at start). */
  async warm(): Promise<void> {
    await Promise.all([this.matcher(), this.lookupIndex()]);
  }

  async close(): Promise<void> {
    await this.store.close();
  }
}

function sameIds(a: string, b: string): boolean {
  const ids = (k: string) => k.split(',').map((p) => p.replace(/@\d+$/, '')).join(',');
  return ids(a) === ids(b);
}
