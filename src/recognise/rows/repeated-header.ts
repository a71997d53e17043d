import { defineRowKind } from './kind.js';

/** The header again at the top of a printed page (print titles copied into the sheet), one row or several. */
export const repeatedHeader = defineRowKind({
  name: 'repeated-header', reason: 'repeated-header', quiet: true,
  test: (v, ctx) => (!v.anyCount || ctx.headerNames.has(v.name)) && ctx.headerKeys.has(ctx.rowKey(v.row)),
});
