import { closestColumn } from '../closest.js';
import { LIST_HEADER_ROWS } from '../patterns.js';
import { defineSheetKind } from './kind.js';
import type { SheetLook } from './look.js';

/** The header-like row of a sheet with no table, each text with the known column it most nearly spells. */
function headersFound(look: SheetLook): string {
  let best: string[] = [];
  for (const row of look.sheet.rows.slice(0, LIST_HEADER_ROWS)) {
    // Texts with letters: a numbering row ("1 | 2 | 4(=2*100/3)") is not what a user would call a header.
    const texts = row.filter((v): v is string => typeof v === 'string' && /\p{L}/u.test(v)).map((v) => v.trim().replace(/\s+/g, ' '));
    if (texts.length > best.length) best = texts;
  }
  if (best.length === 0) return '(không có / none)';
  return best.slice(0, 15).map((t) => {
    const near = closestColumn(t);
    return near ? `"${t}" (gần với / close to "${near.label}")` : `"${t}"`;
  }).join(', ');
}

/** Nothing tally reads: the last kind, which every sheet passes. */
export const noTable = defineSheetKind({
  kind: 'no-table',
  test: (look) => ({ kind: 'no-table', headers: look.sheet.rows.length === 0 ? '' : headersFound(look) }),
});
