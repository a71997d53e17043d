import { planColumns } from '../layout.js';
import { categoryRows } from './category-form.js';
import { indicatorRows } from './indicator-form.js';
import { defineSheetKind } from './kind.js';
import { isMemberList } from './member-list.js';

/**
 * A table of organisations, one per row: a header with at least a name or a member count and one more known
 * column. A form with its figures as row labels has a header of sorts but no organisations (said as an indicator
 * form, not as one error per row); with no name column (nor a unit named in the title), a form counting by type
 * or a list of members has no units to add.
 */
export const unitTable = defineSheetKind({
  kind: 'unit-table',
  test: (look) => {
    const header = look.header;
    if (!header) return undefined;
    if (!look.hasNameColumn && indicatorRows(look)) return undefined;
    const plan = planColumns(look.sheet, header);
    if (plan.columns.name === undefined && !plan.titleName && (categoryRows(look) || isMemberList(look))) return undefined;
    return { kind: 'unit-table', plan };
  },
});
