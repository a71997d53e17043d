import { cellText } from '../normalise.js';
import { ORG_NAME, SECTION_NUMBER } from '../patterns.js';
import { parseOrgType } from '../vocabulary.js';
import { defineRowKind } from './kind.js';

/**
 * "1 | Khối Doanh nghiệp | 205" with "1.1", "1.2" below it: a numbered section, unless it is a committee (whose
 * cells those would be). The next row is looked up in the rows at hand (all of a workbook's, the first of a
 * streamed CSV).
 */
export const section = defineRowKind({
  name: 'section', reason: 'group', effect: 'group',
  test: (v, ctx) => {
    const n = SECTION_NUMBER.exec(v.sttText)?.[1];
    const { sttCol, columns } = ctx.layout;
    if (n === undefined || sttCol === undefined || v.label === '') return false;
    const nextStt = cellText(ctx.sheet.rows[v.r + 1]?.[sttCol] ?? null);
    if (!nextStt.startsWith(`${n}.`) || ORG_NAME.test(v.folded)) return false;
    const typeText = columns.type === undefined ? '' : cellText(v.row[columns.type] ?? null);
    return typeText === '' || parseOrgType(typeText) === undefined;
  },
});
