import Table from 'cli-table3';
import { Chalk } from 'chalk';
import type { Lang } from '../check/catalogue.js';
import type { Summary } from '../rollup/summary.js';
import { summarySections } from './sections.js';
import { formatCount } from './format.js';
import { label, type LabelKey } from './labels.js';

export interface TableOptions {
  readonly lang: Lang;
  readonly color: boolean;
  /** False when the data have errors and the user forced the summary out anyway. */
  readonly trusted: boolean;
  readonly files: number;
  readonly rows: { readonly read: number; readonly counted: number; readonly skipped: number };
}

export { summarySections, type Figure, type Section } from './sections.js';

/** The terminal table: one figure a line. */
export function renderTable(s: Summary, o: TableOptions): string {
  const c = new Chalk({ level: o.color ? 1 : 0 });
  const L = (k: LabelKey): string => label(k, o.lang);
  const n = (x: number): string => formatCount(x, o.lang);
  const table = new Table({
    head: [c.bold(L('figure')), c.bold(L('value'))],
    style: { head: [], border: [], compact: true },
    colAligns: ['left', 'right'],
  });
  for (const section of summarySections(s, o)) {
    table.push([{ colSpan: 2, content: c.bold.cyan(section.title.toUpperCase()) }]);
    for (const line of section.lines) table.push(['  '.repeat(line.depth) + line.label, line.value]);
  }
  const periods = s.periods.length > 0 ? ` — ${label('period', o.lang)} ${s.periods.join(', ')}` : '';
  const title = `${L('title')}${periods} (${o.files} ${L('files')})`;
  const out = [o.trusted ? c.bold(title) : c.bold.red(`${title} — ${L('untrusted')}`), table.toString(),
    c.dim(label('rowsLine', o.lang, { read: n(o.rows.read), counted: n(o.rows.counted), skipped: n(o.rows.skipped) }))];
  return `${out.join('\n')}\n`;
}
