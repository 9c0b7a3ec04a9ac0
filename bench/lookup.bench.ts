/**
 * Lookup benchmark: 100k CC-CEDICT concepts (bench/.work/glossary.tsv) and the 200 standard queries
 * (queries.json: 50 exact English, 50 English typos, 50 two-character Chinese substrings, 50 toneless pinyin).
 * Measures build time, kept memory, p50/p99 latency and hit@10 per kind for Shuyu, and in the same run for
 * MiniSearch, FlexSearch and (on a subset, it is slow) Fuse.js over the same documents.
 *
 * Run: npm run bench -- lookup
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { Charset, Index as FlexIndex } from 'flexsearch';
import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import { buildLookupIndex } from '../src/core/lookup/index.js';
import { lookupKey } from '../src/core/lookup/keys.js';
import type { LookupHit } from '../src/core/lookup/types.js';
import type { MatcherEntry } from '../src/core/match/types.js';
import type { Concept, Term } from '../src/core/model.js';
import { fmt, gc, keptMiB, now, percentile, table, writeResult } from './util.js';
import { workloadFile } from './workload.js';

type Kind = 'en-exact' | 'en-typo' | 'zh-sub' | 'pinyin';
interface Q {
  kind: Kind;
  q: string;
  id: number;
  orig?: string;
}
interface Doc {
  id: number;
  zh: string;
  en: string[];
  py: string;
}

const KINDS: Kind[] = ['en-exact', 'en-typo', 'zh-sub', 'pinyin'];
const REPEATS = 5;
const FUSE_PER_KIND = 4;

// ---- data ---------------------------------------------------------------------------------------------
const lines = readFileSync(workloadFile('glossary.tsv'), 'utf8').split('\n').filter(Boolean);
const queries = JSON.parse(readFileSync(workloadFile('queries.json'), 'utf8')) as Q[];

/** English terms of a CC-CEDICT gloss line: split on `;`, parentheses removed, leading `to ` dropped (the generator's own cleaning). */
function enTerms(gloss: string): string[] {
  const out: string[] = [];
  for (const g of gloss.split(';')) {
    const t = g.replace(/\([^)]*\)/g, ' ').replace(/^\s*to\s+/, '').replace(/\s+/g, ' ').trim();
    if (t && t.length <= 500 && !out.includes(t)) out.push(t);
  }
  return out;
}

const docs: Doc[] = lines.map((l, id) => {
  const [zh = '', py = '', en = ''] = l.split('\t');
  return { id, zh, en: enTerms(en), py };
});
const entries: MatcherEntry[] = lines.map((l, i) => {
  const d = docs[i]!;
  const gloss = l.split('\t')[2] ?? '';
  const terms: Term[] = [{ text: d.zh, lang: 'zh-Hans', status: 'preferred' }, ...d.en.map((t, k): Term => ({ text: t, lang: 'en', status: k === 0 ? 'preferred' : 'admitted' }))];
  const concept: Concept = { id: `c${i}`, definitions: gloss ? { en: gloss } : {}, notes: [], terms };
  return { glossaryId: 'cedict', concept };
});

// ---- hit@10 --------------------------------------------------------------------------------------------
/** hit@10: the entry the query came from (by line id) is among the top 10. For the two hand-written queries (id -1): a top-10 entry holds the original (`出口` in its headword; `export control` inside an English term, folded). */
function isHit(q: Q, top: number[]): boolean {
  if (q.id >= 0) return top.includes(q.id);
  if (q.kind === 'zh-sub') return top.some((id) => docs[id]!.zh.includes(q.q));
  const want = lookupKey(q.orig ?? q.q);
  return top.some((id) => docs[id]!.en.some((t) => ` ${lookupKey(t)} `.includes(` ${want} `)));
}
/** For zh-sub: every returned entry (top 10) contains the two characters in its headword. */
function allContain(q: Q, top: number[]): boolean {
  return top.length > 0 && top.every((id) => docs[id]!.zh.includes(q.q));
}

interface Engine {
  name: string;
  buildMs: number;
  /** Process CPU time (user + system) of the build, ms: less disturbed than wall time on a shared machine. */
  buildCpuMs: number;
  keptMiB: number;
  search: (q: string) => number[];
  note: string;
  subset?: Q[];
}

interface Row {
  engine: string;
  queries: number;
  p50: number;
  p99: number;
  cpuP50: number;
  cpuP99: number;
  perKind: Record<Kind, { hits: number; n: number; p50: number; p99: number }>;
  zhAllContain: number;
}

