/**
 * Checks an XLSX file (a zip) before any XLSX reader touches it: entry count, each entry's
 * declared uncompressed size and compression ratio, their total — and then inflates every entry
 * once into nothing, counting bytes, so that a zip whose headers lie is stopped at the limit too.
 * While inflating, the XML parts are scanned as they stream by: how deep their elements nest
 * (rich text nested thousands deep makes a reader's memory explode far beyond the file's size),
 * and in the shared-string table how many strings and how much text it holds (millions of tiny
 * strings cost a reader far more than their bytes). Nothing is written to disk, and memory stays
 * at one inflate window.
 */
import { open } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { createInflateRaw } from 'node:zlib';
import { LIMITS } from './limits.js';

/** Why a zip is refused. */
export type ZipProblem =
  | { kind: 'not-a-zip' }
  | { kind: 'too-many-entries'; entries: number }
  | { kind: 'too-large'; entry: string; bytes: number }
  | { kind: 'ratio'; entry: string; ratio: number }
  | { kind: 'total'; bytes: number }
  | { kind: 'xml-depth'; entry: string; depth: number }
  | { kind: 'shared-strings'; count: number }
  | { kind: 'shared-text'; bytes: number };

interface Entry {
  name: string;
  method: number;
  compressed: number;
  uncompressed: number;
  localOffset: number;
}

/**
 * The first reason to refuse the zip at `file`, or `null` when it is within {@link LIMITS}.
 *
 * @example await zipProblem('bao-cao.xlsx') // null
 */
export async function zipProblem(file: string): Promise<ZipProblem | null> {
  const fh = await open(file, 'r');
  let entries: Entry[];
  try {
    const size = (await fh.stat()).size;
    const found = await centralDirectory(fh, size);
    if (found === null) return { kind: 'not-a-zip' };
    entries = found;
    if (entries.length > LIMITS.xlsxEntries) return { kind: 'too-many-entries', entries: entries.length };
    let total = 0;
    for (const e of entries) {
      if (e.uncompressed > LIMITS.xlsxUncompressedBytes) return { kind: 'too-large', entry: e.name, bytes: e.uncompressed };
      if (e.uncompressed > 1024 * 1024 && e.uncompressed / Math.max(1, e.compressed) > LIMITS.xlsxRatio) {
        return { kind: 'ratio', entry: e.name, ratio: Math.round(e.uncompressed / Math.max(1, e.compressed)) };
      }
      total += e.uncompressed;
      if (total > LIMITS.xlsxUncompressedBytes) return { kind: 'total', bytes: total };
    }
    // Where each entry's data starts: after its local header, whose name and extra lengths may differ.
    for (const e of entries) {
      const head = Buffer.alloc(30);
      const { bytesRead } = await fh.read(head, 0, 30, e.localOffset);
      if (bytesRead < 30 || head.readUInt32LE(0) !== 0x04034b50) return { kind: 'not-a-zip' };
      e.localOffset += 30 + head.readUInt16LE(26) + head.readUInt16LE(28);
    }
  } finally {
    await fh.close();
  }
  // The headers may lie: inflate each entry, stopping at its declared size or the ratio limit.
  let total = 0;
  for (const e of entries) {
    if (e.method !== 8 || e.compressed === 0) {
      total += e.compressed;
      continue;
    }
    const cap = Math.min(LIMITS.xlsxUncompressedBytes - total, Math.max(e.uncompressed, 1024 * 1024, e.compressed * LIMITS.xlsxRatio));
    const scan = /\.(xml|rels)$/i.test(e.name) ? new XmlScan(e.name, /(^|\/)sharedStrings\.xml$/i.test(e.name)) : undefined;
    const inflated = await inflatedSize(file, e, cap, scan);
    if (scan?.problem) return scan.problem;
    if (inflated === null) return { kind: 'too-large', entry: e.name, bytes: cap + 1 };
    total += inflated;
  }
  return null;
}

