import { defineRowKind } from './kind.js';

/** The title printed again above the header on the next page. */
export const titleRepeated = defineRowKind({
  name: 'title-repeated', reason: 'title',
  test: (v, ctx) => !v.anyCount && ctx.titleLines.size > 0 && ctx.titleLines.has(v.folded),
});
