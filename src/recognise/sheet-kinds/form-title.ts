import type { RawSheet } from '../../read/types.js';
import type { Origin } from '../derived.js';
import { cellText, cleanText, fold } from '../normalise.js';
import { unitNameFromTitle } from '../title.js';
import type { OfficialFormInfo } from './kind.js';
import { FORM_END } from './label-rows.js';

/** The title block's text, folded, one line per cell. */
export function titleText(sheet: RawSheet, top: number): string[] {
  return sheet.rows.slice(0, top).flatMap((row) => row.map((v) => fold(cellText(v))).filter((t) => t !== ''));
}

/** "- Đơn vị báo cáo: Đảng bộ Sở Y tế" (2012 forms): the name after the colon or in the next cell; dots are none. */
function reportingUnit(sheet: RawSheet, top: number): { name: string; at: Origin } | undefined {
  for (let r = 0; r < top; r++) {
    const row = sheet.rows[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const raw = cleanText(cellText(row[c])).replace(/^[-–•\s]+/, '');
      if (!/^don vi bao cao\b/.test(fold(raw))) continue;
      const after = raw.slice(raw.indexOf(':') + 1).trim();
      const next = row.slice(c + 1).map((v) => cleanText(cellText(v))).find((t) => t !== '') ?? '';
      const name = raw.includes(':') && /\p{L}{2}/u.test(after) ? after : next;
      if (/\p{L}{2}/u.test(name)) return { name, at: [r, c] };
    }
  }
  return undefined;
}

/** The form ends at its notes, signatures or place-and-date line ("………, ngày 10 tháng 01 năm 2025"). */
export const FORM_FOOT = new RegExp(`${FORM_END.source}|\\bngay(?: \\d{1,2})? thang\\b`);
/** The unit's name: the reporting unit line, the unit in the title block, or the file's name. */
export function unitName(sheet: RawSheet, top: number): { name: string; at: Origin; from: OfficialFormInfo['nameFrom'] } {
  const line = reportingUnit(sheet, top);
  if (line) return { ...line, from: 'reporting-unit' };
  const titled = unitNameFromTitle(sheet, top);
  if (titled) {
    for (let r = 0; r < top; r++) {
      const c = (sheet.rows[r] ?? []).findIndex((v) => fold(cellText(v)) === fold(titled));
      if (c >= 0) return { name: titled, at: [r, c], from: 'title' };
    }
    return { name: titled, at: [0, 0], from: 'title' };
  }
  const base = sheet.file.split(/[\\/]/).at(-1) ?? sheet.file;
  return { name: base.replace(/\.[^.]+$/, ''), at: [0, 0], from: 'file' };
}

