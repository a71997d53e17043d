import Table from 'cli-table3';
import { Chalk } from 'chalk';
import type { Lang } from '../check/catalogue.js';
import type { OrgStreakResult, StreakItem } from '../rollup/streak.js';
import { ORG_TYPE_LABELS, RATING_LABELS, type OrgType } from '../recognise/vocabulary.js';
import { label } from './labels.js';
import { csvLines } from './markdown.js';

/** A period read and the files it came from: said under every streak (a unit missing from a year breaks it). */
export interface PeriodFiles {
  readonly period: string;
  readonly files: readonly string[];
}

export interface StreakView {
  readonly result: OrgStreakResult;
  readonly periods: readonly PeriodFiles[];
  readonly lang: Lang;
  readonly color: boolean;
  readonly trusted: boolean;
}

const TYPE_EN: Record<OrgType, string> = {
  dang_bo_co_so: 'Grassroots committee', chi_bo_co_so: 'Grassroots cell', chi_bo_truc_thuoc: 'Subordinate cell', dang_bo_bo_phan: 'Intermediate committee',
};
const RATING_EN = { HTXSNV: 'Excellent (HTXSNV)', HTTNV: 'Good (HTTNV)', HTNV: 'Completed (HTNV)', KHTNV: 'Not completed (KHTNV)' } as const;

const typeText = (t: OrgType | null, lang: Lang): string => (t === null ? '—' : lang === 'en' ? TYPE_EN[t] : ORG_TYPE_LABELS[t]);
const parentText = (i: StreakItem): string => (i.parent === null ? '—' : i.parentName && i.parentName !== i.parent ? `${i.parent} ${i.parentName}` : i.parent);

/** "2 tổ chức cơ sở đảng và 5 chi bộ trực thuộc đảng ủy cơ sở "Hoàn thành xuất sắc nhiệm vụ" 05 năm liền (2018 – 2022):" */
export function streakHeadline(r: OrgStreakResult, lang: Lang): string {
  const n = String(r.years).padStart(2, '0');
  const top = r.rating === 'HTXSNV';
  if (lang === 'en') {
    const what = `${r.counts.organizations} grassroots organisation(s) and ${r.counts.cells} subordinate cell(s)`;
    return `${what} rated "${RATING_EN[r.rating]}"${top ? '' : ' or better'} ${r.years} years running (${r.from}–${r.to}):`;
  }
  const what = `${r.counts.organizations} tổ chức cơ sở đảng và ${r.counts.cells} chi bộ trực thuộc đảng ủy cơ sở`;
  return `${what} "${RATING_LABELS[r.rating]}"${top ? '' : ' trở lên'} ${n} năm liền (${r.from} – ${r.to}):`;
}

/** "Các kỳ đã đọc: 2018 (bc-2018.csv), …": which years were read, and from which files. */
export function periodsReadLine(periods: readonly PeriodFiles[], lang: Lang): string {
  const list = periods.map((p) => `${p.period} (${p.files.join(', ')})`).join('; ');
  return lang === 'en' ? `Periods read: ${list}.` : `Các kỳ đã đọc: ${list}.`;
}

const heads = (lang: Lang): string[] => (lang === 'en' ? ['Code', 'Name', 'Type', 'Under', 'Years'] : ['Mã', 'Tên tổ chức', 'Loại hình', 'Trực thuộc', 'Các năm']);
const cells = (i: StreakItem, lang: Lang): string[] => [i.code ?? '—', i.name, typeText(i.type, lang), parentText(i), i.years.join(', ')];

export function renderStreakTable(v: StreakView): string {
  const c = new Chalk({ level: v.color ? 1 : 0 });
  const table = new Table({ head: heads(v.lang).map((h) => c.bold(h)), style: { head: [], border: [], compact: true } });
  for (const i of v.result.items) table.push(cells(i, v.lang));
  const head = streakHeadline(v.result, v.lang);
  const out = [v.trusted ? c.bold(head) : c.bold.red(`${head} — ${label('untrusted', v.lang)}`)];
  if (v.result.items.length > 0) out.push(table.toString());
  out.push(c.dim(periodsReadLine(v.periods, v.lang)));
  return `${out.join('\n')}\n`;
}

export function renderStreakText(v: StreakView): string {
  const lines = [streakHeadline(v.result, v.lang)];
  for (const i of v.result.items) lines.push(`- ${i.code ? `${i.code} ` : ''}${i.name}${i.parent ? ` (${v.lang === 'en' ? 'under' : 'trực thuộc'} ${parentText(i)})` : ''}`);
  lines.push(periodsReadLine(v.periods, v.lang));
  return `${lines.join('\n')}\n`;
}

export function renderStreakMarkdown(v: StreakView): string {
  const cell = (t: string): string => t.replace(/\|/g, '\\|');
  const out = [`## ${cell(streakHeadline(v.result, v.lang))}`, ''];
  if (!v.trusted) out.push(`> **${label('untrusted', v.lang)}**`, '');
  out.push(`| ${heads(v.lang).join(' | ')} |`, '|---|---|---|---|---|');
  for (const i of v.result.items) out.push(`| ${cells(i, v.lang).map(cell).join(' | ')} |`);
  out.push('', periodsReadLine(v.periods, v.lang));
  return `${out.join('\n')}\n`;
}

/** code, name, type, parent, parent_name, years (separated by spaces); UTF-8 with a BOM for Excel. */
export function renderStreakCsv(v: StreakView): string {
  // The same fields as every CSV of tally: formula-like text defused with a leading ' (markdown.ts).
  return `\ufeff${csvLines([['code', 'name', 'type', 'parent', 'parent_name', 'years'], ...v.result.items.map((i) => [i.code, i.name, i.type, i.parent, i.parentName, i.years.join(' ')])])}`;
}
