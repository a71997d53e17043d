import { inflateRawSync } from 'node:zlib';
import type { Cell, Workbook } from 'exceljs';
import { expect } from 'vitest';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { zipEntries } from '../src/read/detect.js';
import { loadExcel } from '../src/read/xlsx.js';
import type { DocumentOptions } from '../src/render/heading.js';
import { ROOT } from './helpers.js';

/** The title block of the documents under test: a fixed place and date, so that they read the same every day. */
export const DOC: Omit<DocumentOptions, 'lang' | 'trusted'> = { place: 'Hà Nội', date: new Date(2024, 0, 5) };

/** One entry of a zip (an .xlsx or .docx part) as text. */
export function zipText(bytes: Uint8Array, name: string): string {
  const entry = zipEntries(bytes)?.find((e) => e.name === name);
  if (!entry) throw new Error(`no ${name} in the zip`);
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const start = entry.localOffset + 30 + buf.readUInt16LE(entry.localOffset + 26) + buf.readUInt16LE(entry.localOffset + 28);
  const data = buf.subarray(start, start + entry.compressedSize);
  return (entry.method === 0 ? data : inflateRawSync(data)).toString('utf8');
}

export function zipNames(bytes: Uint8Array): string[] {
  return (zipEntries(bytes) ?? []).map((e) => e.name);
}

export async function loadWorkbook(bytes: Buffer): Promise<Workbook> {
  const ExcelJS = await loadExcel();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

function cellText(c: Cell): string {
  const v = c.value;
  let shown: string;
  if (v === null || v === undefined) shown = '';
  else if (typeof v === 'object' && 'formula' in v) shown = `=${v.formula} → ${JSON.stringify((v as { result?: unknown }).result)}`;
  else shown = JSON.stringify(v);
  const f = c.font ?? {};
  const marks = [f.bold ? 'b' : '', f.italic ? 'i' : '', f.underline ? 'u' : '', c.numFmt ? `[${c.numFmt}]` : '',
    f.name !== 'Times New Roman' || f.size !== 13 ? `{${f.name ?? '?'} ${f.size ?? '?'}}` : '', c.alignment?.indent ? `>${c.alignment.indent}` : ''].filter(Boolean);
  return `${c.address} ${shown}${marks.length ? ` ${marks.join(' ')}` : ''}`;
}

/**
 * The structure of a workbook as text, for a golden file: per sheet its layout (frozen rows, print titles, page),
 * merges, and every non-empty cell with its value, format and font marks. Long unit sheets keep their header,
 * first rows, last row and total row.
 */
export function dumpWorkbook(wb: Workbook): string {
  const out: string[] = [];
  for (const ws of wb.worksheets) {
    const view = ws.views[0] as { state?: string; ySplit?: number } | undefined;
    const p = ws.pageSetup;
    out.push(`## ${ws.name}`, `frozen: ${view?.state === 'frozen' ? view.ySplit : 'no'}; print titles: ${p.printTitlesRow ?? 'none'}; paper ${p.paperSize} ${p.orientation} fit ${p.fitToWidth}×${p.fitToHeight}`);
    const merges = (ws.model as { merges?: string[] }).merges ?? [];
    out.push(`merges: ${[...merges].sort().join(' ')}`);
    out.push(`widths: ${ws.columns.map((c) => c.width ?? '').join(' ')}`);
    const last = ws.rowCount;
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      if (r > 12 && r < last - 1 && ws.rowCount > 60) return;
      const cells: string[] = [];
      row.eachCell({ includeEmpty: false }, (c) => {
        if (c.isMerged && c.master !== c) return;
        if (c.value === null || c.value === undefined) return;
        cells.push(cellText(c));
      });
      if (cells.length) out.push(`${r}${row.height ? ` (h ${Math.round(row.height)})` : ''}: ${cells.join(' | ')}`);
    });
    if (ws.rowCount > 60) out.push(`… ${ws.rowCount} rows`);
    out.push('');
  }
  return out.join('\n');
}

/** The text of each paragraph of a Word document, one a line, with table cells separated by " | ". */
export function docxParagraphs(xml: string): string[] {
  const lines: string[] = [];
  const body = xml.replace(/<w:tab\/>/g, '\t');
  // Each table row is one line; other paragraphs are lines of their own.
  const parts = body.split(/(<w:tr[ >][\s\S]*?<\/w:tr>)/);
  for (const part of parts) {
    if (part.startsWith('<w:tr')) {
      const cells = part.split(/<\/w:tc>/).slice(0, -1).map((c) => [...c.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''));
      lines.push(cells.join(' | '));
    } else {
      for (const p of part.split(/<\/w:p>/)) {
        const t = [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
        if (t !== '') lines.push(t);
      }
    }
  }
  return lines.map((l) => l.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'"));
}

/** Compare with a golden file under test/golden/outputs/ (UPDATE_GOLDEN=1 rewrites it). */
export function expectGoldenText(name: string, text: string): void {
  const file = join(ROOT, 'test', 'golden', 'outputs', `${name}.txt`);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) {
    if (process.env.CI && !existsSync(file)) throw new Error(`golden file outputs/${name}.txt is missing: run UPDATE_GOLDEN=1 npm test and commit it`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  expect(text).toBe(readFileSync(file, 'utf8'));
}
