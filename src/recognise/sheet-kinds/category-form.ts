import { cellText, fold } from '../normalise.js';
import { NAME_SAMPLE_ROWS, NOTE_START, OUTLINE, OUTLINE_MARK } from '../patterns.js';
import { isTotalLabel } from '../rows/labels.js';
import { unitNameFromTitle } from '../title.js';
import { inferOrgType, parseOrgType } from '../vocabulary.js';
import { closestForm } from './closest-form.js';
import { defineSheetKind } from './kind.js';
import type { SheetLook } from './look.js';

/**
 * A sheet whose rows are categories, not organisations: Biểu 5 "TCCSĐ theo loại hình" ("1. Doanh nghiệp nhà
 * nước | 12 | 5 | 7 | 340"). It has no name column and no unit in its title; its labels stand under a type or
 * sector header or are numbered, and none names a chi bộ or đảng bộ. Returns a few labels for the message.
 */
export function categoryRows(look: SheetLook): string[] | undefined {
  return look.once('categoryRows', () => {
    const h = look.header;
    const sheet = look.sheet;
    if (!h || look.hasNameColumn || unitNameFromTitle(sheet, h.top)) return undefined;
    for (const col of h.columns) {
      const labels: string[] = [];
      for (const row of sheet.rows.slice(h.bottom + 1, h.bottom + NAME_SAMPLE_ROWS)) {
        const t = cellText(row[col.index] ?? null);
        if (!/\p{L}{2}/u.test(t) || isTotalLabel(t, () => fold(t)) || NOTE_START.test(fold(t))) continue;
        labels.push(t);
      }
      if (labels.length === 0) continue;
      const byHeader = col.meaning.kind === 'canonical' && (col.meaning.id === 'type' || col.meaning.id === 'sector');
      const numbered = labels.filter((l) => OUTLINE.test(l)).length * 2 >= labels.length;
      const units = labels.some((l) => inferOrgType(l.replace(OUTLINE_MARK, ''), false) !== undefined || parseOrgType(l) !== undefined);
      return labels.length >= 2 && (byHeader || numbered) && !units ? labels.slice(0, 4) : undefined;
    }
    return undefined;
  });
}

export const categoryForm = defineSheetKind({
  kind: 'category-form',
  test: (look) => {
    const examples = categoryRows(look);
    return examples ? { kind: 'category-form', examples, closest: closestForm(look.sheet) } : undefined;
  },
});
