import { COLUMN_LABELS } from '../recognise/columns.js';
import type { MemberList } from '../recognise/members/read.js';
import type { UnitRow } from '../recognise/table.js';
import { figureOf, LIST_FIGURES, type MemberFigures } from '../rollup/member-figures.js';
import { a1, diagnose, type Diagnostic } from './diagnostic.js';
import { locate } from './rule.js';

/** Where a list is named in a message: its file (and sheet). */
function listName(list: MemberList): string {
  return list.sheet ? `${list.file} [${list.sheet}]` : list.file;
}

/**
 * TL070: a figure of a member list (members, each level, not rated, exempt) that differs from the report's row of
 * the same organisation, one warning per figure, at the report's cell, with both figures. A figure the report has
 * no column for is not compared.
 */
export function memberListMismatches(list: MemberList, figures: MemberFigures, row: UnitRow): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const id of LIST_FIGURES) {
    const reported = row.counts[id];
    if (reported === undefined && row.columns[id] === undefined) continue;
    const listed = figureOf(figures, id);
    if ((reported ?? 0) === listed) continue;
    out.push(locate('TL070', row, { column: id, args: { label: COLUMN_LABELS[id], list: listName(list), value: listed, expected: reported ?? 0 } }));
  }
  return out;
}

/** TL013 at each person whose rating tally cannot read: the person counts among the members, at no level. */
export function unknownMemberRatings(list: MemberList): Diagnostic[] {
  return list.persons.filter((p) => p.rating === 'unknown' && p.ratingColumn !== undefined && p.ratingText !== '').map((p) => {
    const cell = a1(p.row - 1, p.ratingColumn ?? 0);
    return diagnose('TL013', { file: list.file, sheet: list.sheet, row: p.row, cell }, { cell, value: p.ratingText, name: p.name });
  });
}
