/**
 * Query execution: stages in rank order (exact/variant, pinyin, pinyin initials, prefix, substring, fuzzy,
 * definition). Each stage adds candidates (best per concept); a stage is skipped once `limit` concepts already
 * score above anything it could produce, so typical queries touch only the first stages.
 */
import { compactPinyin, looksLikePinyin, pinyinOf } from '../pinyin.js';
import type { Term } from '../model.js';
import type { IndexData } from './build.js';
import { definitionTokens } from './build.js';
import { maxEditsFor } from './fuzzy.js';
import { hasHan, keyWords, lookupKey, tidy, variantDetail } from './keys.js';
import { bigrams } from './postings.js';
import { BAND, Collector, DEMOTED_PINYIN_BAND, lengthAdjustment, score } from './rank.js';
import type { HitReason, LookupHit, LookupOptions } from './types.js';

/** Most keys a prefix scan visits (prefix queries of one or two letters match tens of thousands of terms). */
const PREFIX_SCAN = 2000;
/** Longest query looked at, in UTF-16 code units (the longest term the model accepts). */
const MAX_QUERY = 500;
/** Most terms a substring, word or fuzzy stage verifies. */
const VERIFY_CAP = 30000;

interface Query {
  /** Whitespace-collapsed input. */
  text: string;
  /** Folded keys: character-level script folding first, then OpenCC phrase folding when different. */
  keys: string[];
  /** English words of the first key. */
  words: string[];
}

interface Stage {
  band: number;
  run: () => void;
}

/** Runs a lookup over prepared index data. */
export function search(ix: IndexData, query: string, options: LookupOptions = {}): LookupHit[] {
  const limit = options.limit ?? 10;
  // Terms are at most 500 characters (model.ts), so a longer query is cut there: it bounds the work per query.
  const text = query.slice(0, MAX_QUERY).replace(/\s+/g, ' ').trim();
  if (!(limit > 0) || !text) return [];
  const k1 = lookupKey(text, 'chars');
  const k2 = hasHan(tidy(text)) ? lookupKey(text, 'full') : k1;
  if (!k1) return [];
  const q: Query = { text, keys: k1 === k2 ? [k1] : [k1, k2], words: hasHan(k1) ? [] : keyWords(k1) };

  let allowed: ((c: number) => boolean) | undefined;
  if (options.glossaryIds?.length) {
    const set = new Set(options.glossaryIds.map((g) => ix.glossaryNumbers.get(g) ?? -1));
    allowed = (c) => set.has(ix.glossaryOf[c]!);
  }
  const col = new Collector(allowed, ix.scratch);
  const term = (t: number): Term => ix.entries[ix.termConcept[t]!]!.concept.terms[ix.termIndex[t]!]!;
  // Inside a band: status bonus, and a little for specificity (a concept with fewer terms is a closer match),
  // both precomputed per term (termBonus).
  const add = (t: number, reason: HitReason, band: number, adj: number, detail?: string) => {
    col.add(ix.termConcept[t]!, t, score(band, adj + ix.termBonus[t]!), reason, detail);
  };

  const englishOnly = q.words.length > 0 && q.words.every((w) => ix.words.vocab.has(w));
  const pinyinBand = englishOnly ? DEMOTED_PINYIN_BAND : BAND.pinyin;
  const initialsBand = englishOnly ? DEMOTED_PINYIN_BAND : BAND['pinyin-initials'];
  const stages: Stage[] = [
    { band: BAND.exact, run: () => exactStage(ix, q, add, term) },
    { band: pinyinBand, run: () => pinyinStage(ix, q, add, pinyinBand) },
    { band: initialsBand, run: () => initialsStage(ix, q, add, initialsBand) },
    { band: BAND.prefix, run: () => prefixStage(ix, q, add) },
    { band: BAND.substring, run: () => substringStage(ix, q, add) },
    { band: BAND.fuzzy, run: () => fuzzyStage(ix, q, add) },
    { band: BAND.definition, run: () => definitionStage(ix, q, col) },
  ];
  for (let i = 0; i < stages.length; i++) {
    const remaining = Math.max(...stages.slice(i).map((s) => s.band));
    if (col.settled(limit, remaining + 100)) break;
    stages[i]!.run();
  }

  return col.top(limit).map((c) => {
    const entry = ix.entries[c.concept]!;
    const t = c.term >= 0 ? term(c.term) : undefined;
    const def = t ? undefined : matchingDefinition(entry.concept.definitions, q);
    return {
      glossaryId: entry.glossaryId,
      conceptId: entry.concept.id,
      concept: entry.concept,
      score: c.score,
      reason: c.reason,
      matched: t ? t.text : (def?.[1] ?? ''),
      matchedLang: t ? t.lang : (def?.[0] ?? ''),
      ...(c.detail ? { detail: t && c.reason.startsWith('pinyin') ? `${c.detail} (${pinyinOf(t.text).toned})` : c.detail } : {}),
    };
  });
}

