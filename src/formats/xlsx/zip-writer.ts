/**
 * A minimal zip writer for the parts of an .xlsx: deflated entries, CRC-32 from node:zlib, no zip64 (an
 * .xlsx over 4 GB is far beyond our limits). Large parts are compressed as a stream (zlib works on its own
 * thread, so compression overlaps the XML being generated); only the compressed bytes are kept in memory.
 */
import { once } from 'node:events';
import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';

interface Entry {
  name: Buffer;
  crc: number;
  size: number;
  compressedSize: number;
  offset: number;
}

/** Compression level: 4 compresses the 120k-row sheet and strings in two thirds of the time of zlib's default 6, 7% larger. */
const LEVEL = 4;
/** Characters of XML text collected before they are encoded and handed to the compressor (small: the pieces die young). */
const BLOCK = 1 << 16;

/** DOS date/time fields for a Date (local time, two-second resolution). */
function dosTime(d: Date): { time: number; date: number } {
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
    date: ((Math.max(d.getFullYear(), 1980) - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

/** Builds a zip archive in memory, one entry after the other. */
export class ZipWriter {
  private readonly chunks: Buffer[] = [];
  private readonly entries: Entry[] = [];
  private offset = 0;
  private readonly stamp = dosTime(new Date());

  /** Adds a small entry (compressed in one go). */
  add(name: string, text: string): void {
    const data = Buffer.from(text, 'utf8');
    this.push(name, crc32(data), data.length, [deflateRawSync(data, { level: LEVEL })]);
  }

  /** Opens an entry written piece by piece and compressed as it goes; {@link addDeflated} adds it when done. */
  openStream(name: string): DeflatingEntry {
    return new DeflatingEntry(name);
  }

  /** Adds an entry opened with {@link openStream} (after its `end()`). */
  async addDeflated(entry: DeflatingEntry): Promise<void> {
    const { crc, size, chunks } = await entry.end();
    this.push(entry.name, crc, size, chunks);
  }

  /** Adds an entry from text pieces produced one after the other. */
  async addStream(name: string, pieces: Iterable<string>): Promise<void> {
    const entry = this.openStream(name);
    for (const p of pieces) {
      entry.write(p);
      if (entry.full) await entry.drain();
    }
    await this.addDeflated(entry);
  }

  private push(name: string, crc: number, size: number, data: Buffer[]): void {
    const nameBytes = Buffer.from(name, 'utf8');
    const compressedSize = data.reduce((n, b) => n + b.length, 0);
    if (size > 0xffffffff || this.offset + compressedSize > 0xffffffff) throw new RangeError('zip entry too large (zip64 is not supported)');
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4); // version needed
    header.writeUInt16LE(0x0800, 6); // UTF-8 names
    header.writeUInt16LE(8, 8); // deflate
    header.writeUInt16LE(this.stamp.time, 10);
    header.writeUInt16LE(this.stamp.date, 12);
    header.writeUInt32LE(crc >>> 0, 14);
    header.writeUInt32LE(compressedSize, 18);
    header.writeUInt32LE(size, 22);
    header.writeUInt16LE(nameBytes.length, 26);
    header.writeUInt16LE(0, 28);
    this.entries.push({ name: nameBytes, crc: crc >>> 0, size, compressedSize, offset: this.offset });
    this.chunks.push(header, nameBytes, ...data);
    this.offset += header.length + nameBytes.length + compressedSize;
  }

  /** The finished archive (central directory appended). */
  finish(): Buffer {
    const start = this.offset;
    let length = 0;
    for (const e of this.entries) {
      const h = Buffer.alloc(46);
      h.writeUInt32LE(0x02014b50, 0);
      h.writeUInt16LE(20, 4); // made by
      h.writeUInt16LE(20, 6); // needed
      h.writeUInt16LE(0x0800, 8);
      h.writeUInt16LE(8, 10);
      h.writeUInt16LE(this.stamp.time, 12);
      h.writeUInt16LE(this.stamp.date, 14);
      h.writeUInt32LE(e.crc, 16);
      h.writeUInt32LE(e.compressedSize, 20);
      h.writeUInt32LE(e.size, 24);
      h.writeUInt16LE(e.name.length, 28);
      h.writeUInt32LE(e.offset, 42);
      this.chunks.push(h, e.name);
      length += h.length + e.name.length;
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(length, 12);
    end.writeUInt32LE(start, 16);
    this.chunks.push(end);
    return Buffer.concat(this.chunks);
  }
}

/**
 * Text written piece by piece into a raw-deflate stream: pieces are encoded in blocks of 64k characters;
 * `full` says the compressor is behind (await `drain()` before writing more, so memory stays bounded).
 */
export class DeflatingEntry {
  private readonly deflate = createDeflateRaw({ level: LEVEL, memLevel: 9, chunkSize: 1 << 16 });
  private readonly out: Buffer[] = [];
  private readonly ended: Promise<unknown>;
  private block: string[] = [];
  private blockChars = 0;
  private waiters: (() => void)[] = [];
  private crc = 0;
  private size = 0;
  /** The compressor has more queued than it can take: await drain() before writing on. */
  full = false;

  constructor(readonly name: string) {
    this.deflate.on('data', (c: Buffer) => this.out.push(c));
    this.ended = once(this.deflate, 'end');
    this.deflate.on('drain', () => {
      this.full = false;
      const waiting = this.waiters;
      this.waiters = [];
      for (const w of waiting) w();
    });
  }

  write(piece: string): void {
    this.block.push(piece);
    this.blockChars += piece.length;
    if (this.blockChars >= BLOCK) this.flush();
  }

  private flush(): void {
    if (this.blockChars === 0) return;
    const buf = Buffer.from(this.block.join(''), 'utf8');
    this.block = [];
    this.blockChars = 0;
    this.crc = crc32(buf, this.crc);
    this.size += buf.length;
    if (!this.deflate.write(buf)) this.full = true;
  }

  async drain(): Promise<void> {
    if (this.full) await new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  async end(): Promise<{ crc: number; size: number; chunks: Buffer[] }> {
    this.flush();
    this.deflate.end();
    await this.ended;
    return { crc: this.crc, size: this.size, chunks: this.out };
  }
}
