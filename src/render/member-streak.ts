import Table from 'cli-table3';
import { Chalk } from 'chalk';
import type { Lang } from '../check/catalogue.js';
import { RATING_LABELS } from '../recognise/vocabulary.js';
import type { AmbiguousMatch, MemberStreakItem, MemberStreakResult } from '../streak/members.js';
import { label } from './labels.js';
import { periodsReadLine, type PeriodFiles } from './streak.js';
import { csvLines } from './markdown.js';

export interface MemberStreakView {
  readonly result: MemberStreakResult;
  readonly periods: readonly PeriodFiles[];
  readonly lang: Lang;
  readonly color: boolean;
  readonly trusted: boolean;
}

const RATING_EN = { HTXSNV: 'Excellent (HTXSNV)', HTTNV: 'Good (HTTNV)', HTNV: 'Completed (HTNV)', KHTNV: 'Not completed (KHTNV)' } as const;

/** 1985-03-14 → 14/03/1985 (a year alone stays). */
export function dateText(iso: string | null): string {
  if (iso === null) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** "13 đảng viên "Hoàn thành xuất sắc nhiệm vụ" 05 năm liền (2018 – 2022):" */
export function memberStreakHeadline(r: MemberStreakResult, lang: Lang): string {
  const top = r.rating === 'HTXSNV';
  if (lang === 'en') return `${r.count} member(s) rated "${RATING_EN[r.rating]}"${top ? '' : ' or better'} ${r.years} years running (${r.from}–${r.to}):`;
  return `${r.count} đảng viên "${RATING_LABELS[r.rating]}"${top ? '' : ' trở lên'} ${String(r.years).padStart(2, '0')} năm liền (${r.from} – ${r.to}):`;
}

/** One ambiguous match in words: the rows, the persons they may be, and that nobody was guessed. */
export function ambiguousLine(a: AmbiguousMatch, lang: Lang): string {
  const rows = a.rows.map((r) => `${r.row} (${r.rating})`).join(lang === 'en' ? ' and ' : ' và ');
  const file = a.rows[0]?.file ?? '';
  const cards = a.candidates.map((c) => c.card).join(', ');
  if (lang === 'en') {
    return `${a.name}, born ${dateText(a.born)}, ${a.unit ?? '—'}, ${a.year}: rows ${rows} of ${file} have the same name, date of birth and cell and no card: which is whom cannot be told${cards ? ` (cards ${cards})` : ''}; not counted, not guessed.`;
  }
  return `${a.name}, sinh ${dateText(a.born)}, ${a.unit ?? '—'}, năm ${a.year}: các dòng ${rows} của ${file} cùng họ tên, ngày sinh, chi bộ và không ghi số thẻ, không phân biệt được ai là ai${cards ? ` (số thẻ ${cards})` : ''}; không tính, không đoán.`;
}

const heads = (lang: Lang): string[] => (lang === 'en' ? ['#', 'Name', 'Born', 'Card', 'Cell', 'Years'] : ['TT', 'Họ và tên', 'Ngày sinh', 'Số thẻ', 'Chi bộ', 'Các năm']);
const cells = (i: MemberStreakItem, n: number): string[] => [String(n), i.name, dateText(i.born), i.card ?? '—', i.unit ?? '—', i.years.join(', ')];
const ambiguousTitle = (lang: Lang): string => (lang === 'en' ? 'Ambiguous, reported (not guessed):' : 'Không xác định được, nêu ra (không đoán):');

export function renderMemberStreakTable(v: MemberStreakView): string {
  const c = new Chalk({ level: v.color ? 1 : 0 });
  const table = new Table({ head: heads(v.lang).map((h) => c.bold(h)), style: { head: [], border: [], compact: true } });
  v.result.items.forEach((i, n) => table.push(cells(i, n + 1)));
  const head = memberStreakHeadline(v.result, v.lang);
  const out = [v.trusted ? c.bold(head) : c.bold.red(`${head} — ${label('untrusted', v.lang)}`)];
  if (v.result.items.length > 0) out.push(table.toString());
  if (v.result.ambiguous.length > 0) out.push(c.yellow(ambiguousTitle(v.lang)));
  for (const a of v.result.ambiguous) out.push(`- ${ambiguousLine(a, v.lang)}`);
  out.push(c.dim(periodsReadLine(v.periods, v.lang)));
  return `${out.join('\n')}\n`;
}

export function renderMemberStreakText(v: MemberStreakView): string {
  const lines = [memberStreakHeadline(v.result, v.lang), ...v.result.items.map((i) => `- ${i.name} (${dateText(i.born)}, ${i.unit ?? '—'})`)];
  if (v.result.ambiguous.length > 0) lines.push(ambiguousTitle(v.lang));
  for (const a of v.result.ambiguous) lines.push(`- ${ambiguousLine(a, v.lang)}`);
  lines.push(periodsReadLine(v.periods, v.lang));
  return `${lines.join('\n')}\n`;
}

export function renderMemberStreakMarkdown(v: MemberStreakView): string {
  const cell = (t: string): string => t.replace(/\|/g, '\\|');
  const out = [`## ${cell(memberStreakHeadline(v.result, v.lang))}`, ''];
  if (!v.trusted) out.push(`> **${label('untrusted', v.lang)}**`, '');
  out.push(`| ${heads(v.lang).join(' | ')} |`, '|---:|---|---|---|---|---|');
  v.result.items.forEach((i, n) => out.push(`| ${cells(i, n + 1).map(cell).join(' | ')} |`));
  if (v.result.ambiguous.length > 0) out.push('', `**${ambiguousTitle(v.lang)}**`, '');
  for (const a of v.result.ambiguous) out.push(`- ${cell(ambiguousLine(a, v.lang))}`);
  out.push('', periodsReadLine(v.periods, v.lang));
  return `${out.join('\n')}\n`;
}

/** name, born, card, unit, years (separated by spaces); UTF-8 with a BOM for Excel. */
export function renderMemberStreakCsv(v: MemberStreakView): string {
  // The same fields as every CSV of tally: formula-like text defused with a leading ' (markdown.ts).
  return `\ufeff${csvLines([['name', 'born', 'card', 'unit', 'years'], ...v.result.items.map((i) => [i.name, i.born, i.card, i.unit, i.years.join(' ')])])}`;
}