type Add = (t: number, reason: HitReason, band: number, adj: number, detail?: string) => void;

function exactStage(ix: IndexData, q: Query, add: Add, term: (t: number) => Term): void {
  for (const key of q.keys) {
    for (let p = ix.keys.lowerBound(key); p < ix.keys.length && ix.keys.keys[p] === key; p++) {
      const t = ix.keys.ids[p]!;
      const text = term(t).text;
      if (text.replace(/\s+/g, ' ').trim() === q.text) add(t, 'exact', BAND.exact, 50);
      else add(t, 'variant', BAND.variant, 50, variantDetail(q.text, text));
    }
  }
}

function pinyinStage(ix: IndexData, q: Query, add: Add, band: number): void {
  if (!looksLikePinyin(q.text)) return;
  const cp = compactPinyin(q.text);
  if (cp.length < 2 || !ix.pinyin.segmentable(cp)) return;
  const { full } = ix.pinyin;
  const details = [`pinyin ${cp}`, `pinyin ${cp} (other reading)`, `pinyin prefix ${cp}`, `pinyin prefix ${cp} (other reading)`];
  full.forPrefix(cp, PREFIX_SCAN, (p) => {
    const t = full.ids[p]!;
    const alt = full.flags[p] === 1;
    const whole = full.keys[p] === cp;
    const adj = whole ? 60 - (alt ? 10 : 0) : 20 - Math.min(20, full.keys[p]!.length - cp.length) - (alt ? 5 : 0);
    add(t, 'pinyin', band, adj, details[(whole ? 0 : 2) + (alt ? 1 : 0)]);
  });
}

function initialsStage(ix: IndexData, q: Query, add: Add, band: number): void {
  if (!/^[a-zA-Z]{2,12}$/.test(q.text)) return;
  const cp = q.text.toLowerCase();
  const { initials } = ix.pinyin;
  initials.forKey(cp, (p) => {
    const t = initials.ids[p]!;
    const alt = initials.flags[p] === 1;
    add(t, 'pinyin-initials', band, 50 - (alt ? 10 : 0), `pinyin initials ${cp}${alt ? ' (other reading)' : ''}`);
  });
}

function prefixStage(ix: IndexData, q: Query, add: Add): void {
  const probes = new Set(q.keys);
  // The last word as typed (not singularised): `data centers` should also prefix-match `data centers act`.
  const lastRaw = q.text.toLowerCase().split(' ').pop() ?? '';
  if (q.words.length && /^[a-z]+$/.test(lastRaw)) probes.add([...q.keys[0]!.split(' ').slice(0, -1), lastRaw].join(' '));
  const detail = `starts with "${q.text}"`;
  for (const key of probes) {
    const qlen = [...key].length;
    ix.keys.forPrefix(key, PREFIX_SCAN, (p) => {
      const k = ix.keys.keys[p]!;
      if (k === key || q.keys.includes(k)) return;
      add(ix.keys.ids[p]!, 'prefix', BAND.prefix, lengthAdjustment(codePoints(k) - qlen), detail);
    });
  }
}

