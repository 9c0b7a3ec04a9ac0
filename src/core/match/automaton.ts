/**
 * Aho-Corasick automaton over UTF-16 code units, as a double array in typed arrays (no object per node):
 * - each code unit that occurs in a pattern has a small code (1…A, the most frequent units first; 0 = in
 *   no pattern), premultiplied by the record size;
 * - the hot array `da` has a 2-Int32 record per node at offset s (the node's id): [base, check]. The
 *   child of s by unit c is t = base(s) + code(c) when check(t) = s, so a step is one addition and one
 *   comparison (no search, no branch per edge); unused records have check -1. The sign bit of base is
 *   set when some pattern ends at the node or at one of its suffixes (HAS_OUTPUT). The root is 0;
 * - `link` has [failure link, depth] at the same offset (read on a failure, an output or to finalise a
 *   leftmost-longest candidate); `out` (pattern id ending at the node, or -1) and `dict` (nearest proper
 *   suffix node that ends a pattern, or -1) are per record (index s >> 1), read only at outputs.
 * Built from the sorted patterns in one pass (nodes come out depth-first), nodes placed in that order by
 * first fit so that chains of single-child nodes lie next to each other in memory, then failure links
 * breadth-first.
 */

export interface AutomatonArrays {
  /** Number of trie nodes (including the root). */
  nodeCount: number;
  /** Number of distinct non-empty patterns. */
  patternCount: number;
  /** Longest pattern, in code units. */
  maxDepth: number;
  /** Code of each UTF-16 unit, premultiplied by REC (0 = the unit is in no pattern). */
  code: Int32Array;
  /** [base | HAS_OUTPUT, check] per node (see above). */
  da: Int32Array;
  /** [failure link, depth] per node. */
  link: Int32Array;
  /** Pattern id per record (index s >> REC_SHIFT), or -1. */
  out: Int32Array;
  /** Dictionary link per record: node offset, or -1. */
  dict: Int32Array;
}

/** Record fields, relative to a node's offset, and the record size. */
export const BASE = 0;
export const CHECK = 1;
/** Fields of `link`. */
export const FAIL = 0;
export const DEPTH = 1;
export const REC = 2;
/** log2(REC): record offset → record index. */
export const REC_SHIFT = 1;
/** Sign bit of a base: some pattern ends at the node or at one of its suffixes. */
export const HAS_OUTPUT = 1 << 31;
/** Mask of the base. */
export const BASE_MASK = 0x7fffffff;

const MAGIC = 0x53594143; // 'SYAC'
const VERSION = 4;
const HEADER = 8;

export class Automaton {
  readonly nodeCount: number;
  readonly patternCount: number;
  readonly maxDepth: number;
  readonly code: Int32Array;
  readonly da: Int32Array;
  readonly link: Int32Array;
  readonly out: Int32Array;
  readonly dict: Int32Array;

  constructor(a: AutomatonArrays) {
    this.nodeCount = a.nodeCount;
    this.patternCount = a.patternCount;
    this.maxDepth = a.maxDepth;
    this.code = a.code;
    this.da = a.da;
    this.link = a.link;
    this.out = a.out;
    this.dict = a.dict;
  }

  /** Depth of node s (length of the string it spells). */
  depth(s: number): number {
    return this.link[s + DEPTH]!;
  }

  /** Pattern id ending at node s, or -1. */
  pattern(s: number): number {
    return this.out[s >> REC_SHIFT]!;
  }

  /**
   * Builds the automaton. Pattern ids are indices into `patterns`; a repeated pattern keeps the id of
   * its first occurrence; empty patterns are ignored.
   */
  static build(patterns: readonly string[]): Automaton {
    return Automaton.buildWithIds(patterns).automaton;
  }

  /**
   * Like build, and also returns the id of each pattern: `ids[i]` is the index of the first occurrence
   * of patterns[i] (-1 for an empty pattern).
   */
  static buildWithIds(patterns: readonly string[]): { automaton: Automaton; ids: Int32Array } {
    return buildDoubleArray(patterns);
  }

