import { defineRule } from '../rule.js';
import { hasMemberRatings, memberRated } from './util.js';

/** Members rated cannot exceed those eligible: members less the exempt and the not rated. */
export const ratedEligible = defineRule({
  code: 'TL045',
  check(row) {
    const c = row.counts;
    if (!hasMemberRatings(row) || (c.membersNotRated === undefined && c.membersExempt === undefined)) return undefined;
    const eligible = c.members - (c.membersNotRated ?? 0) - (c.membersExempt ?? 0);
    const rated = memberRated(row);
    return rated > eligible ? { column: 'membersHTXSNV', args: { value: rated, expected: eligible } } : undefined;
  },
});
