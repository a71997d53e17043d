import { looksUtf16 } from './decode.js';

/** What a non-spreadsheet file is, for the message (worded in `read/errors.ts`). */
export type OtherKind = 'docx' | 'pptx' | 'zip' | 'pdf' | 'html' | 'xml2003' | 'image' | 'binary' | 'text';

/** What a file really is, judged by its bytes, not its name. */
export type Detected =
  | { readonly kind: 'xlsx'; readonly entries: readonly ZipEntry[] }
  | { readonly kind: 'ods' }
  | { readonly kind: 'xls' }
  | { readonly kind: 'encrypted' }
  | { readonly kind: 'empty' }
  | { readonly kind: 'corrupt-zip'; readonly detail: string }
  | { readonly kind: 'other'; readonly what: OtherKind }
  | { readonly kind: 'text' };

export interface ZipEntry {
  readonly name: string;
  /** Uncompressed size. */
  readonly size: number;
  readonly compressedSize: number;
  /** 0 stored, 8 deflated. */
  readonly method: number;
  readonly localOffset: number;
  /** Where its record in the central directory starts. */
  readonly centralOffset: number;
}

const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

function containsUtf16(bytes: Uint8Array, word: string): boolean {
  const needle = Buffer.from(word, 'utf16le');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(needle);
}

/** Where the end-of-central-directory record of a zip starts; -1 when there is none. */
function endOfDirectory(buf: Buffer): number {
  const min = Math.max(0, buf.length - 65_557);
  for (let i = buf.length - 22; i >= min; i--) if (buf.readUInt32LE(i) === 0x06054b50) return i;
  return -1;
}

/** Where a zip's central directory starts, which is where its last local entry ends. */
export function centralDirectoryOffset(bytes: Uint8Array): number | undefined {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = endOfDirectory(buf);
  return eocd < 0 ? undefined : buf.readUInt32LE(eocd + 16);
}

/** Entries of a zip from its central directory; undefined when there is none (not a zip, or cut short). */
export function zipEntries(bytes: Uint8Array): ZipEntry[] | undefined {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = endOfDirectory(buf);
  if (eocd < 0) return undefined;
  const count = buf.readUInt16LE(eocd + 10);
  let offset = buf.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (offset + 46 > buf.length || buf.readUInt32LE(offset) !== 0x02014b50) return undefined;
    const method = buf.readUInt16LE(offset + 10);
    const compressedSize = buf.readUInt32LE(offset + 20);
    const size = buf.readUInt32LE(offset + 24);
    const localOffset = buf.readUInt32LE(offset + 42);
    const nameLength = buf.readUInt16LE(offset + 28);
    const extra = buf.readUInt16LE(offset + 30);
    const comment = buf.readUInt16LE(offset + 32);
    entries.push({ name: buf.toString('utf8', offset + 46, offset + 46 + nameLength), size, compressedSize, method, localOffset, centralOffset: offset });
    offset += 46 + nameLength + extra + comment;
  }
  return entries;
}

export function detect(bytes: Uint8Array): Detected {
  if (bytes.length === 0) return { kind: 'empty' };
  if (startsWith(bytes, CFB)) return containsUtf16(bytes, 'EncryptedPackage') ? { kind: 'encrypted' } : { kind: 'xls' };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    const entries = zipEntries(bytes);
    if (!entries) return { kind: 'corrupt-zip', detail: 'tệp zip bị cắt cụt / truncated zip' };
    const names = new Set(entries.map((e) => e.name));
    if (names.has('xl/workbook.xml')) return { kind: 'xlsx', entries };
    if (names.has('mimetype') && [...names].some((n) => n === 'content.xml')) return { kind: 'ods' };
    if ([...names].some((n) => n.startsWith('word/'))) return { kind: 'other', what: 'docx' };
    if ([...names].some((n) => n.startsWith('ppt/'))) return { kind: 'other', what: 'pptx' };
    return { kind: 'other', what: 'zip' };
  }
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (head.startsWith('%PDF')) return { kind: 'other', what: 'pdf' };
  if (/^\s*<(!doctype html|html|table)/i.test(head)) return { kind: 'other', what: 'html' };
  if (/^\s*<\?xml/.test(head) && head.includes('urn:schemas-microsoft-com:office:spreadsheet')) {
    return { kind: 'other', what: 'xml2003' };
  }
  if (/^\s*<\?xml/.test(head) && head.includes('opendocument')) return { kind: 'ods' };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47]) || startsWith(bytes, [0xff, 0xd8, 0xff])) return { kind: 'other', what: 'image' };
  // Binary junk has NUL bytes outside UTF-16 text, or many control characters.
  const sample = bytes.subarray(0, 4096);
  let control = 0;
  for (const b of sample) if (b < 9 || (b > 13 && b < 32)) control++;
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) || looksUtf16(bytes);
  if (!utf16 && control > sample.length / 10) return { kind: 'other', what: 'binary' };
  return { kind: 'text' };
}