const misses: string[] = [];

/** For an exact-English miss: how many entries have exactly that English term (ties at the same score). */
function sameTerm(q: Q): string {
  if (q.kind === 'en-exact') return `: ${docs.filter((d) => d.en.includes(q.q)).length} entries have exactly this term`;
  if (q.kind === 'zh-sub') return `: ${docs.filter((d) => d.zh.includes(q.q)).length} headwords contain it`;
  return '';
}

function measure(engine: Engine): Row {
  const qs = engine.subset ?? queries;
  const repeats = engine.name === 'Shuyu' ? REPEATS : 1;
  for (const q of qs.slice(0, engine.name === 'Shuyu' ? qs.length : 4)) engine.search(q.q); // warm-up
  // Every engine is built before any is measured: a full GC first, so that no engine's timings pay for the
  // garbage of the builds (of its own or of the others).
  gc();
  const times: number[] = [];
  const cpu: number[] = [];
  const byKind = new Map<Kind, number[]>(KINDS.map((k) => [k, []]));
  const hits = new Map<Kind, number>(KINDS.map((k) => [k, 0]));
  let zhAll = 0;
  for (const q of qs) {
    let top: number[] = [];
    for (let r = 0; r < repeats; r++) {
      const c0 = process.cpuUsage();
      const t0 = now();
      top = engine.search(q.q).slice(0, 10);
      const dt = now() - t0;
      const dc = process.cpuUsage(c0);
      times.push(dt);
      cpu.push((dc.user + dc.system) / 1000);
      byKind.get(q.kind)!.push(dt);
    }
    if (isHit(q, top)) hits.set(q.kind, hits.get(q.kind)! + 1);
    else if (engine.name === 'Shuyu') misses.push(`Shuyu missed ${q.kind} \`${q.q}\` (entry ${q.id}: ${docs[q.id]?.zh ?? ''} ${docs[q.id]?.en.slice(0, 3).join('; ') ?? ''})${sameTerm(q)}`);
    if (q.kind === 'zh-sub' && allContain(q, top)) zhAll++;
  }
  const perKind = Object.fromEntries(
    KINDS.map((k) => [k, { hits: hits.get(k)!, n: qs.filter((q) => q.kind === k).length, p50: percentile(byKind.get(k)!, 50), p99: percentile(byKind.get(k)!, 99) }]),
  ) as Row['perKind'];
  return { engine: engine.name, queries: qs.length, p50: percentile(times, 50), p99: percentile(times, 99), cpuP50: percentile(cpu, 50), cpuP99: percentile(cpu, 99), perKind, zhAllContain: zhAll };
}

function timed<T>(build: () => T): { value: T; ms: number; cpuMs: number; mib: number } {
  gc();
  const before = keptMiB();
  const c0 = process.cpuUsage();
  const t0 = now();
  const value = build();
  const ms = now() - t0;
  const dc = process.cpuUsage(c0);
  const mib = keptMiB() - before;
  return { value, ms, cpuMs: (dc.user + dc.system) / 1000, mib };
}

// ---- engines -------------------------------------------------------------------------------------------
const engines: Engine[] = [];
let pinyinAgreement = 0;
let pinyinSample = 0;
const loadBefore = loadavg()[0]!;

{
  const { value: ix, ms, cpuMs, mib } = timed(() => buildLookupIndex(entries));
  const search = (q: string) => ix.search(q, { limit: 10 }).map((h: LookupHit) => Number(h.conceptId.slice(1)));
  engines.push({ name: 'Shuyu', buildMs: ms, buildCpuMs: cpuMs, keptMiB: mib, search, note: 'zh + en terms + en definition; pinyin derived with pinyin-pro (the tsv pinyin is not used)' });
  const sample = docs.filter((d) => d.id % 10 === 0);
  pinyinAgreement = sample.filter((d) => ix.search(d.py.replace(/ /g, ''), { limit: 50 }).some((h) => h.conceptId === `c${d.id}` && h.reason === 'pinyin')).length;
  pinyinSample = sample.length;
  console.log(`pinyin agreement: ${pinyinAgreement} of ${pinyinSample} CC-CEDICT pinyin strings (every 10th entry) find their entry by derived pinyin within 50`);
}

