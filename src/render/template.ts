import type { Workbook, Worksheet } from 'exceljs';
import type { Lang } from '../check/catalogue.js';
import { loadExcel } from '../read/xlsx.js';
import { COLUMN_LABELS, type ColumnId, type CountColumn } from '../recognise/columns.js';
import { ORG_TYPE_LABELS, ORG_TYPES, RATING_LABELS, RATING_LEVELS, type OrgType } from '../recognise/vocabulary.js';
import type { DocumentOptions } from './heading.js';
import { COUNT_FORMAT, SheetWriter, type Column, type HeaderCell } from './xlsx-sheet.js';
import { FORM_WORDS, formWord, MEMBER_RATING_CHOICES, PROMPTS } from './template-words.js';

/** A unit the form is made for: one row, its code, name, type and parent filled in (from `--roster`). */
export interface FormUnit {
  readonly code?: string | undefined;
  readonly name: string;
  readonly type?: OrgType | undefined;
  readonly parent?: string | undefined;
  readonly sector?: string | undefined;
}

export interface TemplateOptions extends DocumentOptions {
  /** The period the form is for ("2024"): in its title, so tally reads the period from the filled form. */
  readonly period?: string | undefined;
  /** Indicators of the bloc's own (config `indicators`), a column each after the member ratings. */
  readonly indicators?: readonly string[] | undefined;
  /** One row per unit, filled in; without units, `blankRows` empty rows. */
  readonly units?: readonly FormUnit[] | undefined;
  /** Rows of a blank form (default 30). */
  readonly blankRows?: number | undefined;
}

/** A column of the unit form: what it holds and how a cell is checked as it is typed. */
interface FormColumn {
  readonly label: string;
  readonly group?: string | undefined;
  readonly width: number;
  readonly id?: ColumnId | undefined;
  readonly input: 'text' | 'count' | 'type' | 'rating' | 'check' | 'stt';
  readonly prompt: string;
}

const BALANCE_PLUS: readonly CountColumn[] = ['membersStart', 'admitted', 'transferredIn', 'reinstated'];
const BALANCE_MINUS: readonly CountColumn[] = ['transferredOut', 'deceased', 'expelled', 'removed', 'resigned', 'members'];

/** The columns of the unit form, in the order of the official tables, grouped under their parents. */
export function formColumns(lang: Lang, indicators: readonly string[] = []): FormColumn[] {
  const count = (id: CountColumn, group?: string): FormColumn => ({ label: COLUMN_LABELS[id], group, width: 8, id, input: 'count', prompt: PROMPTS[id][lang] });
  const w = (k: Parameters<typeof formWord>[0]): string => formWord(k, lang);
  return [
    { label: 'STT', width: 5, input: 'stt', prompt: PROMPTS.stt[lang] },
    { label: COLUMN_LABELS.code, width: 10, id: 'code', input: 'text', prompt: PROMPTS.code[lang] },
    { label: COLUMN_LABELS.name, width: 28, id: 'name', input: 'text', prompt: PROMPTS.name[lang] },
    { label: COLUMN_LABELS.type, width: 17, id: 'type', input: 'type', prompt: PROMPTS.type[lang] },
    { label: COLUMN_LABELS.parent, width: 11, id: 'parent', input: 'text', prompt: PROMPTS.parent[lang] },
    { label: COLUMN_LABELS.sector, width: 13, id: 'sector', input: 'text', prompt: PROMPTS.sector[lang] },
    count('membersStart'),
    count('admitted', w('increase')), count('transferredIn', w('increase')), count('reinstated', w('increase')),
    count('transferredOut', w('decrease')), count('deceased', w('decrease')), count('expelled', w('decrease')),
    count('removed', w('decrease')), count('resigned', w('decrease')),
    count('members', w('end')), count('probationary', w('end')), count('women', w('end')),
    count('cells'),
    { label: COLUMN_LABELS.rating, width: 15, id: 'rating', input: 'rating', prompt: PROMPTS.rating[lang] },
    count('membersHTXSNV', w('memberRatings')), count('membersHTTNV', w('memberRatings')), count('membersHTNV', w('memberRatings')),
    count('membersKHTNV', w('memberRatings')), count('membersNotRated', w('memberRatings')), count('membersExempt', w('memberRatings')),
    ...indicators.map((label): FormColumn => ({ label, group: w('indicators'), width: 14, input: 'count', prompt: PROMPTS.indicator[lang] })),
    { label: w('balance'), width: 10, input: 'check', prompt: PROMPTS.balance[lang] },
    { label: w('remarks'), width: 12, input: 'text', prompt: PROMPTS.remarks[lang] },
  ];
}

