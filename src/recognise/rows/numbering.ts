import { NUMBERING_TOKEN } from '../patterns.js';
import { defineRowKind } from './kind.js';
import { isNumberingRow } from './labels.js';

/** The numbering row under the header ("(1) (2) (3)"), also where a printed page repeats it. */
export const numbering = defineRowKind({
  name: 'numbering', reason: 'numbering', quiet: true,
  test: (v, ctx) => (v.r === ctx.layout.header.bottom + 1 || (v.name !== '' && NUMBERING_TOKEN.test(v.name)))
    && isNumberingRow(v.row, ctx.layout.header.columns),
});