async function centralDirectory(fh: import('node:fs/promises').FileHandle, size: number): Promise<Entry[] | null> {
  const tailSize = Math.min(size, 65535 + 22);
  const tail = Buffer.alloc(tailSize);
  await fh.read(tail, 0, tailSize, size - tailSize);
  let eocd = -1;
  for (let i = tailSize - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  let count = tail.readUInt16LE(eocd + 10);
  let cdSize = tail.readUInt32LE(eocd + 12);
  let cdOffset = tail.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    // Zip64: the locator sits just before the end record.
    const loc = eocd - 20;
    if (loc < 0 || tail.readUInt32LE(loc) !== 0x07064b50) return null;
    const z64At = Number(tail.readBigUInt64LE(loc + 8));
    const z64 = Buffer.alloc(56);
    await fh.read(z64, 0, 56, z64At);
    if (z64.readUInt32LE(0) !== 0x06064b50) return null;
    count = Number(z64.readBigUInt64LE(32));
    cdSize = Number(z64.readBigUInt64LE(40));
    cdOffset = Number(z64.readBigUInt64LE(48));
  }
  if (count > LIMITS.xlsxEntries) return Array.from({ length: count }, () => ({ name: '', method: 0, compressed: 0, uncompressed: 0, localOffset: 0 }));
  if (cdOffset + cdSize > size || cdSize > 64 * 1024 * 1024) return null;
  const cd = Buffer.alloc(cdSize);
  await fh.read(cd, 0, cdSize, cdOffset);
  const entries: Entry[] = [];
  let p = 0;
  for (let n = 0; n < count; n++) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== 0x02014b50) return null;
    const method = cd.readUInt16LE(p + 10);
    let compressed = cd.readUInt32LE(p + 20);
    let uncompressed = cd.readUInt32LE(p + 24);
    const nameLen = cd.readUInt16LE(p + 28);
    const extraLen = cd.readUInt16LE(p + 30);
    const commentLen = cd.readUInt16LE(p + 32);
    let localOffset = cd.readUInt32LE(p + 42);
    const name = cd.toString('utf8', p + 46, p + 46 + nameLen);
    // Zip64 extra field: the 64-bit sizes, in this order, for the fields set to 0xFFFFFFFF.
    let x = p + 46 + nameLen;
    const xEnd = x + extraLen;
    while (x + 4 <= xEnd) {
      const id = cd.readUInt16LE(x);
      const len = cd.readUInt16LE(x + 2);
      if (id === 0x0001) {
        let q = x + 4;
        if (uncompressed === 0xffffffff && q + 8 <= x + 4 + len) (uncompressed = Number(cd.readBigUInt64LE(q))), (q += 8);
        if (compressed === 0xffffffff && q + 8 <= x + 4 + len) (compressed = Number(cd.readBigUInt64LE(q))), (q += 8);
        if (localOffset === 0xffffffff && q + 8 <= x + 4 + len) localOffset = Number(cd.readBigUInt64LE(q));
      }
      x += 4 + len;
    }
    entries.push({ name, method, compressed, uncompressed, localOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/**
 * A streaming look at one XML part, byte by byte across chunks: the depth of its elements and, in
 * the shared-string table, the strings (`<si>`) and the bytes of text between tags. It stops at
 * the first limit passed ({@link problem}); it does not parse XML, it counts what a parser would
 * have to hold.
 */
class XmlScan {
  problem: ZipProblem | undefined;
  private depth = 0;
  private strings = 0;
  private text = 0;
  /** 0 text, 1 just after `<`, 2 in a start tag's name, 3 in a tag, 4 in a quoted value, 5 in an end tag, 6 in `<?…>` / `<!…>`. */
  private state = 0;
  private quote = 0;
  private name = '';
  private last = 0;

  constructor(
    private readonly entry: string,
    private readonly shared: boolean,
  ) {}

  /** Scans a chunk; returns false once a limit is passed. */
  feed(chunk: Buffer): boolean {
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i]!;
      switch (this.state) {
        case 0:
          if (c === 0x3c) this.state = 1;
          else if (this.shared && ++this.text > LIMITS.xlsxSharedTextBytes) return this.fail({ kind: 'shared-text', bytes: this.text });
          break;
        case 1:
          if (c === 0x2f) this.state = 5;
          else if (c === 0x3f || c === 0x21) this.state = 6;
          else {
            this.state = 2;
            this.name = String.fromCharCode(c);
            if (++this.depth > LIMITS.xlsxXmlDepth) return this.fail({ kind: 'xml-depth', entry: this.entry, depth: this.depth });
          }
          break;
        case 2:
          if (c === 0x3e || c === 0x2f || c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) {
            // The element's name is known: a shared string is an `si` (any namespace prefix).
            if (this.shared && (this.name === 'si' || this.name.endsWith(':si')) && ++this.strings > LIMITS.xlsxSharedStrings) return this.fail({ kind: 'shared-strings', count: this.strings });
            this.state = 3;
            i--;
          } else if (this.name.length < 32) this.name += String.fromCharCode(c);
          break;
        case 3:
          if (c === 0x22 || c === 0x27) {
            this.quote = c;
            this.state = 4;
          } else if (c === 0x3e) {
            // `<x/>` closes itself.
            if (this.last === 0x2f) this.depth--;
            this.state = 0;
          }
          break;
        case 4:
          if (c === this.quote) this.state = 3;
          break;
        case 5:
          if (c === 0x3e) {
            this.depth--;
            this.state = 0;
          }
          break;
        case 6:
          if (c === 0x3e) this.state = 0;
          break;
      }
      this.last = c;
    }
    return true;
  }

  private fail(problem: ZipProblem): false {
    this.problem = problem;
    return false;
  }
}

