import { RATING_LABELS } from '../../recognise/vocabulary.js';
import { defineRule } from '../rule.js';
import { hasMemberRatings, memberRated } from './util.js';

/**
 * An organisation rated good or better needs every member at "completed" or better, and at least half of
 * its rated members good or better.
 */
export const ratingConsistency = defineRule({
  code: 'TL044',
  check(row) {
    if ((row.rating !== 'HTXSNV' && row.rating !== 'HTTNV') || !hasMemberRatings(row)) return undefined;
    const c = row.counts;
    const value = RATING_LABELS[row.rating];
    if ((c.membersKHTNV ?? 0) > 0) {
      return { column: 'membersKHTNV', args: { value, reason: `có ${c.membersKHTNV} đảng viên không hoàn thành nhiệm vụ`, reasonEn: `${c.membersKHTNV} of its members are rated not completed` } };
    }
    const rated = memberRated(row);
    const good = (c.membersHTXSNV ?? 0) + (c.membersHTTNV ?? 0);
    if (rated > 0 && good * 2 < rated) {
      return { column: 'membersHTTNV', args: { value, reason: `chỉ ${good}/${rated} đảng viên hoàn thành tốt nhiệm vụ trở lên`, reasonEn: `only ${good} of ${rated} members are rated good or better` } };
    }
    return undefined;
  },
});
