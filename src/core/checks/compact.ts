/**
 * Compact building blocks for the state a check run carries across units: growable typed arrays, an
 * open-addressing table from 53-bit hashes to numbers, and a table of the units that findings may point at
 * (ids concatenated in chunks, file/part/line in typed arrays) — a few bytes per unit instead of an object each.
 */
import type { FindingLocation } from './types.js';

/** A growable Int32Array. */
export class IntList {
  a: Int32Array;
  length = 0;
  constructor(capacity = 16) {
    this.a = new Int32Array(capacity);
  }
  push(v: number): number {
    if (this.length === this.a.length) {
      const b = new Int32Array(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.length] = v;
    return this.length++;
  }
  get(i: number): number {
    return this.a[i]!;
  }
  set(i: number, v: number): void {
    this.a[i] = v;
  }
  /** Bytes held. */
  bytes(): number {
    return this.a.byteLength;
  }
}

/** A growable Float64Array. */
export class FloatList {
  a: Float64Array;
  length = 0;
  constructor(capacity = 16) {
    this.a = new Float64Array(capacity);
  }
  push(v: number): number {
    if (this.length === this.a.length) {
      const b = new Float64Array(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.length] = v;
    return this.length++;
  }
  get(i: number): number {
    return this.a[i]!;
  }
  set(i: number, v: number): void {
    this.a[i] = v;
  }
}

/**
 * A copy of `s` that does not keep alive a larger string it was sliced from (reader buffers, whole segments):
 * the concatenation is flattened into a new string of s.length + 1 characters.
 */
export function own(s: string): string {
  return s.length < 13 ? s : `${s} `.slice(0, -1);
}

/** Open-addressing hash table from 53-bit hashes (cyrb53) to non-negative numbers: 12 bytes a slot, load ≤ 1/2. */
export class HashIndex {
  private keys: Float64Array;
  private vals: Int32Array;
  private mask: number;
  size = 0;
  constructor(capacity = 1024) {
    this.keys = new Float64Array(capacity);
    this.vals = new Int32Array(capacity).fill(-1);
    this.mask = capacity - 1;
  }
  private slot(h: number): number {
    return Math.imul((h >>> 0) ^ ((h / 4294967296) | 0), 0x9e3779b1) >>> 0;
  }
  /** The value for hash h, or -1. */
  get(h: number): number {
    for (let i = this.slot(h) & this.mask; ; i = (i + 1) & this.mask) {
      const v = this.vals[i]!;
      if (v < 0) return -1;
      if (this.keys[i] === h) return v;
    }
  }
  /** Sets the value for a hash not in the table. */
  add(h: number, v: number): void {
    if ((this.size + 1) * 2 > this.keys.length) this.grow();
    this.size++;
    for (let i = this.slot(h) & this.mask; ; i = (i + 1) & this.mask) {
      if (this.vals[i]! < 0) {
        this.keys[i] = h;
        this.vals[i] = v;
        return;
      }
    }
  }
  private grow(): void {
    const keys = this.keys;
    const vals = this.vals;
    this.keys = new Float64Array(keys.length * 2);
    this.vals = new Int32Array(keys.length * 2).fill(-1);
    this.mask = this.keys.length - 1;
    this.size = 0;
    for (let i = 0; i < keys.length; i++) if (vals[i]! >= 0) this.add(keys[i]!, vals[i]!);
  }
  bytes(): number {
    return this.keys.byteLength + this.vals.byteLength;
  }
}

const CHUNK = 1024;
const NO_LINE = -2147483648;

/**
 * The units referenced by grouped findings of one run, each stored once: its id in a chunk of concatenated ids
 * (an offset each), its file, part and line as numbers. About 12 bytes plus the id's characters per unit.
 */
export class UnitTable {
  private readonly names: string[] = [];
  private readonly nameIndex = new Map<string, number>();
  private readonly file = new IntList(256);
  private readonly part = new IntList(256);
  private readonly line = new IntList(256);
  private readonly ids = new TextPool();
  private last: FindingLocation | undefined;

  get length(): number {
    return this.file.length;
  }

  private name(s: string | undefined): number {
    if (s === undefined) return -1;
    let i = this.nameIndex.get(s);
    if (i === undefined) {
      i = this.names.push(s) - 1;
      this.nameIndex.set(s, i);
    }
    return i;
  }

  /** The number of a unit's base location (file, part, id, line), adding it when it is not the last one added. */
  ref(location: FindingLocation): number {
    if (this.last === location) return this.length - 1;
    this.last = location;
    this.file.push(this.name(location.file));
    this.part.push(this.name(location.part));
    this.line.push(location.line ?? NO_LINE);
    this.ids.add(location.unitId);
    return this.length - 1;
  }

  /** A new location object for unit i (file, unit id, part, line). */
  get(i: number): FindingLocation {
    const loc: FindingLocation = { file: this.names[this.file.get(i)]!, unitId: this.ids.get(i) };
    const p = this.part.get(i);
    if (p >= 0) loc.part = this.names[p]!;
    const l = this.line.get(i);
    if (l !== NO_LINE) loc.line = l;
    return loc;
  }
}

/**
 * Strings stored back to back: chunks of 1024 joined into one string, an offset each — 4 bytes plus the
 * characters per string, instead of a string object (and the larger string it may have been sliced from).
 */
export class TextPool {
  private readonly start = new IntList(256);
  private readonly chunks: string[] = [];
  private pending: string[] = [];
  private pendingLength = 0;

  get length(): number {
    return this.start.length;
  }

  add(s: string): number {
    this.start.push(this.pendingLength);
    this.pending.push(s);
    this.pendingLength += s.length;
    if (this.pending.length === CHUNK) {
      this.chunks.push(this.pending.join(''));
      this.pending = [];
      this.pendingLength = 0;
    }
    return this.start.length - 1;
  }

  get(i: number): string {
    const c = Math.floor(i / CHUNK);
    const k = i % CHUNK;
    if (c === this.chunks.length) return this.pending[k]!;
    const s = this.chunks[c]!;
    return s.slice(this.start.get(i), k === CHUNK - 1 ? s.length : this.start.get(i + 1));
  }
}