  /** The state after reading code unit `c` in state `s` (following failure links). */
  next(s: number, c: number): number {
    const x = this.code[c]!;
    if (x === 0) return 0;
    const da = this.da;
    for (;;) {
      const t = (da[s]! & BASE_MASK) + x;
      if (da[t + CHECK] === s) return t;
      if (s === 0) return 0;
      s = this.link[s + FAIL]!;
    }
  }

  /** Bytes kept by the typed arrays. */
  byteSize(): number {
    return this.code.byteLength + this.da.byteLength + this.link.byteLength + this.out.byteLength + this.dict.byteLength;
  }

  /** Serialises the automaton: a small header and the five Int32 arrays. */
  serialize(): Uint8Array {
    const header = new Int32Array([MAGIC, VERSION, this.nodeCount, this.patternCount, this.maxDepth, this.da.length, this.out.length, 0]);
    const parts = [header, this.code, this.da, this.link, this.out, this.dict];
    const bytes = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
    let at = 0;
    for (const p of parts) {
      bytes.set(new Uint8Array(p.buffer, p.byteOffset, p.byteLength), at);
      at += p.byteLength;
    }
    return bytes;
  }

  /** Loads a serialised automaton without copying the arrays (views over the bytes when 4-byte aligned). */
  static deserialize(input: Uint8Array): Automaton {
    const bytes = input.byteOffset % 4 === 0 ? input : input.slice();
    if (bytes.byteLength < HEADER * 4) throw new Error('not a serialised automaton');
    const h = new Int32Array(bytes.buffer, bytes.byteOffset, HEADER);
    if (h[0] !== MAGIC || h[1] !== VERSION) throw new Error('not a serialised automaton (bad magic or version)');
    const daLen = h[5]!;
    const records = h[6]!;
    if (daLen < 0 || records < 0 || bytes.byteLength < 4 * (HEADER + 65536 + 2 * daLen + 2 * records)) throw new Error('serialised automaton is truncated');
    let at = bytes.byteOffset + 4 * HEADER;
    const view = (n: number): Int32Array => {
      const v = new Int32Array(bytes.buffer, at, n);
      at += 4 * n;
      return v;
    };
    const code = view(65536);
    const da = view(daLen);
    const link = view(daLen);
    const out = view(records);
    const dict = view(records);
    return new Automaton({ nodeCount: h[2]!, patternCount: h[3]!, maxDepth: h[4]!, code, da, link, out, dict });
  }
}

/** The trie of the sorted patterns: node v (1…n-1; 0 is the root) hangs under parent[v] by unit[v]. */
interface Trie {
  n: number;
  distinct: number;
  maxDepth: number;
  parent: Int32Array;
  unit: Uint16Array;
  depth: Int32Array;
  childCount: Int32Array;
}

/**
 * The trie of the sorted, deduplicated patterns in one pass (nodes come out depth-first, children in
 * code-unit order, no hashing), then the double array, the pattern ids and the links. Each phase is its
 * own function: a build runs each once over large arrays, and small functions are optimised sooner.
 */
function buildDoubleArray(patterns: readonly string[]): { automaton: Automaton; ids: Int32Array } {
  const trie = trieOf(patterns);
  const { codeOf, alphabet } = alphabetOf(trie);
  const { childStart, children } = childrenOf(trie);
  const { slotOf, baseOf, maxSlot } = place(trie, codeOf, alphabet, childStart, children);
  const slots = maxSlot + alphabet + 2;
  const { da, link } = records(trie, slotOf, baseOf, slots);
  const code = new Int32Array(65536);
  for (let c = 0; c < 65536; c++) code[c] = codeOf[c]! * REC;
  const out = new Int32Array(slots).fill(-1);
  const ids = patternIds(patterns, da, code, out);
  const dict = new Int32Array(slots).fill(-1);
  links(trie, childStart, children, slotOf, code, da, link, out, dict);
  const { n, distinct, maxDepth } = trie;
  return { automaton: new Automaton({ nodeCount: n, patternCount: distinct, maxDepth, code, da, link, out, dict }), ids };
}

