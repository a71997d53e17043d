import { COLUMN_LABELS } from '../recognise/columns.js';
import type { CommitteeTree } from '../rollup/tree.js';
import type { Diagnostic } from './diagnostic.js';
import { locate } from './rule.js';

/**
 * TL034 for a committee whose row differs from what the cells naming it as their parent add up to, wherever the
 * cells are (a flat list with "Mã cấp trên", another file): when its "Số chi bộ trực thuộc" says every cell is
 * there, or when the cells add up to more than it has (a part of its cells can never do that). A difference the recogniser already said, for cells
 * listed under their committee, at the same cell, is not said twice.
 */
export function treeDiagnostics(committees: readonly CommitteeTree[], already: readonly Diagnostic[]): Diagnostic[] {
  const said = new Set(already.filter((d) => d.code === 'TL034').map((d) => `${d.location.file}\u0000${d.location.sheet ?? ''}\u0000${d.location.cell ?? ''}`));
  const out: Diagnostic[] = [];
  for (const c of committees) {
    for (const [id, own] of Object.entries(c.own) as [keyof CommitteeTree['own'], number][]) {
      const sum = c.fromCells[id];
      if (sum === undefined || sum === own || (!c.complete && sum < own)) continue;
      const d = locate('TL034', c.row, { column: id, args: { label: COLUMN_LABELS[id], value: own, expected: sum, count: c.cells, parent: c.code ?? c.name } });
      if (!said.has(`${d.location.file}\u0000${d.location.sheet ?? ''}\u0000${d.location.cell ?? ''}`)) out.push(d);
    }
  }
  return out;
}
