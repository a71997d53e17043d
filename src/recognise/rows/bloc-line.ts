import { BLOC_LINE, startsWith, TOTAL_SYMBOL } from '../patterns.js';
import { defineRowKind } from './kind.js';

/**
 * The bloc's own line ("Đảng bộ Khối Các cơ quan tỉnh | 215", "TC", "Σ") is its total. It is told by its name as
 * the title gives it ("ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH"): a unit may well be called "Đảng bộ Khối Văn phòng Tổng công ty".
 */
export const blocLine = defineRowKind({
  name: 'bloc-line', reason: 'total', effect: 'bloc-total',
  test: (v, ctx) => v.anyCount && !v.isUnit
    && ((ctx.titleLines.size > 0 && startsWith(BLOC_LINE, v.lower, () => v.folded) && ctx.titleLines.has(v.folded)) || TOTAL_SYMBOL.test(v.label)),
});
