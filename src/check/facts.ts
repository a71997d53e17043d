import { aliasesOf, COLUMN_LABELS } from '../recognise/columns.js';
import { originOf, type CellOrigin } from '../recognise/derived.js';
import type { At, CellProblem, Fact, Note } from '../recognise/facts.js';
import type { DiagnosticCode } from './catalogue.js';
import { formSumDiagnostics } from './form-sums.js';
import { a1, columnLetter, diagnose, type Diagnostic, type Location } from './diagnostic.js';

const CELL_PROBLEM: Record<CellProblem, DiagnosticCode> = {
  'not-a-number': 'TL010', 'not-whole': 'TL011', negative: 'TL012', 'cell-error': 'TL015', 'no-result': 'TL019',
};

/**
 * Does a sum agree with the figure a total row writes, at the precision written? Amounts with a fraction are added
 * in binary (0,1 + 0,2 is 0,30000000000000004): the sum is rounded to the figure's decimals before they are compared.
 */
function agrees(sum: number, value: number, decimals: number): boolean {
  const scale = 10 ** decimals;
  return Math.abs(Math.round(sum * scale) / scale - value) <= 1e-9 * Math.max(1, Math.abs(value));
}

/** 45.5 → "45,50": a percentage as messages quote it (the catalogue formats numbers, these are already text). */
const percentText = (p: number): string => p.toFixed(2).replace('.', ',');

/**
 * The facts of one sheet, turned into diagnostics as they come (so a million-row file holds only its problems) and
 * its notes kept in order. What a fact says is judged here: a total that does not add up, a piece larger than its
 * whole, a percentage that is not the share it claims. Follow-on problems are left out: no TL005 on a sheet
 * already missing a required column (TL002 says why it has no rows).
 */
export class SheetFacts {
  readonly diagnostics: Diagnostic[] = [];
  readonly notes: Note[] = [];
  private missingColumn = false;
  private origin: CellOrigin | undefined;

  constructor(private readonly file: string, private readonly sheet: string | undefined) {}

  /** A sink for the recogniser (see recognise/sheet.ts `SheetSink`). */
  readonly fact = (f: Fact): void => {
    this.add(f);
  };

  private say(code: DiagnosticCode, at: At, args: Record<string, string | number>): void {
    // A derived table's cell is named where it is in the sheet.
    const o = this.origin ? originOf(this.origin, at.row, at.col) : undefined;
    const row = o ? o[0] : at.row;
    const col = o && at.col !== undefined ? o[1] : at.col;
    const location: Location = {
      file: this.file, sheet: this.sheet, row: row + 1,
      ...(col !== undefined ? { column: at.column, cell: a1(row, col) } : {}),
    };
    this.diagnostics.push(diagnose(code, location, col !== undefined ? { ...args, cell: a1(row, col) } : args));
  }

  add(f: Fact): void {
    switch (f.kind) {
      case 'note':
        this.notes.push(f.note);
        return;
      case 'form-sums':
        for (const d of formSumDiagnostics(f, this.file, this.sheet)) this.diagnostics.push(d);
        return;
      case 'origin':
        this.origin = f.origin;
        return;
      case 'missing-column':
        this.missingColumn = true;
        this.say('TL002', f, { column: f.id, label: COLUMN_LABELS[f.id], aliases: `${aliasesOf(f.id).slice(0, 6).map((a) => `"${a}"`).join(', ')}, …` });
        return;
      case 'duplicate-column':
        this.say('TL003', f, {
          label: COLUMN_LABELS[f.id], first: `"${f.first.label}" (${columnLetter(f.first.col)})`, second: `"${f.second.label}" (${columnLetter(f.second.col)})`, value: f.second.label,
        });
        return;
      case 'text-column':
        this.say('TL004', f, { value: f.label });
        return;
      case 'unnamed-column':
        this.say('TL008', f, { value: columnLetter(f.col ?? 0) });
        return;
      case 'no-data-rows':
        if (!this.missingColumn) this.say('TL005', f, { value: f.row + 1 });
        return;
      case 'bad-cell':
        this.say(CELL_PROBLEM[f.problem], f, { value: f.shown, label: f.label });
        return;
      case 'unknown-rating':
        this.say(f.oldScale ? 'TL018' : 'TL013', f, { value: f.value, ...(f.codes ? { codes: f.codes.known, legend: f.codes.legend ? 'yes' : 'no' } : {}) });
        return;
      case 'late-legend':
        this.say('TL013', f, { value: f.legend, codes: f.used, legend: 'late' });
        return;
      case 'unknown-type':
        this.say('TL014', f, { value: f.value });
        return;
      case 'missing-name':
        this.say('TL016', f, { row: f.row + 1 });
        return;
      case 'missing-members':
        this.say('TL017', f, { name: f.name });
        return;
      case 'pieces':
        this.pieces(f);
        return;
      case 'share':
        this.share(f);
        return;
      case 'total':
        for (const c of f.covers) {
          // A column with an unreadable cell above has its own error; a total over it cannot be checked.
          if (c.sum === null || agrees(c.sum, c.value, c.decimals)) continue;
          this.say('TL030', { row: f.row, col: c.col, column: c.label }, { label: f.label, column: c.label, value: c.value, expected: c.sum, ...(c.hidden > 0 ? { hidden: c.hidden } : {}), ...(this.origin?.across ? { across: 1 } : {}) });
        }
        return;
      case 'formula-text':
        this.say('TL007', f, { value: f.text.length > 60 ? `${f.text.slice(0, 59)}…` : f.text });
        return;
      case 'period-differs':
        this.say('TL035', f, { value: f.given, expected: f.title, text: f.text });
        return;
      case 'committee':
        for (const c of f.columns) {
          if (c.own === c.sum) continue;
          this.say('TL034', { row: f.row, col: c.col, column: c.column }, { name: f.name, label: COLUMN_LABELS[c.id], value: c.own, expected: c.sum, count: f.cells });
        }
        return;
    }
  }

  /** A "Trong đó" figure is at most its whole; "Chia ra" figures add up to it. A blank whole is 0, "X" is n/a. */
  private pieces(f: Extract<Fact, { kind: 'pieces' }>): void {
    for (const s of f.subsets) {
      if (s.value > f.whole) this.say('TL024', { row: f.row, col: s.col, column: s.label }, { name: f.name, label: s.label, value: s.value, whole: f.label, expected: f.whole });
    }
    const p = f.parts;
    if (p && p.filled > 0 && !p.unreadable && p.sum !== f.whole) {
      this.say('TL025', f, { name: f.name, label: f.label, value: f.whole, expected: p.sum, parts: p.names });
    }
  }

  /** A percentage agrees when it is the share of its part in one of its possible bases, within rounding. */
  private share(f: Extract<Fact, { kind: 'share' }>): void {
    // At the precision written, rounded or cut: "44,6" for 44,64; two decimals at least (a formula's result).
    const within = (d: number): number => Math.max(10 ** -Math.max(0, d), 0.0101) + 1e-9;
    const ok = f.bases.some((b) => {
      const p = (f.part * 100) / b;
      return Math.abs(p - f.given) <= within(f.decimals) || (f.given <= 1 && Math.abs(p - f.given * 100) <= within(f.decimals - 2));
    });
    if (ok) return;
    // A cell formatted as a percentage holds the fraction (0,45 shown as 45%): quoted as shown.
    const shown = f.fraction ? f.given * 100 : f.given;
    this.say('TL031', f, { value: percentText(shown), expected: percentText((f.part * 100) / (f.bases[0] ?? 1)) });
  }
}
