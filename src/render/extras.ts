import type { ReportView } from './formats.js';

/**
 * What a report prints after its summary when asked for: the breakdown (--by) and the roster (--roster). JSON carries the same inside
 * its object; a workbook has them on sheets of their own (render/xlsx-extras.ts), a Word appendix as tables (render/docx-extras.ts).
 */
export async function reportExtras(format: string, view: ReportView): Promise<string> {
  if (format !== 'table' && format !== 'text' && format !== 'md' && format !== 'csv') return '';
  const parts: string[] = [];
  const roster = view.analysis.roster;
  const b = view.analysis.breakdown;
  if (b) {
    const { byTable, renderBy } = await import('./by-field.js');
    parts.push(renderBy(byTable(b, view.analysis.committees ?? [], view.lang), format, view.lang, view.summary.options.decimals));
  }
  if (roster) parts.push((await import('./roster.js')).renderRoster(roster, format, view.lang));
  return parts.join('');
}
