/**
 * Aho-Corasick automaton over UTF-16 code units in typed arrays (no object per node):
 * - the root has a dense 65,536-entry transition table (most steps of a scan start at the root);
 * - other nodes keep their edges sorted by code unit in one CSR layout (`edgeStart`, `edgeChar`,
 *   `edgeNext`), searched by binary search, with failure links for the rest;
 * - `out` holds the pattern id ending at a node (-1 if none) and `dict` the nearest proper suffix node
 *   that ends a pattern (dictionary link), so all matches ending at a position are a short chain.
 * The trie is built from the sorted, deduplicated patterns in one pass (children come out in code-unit
 * order), failure links in breadth-first order: O(total pattern length · log alphabet).
 */

export interface AutomatonArrays {
  /** Number of trie nodes (node 0 is the root). */
  nodeCount: number;
  /** Number of distinct non-empty patterns. */
  patternCount: number;
  /** Longest pattern, in code units. */
  maxDepth: number;
  /** Dense transitions of the root: code unit → node (0 = stay at the root). */
  root: Int32Array;
  /**
   * Four Int32 per node, together so that one step touches one cache line: first edge, end of edges
   * (exclusive), failure link, depth | HAS_OUTPUT (the node or one of its suffixes ends a pattern).
   */
  node: Int32Array;
  /** Two Int32 per edge, sorted by code unit within a node: code unit, target node. */
  edge: Int32Array;
  /** Pattern id ending at a node, or -1. */
  out: Int32Array;
  /** Nearest proper suffix node that ends a pattern, or -1 (dictionary link). */
  dict: Int32Array;
}

/** Bit in node[4·s+3]: some pattern ends at s or at one of its suffixes. */
export const HAS_OUTPUT = 1 << 30;
/** Mask of the depth in node[4·s+3]. */
export const DEPTH_MASK = HAS_OUTPUT - 1;

const MAGIC = 0x53594143; // 'SYAC'
const VERSION = 1;

export class Automaton {
  readonly nodeCount: number;
  readonly patternCount: number;
  readonly maxDepth: number;
  readonly root: Int32Array;
  readonly node: Int32Array;
  readonly edge: Int32Array;
  readonly out: Int32Array;
  readonly dict: Int32Array;

  constructor(a: AutomatonArrays) {
    this.nodeCount = a.nodeCount;
    this.patternCount = a.patternCount;
    this.maxDepth = a.maxDepth;
    this.root = a.root;
    this.node = a.node;
    this.edge = a.edge;
    this.out = a.out;
    this.dict = a.dict;
  }

  /** Depth of node s (length of the string it spells). */
  depth(s: number): number {
    return this.node[4 * s + 3]! & DEPTH_MASK;
  }

