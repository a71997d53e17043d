import { defineRowKind } from './kind.js';
import { isTotalLabel } from './labels.js';

/**
 * A total said in words, in one cell, with no figures in the table's columns: "Tổng số: 88 đơn vị, 4288 đảng
 * viên", "Cộng: 5 chi bộ". A note under the table, not a unit without figures (which TL017 would call it); when the
 * figures stand in their columns ("Tổng số: 88 đơn vị | 4288"), `total` takes the row and checks them.
 */
export const summaryLine = defineRowKind({
  name: 'summary-line', reason: 'note',
  test: (v) => !v.anyCount && !v.isUnit && /^[^:]{2,40}:\s*[\d.,\s]*\d/.test(v.label) && isTotalLabel(v.label, () => v.folded),
});
