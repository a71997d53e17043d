import type { Lang } from '../check/catalogue.js';
import type { Comparison } from '../rollup/compare.js';
import type { Summary } from '../rollup/summary.js';
import type { AlignedSection } from './columns.js';
import { alignSections } from './columns.js';
import { label } from './labels.js';
import { periodLabel } from './period-labels.js';
import { blankOr, compareRows, periodName, unitChangeLines, type PeriodColumn } from './periods-table.js';
import type { Figure } from './table.js';
import { csvLines } from './markdown.js';

const cell = (t: string): string => t.replace(/\|/g, '\\|');

function mdTable(title: string, heads: readonly string[], sections: readonly AlignedSection[], cells: (l: AlignedSection['lines'][number]) => string[], trusted: boolean, lang: Lang): string[] {
  const out = [`## ${title}`, ''];
  if (!trusted) out.push(`> **${label('untrusted', lang)}**`, '');
  out.push(`| ${heads.map(cell).join(' | ')} |`, `|---|${heads.slice(1).map(() => '---:').join('|')}|`);
  for (const section of sections) {
    out.push(`| **${cell(section.title)}** |${heads.slice(1).map(() => ' ').join('|')}|`);
    for (const line of section.lines) out.push(`| ${'&nbsp;&nbsp;'.repeat(line.depth)}${cell(line.label)} | ${cells(line).map(cell).join(' | ')} |`);
  }
  return out;
}

/** `--previous --format md`: the figures of both periods and the change, then the organisations that came and went. */
export function renderCompareMarkdown(current: Summary, c: Comparison, o: { lang: Lang; trusted: boolean; files: number }): string {
  const { sections, change } = compareRows(current, c, o.lang);
  const prev = periodName(c.previous, o.lang, 'previousColumn');
  const cur = periodName(current, o.lang, 'currentColumn');
  const out = mdTable(periodLabel('compareTitle', o.lang, { current: cur, previous: prev, files: o.files }),
    [label('figure', o.lang), prev, cur, periodLabel('change', o.lang)], sections, (l) => [...blankOr(l), change(l)], o.trusted, o.lang);
  out.push('');
  for (const line of unitChangeLines(current, c, o.lang)) out.push(line.startsWith('  - ') ? `- ${cell(line.slice(4))}` : line.startsWith('  ') ? line.trim() : `${cell(line)}\n`);
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n')}\n`;
}

/** `--by-period --format md`: one column per period. */
export function renderSeriesMarkdown(periods: readonly PeriodColumn[], o: { lang: Lang; trusted: boolean; files: number }): string {
  const latest = periods[periods.length - 1]?.period ?? '';
  const title = periodLabel('seriesTitle', o.lang, { periods: periods.map((p) => p.period).join(', '), latest, files: o.files });
  const sections = alignSections(periods.map((p) => p.summary), o.lang);
  return `${mdTable(title, [label('figure', o.lang), ...periods.map((p) => p.period)], sections, blankOr, o.trusted, o.lang).join('\n')}\n`;
}

type Field = string | number | null;

function csvText(rows: readonly Field[][]): string {
  return `\ufeff${csvLines(rows)}`;
}

const nums = (f: Figure | undefined): Field[] => (f ? [f.count, f.of ?? null, f.percent ?? null] : [null, null, null]);

/**
 * `--previous --format csv`: section, figure, then count, of and percent of each period, then the change (count
 * and percentage points); the organisations that came and went as rows of the sections "appeared" and "disappeared".
 */
export function renderCompareCsv(current: Summary, c: Comparison, lang: Lang): string {
  const rows: Field[][] = [['section', 'figure', 'previous_count', 'previous_of', 'previous_percent', 'count', 'of', 'percent', 'change', 'change_points']];
  for (const section of alignSections([c.previous, current], lang)) {
    for (const line of section.lines) {
      const [p, q] = line.figures;
      if (!p && !q) continue;
      const change = p && q ? q.count - p.count : null;
      const pts = p?.percent !== undefined && p.percent !== null && q?.percent !== undefined && q.percent !== null && p.of !== undefined
        ? Math.round((q.percent - p.percent) * 10 ** current.options.decimals) / 10 ** current.options.decimals : null;
      rows.push([section.title, line.label, ...nums(p), ...nums(q), change, pts]);
    }
  }
  for (const u of c.change.units.appeared) rows.push(['appeared', `${u.code ? `${u.code} ` : ''}${u.name}`, null, null, null, null, null, null, null, null]);
  for (const u of c.change.units.disappeared) rows.push(['disappeared', `${u.code ? `${u.code} ` : ''}${u.name}`, null, null, null, null, null, null, null, null]);
  return csvText(rows);
}

/** `--by-period --format csv`: section, figure, then count, of and percent of each period. */
export function renderSeriesCsv(periods: readonly PeriodColumn[], lang: Lang): string {
  const head: Field[] = ['section', 'figure'];
  for (const p of periods) head.push(`${p.period}_count`, `${p.period}_of`, `${p.period}_percent`);
  const rows: Field[][] = [head];
  for (const section of alignSections(periods.map((p) => p.summary), lang)) {
    for (const line of section.lines) {
      if (line.figures.every((f) => !f)) continue;
      rows.push([section.title, line.label, ...line.figures.flatMap(nums)]);
    }
  }
  return csvText(rows);
}
