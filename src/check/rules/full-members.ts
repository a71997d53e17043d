import { defineRule } from '../rule.js';
import { isGrassroots } from './util.js';

/** A grassroots organisation needs at least three full (chính thức) members. */
export const fullMembers = defineRule({
  code: 'TL043',
  check(row, ctx) {
    if (!isGrassroots(row)) return undefined;
    const full = row.counts.members - (row.counts.probationary ?? 0);
    // More probationary than members is TL023's error: "-2 full members" would only repeat it, wrongly.
    if (full < 0) return undefined;
    return full < ctx.thresholds.minFullMembers ? { column: 'members', args: { value: full, expected: ctx.thresholds.minFullMembers } } : undefined;
  },
});