  /**
   * Builds the automaton. Pattern ids are indices into `patterns`; a repeated pattern keeps the id of
   * its first occurrence; empty patterns are ignored.
   */
  static build(patterns: readonly string[]): Automaton {
    const firstId = new Map<string, number>();
    let total = 0;
    for (let i = 0; i < patterns.length; i++) {
      const p = patterns[i]!;
      if (p.length === 0 || firstId.has(p)) continue;
      firstId.set(p, i);
      total += p.length;
    }
    const sorted = [...firstId.keys()].sort();
    const cap = total + 1;
    const parent = new Int32Array(cap);
    const nodeChar = new Uint16Array(cap);
    const depth = new Int32Array(cap);
    const out = new Int32Array(cap).fill(-1);
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
        parent[v] = path[d]!;
        nodeChar[v] = p.charCodeAt(d);
        depth[v] = d + 1;
        path[d + 1] = v;
      }
      out[path[p.length]!] = firstId.get(p)!;
      if (p.length > maxDepth) maxDepth = p.length;
      prev = p;
    }
    // CSR edges: children of a node were created in increasing code-unit order
    const edgeStart = new Int32Array(nodes + 1);
    for (let v = 1; v < nodes; v++) edgeStart[parent[v]! + 1]!++;
    for (let u = 0; u < nodes; u++) edgeStart[u + 1]! += edgeStart[u]!;
    const fillPos = edgeStart.slice(0, nodes);
    const edgeChar = new Uint16Array(nodes - 1);
    const edgeNext = new Int32Array(nodes - 1);
    for (let v = 1; v < nodes; v++) {
      const k = fillPos[parent[v]!]!++;
      edgeChar[k] = nodeChar[v]!;
      edgeNext[k] = v;
    }
    const root = new Int32Array(65536);
    for (let k = edgeStart[0]!; k < edgeStart[1]!; k++) root[edgeChar[k]!] = edgeNext[k]!;
    const node = new Int32Array(4 * nodes);
    for (let u = 0; u < nodes; u++) {
      node[4 * u] = edgeStart[u]!;
      node[4 * u + 1] = edgeStart[u + 1]!;
      node[4 * u + 3] = depth[u]!;
    }
    const edge = new Int32Array(2 * (nodes - 1));
    for (let k = 0; k < nodes - 1; k++) {
      edge[2 * k] = edgeChar[k]!;
      edge[2 * k + 1] = edgeNext[k]!;
    }
    const a = new Automaton({
      nodeCount: nodes,
      patternCount: sorted.length,
      maxDepth,
      root,
      node,
      edge,
      out: out.slice(0, nodes),
      dict: new Int32Array(nodes).fill(-1),
    });
    a.linkFailures();
    return a;
  }

  private linkFailures(): void {
    const { node, edge, out, dict } = this;
    const queue = new Int32Array(this.nodeCount);
    let head = 0;
    let tail = 0;
    for (let k = node[0]!; k < node[1]!; k++) {
      const v = edge[2 * k + 1]!; // fail = 0, dict = -1
      if (out[v]! >= 0) node[4 * v + 3]! |= HAS_OUTPUT;
      queue[tail++] = v;
    }
    while (head < tail) {
      const u = queue[head++]!;
      const fu = node[4 * u + 2]!;
      for (let k = node[4 * u]!; k < node[4 * u + 1]!; k++) {
        const v = edge[2 * k + 1]!;
        const f = this.next(fu, edge[2 * k]!);
        node[4 * v + 2] = f;
        const d = out[f]! >= 0 ? f : dict[f]!;
        dict[v] = d;
        if (out[v]! >= 0 || d >= 0) node[4 * v + 3]! |= HAS_OUTPUT;
        queue[tail++] = v;
      }
    }
  }

  /** The state after reading code unit `c` in state `s` (following failure links). */
  next(s: number, c: number): number {
    const { node, edge } = this;
    for (;;) {
      if (s === 0) return this.root[c]!;
      let lo = node[4 * s]!;
      let hi = node[4 * s + 1]!;
      while (lo < hi) {
        const m = (lo + hi) >>> 1;
        const mc = edge[2 * m]!;
        if (mc === c) return edge[2 * m + 1]!;
        if (mc < c) lo = m + 1;
        else hi = m;
      }
      s = node[4 * s + 2]!;
    }
  }

  /** Bytes kept by the typed arrays. */
  byteSize(): number {
    return [this.root, this.node, this.edge, this.out, this.dict].reduce((n, a) => n + a.byteLength, 0);
  }

  /** Serialises the automaton: a small header and the typed arrays (all Int32). */
  serialize(): Uint8Array {
    const arrays = [this.root, this.node, this.edge, this.out, this.dict];
    const header = new Int32Array([MAGIC, VERSION, this.nodeCount, this.patternCount, this.maxDepth, this.edge.length / 2]);
    let size = header.byteLength;
    for (const a of arrays) size += a.byteLength;
    const bytes = new Uint8Array(size);
    bytes.set(new Uint8Array(header.buffer), 0);
    let off = header.byteLength;
    for (const a of arrays) {
      bytes.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), off);
      off += a.byteLength;
    }
    return bytes;
  }

  /** Loads a serialised automaton without copying the arrays (views over the bytes when 4-byte aligned). */
  static deserialize(input: Uint8Array): Automaton {
    const bytes = input.byteOffset % 4 === 0 ? input : input.slice();
    if (bytes.byteLength < 24) throw new Error('not a serialised automaton');
    const h = new Int32Array(bytes.buffer, bytes.byteOffset, 6);
    if (h[0] !== MAGIC || h[1] !== VERSION) throw new Error('not a serialised automaton (bad magic or version)');
    const nodeCount = h[2]!;
    const patternCount = h[3]!;
    const maxDepth = h[4]!;
    const edges = h[5]!;
    const need = 24 + 4 * (65536 + 4 * nodeCount + 2 * edges + 2 * nodeCount);
    if (bytes.byteLength < need) throw new Error('serialised automaton is truncated');
    let off = bytes.byteOffset + 24;
    const take = (n: number): Int32Array => {
      const a = new Int32Array(bytes.buffer, off, n);
      off += n * 4;
      return a;
    };
    const root = take(65536);
    const node = take(4 * nodeCount);
    const edge = take(2 * edges);
    const out = take(nodeCount);
    const dict = take(nodeCount);
    return new Automaton({ nodeCount, patternCount, maxDepth, root, node, edge, out, dict });
  }
}