/** Han runs → character bigrams (and the lone character), other text → lower-case words: lets MiniSearch find Chinese substrings. */
function cjkTokenize(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/\p{Script=Han}+|[\p{L}\p{N}']+/gu)) {
    const s = m[0];
    if (/\p{Script=Han}/u.test(s)) {
      const cs = [...s];
      if (cs.length === 1) out.push(s);
      for (let i = 0; i + 1 < cs.length; i++) out.push(cs[i]! + cs[i + 1]!);
    } else out.push(s.toLowerCase());
  }
  return out;
}

{
  const { value: ms_, ms, cpuMs, mib } = timed(() => {
    const m = new MiniSearch<{ id: number; zh: string; en: string; py: string }>({
      fields: ['zh', 'en', 'py'],
      tokenize: cjkTokenize,
      searchOptions: { prefix: true, fuzzy: 0.2, combineWith: 'AND', tokenize: cjkTokenize },
    });
    m.addAll(docs.map((d) => ({ id: d.id, zh: d.zh, en: d.en.join(' ; '), py: d.py })));
    return m;
  });
  engines.push({
    name: 'MiniSearch 7.2',
    buildMs: ms,
    buildCpuMs: cpuMs,
    keptMiB: mib,
    search: (q) => ms_.search(q).slice(0, 10).map((r) => r.id as number),
    note: 'fields zh/en/py (tsv pinyin), Han bigram tokenizer, prefix + fuzzy 0.2, AND',
  });
}

{
  const { value: fx, ms, cpuMs, mib } = timed(() => {
    const zh = new FlexIndex({ tokenize: 'full', encoder: Charset.CJK });
    const en = new FlexIndex({ tokenize: 'forward', encoder: Charset.LatinBalance });
    const py = new FlexIndex({ tokenize: 'forward' });
    for (const d of docs) {
      zh.add(d.id, d.zh);
      en.add(d.id, d.en.join(' ; '));
      py.add(d.id, d.py);
    }
    return { zh, en, py };
  });
  const search = (q: string): number[] => {
    const lists = [fx.zh, fx.en, fx.py].map((i) => i.search(q, { limit: 10, suggest: true }) as number[]);
    const out: number[] = [];
    for (let r = 0; r < 10 && out.length < 10; r++) for (const l of lists) if (l[r] !== undefined && !out.includes(l[r]!)) out.push(l[r]!);
    return out.slice(0, 10);
  };
  engines.push({ name: 'FlexSearch 0.8', buildMs: ms, buildCpuMs: cpuMs, keptMiB: mib, search, note: 'three indexes (zh full/CJK, en forward/LatinBalance, tsv pinyin forward), suggest, results interleaved' });
}

{
  const { value: fuse, ms, cpuMs, mib } = timed(() => new Fuse(docs.map((d) => ({ id: d.id, zh: d.zh, en: d.en, py: d.py })), { keys: ['zh', 'en', 'py'], threshold: 0.3, ignoreLocation: true }));
  const subset = KINDS.flatMap((k) => queries.filter((q) => q.kind === k).slice(0, FUSE_PER_KIND));
  engines.push({
    name: `Fuse.js 7.5 (${subset.length} queries)`,
    buildMs: ms,
    buildCpuMs: cpuMs,
    keptMiB: mib,
    search: (q) => fuse.search(q, { limit: 10 }).map((r) => r.item.id),
    note: `keys zh/en/py (tsv pinyin), threshold 0.3, ignoreLocation; only the first ${FUSE_PER_KIND} queries of each kind, once each (a full run would take minutes)`,
    subset,
  });
}

// ---- run -----------------------------------------------------------------------------------------------
const rows = engines.map((e) => {
  const r = measure(e);
  console.log(`${e.name}: build ${fmt(e.buildMs, 0)} ms, ${fmt(e.keptMiB, 1)} MiB, p50 ${fmt(r.p50, 3)} ms, p99 ${fmt(r.p99, 3)} ms`, KINDS.map((k) => `${k} ${r.perKind[k].hits}/${r.perKind[k].n}`).join(' '));
  return r;
});

