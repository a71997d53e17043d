import type { Diagnostic } from './diagnostic.js';
import { locate } from './rule.js';
import type { PeriodStart } from './workbook.js';

/**
 * TL036: a file read into a series of periods that says no period (no year in its title, no Năm column): its
 * figures belong to no column of the series and to no year of a streak. Said at its first unit row's name.
 */
export function periodMissing(start: PeriodStart): Diagnostic {
  return locate('TL036', start, { column: 'name', args: { value: start.source.file } });
}


/**
 * TL037: the previous period's inputs are of the same period as the current ones: a comparison of a year with
 * itself is most likely the wrong folder. Said at the first row of the previous inputs.
 */
export function previousSamePeriod(start: PeriodStart, period: string): Diagnostic {
  return locate('TL037', start, { column: start.columns.period !== undefined ? 'period' : 'name', args: { value: period } });
}
