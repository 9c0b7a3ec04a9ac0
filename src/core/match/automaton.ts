/**
 * Aho-Corasick automaton over UTF-16 code units in typed arrays (no object per node):
 * - the root has a dense 65,536-entry transition table (most steps of a scan start at the root);
 * - every other node is a record inside one Int32Array, its edges right after it, so that one step
 *   reads one small region (and a chain of single-child nodes, laid out depth-first, reads memory in
 *   order): [failure link, depth | HAS_OUTPUT, pattern id or -1, dictionary link or -1, edge count,
 *   (code unit, target)…] with edges sorted by code unit and searched by binary search. A node is
 *   identified by the offset of its record; the root is 0;
 * - the dictionary link is the nearest proper suffix node that ends a pattern, so all matches ending at
 *   a position are a short chain.
 * The trie is built from the sorted, deduplicated patterns in one pass (children come out in code-unit
 * order), failure links in breadth-first order: O(total pattern length · log alphabet).
 */

export interface AutomatonArrays {
  /** Number of trie nodes (including the root). */
  nodeCount: number;
  /** Number of distinct non-empty patterns. */
  patternCount: number;
  /** Longest pattern, in code units. */
  maxDepth: number;
  /** Dense transitions of the root: code unit → node (0 = stay at the root). */
  root: Int32Array;
  /** The node records (see above). */
  trie: Int32Array;
}

/** Record fields, relative to a node's offset. */
export const FAIL = 0;
export const INFO = 1;
export const OUT = 2;
export const DICT = 3;
export const EDGES = 4;
/** Bit in the INFO field: some pattern ends at the node or at one of its suffixes. */
export const HAS_OUTPUT = 1 << 30;
/** Mask of the depth in the INFO field. */
export const DEPTH_MASK = HAS_OUTPUT - 1;

const MAGIC = 0x53594143; // 'SYAC'
const VERSION = 2;

export class Automaton {
  readonly nodeCount: number;
  readonly patternCount: number;
  readonly maxDepth: number;
  readonly root: Int32Array;
  readonly trie: Int32Array;

  constructor(a: AutomatonArrays) {
    this.nodeCount = a.nodeCount;
    this.patternCount = a.patternCount;
    this.maxDepth = a.maxDepth;
    this.root = a.root;
    this.trie = a.trie;
  }

  /** Depth of node s (length of the string it spells). */
  depth(s: number): number {
    return this.trie[s + INFO]! & DEPTH_MASK;
  }

