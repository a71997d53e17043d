import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { centralDirectoryOffset, type ZipEntry } from '../src/read/detect.js';

/**
 * A pass over a workbook's zip before exceljs reads it, for the test oracle (test/exceljs-oracle.ts; tally's own
 * reader needs none of it): parts may be put in another order, and relationship targets written as absolute part names
 * ("/xl/tables/table1.xml", as openpyxl and other scripts write them) are made relative to their source part
 * ("../tables/table1.xml"). Both are valid OOXML and Excel and LibreOffice open them, but exceljs resolves an
 * absolute table target to nothing and throws "Cannot read properties of undefined".
 */

/** A relationships part (`_rels/.rels`, `xl/_rels/workbook.xml.rels`, `xl/worksheets/_rels/sheet1.xml.rels`). */
const RELS = /(^|\/)_rels\/[^/]*\.rels$/;

/** The uncompressed bytes of one entry (for small parts only: the .rels). */
function entryBytes(buf: Buffer, entry: ZipEntry): Buffer {
  const local = entry.localOffset;
  const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
  const data = buf.subarray(start, start + entry.compressedSize);
  return entry.method === 0 ? data : inflateRawSync(data);
}

/** The folder a relationships part's targets are relative to: `xl/worksheets/_rels/sheet1.xml.rels` → `xl/worksheets`. */
function sourceFolder(relsName: string): string[] {
  const folder = relsName.replace(RELS, '$1').replace(/\/$/, '');
  return folder === '' ? [] : folder.split('/');
}

/** `/xl/tables/table1.xml` seen from `xl/worksheets` → `../tables/table1.xml`. */
export function relativeTarget(target: string, from: readonly string[]): string {
  const to = target.replace(/^\/+/, '').split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => '..'), ...to.slice(common)].join('/');
}

/** A relationships part with every internal absolute target made relative; undefined when none is absolute. */
export function relativeRels(xml: string, relsName: string): string | undefined {
  const from = sourceFolder(relsName);
  let changed = false;
  const out = xml.replace(/<Relationship\b[^>]*>/g, (tag) => {
    if (/\bTargetMode\s*=\s*["']External["']/.test(tag)) return tag;
    return tag.replace(/\bTarget\s*=\s*(["'])\/([^"']*)\1/, (_m, q: string, path: string) => {
      changed = true;
      return `Target=${q}${relativeTarget(`/${path}`, from)}${q}`;
    });
  });
  return changed ? out : undefined;
}

/** The relationships parts that need rewriting, with their new text. */
export function absoluteRels(bytes: Uint8Array, entries: readonly ZipEntry[]): Map<string, Buffer> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Map<string, Buffer>();
  for (const e of entries) {
    // A relationships part is a few hundred bytes; a huge one is not worth inflating to look.
    if (!RELS.test(e.name) || e.size > 1024 * 1024) continue;
    let xml: string;
    try {
      xml = entryBytes(buf, e).toString('utf8');
    } catch {
      continue; // a damaged entry: exceljs says so in its own words
    }
    const rewritten = relativeRels(xml, e.name);
    if (rewritten !== undefined) out.set(e.name, Buffer.from(rewritten, 'utf8'));
  }
  return out;
}

interface Piece {
  readonly entry: ZipEntry;
  /** The local header, data and data descriptor as they are, or a new local entry for a rewritten part. */
  readonly local: Buffer;
  /** This entry's central directory record (a copy: its offset is rewritten). */
  readonly central: Buffer;
}

/** A local entry and its central record for a part whose content is replaced (deflated, no data descriptor). */
function replaced(buf: Buffer, entry: ZipEntry, content: Buffer): Pick<Piece, 'local' | 'central'> {
  const data = deflateRawSync(content);
  const crc = crc32(content);
  const name = Buffer.from(entry.name, 'utf8');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  // Only the UTF-8 flag is kept: no data descriptor, no encryption.
  local.writeUInt16LE(buf.readUInt16LE(entry.localOffset + 6) & 0x0800, 6);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(buf.readUInt32LE(entry.localOffset + 10), 10); // time and date
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(content.length, 22);
  local.writeUInt16LE(name.length, 26);
  local.writeUInt16LE(0, 28);
  const central = Buffer.from(centralRecord(buf, entry));
  central.writeUInt16LE(central.readUInt16LE(8) & 0x0800, 8);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(content.length, 24);
  return { local: Buffer.concat([local, name, data]), central };
}

/** CRC-32 of the zip format (zlib.crc32 is only in Node 20.15 and later). */
const CRC_TABLE = Uint32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function centralRecord(buf: Buffer, entry: ZipEntry): Buffer {
  const at = entry.centralOffset;
  const length = 46 + buf.readUInt16LE(at + 28) + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  return buf.subarray(at, at + length);
}

/** Options of {@link rezip}. */
export interface RezipOptions {
  /** Sort the local entries: the streaming reader meets parts in file order. */
  readonly order?: (a: ZipEntry, b: ZipEntry) => number;
  /** Parts whose content is replaced, by name. */
  readonly replace?: ReadonlyMap<string, Buffer>;
}

/**
 * The zip again, as pieces to concatenate or stream: its local entries (copied as they are unless replaced) in
 * the order asked, then a central directory whose offsets are the new ones, then its end record. Unchanged
 * entries are views of the same bytes, never copies.
 */
export function rezip(bytes: Uint8Array, entries: readonly ZipEntry[], options: RezipOptions): Buffer[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const byOffset = [...entries].sort((a, b) => a.localOffset - b.localOffset);
  const end = centralDirectoryOffset(bytes) ?? buf.length;
  const pieces: Piece[] = byOffset.map((entry, i) => {
    const content = options.replace?.get(entry.name);
    if (content) return { entry, ...replaced(buf, entry, content) };
    const local = buf.subarray(entry.localOffset, byOffset[i + 1]?.localOffset ?? end);
    return { entry, local, central: Buffer.from(centralRecord(buf, entry)) };
  });
  if (options.order) {
    const order = options.order;
    pieces.sort((a, b) => order(a.entry, b.entry));
  }
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of pieces) {
    p.central.writeUInt32LE(offset, 42);
    centrals.push(p.central);
    offset += p.local.length;
  }
  const directorySize = centrals.reduce((n, c) => n + c.length, 0);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(pieces.length, 8);
  eocd.writeUInt16LE(pieces.length, 10);
  eocd.writeUInt32LE(directorySize, 12);
  eocd.writeUInt32LE(offset, 16);
  return [...pieces.map((p) => p.local), ...centrals, eocd];
}
