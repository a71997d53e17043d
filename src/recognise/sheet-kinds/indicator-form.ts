import { isCountColumn, type ColumnId } from '../columns.js';
import { matchPath } from '../header.js';
import { cellText } from '../normalise.js';
import { FORM_ROWS } from '../patterns.js';
import { readBieu7A } from './bieu-7a.js';
import { closestForm } from './closest-form.js';
import { defineSheetKind } from './kind.js';
import type { SheetLook } from './look.js';

const ROW_OUTLINE = /^\s*(?:[A-Za-zĐđ]|[IVXLC]+|\d{1,2}(?:\.\d{1,2})?)\s*[-–.):]\s*/;

/**
 * A statistical form laid out the other way round (Biểu 1 "Tăng, giảm đảng viên", Biểu 7A/7B): the indicators
 * are row labels ("1. Kết nạp", "2. Chuyển đến", "b) Hoàn thành tốt nhiệm vụ") and the columns are periods or
 * types. Such a sheet has no table of organisations to add up; this names a few of its rows for the message.
 * Undefined when fewer than three distinct known figures stand as row labels.
 */
export function indicatorRows(look: SheetLook): string[] | undefined {
  return look.once('indicatorRows', () => {
    const seen = new Map<ColumnId, string>();
    for (const row of look.sheet.rows.slice(0, FORM_ROWS)) {
      const label = row.find((v): v is string => typeof v === 'string' && /\p{L}{2}/u.test(v));
      if (label === undefined) continue;
      const text = cellText(label);
      const m = matchPath([text.replace(ROW_OUTLINE, '')]);
      if (m.kind === 'canonical' && isCountColumn(m.id) && !seen.has(m.id)) seen.set(m.id, text);
    }
    return seen.size >= 3 ? [...seen.values()] : undefined;
  });
}

export const indicatorForm = defineSheetKind({
  kind: 'indicator-form',
  test: (look) => {
    // A Biểu 7A counts a committee's organisations by rating: recognised as such, its sums checked, not rolled up.
    const bieu7a = readBieu7A(look.sheet);
    if (bieu7a) return { kind: 'indicator-form', examples: bieu7a.examples, closest: '7A', bieu7a };
    const examples = indicatorRows(look);
    return examples ? { kind: 'indicator-form', examples, closest: closestForm(look.sheet) } : undefined;
  },
});