function substringStage(ix: IndexData, q: Query, add: Add): void {
  for (const key of q.keys) {
    if (!hasHan(key)) continue;
    const grams = bigrams(key);
    let driver: Int32Array | undefined;
    for (const g of grams) {
      const l = ix.han.get(g);
      if (!driver || l.length < driver.length) driver = l;
    }
    if (!driver) continue;
    const n = Math.min(driver.length, VERIFY_CAP);
    const detail = `contains "${key}"`;
    const qlen = codePoints(key);
    for (let i = 0; i < n; i++) {
      const t = driver[i]!;
      const k = ix.termKey[t]!;
      if (k !== key && !k.startsWith(key) && k.includes(key)) add(t, 'substring', BAND.substring, lengthAdjustment(codePoints(k) - qlen), detail);
    }
  }
  if (!q.words.length) return;
  const ids = q.words.map((w) => ix.words.vocab.get(w));
  if (ids.some((id) => id === undefined)) return;
  const wanted = ids as number[];
  const { words } = ix;
  let driverId = wanted[0]!;
  for (const id of wanted) if (words.count(id) < words.count(driverId)) driverId = id;
  const key = q.keys[0]!;
  const m = wanted.length;
  const detail = `contains "${q.words.join(' ')}"`;
  const { pStarts, pFlat, starts, flat } = words;
  const p0 = pStarts[driverId]!;
  const pe = Math.min(pStarts[driverId + 1]!, p0 + VERIFY_CAP);
  for (let p = p0; p < pe; p++) {
    const t = pFlat[p]!;
    const a = starts[t]!;
    const len = starts[t + 1]! - a;
    if (len < m || !containsRun(flat, a, len, wanted)) continue;
    const k = ix.termKey[t]!;
    if (k === key || k.startsWith(key)) continue;
    add(t, 'substring', BAND.substring, 60 - Math.min(55, (len - m) * 8), detail);
  }
}

/** True when flat[a … a+len) contains `wanted` as a contiguous run. */
function containsRun(flat: Int32Array, a: number, len: number, wanted: readonly number[]): boolean {
  const m = wanted.length;
  outer: for (let s = a; s + m <= a + len; s++) {
    for (let j = 0; j < m; j++) if (flat[s + j] !== wanted[j]) continue outer;
    return true;
  }
  return false;
}

/** Length in code points (a Han character of Extension B counts once). */
function codePoints(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) n--;
  }
  return n;
}

