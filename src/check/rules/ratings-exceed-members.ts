import { defineRule } from '../rule.js';
import { memberRated } from './util.js';

/** The member rating levels cannot add up to more than the members. */
export const ratingsExceedMembers = defineRule({
  code: 'TL022',
  check(row) {
    const rated = memberRated(row);
    return rated > row.counts.members ? { column: 'membersHTXSNV', args: { value: rated, expected: row.counts.members } } : undefined;
  },
});
