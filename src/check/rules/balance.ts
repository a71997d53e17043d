import { defineRule } from '../rule.js';

/**
 * members = start + admitted + transferred in + reinstated − transferred out − deceased − expelled − removed −
 * resigned (Biểu 1: D = A + B − C, with "Phục hồi đảng tịch" among the increases).
 */
const MOVEMENTS = ['admitted', 'transferredIn', 'reinstated', 'transferredOut', 'deceased', 'expelled', 'removed', 'resigned'] as const;

export const balance = defineRule({
  code: 'TL021',
  check(row) {
    const c = row.counts;
    if (c.membersStart === undefined) return undefined;
    // With no column for any movement (only "Tăng trong năm | Giảm trong năm" totals, or none), the start and the
    // end may differ by what the table does not say: nothing to check.
    if (!MOVEMENTS.some((id) => row.columns[id] !== undefined || c[id] !== undefined)) return undefined;
    const expected = c.membersStart + (c.admitted ?? 0) + (c.transferredIn ?? 0) + (c.reinstated ?? 0) - (c.transferredOut ?? 0)
      - (c.deceased ?? 0) - (c.expelled ?? 0) - (c.removed ?? 0) - (c.resigned ?? 0);
    return expected === c.members ? undefined : { column: 'members', args: { value: c.members, expected } };
  },
});
