import type { CellValue, RawSheet } from '../../read/types.js';
import { cellText, cleanText, fold } from '../normalise.js';
import { LIST_HEADER_ROWS } from '../patterns.js';
import { titlePeriod } from '../title.js';
import { parseRating, type RatingLevel, type Scale } from '../vocabulary.js';

/** A member's standing in a list: a level, not rated yet (admitted within the year), exempt, or a label tally cannot read. */
export type MemberRating = RatingLevel | 'unrated' | 'exempt' | 'unknown';

/** One person of a member list, as written. */
export interface PersonRow {
  /** As the user sees it: NFC, inner spaces collapsed ("Phạm Thị  Thu Hà" → "Phạm Thị Thu Hà"). */
  readonly name: string;
  /** Date of birth as YYYY-MM-DD, or the year alone; undefined when blank or unreadable. */
  readonly born: string | undefined;
  /** The party card number as text (a number cell "42012025" or text "042012025"); undefined when blank. */
  readonly card: string | undefined;
  /** The cell (chi bộ) the person belongs to, as written. */
  readonly unit: string | undefined;
  readonly rating: MemberRating;
  /** The rating cell as written, for a message about one tally cannot read. */
  readonly ratingText: string;
  /** 1-based row, and the 0-based column of the rating. */
  readonly row: number;
  readonly ratingColumn: number | undefined;
}

/** A member list read: its persons, its period and the organisation it lists (from its title block). */
export interface MemberList {
  readonly file: string;
  readonly sheet: string | undefined;
  readonly period: string | undefined;
  /** The committee or cell whose members these are ("ĐẢNG BỘ BỆNH VIỆN ĐA KHOA TỈNH"), from the title block. */
  readonly organisation: string;
  readonly persons: readonly PersonRow[];
  /** 1-based row of the header. */
  readonly headerRow: number;
}

type Field = 'stt' | 'name' | 'born' | 'card' | 'unit' | 'rating';
const FIELDS: readonly [Field, RegExp][] = [
  ['stt', /^(?:stt|tt|so tt|so thu tu)$/],
  ['name', /^(?:ho va ten|ho ten|ho, ten|ten dang vien|ho va ten dang vien)$/],
  ['born', /^(?:ngay sinh|ngay thang nam sinh|ngay, thang, nam sinh|nam sinh|sinh ngay)$/],
  ['card', /^(?:so the dang vien|so the|so the dv|so the dang)$/],
  ['unit', /^(?:chi bo|chi bo sinh hoat|sinh hoat tai chi bo|don vi|chi bo truc thuoc)$/],
  ['rating', /^(?:xep loai chat luong|xep loai|ket qua xep loai|xep loai dang vien|muc xep loai|ket qua danh gia xep loai|xep loai chat luong dang vien)$/],
];

/** The header row of a member list and the column of each field it has. */
function findListHeader(sheet: RawSheet): { row: number; columns: Partial<Record<Field, number>> } | undefined {
  for (let r = 0; r < Math.min(LIST_HEADER_ROWS, sheet.rows.length); r++) {
    const columns: Partial<Record<Field, number>> = {};
    (sheet.rows[r] ?? []).forEach((v, c) => {
      const t = fold(cellText(v ?? null));
      for (const [field, re] of FIELDS) if (columns[field] === undefined && re.test(t)) columns[field] = c;
    });
    if (columns.name !== undefined) return { row: r, columns };
  }
  return undefined;
}

/** "14/03/1985", "20/5/1990", a date cell, an Excel serial number, or a year alone. */
export function readBirth(v: CellValue | undefined): string | undefined {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'number') {
    if (v >= 1900 && v <= 2100 && Number.isInteger(v)) return String(v);
    // An Excel serial day (1 = 1900-01-01, with Excel's phantom 29 February 1900).
    if (v > 3000 && v < 80000) return new Date(Math.round((v - 25569) * 86_400_000)).toISOString().slice(0, 10);
    return undefined;
  }
  const t = cellText(v ?? null);
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (dmy) return `${dmy[3]}-${(dmy[2] ?? '').padStart(2, '0')}-${(dmy[1] ?? '').padStart(2, '0')}`;
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (iso) return t;
  return /^\d{4}$/.test(t) ? t : undefined;
}

function readCard(v: CellValue | undefined): string | undefined {
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : undefined;
  const t = cellText(v ?? null).replace(/\s+/g, '');
  return t === '' || /^[-–—.…x]+$/i.test(t) ? undefined : t;
}

/** Members exempt from rating ("Miễn đánh giá", "Miễn đánh giá (ốm dài ngày)") are not "not rated". */
export function readMemberRating(text: string, scale: Scale): MemberRating {
  const key = fold(text);
  if (/^(?:mien|duoc mien)\b/.test(key)) return 'exempt';
  const r = parseRating(text, scale);
  return r.kind === 'level' ? r.level : r.kind === 'unrated' ? 'unrated' : 'unknown';
}

/** The organisation a list is of: the title line naming a committee or a cell that is not the bloc. */
function organisationOf(sheet: RawSheet, top: number): string | undefined {
  for (let r = 0; r < top; r++) {
    for (const v of sheet.rows[r] ?? []) {
      const t = fold(cellText(v ?? null));
      // A form's line left to fill ("CHI BỘ ………") names no one.
      if (/^(?:dang bo|dang uy|chi bo)\b/.test(t) && !/^(?:dang bo khoi|dang uy khoi|dang bo tinh|dang bo thanh pho)\b/.test(t) && !/…|\.{3}/.test(cellText(v ?? null))) return cleanText(cellText(v ?? null));
    }
  }
  return undefined;
}

/**
 * Read a sheet decided to be a member list: one person a row under the header, until the first line after them
 * that is not a person ("Tổng số: 208 đảng viên", the signature). A person's row has a name and either a number in
 * its STT or a date of birth: a line of text in the name column alone is not a person.
 */
export function readMemberList(sheet: RawSheet, scale: Scale): MemberList | undefined {
  const header = findListHeader(sheet);
  // Only a list of an organisation's members with their ratings says figures tally can use; a list of the newly
  // admitted, or one that names no committee or cell above it, stays refused (member-list) rather than guessed at.
  if (!header || header.columns.rating === undefined) return undefined;
  const organisation = organisationOf(sheet, header.row);
  if (organisation === undefined) return undefined;
  const col = header.columns;
  const persons: PersonRow[] = [];
  for (let r = header.row + 1; r < sheet.rows.length; r++) {
    const row = sheet.rows[r] ?? [];
    const at = (c: number | undefined): CellValue | undefined => (c === undefined ? undefined : row[c]);
    const name = cleanText(cellText(at(col.name) ?? null));
    if (row.every((v) => cellText(v ?? null) === '')) continue;
    const born = readBirth(at(col.born));
    const stt = cellText(at(col.stt) ?? null);
    const numbered = /^\d+$/.test(stt);
    if (name === '' || (!numbered && born === undefined) || /^\(?\d+\)?$/.test(name)) {
      if (persons.length > 0) break;
      continue; // the numbering row "(1) (2) (3)" or a blank line under the header
    }
    const ratingText = cleanText(cellText(at(col.rating) ?? null));
    const unit = cleanText(cellText(at(col.unit) ?? null));
    persons.push({
      name, born, card: readCard(at(col.card)), unit: unit === '' ? undefined : unit,
      rating: readMemberRating(ratingText, scale), ratingText, row: r + 1, ratingColumn: col.rating,
    });
  }
  return {
    file: sheet.file, sheet: sheet.sheet, period: titlePeriod(sheet, header.row)?.period,
    organisation, persons, headerRow: header.row + 1,
  };
}
