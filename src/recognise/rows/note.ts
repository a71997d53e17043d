import { NOTE_START, SURE_NOTE } from '../patterns.js';
import { defineRowKind } from './kind.js';

/**
 * Notes and signatures carry no figures: "Người lập biểu", "T/M BAN THƯỜNG VỤ", "…, ngày 20 tháng 12 năm 2023".
 * Before any unit only the unmistakable ones count (a template sent back empty ends with its signature block).
 */
export const note = defineRowKind({
  name: 'note', reason: 'note', effect: 'end',
  test: (v, ctx) => !v.anyCount && (ctx.rowsCounted > 0 ? NOTE_START : SURE_NOTE).test(v.folded),
});
