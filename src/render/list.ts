import Table from 'cli-table3';
import type { Lang } from '../check/catalogue.js';
import type { UnitRow } from '../recognise/table.js';
import type { OrgType } from '../recognise/vocabulary.js';
import { formatCount } from './format.js';
import { csvLines } from './markdown.js';

/** The formats of `tally list`. */
export const LIST_FORMATS = ['table', 'json', 'csv', 'md'] as const;
export type ListFormat = (typeof LIST_FORMATS)[number];

/** One unit behind a figure: what it is and where it is written. */
export interface ListedUnit {
  readonly code: string | null;
  readonly name: string;
  readonly type: OrgType | null;
  readonly parent: string | null;
  readonly sector: string | null;
  readonly group: string | null;
  readonly period: string | null;
  readonly rating: string | null;
  readonly members: number;
  readonly file: string;
  readonly sheet: string | null;
  readonly row: number;
}

export function listedUnit(r: UnitRow): ListedUnit {
  return {
    code: r.code ?? null, name: r.name, type: r.type ?? null, parent: r.parent ?? null, sector: r.sector ?? null, group: r.group ?? null,
    period: r.period ?? null, rating: r.rating ?? null, members: r.counts.members, file: r.source.file, sheet: r.source.sheet ?? null, row: r.source.row,
  };
}

export const TYPE_SHORT: Record<OrgType, string> = { dang_bo_co_so: 'ĐBCS', chi_bo_co_so: 'CBCS', chi_bo_truc_thuoc: 'CBTT', dang_bo_bo_phan: 'ĐBBP' };

const HEAD = {
  vi: ['STT', 'Mã', 'Tên tổ chức', 'Loại hình', 'Xếp loại', 'Đảng viên', 'Tệp', 'Trang', 'Dòng'],
  en: ['No.', 'Code', 'Organisation', 'Type', 'Rating', 'Members', 'File', 'Sheet', 'Row'],
} as const;

/** "8 tổ chức: Xếp loại HTNV" — the count, then what was asked. */
function countLine(units: readonly ListedUnit[], filter: string, lang: Lang): string {
  const n = formatCount(units.length, lang);
  return lang === 'en' ? `${n} organisation(s)${filter ? `: ${filter}` : ''}` : `${n} tổ chức${filter ? `: ${filter}` : ''}`;
}

/** The units behind a figure, in a format; `filter` says in words what was asked. */
export function renderList(units: readonly ListedUnit[], format: ListFormat, o: { readonly lang: Lang; readonly filter: string; readonly filterJson: Record<string, unknown> }): string {
  const cells = (u: ListedUnit, i: number): (string | number)[] => [
    i + 1, u.code ?? '', u.name, u.type ? TYPE_SHORT[u.type] : '', u.rating === 'unrated' ? (o.lang === 'en' ? 'not rated' : 'chưa xếp loại') : (u.rating ?? ''),
    u.members, u.file, u.sheet ?? '', u.row,
  ];
  if (format === 'json') return `${JSON.stringify({ schema: 'tally.list/1', filter: o.filterJson, count: units.length, units }, null, 2)}\n`;
  if (format === 'csv') {
    const head = ['code', 'name', 'type', 'parent', 'sector', 'group', 'period', 'rating', 'members', 'file', 'sheet', 'row'];
    return `\ufeff${csvLines([head, ...units.map((u) => [u.code, u.name, u.type, u.parent, u.sector, u.group, u.period, u.rating, u.members, u.file, u.sheet, u.row])])}`;
  }
  if (format === 'md') {
    const esc = (v: string | number): string => String(v).replace(/\|/g, '\\|');
    const lines = [`**${countLine(units, o.filter, o.lang)}**`, '', `| ${HEAD[o.lang].join(' | ')} |`, `|${HEAD[o.lang].map((_, i) => (i === 0 || i === 5 || i === 8 ? '---:' : '---')).join('|')}|`];
    units.forEach((u, i) => lines.push(`| ${cells(u, i).map(esc).join(' | ')} |`));
    return `${lines.join('\n')}\n`;
  }
  const table = new Table({ head: [...HEAD[o.lang]], style: { head: [], border: [] }, chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' }, colAligns: ['right', 'left', 'left', 'left', 'left', 'right', 'left', 'left', 'right'] });
  units.forEach((u, i) => table.push(cells(u, i).map((c, k) => (k === 5 && typeof c === 'number' ? formatCount(c, o.lang) : String(c)))));
  return `${table.toString()}\n${countLine(units, o.filter, o.lang)}\n`;
}
