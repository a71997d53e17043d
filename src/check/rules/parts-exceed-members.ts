import { COLUMN_LABELS } from '../../recognise/columns.js';
import { defineRule } from '../rule.js';

const PARTS = ['probationary', 'women', 'admitted'] as const;

/** "Trong đó" figures (probationary, women, admitted) are parts of the members and cannot exceed them. */
export const partsExceedMembers = defineRule({
  code: 'TL023',
  check(row) {
    for (const id of PARTS) {
      const v = row.counts[id];
      if (v !== undefined && v > row.counts.members) {
        return { column: id, args: { label: COLUMN_LABELS[id], value: v, expected: row.counts.members } };
      }
    }
    return undefined;
  },
});