  /** Pattern id ending at node s, or -1. */
  pattern(s: number): number {
    return this.trie[s + OUT]!;
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
   * of patterns[i] (-1 for an empty pattern). Saves the caller a map of its own to deduplicate.
   */
  static buildWithIds(patterns: readonly string[]): { automaton: Automaton; ids: Int32Array } {
    const firstId = new Map<string, number>();
    const ids = new Int32Array(patterns.length);
    let total = 0;
    for (let i = 0; i < patterns.length; i++) {
      const p = patterns[i]!;
      if (p.length === 0) {
        ids[i] = -1;
        continue;
      }
      const f = firstId.get(p);
      if (f !== undefined) {
        ids[i] = f;
        continue;
      }
      firstId.set(p, i);
      ids[i] = i;
      total += p.length;
    }
    const sorted = [...firstId.keys()].sort();
    const cap = total + 1;
    const parent = new Int32Array(cap);
    const nodeChar = new Uint16Array(cap);
    const depth = new Int32Array(cap);
    const out = new Int32Array(cap).fill(-1);
    const children = new Int32Array(cap);
    const path = new Int32Array(sorted.reduce((m, p) => Math.max(m, p.length), 0) + 1);
    let nodes = 1;
    let prev = '';
    let maxDepth = 0;
    for (const p of sorted) {
      let l = 0;
      const lim = Math.min(p.length, prev.length);
      while (l < lim && p.charCodeAt(l) === prev.charCodeAt(l)) l++;
      for (let d = l; d < p.length; d++) {
        const v = nodes++;
        const u = path[d]!;
        parent[v] = u;
        children[u]!++;
        nodeChar[v] = p.charCodeAt(d);
        depth[v] = d + 1;
        path[d + 1] = v;
      }
      out[path[p.length]!] = firstId.get(p)!;
      if (p.length > maxDepth) maxDepth = p.length;
      prev = p;
    }
    // records in node-id (depth-first) order; children of a node were created in code-unit order
    const offset = new Int32Array(nodes);
    let size = 0;
    for (let v = 0; v < nodes; v++) {
      offset[v] = size;
      size += EDGES + 1 + 2 * children[v]!;
    }
    const trie = new Int32Array(size);
    for (let v = 0; v < nodes; v++) {
      const o = offset[v]!;
      trie[o + INFO] = depth[v]!;
      trie[o + OUT] = out[v]!;
      trie[o + DICT] = -1;
    }
    const root = new Int32Array(65536);
    for (let v = 1; v < nodes; v++) {
      const po = offset[parent[v]!]!;
      const k = trie[po + EDGES]!++;
      trie[po + EDGES + 1 + 2 * k] = nodeChar[v]!;
      trie[po + EDGES + 2 + 2 * k] = offset[v]!;
      if (parent[v] === 0) root[nodeChar[v]!] = offset[v]!;
    }
    const a = new Automaton({ nodeCount: nodes, patternCount: sorted.length, maxDepth, root, trie });
    a.linkFailures();
    return { automaton: a, ids };
  }

  private linkFailures(): void {
    const t = this.trie;
    const queue = new Int32Array(this.nodeCount);
    let head = 0;
    let tail = 0;
    for (let k = 0; k < t[EDGES]!; k++) {
      const v = t[EDGES + 2 + 2 * k]!; // fail = 0, dict = -1
      if (t[v + OUT]! >= 0) t[v + INFO]! |= HAS_OUTPUT;
      queue[tail++] = v;
    }
    while (head < tail) {
      const u = queue[head++]!;
      const fu = t[u + FAIL]!;
      const n = t[u + EDGES]!;
      for (let k = 0; k < n; k++) {
        const v = t[u + EDGES + 2 + 2 * k]!;
        const f = this.next(fu, t[u + EDGES + 1 + 2 * k]!);
        t[v + FAIL] = f;
        const d = t[f + OUT]! >= 0 ? f : t[f + DICT]!;
        t[v + DICT] = d;
        if (t[v + OUT]! >= 0 || d >= 0) t[v + INFO]! |= HAS_OUTPUT;
        queue[tail++] = v;
      }
    }
  }

  /** The state after reading code unit `c` in state `s` (following failure links). */
  next(s: number, c: number): number {
    const t = this.trie;
    for (;;) {
      if (s === 0) return this.root[c]!;
      let lo = 0;
      let hi = t[s + EDGES]!;
      const e = s + EDGES + 1;
      while (lo < hi) {
        const m = (lo + hi) >>> 1;
        const mc = t[e + 2 * m]!;
        if (mc === c) return t[e + 2 * m + 1]!;
        if (mc < c) lo = m + 1;
        else hi = m;
      }
      s = t[s + FAIL]!;
    }
  }

  /** Bytes kept by the typed arrays. */
  byteSize(): number {
    return this.root.byteLength + this.trie.byteLength;
  }

  /** Serialises the automaton: a small header and the two Int32 arrays. */
  serialize(): Uint8Array {
    const header = new Int32Array([MAGIC, VERSION, this.nodeCount, this.patternCount, this.maxDepth, this.trie.length]);
    const bytes = new Uint8Array(header.byteLength + this.root.byteLength + this.trie.byteLength);
    bytes.set(new Uint8Array(header.buffer), 0);
    bytes.set(new Uint8Array(this.root.buffer, this.root.byteOffset, this.root.byteLength), header.byteLength);
    bytes.set(new Uint8Array(this.trie.buffer, this.trie.byteOffset, this.trie.byteLength), header.byteLength + this.root.byteLength);
    return bytes;
  }

  /** Loads a serialised automaton without copying the arrays (views over the bytes when 4-byte aligned). */
  static deserialize(input: Uint8Array): Automaton {
    const bytes = input.byteOffset % 4 === 0 ? input : input.slice();
    if (bytes.byteLength < 24) throw new Error('not a serialised automaton');
    const h = new Int32Array(bytes.buffer, bytes.byteOffset, 6);
    if (h[0] !== MAGIC || h[1] !== VERSION) throw new Error('not a serialised automaton (bad magic or version)');
    const size = h[5]!;
    if (bytes.byteLength < 24 + 4 * (65536 + size)) throw new Error('serialised automaton is truncated');
    const root = new Int32Array(bytes.buffer, bytes.byteOffset + 24, 65536);
    const trie = new Int32Array(bytes.buffer, bytes.byteOffset + 24 + 4 * 65536, size);
    return new Automaton({ nodeCount: h[2]!, patternCount: h[3]!, maxDepth: h[4]!, root, trie });
  }
}
