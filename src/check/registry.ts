import { admittedProbationary } from './rules/admitted-probationary.js';
import { balance } from './rules/balance.js';
import { cellWithoutParent } from './rules/cell-without-parent.js';
import { fullMembers } from './rules/full-members.js';
import { memberQuota } from './rules/member-quota.js';
import { partsExceedMembers } from './rules/parts-exceed-members.js';
import { ratedEligible } from './rules/rated-eligible.js';
import { ratingConsistency } from './rules/rating-consistency.js';
import { ratingsExceedMembers } from './rules/ratings-exceed-members.js';
import type { RowRule } from './rule.js';

/** Every rule that looks at one row at a time. Rules across rows live in `checker.ts`. */
export const ROW_RULES: readonly RowRule[] = [
  balance, ratingsExceedMembers, partsExceedMembers, memberQuota, admittedProbationary, fullMembers, ratingConsistency,
  ratedEligible, cellWithoutParent,
];
