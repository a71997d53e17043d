import { defineRule } from '../rule.js';

/** HTXSNV members at most 20% of those rated good or better, in each organisation (HD 21-HD/BTCTW). */
export const memberQuota = defineRule({
  code: 'TL041',
  check(row, ctx) {
    const x = row.counts.membersHTXSNV ?? 0;
    const base = x + (row.counts.membersHTTNV ?? 0);
    const max = Math.floor(base * ctx.thresholds.excellentQuota + 1e-9);
    return x > max ? { column: 'membersHTXSNV', args: { value: x, base, expected: max, quota: ctx.thresholds.excellentQuota * 100 } } : undefined;
  },
});
