import type { Lang } from '../check/catalogue.js';
import type { Summary } from '../rollup/summary.js';
import { label } from './labels.js';
import { summarySections } from './sections.js';

/** The summary as a Markdown table, ready to paste into a report or a wiki. */
export function renderMarkdown(s: Summary, o: { readonly lang: Lang; readonly trusted: boolean }): string {
  // "|" would end the cell; text from the inputs that a spreadsheet would run as a formula ("=HYPERLINK(…)",
  // "@SUM(…)") gets a backslash, CommonMark's escape: it reads the same rendered, and pasted raw it is no formula.
  const cell = (t: string): string => t.replace(/\|/g, '\\|').replace(/^\s*([=+\-@])(?=\S)/, '\\$1').replace(/^[\t\r]+/, '');
  const periods = s.periods.length > 0 ? ` — ${label('period', o.lang)} ${s.periods.join(', ')}` : '';
  const out = [`## ${label('title', o.lang)}${periods}`, ''];
  if (!o.trusted) out.push(`> **${label('untrusted', o.lang)}**`, '');
  out.push(`| ${label('figure', o.lang)} | ${label('value', o.lang)} |`, '|---|---:|');
  for (const section of summarySections(s, o)) {
    out.push(`| **${cell(section.title)}** | |`);
    for (const line of section.lines) out.push(`| ${'&nbsp;&nbsp;'.repeat(line.depth)}${cell(line.label)} | ${cell(line.value)} |`);
  }
  return `${out.join('\n')}\n`;
}

/**
 * The summary as CSV (section, figure, count, of, percent), for a spreadsheet or a script: numbers as JSON writes
 * them (decimal point, no grouping), UTF-8 with a BOM so that Excel shows the Vietnamese labels right.
 */
export function renderCsv(s: Summary): string {
  const rows: (string | number | null)[][] = [['section', 'figure', 'count', 'of', 'percent']];
  const share = (section: string, figure: string, x: { count: number; of: number; percent: number | null }): void => {
    rows.push([section, figure, x.count, x.of, x.percent]);
  };
  const count = (section: string, figure: string, value: number | null): void => {
    rows.push([section, figure, value, null, null]);
  };
  const o = s.organizations;
  count('organizations', 'total', o.total);
  count('organizations', 'dang_bo_co_so', o.byType.dang_bo_co_so);
  count('organizations', 'chi_bo_co_so', o.byType.chi_bo_co_so);
  count('organizations', 'cells', o.cells);
  for (const x of o.bySector) count('organizations.bySector', x.sector, x.count);
  for (const [name, block] of [['organizations', o], ['memberRatings', s.memberRatings]] as const) {
    count(name, 'rated', block.rated);
    for (const level of ['HTXSNV', 'HTTNV', 'HTNV', 'KHTNV'] as const) share(name, level, { count: block.ratings[level], of: block.rated, percent: block.distribution[level] });
    share(name, 'goodOrBetter', block.goodOrBetter);
    share(name, 'excellent', block.excellent);
  }
  const m = s.members;
  count('members', 'start', m.start);
  for (const k of ['admitted', 'transferredIn', 'reinstated', 'transferredOut', 'deceased', 'expelled', 'removed', 'resigned', 'end'] as const) count('members', k, m[k]);
  if (m.admissionRate) share('members', 'admissionRate', m.admissionRate);
  if (m.probationaryShare) share('members', 'probationary', m.probationaryShare);
  if (m.womenShare) share('members', 'women', m.womenShare);
  for (const i of s.indicators) count('indicators', i.name, i.total);
  return `\ufeff${csvLines(rows)}`;
}

/** CSV rows, CRLF-ended, with text a spreadsheet would run as a formula defused. */
export function csvLines(rows: readonly (readonly (string | number | null)[])[]): string {
  const field = (v: string | number | null): string => {
    if (v === null) return '';
    // Text from the inputs (a sector, an indicator's header) that a spreadsheet would run as a formula ("=HYPERLINK(…)",
    // "+1", "@SUM(…)", "-2+3") is written with a leading ', as OWASP advises; numbers are numbers.
    const t = typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : String(v);
    return /[",\n\r]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
  };
  return rows.map((r) => `${r.map(field).join(',')}\r\n`).join('');
}
