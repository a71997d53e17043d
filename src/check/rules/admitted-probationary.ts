import { defineRule } from '../rule.js';

/** Members admitted during the year are normally still probationary at its end. */
export const admittedProbationary = defineRule({
  code: 'TL042',
  check(row) {
    const { admitted, probationary } = row.counts;
    if (admitted === undefined || probationary === undefined) return undefined;
    return admitted > probationary ? { column: 'admitted', args: { value: admitted, expected: probationary } } : undefined;
  },
});