function fuzzyStage(ix: IndexData, q: Query, add: Add): void {
  const m = q.words.length;
  if (!m) return;
  // Each query word as folded and as typed (a typo can defeat singularising: `prses` → `prse`).
  const typed = q.text.toLowerCase().split(/[\s\-_/]+/).filter(Boolean);
  const multi = m > 1;
  const cands = q.words.map((w, i) => {
    const c = ix.deletes.similar(w, maxEditsFor(w.length, multi));
    const raw = typed.length === m ? typed[i]!.replace(/'s$/, '') : w;
    if (raw !== w) for (const [id, e] of ix.deletes.similar(raw, maxEditsFor(raw.length, multi))) if ((c.get(id) ?? 99) > e) c.set(id, e);
    const id = ix.words.vocab.get(w);
    if (id !== undefined) c.set(id, 0);
    return c;
  });
  if (cands.some((c) => c.size === 0)) return;
  const { words } = ix;
  // A hit needs a run of the term's words where word j is a candidate of query word j, with 1–2 edits in all. So
  // its terms are among the postings of every query word's candidates; among those of the 1+-edit candidates;
  // and, from 3 query words on, among the exact postings of any 3 of them (at most 2 words differ). Verify the
  // terms of the smallest of these sets.
  const sets: { ids: number[]; size: number }[] = [];
  const fuzzyOnly: { ids: number[]; size: number } = { ids: [], size: 0 };
  const exact: { id: number; size: number }[] = [];
  for (const c of cands) {
    let size = 0;
    let exactId = -1;
    for (const [id, e] of c) {
      const n = words.count(id);
      size += n;
      if (e > 0) (fuzzyOnly.ids.push(id), (fuzzyOnly.size += n));
      else exactId = id;
    }
    sets.push({ ids: [...c.keys()], size });
    exact.push({ id: exactId, size: exactId < 0 ? 0 : words.count(exactId) });
  }
  sets.push(fuzzyOnly);
  if (m >= 3) {
    const three = [...exact].sort((x, y) => x.size - y.size).slice(0, 3);
    sets.push({ ids: three.filter((x) => x.id >= 0).map((x) => x.id), size: three.reduce((n, x) => n + x.size, 0) });
  }
  sets.sort((x, y) => x.size - y.size);
  const first = sets[0]!;
  // Per query word: word id → edits + 1 (0 = not a candidate), in reusable tables zeroed again at the end.
  const tables = ix.scratch.wordTables(m);
  cands.forEach((c, j) => {
    const table = tables[j]!;
    for (const [id, e] of c) table[id] = e + 1;
  });
  try {
    const { pStarts, pFlat, starts, flat } = words;
    const seen = ix.scratch.marks();
    const verify = (t: number) => {
      const a = starts[t]!;
      const len = starts[t + 1]! - a;
      let best = 3;
      for (let s = 0; s + m <= len; s++) {
        let edits = 0;
        for (let j = 0; j < m; j++) {
          const e = tables[j]![flat[a + s + j]!]!;
          if (e === 0) {
            edits = 3;
            break;
          }
          edits += e - 1;
          if (edits > 2) break;
        }
        if (edits >= 1 && edits < best) best = edits;
      }
      if (best <= 2) add(t, 'fuzzy', BAND.fuzzy, 75 - 25 * best - Math.min(20, (len - m) * 5), best === 1 ? '1 edit' : '2 edits');
    };
    let visited = 0;
    const mark = ix.scratch.round();
    for (const wid of first.ids) {
      for (let p = pStarts[wid]!, pe = pStarts[wid + 1]!; p < pe; p++) {
        const t = pFlat[p]!;
        if (seen[t] === mark) continue;
        seen[t] = mark;
        if (++visited > VERIFY_CAP) return;
        verify(t);
      }
    }
  } finally {
    cands.forEach((c, j) => {
      const table = tables[j]!;
      for (const id of c.keys()) table[id] = 0;
    });
  }
}

/** Sorted-array membership. */
function contains(list: Int32Array, x: number): boolean {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo < list.length && list[lo] === x;
}

function definitionStage(ix: IndexData, q: Query, col: Collector): void {
  const tokens = definitionTokens(q.text);
  if (!tokens.length) return;
  const lists = tokens.map((t) => ix.defs.get(t));
  if (lists.some((l) => l.length === 0)) return;
  lists.sort((a, b) => a.length - b.length);
  const [driver, ...rest] = lists;
  const n = Math.min(driver!.length, VERIFY_CAP);
  const detail = `definition contains "${q.text}"`;
  for (let i = 0; i < n; i++) {
    const c = driver![i]!;
    if (!rest.every((l) => contains(l, c))) continue;
    col.add(c, -1, score(BAND.definition, 50 - Math.min(45, ix.definitionLength[c]! / 20)), 'definition', detail);
  }
}

/** The definition (lang, text) that holds every query token, or the first one. */
function matchingDefinition(definitions: Record<string, string>, q: Query): [string, string] | undefined {
  const all = Object.entries(definitions);
  if (all.length <= 1) return all[0];
  const tokens = definitionTokens(q.text);
  return all.find(([, text]) => {
    const have = new Set(definitionTokens(text));
    return tokens.every((t) => have.has(t));
  }) ?? all[0];
}