function trieOf(patterns: readonly string[]): Trie {
  const sorted = patterns.filter((p) => p.length > 0).sort();
  // the number of nodes (1 + the units of each pattern beyond its common prefix with the previous one),
  // so that the trie's arrays are no larger than needed
  let cap = 1;
  let maxDepth = 0;
  for (let i = 0; i < sorted.length; i++) {
    const p = sorted[i]!;
    if (p.length > maxDepth) maxDepth = p.length;
    if (i === 0) {
      cap += p.length;
      continue;
    }
    const q = sorted[i - 1]!;
    const lim = Math.min(p.length, q.length);
    let l = 0;
    while (l < lim && p.charCodeAt(l) === q.charCodeAt(l)) l++;
    cap += p.length - l;
  }
  const parent = new Int32Array(cap);
  const unit = new Uint16Array(cap);
  const depth = new Int32Array(cap);
  const childCount = new Int32Array(cap);
  const path = new Int32Array(maxDepth + 1);
  let n = 1;
  let prev = '';
  let distinct = 0;
  for (let i = 0; i < sorted.length; i++) {
    const p = sorted[i]!;
    if (p === prev) continue;
    distinct++;
    let l = 0;
    const lim = Math.min(p.length, prev.length);
    while (l < lim && p.charCodeAt(l) === prev.charCodeAt(l)) l++;
    for (let d = l; d < p.length; d++) {
      const v = n++;
      const u = path[d]!;
      parent[v] = u;
      childCount[u]!++;
      unit[v] = p.charCodeAt(d);
      depth[v] = d + 1;
      path[d + 1] = v;
    }
    prev = p;
  }
  return { n, distinct, maxDepth, parent, unit, depth, childCount };
}

/** Alphabet: units by number of nodes, most frequent first (dense low codes pack better); codes 1…A. */
function alphabetOf(trie: Trie): { codeOf: Int32Array; alphabet: number } {
  const { n, unit } = trie;
  const freq = new Int32Array(65536);
  for (let v = 1; v < n; v++) freq[unit[v]!]!++;
  const used: number[] = [];
  for (let c = 0; c < 65536; c++) if (freq[c]! > 0) used.push(c);
  used.sort((a, b) => freq[b]! - freq[a]! || a - b);
  const codeOf = new Int32Array(65536);
  for (let i = 0; i < used.length; i++) codeOf[used[i]!] = i + 1;
  return { codeOf, alphabet: used.length };
}

/** Children lists: node ids are depth-first, so the children of u are listed in id order. */
function childrenOf(trie: Trie): { childStart: Int32Array; children: Int32Array } {
  const { n, parent, childCount } = trie;
  const childStart = new Int32Array(n + 1);
  for (let u = 0; u < n; u++) childStart[u + 1] = childStart[u]! + childCount[u]!;
  const fillAt = childStart.slice(0, n);
  const children = new Int32Array(Math.max(1, n - 1));
  for (let v = 1; v < n; v++) children[fillAt[parent[v]!]!++] = v;
  return { childStart, children };
}

/**
 * Placement in node order (depth-first): each node's children go to the first base where all their slots
 * are free, so a chain of single children gets consecutive records.
 */
function place(trie: Trie, codeOf: Int32Array, alphabet: number, childStart: Int32Array, children: Int32Array): { slotOf: Int32Array; baseOf: Int32Array; maxSlot: number } {
  const { n, unit } = trie;
  const slotOf = new Int32Array(n);
  const baseOf = new Int32Array(n);
  let room = alphabet + n + 1024;
  let taken = new Uint8Array(room);
  taken[0] = 1; // the root
  let cursor = 1; // every slot below is taken
  // where the last node with k children (k < 16, or more) was placed: wide nodes rarely fit before it
  const resume = new Int32Array(17);
  let maxSlot = 0;
  for (let u = 0; u < n; u++) {
    const from = childStart[u]!;
    const to = childStart[u + 1]!;
    if (from === to) continue;
    let minCode = alphabet + 1;
    let maxCode = 0;
    for (let k = from; k < to; k++) {
      const x = codeOf[unit[children[k]!]!]!;
      if (x < minCode) minCode = x;
      if (x > maxCode) maxCode = x;
    }
    let base = 0;
    if (u !== 0) {
      while (taken[cursor]) cursor++;
      const wide = Math.min(to - from, 16);
      let p = Math.max(cursor, minCode, wide > 1 ? resume[wide]! : 0);
      for (;;) {
        if (p + maxCode - minCode >= room) {
          const bigger = new Uint8Array(Math.max(room * 2, p + maxCode + 1024));
          bigger.set(taken);
          taken = bigger;
          room = bigger.length;
        }
        if (!taken[p]) {
          const b = p - minCode;
          let ok = true;
          for (let k = from; k < to; k++) {
            if (taken[b + codeOf[unit[children[k]!]!]!]) {
              ok = false;
              break;
            }
          }
          if (ok) break;
        }
        p++;
      }
      base = p - minCode;
      if (wide > 1) resume[wide] = p;
    }
    baseOf[u] = base;
    for (let k = from; k < to; k++) {
      const v = children[k]!;
      const slot = base + codeOf[unit[v]!]!;
      taken[slot] = 1;
      slotOf[v] = slot;
      if (slot > maxSlot) maxSlot = slot;
    }
  }
  return { slotOf, baseOf, maxSlot };
}

