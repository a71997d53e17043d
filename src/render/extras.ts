import type { ReportView } from './formats.js';

/**
 * What a report prints after its summary when asked for: the roster (--roster). JSON carries the same inside
 * its object; a workbook or a Word document leaves it out.
 */
export async function reportExtras(format: string, view: ReportView): Promise<string> {
  if (format !== 'table' && format !== 'text' && format !== 'md' && format !== 'csv') return '';
  const parts: string[] = [];
  const roster = view.analysis.roster;
  if (roster) parts.push((await import('./roster.js')).renderRoster(roster, format, view.lang));
  return parts.join('');
}
