import { defineRowKind } from './kind.js';
import { isTotalLabel } from './labels.js';

/** "Tổng cộng", "Cộng", "Toàn khối": a total or a section's subtotal, checked against the rows it covers. */
export const total = defineRowKind({
  name: 'total', reason: 'total', effect: 'total',
  test: (v) => !v.isUnit && isTotalLabel(v.label, () => v.folded) && (v.anyCount || v.folded.split(' ').length <= 3),
});
