import { defineRowKind } from './kind.js';

/**
 * A row of figures with no label and no STT under units (an `=SUM(…)` row someone did not name) whose member
 * count is the sum of the rows above (of the table, or of the open group) and most of its figures agree: a total,
 * checked against those rows as "Tổng cộng" is (a figure that differs is TL030), not a unit without a name (TL016).
 * From two units up: under one unit its own figures copied would pass for their sum.
 */
export const unlabelledTotal = defineRowKind({
  name: 'unlabelled-total', reason: 'total', effect: 'total',
  test: (v, ctx) => v.label === '' && v.anyCount && !v.isUnit && ctx.sumsAgree(v.values) !== undefined,
});
