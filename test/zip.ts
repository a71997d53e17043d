import { deflateRawSync } from 'node:zlib';

/** A part of a zip: its name and bytes, or compressed bytes made elsewhere (a bomb) with the size they inflate to. */
export type Part = { name: string; data: string | Buffer } | { name: string; deflated: Buffer; size: number };

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A zip of deflated parts, as Excel writes one (no data descriptors); a bomb's CRC is left 0. */
export function makeZip(parts: readonly Part[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name);
    const raw = 'data' in p ? Buffer.from(p.data) : undefined;
    const body = raw ? deflateRawSync(raw) : 'deflated' in p ? p.deflated : Buffer.alloc(0);
    const size = raw ? raw.length : 'size' in p ? p.size : 0;
    const crc = raw ? crc32(raw) : 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(Math.min(size, 0xffffffff), 22);
    local.writeUInt16LE(name.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(crc, 16);
    dir.writeUInt32LE(body.length, 20);
    dir.writeUInt32LE(Math.min(size, 0xffffffff), 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    central.push(dir, name);
    offset += 30 + name.length + body.length;
  }
  const dirBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(dirBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dirBytes, end]);
}

/**
 * Deflated bytes that inflate to `head`, then `unit` `times` times, then `tail`: each repetition of `unit` is
 * one self-contained block (a full flush ends each), so a gigabyte costs the bytes of one block times the count,
 * made in a moment. This is how a zip bomb of sheet XML is built on the fly.
 */
export function bomb(head: string, unit: string, times: number, tail: string): { deflated: Buffer; size: number } {
  const block = (text: string): Buffer => {
    const full = deflateRawSync(Buffer.from(text), { finishFlush: 3 /* Z_FULL_FLUSH */ });
    return full;
  };
  const first = block(head);
  const middle = block(unit);
  const last = deflateRawSync(Buffer.from(tail));
  const pieces: Buffer[] = [first];
  for (let i = 0; i < times; i++) pieces.push(middle);
  pieces.push(last);
  return { deflated: Buffer.concat(pieces), size: head.length + unit.length * times + tail.length };
}

const CONTENT_TYPES = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>';
const RELS = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>';
const WORKBOOK = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Báo cáo" sheetId="1" r:id="rId1"/></sheets></workbook>';
const WORKBOOK_RELS = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>';
export const STYLES = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="1"><xf/></cellXfs></styleSheet>';
export const SHEET_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
export const SHEET_TAIL = '</sheetData></worksheet>';

/** A cell of inline text, or of a number, with or without its `r`. */
export function cell(value: string | number, r?: string): string {
  const at = r ? ` r="${r}"` : '';
  return typeof value === 'number' ? `<c${at}><v>${value}</v></c>` : `<c${at} t="inlineStr"><is><t>${value}</t></is></c>`;
}

/** The parts of a one-sheet workbook around the given sheet part (and styles, unless replaced). */
export function workbookParts(sheet: Part, styles: string | undefined = STYLES): Part[] {
  const parts: Part[] = [
    { name: '[Content_Types].xml', data: CONTENT_TYPES }, { name: '_rels/.rels', data: RELS },
    { name: 'xl/workbook.xml', data: WORKBOOK }, { name: 'xl/_rels/workbook.xml.rels', data: WORKBOOK_RELS },
  ];
  if (styles !== undefined) parts.push({ name: 'xl/styles.xml', data: styles });
  parts.push(sheet);
  return parts;
}
