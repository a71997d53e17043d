import Table from 'cli-table3';
import { Chalk } from 'chalk';
import type { Lang } from '../check/catalogue.js';
import type { Comparison } from '../rollup/compare.js';
import type { Summary } from '../rollup/summary.js';
import type { UnitRef } from '../rollup/unit-match.js';
import { alignSections, changeText, type AlignedSection } from './columns.js';
import { label } from './labels.js';
import { periodLabel } from './period-labels.js';

/** One period of a series as the renderers take it. */
export interface PeriodColumn {
  readonly period: string;
  readonly files: readonly string[];
  readonly summary: Summary;
}

export interface ColumnsOptions {
  readonly lang: Lang;
  readonly color: boolean;
  readonly trusted: boolean;
  readonly files: number;
}

/** A period's name for a column or a sentence: the periods its inputs read as, or "kỳ trước" / "kỳ này". */
export function periodName(s: Summary, lang: Lang, fallback: 'previousColumn' | 'currentColumn'): string {
  return s.periods.length > 0 ? s.periods.join(', ') : periodLabel(fallback, lang);
}

/** The rows of a comparison: every figure's previous value, current value and change. */
export function compareRows(current: Summary, c: Comparison, lang: Lang): { sections: AlignedSection[]; change: (line: AlignedSection['lines'][number]) => string } {
  const sections = alignSections([c.previous, current], lang);
  const d = current.options.decimals;
  return { sections, change: (line) => changeText(line.figures[0], line.figures[1], d, lang) };
}

const unitText = (u: UnitRef): string => `${u.code ? `${u.code} ` : ''}${u.name}`;

/** The organisations that came and went, and how many the periods share: lines under a comparison. */
export function unitChangeLines(current: Summary, c: Comparison, lang: Lang): string[] {
  const u = c.change.units;
  const names = { current: periodName(current, lang, 'currentColumn'), previous: periodName(c.previous, lang, 'previousColumn') };
  const lines = [periodLabel('matched', lang, { count: u.matched.byCode + u.matched.byName, byCode: u.matched.byCode, byName: u.matched.byName })];
  if (u.appearedCount === 0 && u.disappearedCount === 0) lines.push(periodLabel('noneChanged', lang, names));
  const list = (key: 'appeared' | 'disappeared', refs: readonly UnitRef[], count: number): void => {
    if (count === 0) return;
    lines.push(periodLabel(key, lang, { ...names, count }));
    for (const r of refs) lines.push(`  - ${unitText(r)}`);
    if (count > refs.length) lines.push(`  ${periodLabel('more', lang, { count: count - refs.length })}`);
  };
  list('appeared', u.appeared, u.appearedCount);
  list('disappeared', u.disappeared, u.disappearedCount);
  return lines;
}

/** A line's values, "—" where a period has no such figure (a heading line such as "Theo lĩnh vực" stays blank). */
export function blankOr(line: AlignedSection['lines'][number]): string[] {
  const heading = line.figures.every((f) => f === undefined);
  return line.values.map((v) => v ?? (heading ? '' : '—'));
}

function columnsTable(title: string, heads: readonly string[], sections: readonly AlignedSection[], cells: (line: AlignedSection['lines'][number]) => string[], o: ColumnsOptions): string {
  const c = new Chalk({ level: o.color ? 1 : 0 });
  const table = new Table({
    head: heads.map((h) => c.bold(h)),
    style: { head: [], border: [], compact: true },
    colAligns: ['left', ...heads.slice(1).map(() => 'right' as const)],
  });
  for (const section of sections) {
    table.push([{ colSpan: heads.length, content: c.bold.cyan(section.title.toUpperCase()) }]);
    for (const line of section.lines) table.push(['  '.repeat(line.depth) + line.label, ...cells(line)]);
  }
  return `${o.trusted ? c.bold(title) : c.bold.red(`${title} — ${label('untrusted', o.lang)}`)}\n${table.toString()}`;
}

/** `--previous` on the terminal: a column for each period and one for the change. */
export function renderCompareTable(current: Summary, comparison: Comparison, o: ColumnsOptions): string {
  const { sections, change } = compareRows(current, comparison, o.lang);
  const prev = periodName(comparison.previous, o.lang, 'previousColumn');
  const cur = periodName(current, o.lang, 'currentColumn');
  const title = periodLabel('compareTitle', o.lang, { current: cur, previous: prev, files: o.files });
  const heads = [label('figure', o.lang), prev, cur, periodLabel('change', o.lang)];
  const table = columnsTable(title, heads, sections, (l) => [...blankOr(l), change(l)], o);
  return `${table}\n${unitChangeLines(current, comparison, o.lang).join('\n')}\n`;
}

/** `--by-period` on the terminal: one column per period, in period order; the latest, last, is the headline. */
export function renderSeriesTable(periods: readonly PeriodColumn[], o: ColumnsOptions): string {
  const sections = alignSections(periods.map((p) => p.summary), o.lang);
  const latest = periods[periods.length - 1]?.period ?? '';
  const title = periodLabel('seriesTitle', o.lang, { periods: periods.map((p) => p.period).join(', '), latest, files: o.files });
  const heads = [label('figure', o.lang), ...periods.map((p) => p.period)];
  return `${columnsTable(title, heads, sections, blankOr, o)}\n`;
}