const shuyu = rows[0]!;
const shuyuEngine = engines[0]!;
const loadAfter = loadavg()[0]!;
const ok = (b: boolean) => (b ? 'met' : '**not met**');
const md = [
  '## Lookup (bench/lookup.bench.ts)',
  '',
  `Command: \`npm run bench -- lookup\`. Date: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC. Load average (1 min) ${fmt(loadBefore, 1)} at the start and ${fmt(loadAfter, 1)} at the end`,
  '(2 cores: wall times above a load of 2 include waiting for a core, so CPU times are given beside them).',
  `Data: ${docs.length.toLocaleString('en')} CC-CEDICT concepts from \`glossary.tsv\` (zh headword preferred; English glosses split on \`;\`,`,
  'parentheses and a leading "to " removed, as en terms; the whole gloss line as the en definition) and the 200 queries of',
  `\`queries.json\` (50 per kind). Latency: Shuyu runs every query ${REPEATS}× after one warm-up pass; the other engines run each query once`,
  '(after 4 warm-up queries; Fuse only its subset); each engine is timed after a full GC, since all four are built first.',
  'Percentiles are over all timings.',
  '',
  '**hit@10** = the entry the query was made from (its line id) is among the first 10 results. For the two hand-written queries',
  '(id -1): `出口` counts when a top-10 entry has 出口 in its headword, `export contol` when a top-10 entry has an English term',
  'containing "export control" (no entry is exactly "export control"; the nearest is 核出口控制 "nuclear export control").',
  '**zh all-contain** = zh-sub queries where every one of the (up to 10) results has the two characters in its headword.',
  '',
  table(
    ['engine', 'build s (CPU s)', 'kept MiB', 'p50 / p99 ms', 'CPU p50 / p99 ms', ...KINDS.map((k) => `${k} hit@10`), 'zh all-contain'],
    rows.map((r, i) => [
      r.engine,
      `${fmt(engines[i]!.buildMs / 1000, 2)} (${fmt(engines[i]!.buildCpuMs / 1000, 2)})`,
      fmt(engines[i]!.keptMiB, 1),
      `${fmt(r.p50, 3)} / ${fmt(r.p99, 3)}`,
      `${fmt(r.cpuP50, 3)} / ${fmt(r.cpuP99, 3)}`,
      ...KINDS.map((k) => `${r.perKind[k].hits}/${r.perKind[k].n}`),
      `${r.zhAllContain}/${r.perKind['zh-sub'].n}`,
    ]),
  ),
  '',
  'Wall latency per kind, p50 / p99 ms:',
  '',
  table(['engine', ...KINDS], rows.map((r) => [r.engine, ...KINDS.map((k) => `${fmt(r.perKind[k].p50, 3)} / ${fmt(r.perKind[k].p99, 3)}`)])),
  '',
  'Settings: ' + engines.map((e) => `${e.name}: ${e.note}`).join('; ') + '.',
  `Shuyu derives pinyin itself; ${pinyinAgreement} of ${pinyinSample} CC-CEDICT pinyin strings (every 10th entry, joined) find their entry by pinyin within the first 50.`,
  '',
  'Ratios (wall p50, same run): ' + rows.slice(1).map((r) => `${r.engine} ${fmt(r.p50 / shuyu.p50, 1)}× Shuyu`).join(', ') + '.',
  '',
  'Targets:',
  `- p50 < 0.1 ms: ${fmt(shuyu.p50, 3)} ms wall (${fmt(shuyu.cpuP50, 3)} ms CPU) — ${ok(shuyu.p50 < 0.1)}; p99 < 2 ms: ${fmt(shuyu.p99, 3)} ms wall (${fmt(shuyu.cpuP99, 3)} ms CPU) — ${ok(shuyu.p99 < 2)}`,
  `- hit@10 ≥ 48/50 for en-exact, zh-sub, pinyin: ${shuyu.perKind['en-exact'].hits}, ${shuyu.perKind['zh-sub'].hits}, ${shuyu.perKind.pinyin.hits} — ${ok(shuyu.perKind['en-exact'].hits >= 48 && shuyu.perKind['zh-sub'].hits >= 48 && shuyu.perKind.pinyin.hits >= 48)}`,
  `- hit@10 ≥ 45/50 for typos: ${shuyu.perKind['en-typo'].hits} — ${ok(shuyu.perKind['en-typo'].hits >= 45)}`,
  `- build < 2 s: ${fmt(shuyuEngine.buildMs / 1000, 2)} s wall, ${fmt(shuyuEngine.buildCpuMs / 1000, 2)} s CPU — ${ok(shuyuEngine.buildMs < 2000)}; index < 100 MiB: ${fmt(shuyuEngine.keptMiB, 1)} MiB — ${ok(shuyuEngine.keptMiB < 100)}`,
  '',
  'Kept memory = heap + external (which includes array buffers) after a full GC, after minus before the build (the concepts themselves were',
  'already in memory and are not counted). Misses are listed below.',
  '',
  ...misses.map((m) => `- ${m}`),
].join('\n');
console.log(`\n${md}`);
writeResult('lookup', md);
