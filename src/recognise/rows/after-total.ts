import { OUTLINE } from '../patterns.js';
import { defineRowKind } from './kind.js';

/**
 * After the bloc's closing total, a line of text with no figures starts what is not the table: notes, or a second
 * small table ("TỔNG HỢP THEO LOẠI HÌNH") whose rows are not units.
 */
export const afterTotal = defineRowKind({
  name: 'after-total', reason: 'note', effect: 'end',
  test: (v, ctx) => ctx.afterGrandTotal && !v.anyCount && !OUTLINE.test(v.label),
});