/** Bytes the entry inflates to, or `null` as soon as it passes `cap` or `scan` finds a limit passed. */
function inflatedSize(file: string, e: Entry, cap: number, scan?: XmlScan): Promise<number | null> {
  return new Promise((resolve) => {
    const input = createReadStream(file, { start: e.localOffset, end: e.localOffset + e.compressed - 1 });
    const inflate = createInflateRaw();
    let n = 0;
    let settled = false;
    const finish = (v: number | null): void => {
      if (settled) return;
      settled = true;
      input.destroy();
      inflate.destroy();
      resolve(v);
    };
    inflate.on('data', (chunk: Buffer) => {
      n += chunk.length;
      if (n > cap || (scan !== undefined && !scan.feed(chunk))) finish(null);
    });
    inflate.on('end', () => finish(n));
    // A corrupt stream is for the XLSX reader to report; here only the size matters.
    inflate.on('error', () => finish(n));
    input.on('error', () => finish(n));
    input.pipe(inflate);
  });
}

/** A part of a zip: its name, compression method, sizes, and where its data starts in the file. */
export type ZipEntry = Entry;

/**
 * The parts of the zip at `file`, each with the offset its data starts at, or null when it is not
 * a zip. For reading a few parts after {@link zipProblem} has bounded them.
 */
export async function zipEntries(file: string): Promise<ZipEntry[] | null> {
  const fh = await open(file, 'r');
  try {
    const entries = await centralDirectory(fh, (await fh.stat()).size);
    if (entries === null || entries.length > LIMITS.xlsxEntries) return null;
    for (const e of entries) {
      const head = Buffer.alloc(30);
      const { bytesRead } = await fh.read(head, 0, 30, e.localOffset);
      if (bytesRead < 30 || head.readUInt32LE(0) !== 0x04034b50) return null;
      e.localOffset += 30 + head.readUInt16LE(26) + head.readUInt16LE(28);
    }
    return entries;
  } finally {
    await fh.close();
  }
}
