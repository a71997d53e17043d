import type { Fact, FormFigure } from '../recognise/facts.js';
import { a1, diagnose, type Diagnostic } from './diagnostic.js';

/** "B9 (4)": a figure of a form as messages name it, its cell and what it says. */
const named = (f: FormFigure): string => `${a1(f.row, f.col)} (${f.value ?? '…'})`;

/**
 * The sums an official form states, judged: a "Trong đó" row larger than its row (TL026), rows that do not add up to
 * the row they split (TL027), the end that is not the start plus the increases less the decreases (TL028). A sum with
 * a blank or unreadable figure is not judged (the cell has its own message when it is one tally reads).
 */
export function formSumDiagnostics(f: Extract<Fact, { kind: 'form-sums' }>, file: string, sheet: string | undefined): Diagnostic[] {
  const out: Diagnostic[] = [];
  const at = (x: FormFigure): { file: string; sheet: string | undefined; row: number; cell: string } => ({ file, sheet, row: x.row + 1, cell: a1(x.row, x.col) });
  for (const sum of f.sums) {
    const w = sum.whole;
    if (w.value === null || sum.terms.some((t) => t.value === null && sum.relation !== 'parts')) continue;
    if (sum.relation === 'subset') {
      const t = sum.terms[0];
      if (t?.value === null || t === undefined || t.value <= w.value) continue;
      out.push(diagnose('TL026', at(t), { form: f.form, cell: a1(t.row, t.col), label: t.label, value: t.value, whole: w.label, expected: w.value, wholeCell: a1(w.row, w.col) }));
      continue;
    }
    const expected = sum.terms.reduce((acc, t) => acc + t.sign * (t.value ?? 0), 0);
    if (expected === w.value) continue;
    if (sum.relation === 'parts') {
      const parts = sum.terms.map((t) => `${t.label} ${named(t)}`).join(' + ');
      out.push(diagnose('TL027', at(w), { form: f.form, cell: a1(w.row, w.col), label: w.label, value: w.value, parts, expected }));
    } else {
      const terms = sum.terms.map((t, i) => `${i === 0 ? '' : t.sign > 0 ? ' + ' : ' − '}${named(t)}`).join('');
      out.push(diagnose('TL028', at(w), { form: f.form, cell: a1(w.row, w.col), label: w.label, value: w.value, terms, expected }));
    }
  }
  return out;
}
