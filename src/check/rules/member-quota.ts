import { defineRule } from '../rule.js';

/**
 * HTXSNV members at most 20% of those rated good or better, in each organisation (HD 21-HD/BTCTW). Judged only
 * where the table gives both figures: the HTXSNV members, and the base, as an HTTNV column (the base is the two
 * together) or a "HTTNV trở lên" column. A table with an HTXSNV column alone says nothing of the base.
 */
export const memberQuota = defineRule({
  code: 'TL041',
  check(row, ctx) {
    const { columns, counts } = row;
    if (columns.membersHTXSNV === undefined || (columns.membersHTTNV === undefined && columns.membersGoodOrBetter === undefined)) return undefined;
    const x = counts.membersHTXSNV ?? 0;
    const base = columns.membersGoodOrBetter !== undefined && columns.membersHTTNV === undefined
      ? counts.membersGoodOrBetter ?? 0
      : x + (counts.membersHTTNV ?? 0);
    const max = Math.floor(base * ctx.thresholds.excellentQuota + 1e-9);
    return x > max ? { column: 'membersHTXSNV', args: { value: x, base, expected: max, quota: ctx.thresholds.excellentQuota * 100 } } : undefined;
  },
});