/** The header of the form: a label alone, or the labels of a group under its merged parent. */
function headerCells(columns: readonly FormColumn[]): HeaderCell[] {
  const out: HeaderCell[] = [];
  for (const c of columns) {
    const last = out[out.length - 1];
    if (c.group === undefined) out.push(c.label);
    else if (last !== undefined && typeof last !== 'string' && last.label === c.group) (last.children as string[]).push(c.label);
    else out.push({ label: c.group, children: [c.label] });
  }
  return out;
}

function letter(col: number): string {
  let n = col;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/**
 * The form units fill in (`tally template`): the title block with the bloc and period, every canonical column and
 * the bloc's indicators under merged parents, the numbering row, a validation on every cell (whole numbers ≥ 0,
 * lists of the types and ratings in full words), an input message on each header cell, a total row of formulas,
 * a balance column that turns red when the movements do not add up, and a "Hướng dẫn" sheet. Every formula is
 * stored with its result (0 or blank on an empty form), so tally reads a form filled in and saved by any program.
 */
export async function renderTemplate(o: TemplateOptions): Promise<Buffer> {
  const ExcelJS = await loadExcel();
  const wb: Workbook = new ExcelJS.Workbook();
  wb.creator = 'tally';
  wb.created = o.date ?? new Date();
  // Excel and LibreOffice recalculate the totals and the balance column on opening the filled form.
  wb.calcProperties.fullCalcOnLoad = true;
  const columns = formColumns(o.lang, o.indicators ?? []);
  const lists = listRefs(o.lang);
  const ws = wb.addWorksheet(formWord('sheet', o.lang), { properties: { defaultRowHeight: 19 } });
  const w = new SheetWriter(ws, columns.map((c): Column => ({ width: c.width, align: c.input === 'count' || c.input === 'check' ? 'right' : c.input === 'stt' ? 'center' : 'left', wrap: c.input === 'text' })), o.lang);
  const title = `${formWord('title', o.lang)}${o.period ? ` ${formWord('year', o.lang)} ${o.period}` : ''}`;
  w.titleBlock(o, [title, '', formWord('subtitle', o.lang)]);
  const headerTop = w.row;
  w.header(headerCells(columns), true);
  const headerBottom = w.row - 2;
  headerPrompts(ws, columns, headerTop, headerBottom);
  const units = o.units ?? [];
  const rows = units.length > 0 ? units.length : (o.blankRows ?? 30);
  const first = w.row;
  for (let i = 0; i < rows; i++) unitRow(w, columns, units[i], i, units.length > 0);
  const last = w.row - 1;
  totalRow(w, columns, first, last, o.lang);
  validate(ws, columns, first, last, lists);
  balanceFormat(ws, columns, first, last);
  w.finish({ landscape: true });
  instructionsSheet(wb, columns, o);
  // Last, so that the form is the sheet a workbook opens on (a hidden first sheet confuses Excel).
  listSheet(wb, o.lang);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The input message of each header cell (a validation that accepts anything and only shows the words). */
function headerPrompts(ws: Worksheet, columns: readonly FormColumn[], top: number, bottom: number): void {
  columns.forEach((c, i) => {
    // A column under a merged parent has its words on its own label; a column alone, on its (merged) cell.
    const r = c.group === undefined ? top : bottom;
    ws.getCell(r, i + 1).dataValidation = { type: 'custom', formulae: ['TRUE'], allowBlank: true, showInputMessage: true, promptTitle: c.label.slice(0, 32), prompt: c.prompt.slice(0, 255) };
  });
}

function unitRow(w: SheetWriter, columns: readonly FormColumn[], unit: FormUnit | undefined, i: number, numbered: boolean): void {
  const r = w.row;
  const values = columns.map((c, ci) => {
    if (c.input === 'stt') return numbered ? i + 1 : null;
    if (c.input === 'check') return { formula: balanceFormula(columns, r, ci), result: '' };
    if (!unit) return null;
    if (c.id === 'code') return unit.code ?? null;
    if (c.id === 'name') return unit.name;
    if (c.id === 'type') return unit.type ? ORG_TYPE_LABELS[unit.type] : null;
    if (c.id === 'parent') return unit.parent ?? null;
    if (c.id === 'sector') return unit.sector ?? null;
    return null;
  });
  w.tableRow(values, columns.map((c) => (c.input === 'count' || c.input === 'check' ? { numFmt: COUNT_FORMAT } : undefined)));
}

/** start + admitted + in + reinstated − out − deceased − expelled − removed − resigned − end: 0 when it balances. */
function balanceFormula(columns: readonly FormColumn[], r: number, self: number): string {
  const at = (id: CountColumn): string => `${letter(columns.findIndex((c) => c.id === id) + 1)}${r}`;
  const plus = BALANCE_PLUS.map(at).join('+');
  const minus = BALANCE_MINUS.map(at).join('-');
  const range = `${at('membersStart')}:${at('members')}`;
  void self;
  return `IF(COUNT(${range})=0,"",${plus}-${minus})`;
}

function totalRow(w: SheetWriter, columns: readonly FormColumn[], first: number, last: number, lang: Lang): void {
  const values = columns.map((c, i) => {
    if (c.id === 'name') return formWord('total', lang);
    if (c.input !== 'count') return null;
    const col = letter(i + 1);
    return { formula: `SUM(${col}${first}:${col}${last})`, result: 0 };
  });
  w.tableRow(values, columns.map((c) => (c.input === 'count' ? { numFmt: COUNT_FORMAT } : undefined)), { bold: true });
}

function listRefs(lang: Lang): { types: string; ratings: string } {
  const name = `'${formWord('lists', lang)}'`;
  return { types: `${name}!$A$2:$A$${ORG_TYPES.length + 1}`, ratings: `${name}!$B$2:$B$${RATING_LEVELS.length + 1}` };
}

/** The hidden sheet of lists the dropdowns take their choices from (full words; a list in a formula allows no comma). */
function listSheet(wb: Workbook, lang: Lang): void {
  const ws = wb.addWorksheet(formWord('lists', lang), { state: 'hidden' });
  ws.getCell(1, 1).value = COLUMN_LABELS.type;
  ORG_TYPES.forEach((t, i) => (ws.getCell(i + 2, 1).value = ORG_TYPE_LABELS[t]));
  ws.getCell(1, 2).value = COLUMN_LABELS.rating;
  RATING_LEVELS.forEach((l, i) => (ws.getCell(i + 2, 2).value = RATING_LABELS[l]));
  ws.getCell(1, 3).value = formWord('memberRating', lang);
  MEMBER_RATING_CHOICES.forEach((t, i) => (ws.getCell(i + 2, 3).value = t));
}

/** A validation on every cell of the rows: whole numbers ≥ 0, or a choice from the lists. */
function validate(ws: Worksheet, columns: readonly FormColumn[], first: number, last: number, lists: { types: string; ratings: string }): void {
  columns.forEach((c, i) => {
    const rule = c.input === 'count'
      ? { type: 'whole' as const, operator: 'greaterThanOrEqual' as const, formulae: [0], error: PROMPTS.wholeError.vi, errorTitle: c.label.slice(0, 32) }
      : c.input === 'type' ? { type: 'list' as const, formulae: [lists.types], error: PROMPTS.listError.vi, errorTitle: c.label.slice(0, 32) }
        : c.input === 'rating' ? { type: 'list' as const, formulae: [lists.ratings], error: PROMPTS.listError.vi, errorTitle: c.label.slice(0, 32) }
          : undefined;
    if (!rule) return;
    for (let r = first; r <= last; r++) {
      ws.getCell(r, i + 1).dataValidation = { ...rule, allowBlank: true, showErrorMessage: true, errorStyle: 'stop', showInputMessage: true, promptTitle: c.label.slice(0, 32), prompt: c.prompt.slice(0, 255) };
    }
  });
}

/** The balance column turns red where the movements do not add up to the members at the end. */
function balanceFormat(ws: Worksheet, columns: readonly FormColumn[], first: number, last: number): void {
  const col = letter(columns.findIndex((c) => c.input === 'check') + 1);
  ws.addConditionalFormatting({
    ref: `${col}${first}:${col}${last}`,
    rules: [{
      type: 'expression', priority: 1, formulae: [`AND(${col}${first}<>"",${col}${first}<>0)`],
      style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFFC7CE' } }, font: { color: { argb: 'FF9C0006' }, bold: true } },
    }],
  });
}

/** "Hướng dẫn": what each column holds, how to fill the form, and how tally checks it. */
function instructionsSheet(wb: Workbook, columns: readonly FormColumn[], o: TemplateOptions): void {
  const ws = wb.addWorksheet(formWord('instructions', o.lang));
  const w = new SheetWriter(ws, [{ width: 6 }, { width: 34, wrap: true }, { width: 80, wrap: true }], o.lang);
  w.line(1, 3, formWord('instructionsTitle', o.lang), { bold: true, size: 14 }, 24);
  for (const line of FORM_WORDS.steps[o.lang]) w.line(1, 3, line, { align: 'left' }, 36);
  w.row++;
  w.header(['TT', formWord('column', o.lang), formWord('whatGoes', o.lang)]);
  columns.forEach((c, i) => w.tableRow([i + 1, c.group ? `${c.group} › ${c.label}` : c.label, c.prompt]));
  w.finish();
}
