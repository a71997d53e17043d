import { afterTotal } from './after-total.js';
import { blocLine } from './bloc-line.js';
import { comparison } from './comparison.js';
import { groupHeading } from './group-heading.js';
import { groupTotal } from './group-total.js';
import type { RowKind } from './kind.js';
import { note } from './note.js';
import { numbering } from './numbering.js';
import { page } from './page.js';
import { repeatedHeader } from './repeated-header.js';
import { section } from './section.js';
import { titleRepeated } from './title-repeated.js';
import { summaryLine } from './summary-line.js';
import { total } from './total.js';
import { unlabelledTotal } from './unlabelled-total.js';

/**
 * Every kind of row that is not a unit, in the order they are tried: the first whose test passes decides. A row
 * none of them takes is a unit (or a committee's cell: see walk/unit.ts).
 *
 * Why this order:
 * - `after-total` first: once the closing total is read, a text line without figures is not a unit, whatever it says.
 * - Then the rows told by their whole text or by having no figures: a title printed again, notes and signatures
 *   (which end the table), the numbering row, a header printed again, a page number.
 * - Then the rows told by their label's opening words: a comparison, the bloc's own line, a total. None of them
 *   is ever a row numbered or typed as a unit (`isUnit`), so "Tổng công ty …" with an STT stays a unit. The bloc's
 *   line before the plain total: both are totals, and the bloc's line closes the table as "Tổng cộng" does.
 * - A total said in words in one cell ("Tổng số: 88 đơn vị, 4288 đảng viên", no figures in the columns) before
 *   `total`, which would take its label for a total with nothing to check; a row of figures with no label at all
 *   after it: a total only when its figures are the sums above.
 * - Group headings last, when nothing above took the row: "TỔNG CỘNG" in capitals with no figures is a total, not
 *   the heading its capitals would make it. A heading without figures, then one carrying its group's totals, then
 *   a numbered section.
 */
export const ROW_KINDS: readonly RowKind[] = [
  afterTotal, titleRepeated, note, numbering, repeatedHeader, page, comparison, blocLine, summaryLine, total, unlabelledTotal, groupHeading,
  groupTotal, section,
];
