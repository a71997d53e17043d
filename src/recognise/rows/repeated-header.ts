import { defineRowKind } from './kind.js';

/** The header again at the top of a printed page (print titles copied into the sheet), one row or several. */
export const repeatedHeader = defineRowKind({
  name: 'repeated-header', reason: 'repeated-header', quiet: true,
  test: (v, ctx) => (!v.anyCount || isOneOf(ctx.headerNames, v.name)) && ctx.headerKeys.has(ctx.rowKey(v.row)),
});

/** The header's few names compared one by one (a name of another length is told at once), not hashed on every row. */
function isOneOf(names: ReadonlySet<string>, name: string): boolean {
  if (names.size > 4) return names.has(name);
  for (const n of names) if (n === name) return true;
  return false;
}
