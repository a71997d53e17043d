import { COMPARISON, startsWith } from '../patterns.js';
import { defineRowKind } from './kind.js';

/** "So với cùng kỳ năm 2022", "Tỷ lệ (%)", "Tăng/giảm": a comparison under the table, not a unit. */
export const comparison = defineRowKind({
  name: 'comparison', reason: 'comparison',
  test: (v) => !v.isUnit && startsWith(COMPARISON, v.lower, () => v.folded),
});
