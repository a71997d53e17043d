import { defineRule } from '../rule.js';

/**
 * members = start + admitted + transferred in + reinstated − transferred out − deceased − expelled − removed −
 * resigned (Biểu 1: D = A + B − C, with "Phục hồi đảng tịch" among the increases).
 */
export const balance = defineRule({
  code: 'TL021',
  check(row) {
    const c = row.counts;
    if (c.membersStart === undefined) return undefined;
    const expected = c.membersStart + (c.admitted ?? 0) + (c.transferredIn ?? 0) + (c.reinstated ?? 0) - (c.transferredOut ?? 0)
      - (c.deceased ?? 0) - (c.expelled ?? 0) - (c.removed ?? 0) - (c.resigned ?? 0);
    return expected === c.members ? undefined : { column: 'members', args: { value: c.members, expected } };
  },
});