/** The records: [base, check] and [failure link (filled later), depth] per slot; room for base + any code after the last used slot. */
function records(trie: Trie, slotOf: Int32Array, baseOf: Int32Array, slots: number): { da: Int32Array; link: Int32Array } {
  const { n, parent, depth } = trie;
  const da = new Int32Array(slots * REC);
  const link = new Int32Array(slots * REC);
  for (let s = 0; s < slots; s++) da[s * REC + CHECK] = -1;
  for (let v = 0; v < n; v++) {
    const o = slotOf[v]! * REC;
    da[o + BASE] = baseOf[v]! * REC;
    if (v > 0) da[o + CHECK] = slotOf[parent[v]!]! * REC;
    link[o + DEPTH] = depth[v]!;
  }
  return { da, link };
}

/** Pattern ids: each pattern's end node keeps the index of its first occurrence; ids[i] = that index (-1: empty). */
function patternIds(patterns: readonly string[], da: Int32Array, code: Int32Array, out: Int32Array): Int32Array {
  const ids = new Int32Array(patterns.length);
  for (let i = 0; i < patterns.length; i++) {
    const p = patterns[i]!;
    if (p.length === 0) {
      ids[i] = -1;
      continue;
    }
    let s = 0;
    for (let j = 0; j < p.length; j++) s = da[s]! + code[p.charCodeAt(j)]!; // (no output bits yet)
    const r = s >> REC_SHIFT;
    if (out[r]! < 0) out[r] = i;
    ids[i] = out[r]!;
  }
  return ids;
}

/** Failure and dictionary links, breadth-first, and the output bits of the bases. */
function links(trie: Trie, childStart: Int32Array, children: Int32Array, slotOf: Int32Array, code: Int32Array, da: Int32Array, link: Int32Array, out: Int32Array, dict: Int32Array): void {
  const { n, unit } = trie;
  const queue = new Int32Array(n);
  let head = 0;
  let tail = 0;
  for (let k = childStart[0]!; k < childStart[1]!; k++) {
    const v = children[k]!;
    const o = slotOf[v]! * REC;
    if (out[o >> REC_SHIFT]! >= 0) da[o + BASE]! |= HAS_OUTPUT;
    queue[tail++] = v;
  }
  while (head < tail) {
    const u = queue[head++]!;
    const fu = link[slotOf[u]! * REC + FAIL]!;
    for (let k = childStart[u]!; k < childStart[u + 1]!; k++) {
      const v = children[k]!;
      const o = slotOf[v]! * REC;
      const x = code[unit[v]!]!;
      let f = fu;
      let to = 0;
      for (;;) {
        const t = (da[f]! & BASE_MASK) + x;
        if (da[t + CHECK] === f) {
          to = t;
          break;
        }
        if (f === 0) break;
        f = link[f + FAIL]!;
      }
      link[o + FAIL] = to;
      const d = out[to >> REC_SHIFT]! >= 0 ? to : dict[to >> REC_SHIFT]!;
      dict[o >> REC_SHIFT] = d;
      if (out[o >> REC_SHIFT]! >= 0 || d >= 0) da[o + BASE]! |= HAS_OUTPUT;
      queue[tail++] = v;
    }
  }
}
