import type { AnalyseOptions, Analysis } from '../analyse/analyse.js';
import type { Lang } from '../check/catalogue.js';
import { fold } from '../recognise/normalise.js';
import type { UnitRow } from '../recognise/table.js';
import type { OrgType, RatingLevel } from '../recognise/vocabulary.js';
import { listedUnit, renderList, TYPE_SHORT, type ListFormat, type ListedUnit } from '../render/list.js';
import { EXIT, exitCode } from './exit-code.js';
import type { Io } from './io.js';

/** What `tally list` picks: every given condition must hold. */
export interface ListFilter {
  readonly rating?: RatingLevel | undefined;
  readonly type?: OrgType | 'all' | undefined;
  readonly sector?: string | undefined;
  readonly group?: string | undefined;
  readonly unrated?: boolean | undefined;
  readonly period?: string | undefined;
}

export interface ListOptions extends ListFilter {
  readonly format: ListFormat;
  readonly lang: Lang;
  readonly strict?: boolean;
  readonly quiet?: boolean;
}

/**
 * Whether a row is behind the figure asked for. Without --type, only grassroots organisations (ĐBCS, CBCS, and rows
 * of no known type), as the summary counts them: the count listed is the summary's figure.
 */
export function matches(row: UnitRow, f: ListFilter): boolean {
  if (f.type === undefined) {
    if (row.type === 'chi_bo_truc_thuoc' || row.type === 'dang_bo_bo_phan') return false;
  } else if (f.type !== 'all' && row.type !== f.type) return false;
  if (f.rating !== undefined && row.rating !== f.rating) return false;
  if (f.unrated && row.rating !== 'unrated') return false;
  if (f.sector !== undefined && fold(row.sector ?? '') !== fold(f.sector)) return false;
  if (f.group !== undefined && fold(row.group ?? '') !== fold(f.group)) return false;
  if (f.period !== undefined && fold(row.period ?? '') !== fold(f.period)) return false;
  return true;
}

/** The filter in words, as the count line says it: "HTNV, Chi bộ cơ sở, 2023". */
function filterWords(f: ListFilter, lang: Lang): string {
  const parts: string[] = [];
  if (f.rating) parts.push(f.rating);
  if (f.unrated) parts.push(lang === 'en' ? 'not rated' : 'chưa xếp loại');
  parts.push(f.type === undefined ? (lang === 'en' ? 'grassroots organisations' : 'tổ chức cơ sở đảng') : f.type === 'all' ? (lang === 'en' ? 'every unit' : 'mọi đơn vị') : TYPE_SHORT[f.type]);
  if (f.sector) parts.push(`${lang === 'en' ? 'sector' : 'lĩnh vực'} "${f.sector}"`);
  if (f.group) parts.push(`${lang === 'en' ? 'group' : 'nhóm'} "${f.group}"`);
  if (f.period) parts.push(`${lang === 'en' ? 'period' : 'kỳ'} ${f.period}`);
  return parts.join(', ');
}

type Analyse = (extra: Partial<AnalyseOptions>) => Promise<Analysis>;

/** `tally list`: the units behind a figure, with their file, sheet and row. Problems in the data go to stderr. */
export async function list(opts: ListOptions, io: Io, analyse: Analyse): Promise<number> {
  const listed: ListedUnit[] = [];
  const filter: ListFilter = { rating: opts.rating, type: opts.type, sector: opts.sector, group: opts.group, unrated: opts.unrated, period: opts.period };
  const a = await analyse({ onRow: (row) => { if (matches(row, filter)) listed.push(listedUnit(row)); }, rollup: false });
  const { countSeverities, renderDiagnosticLines, renderFailures, summaryLine } = await import('../render/diagnostics.js');
  const { errors, warnings } = countSeverities(a.diagnostics);
  const code = exitCode({ failures: a.failures.length, errors, warnings, strict: opts.strict === true });
  const err = [...renderFailures(a.failures, { lang: opts.lang, color: false }), ...renderDiagnosticLines(a.diagnostics, { lang: opts.lang, color: false })];
  if (err.length > 0) err.push(summaryLine(a.diagnostics, a.failures.length, a.files.length, opts.lang));
  if (err.length > 0 && !(opts.quiet && code === EXIT.ok)) io.stderr.write(`${err.join('\n')}\n`);
  const filterJson = Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined));
  io.stdout.write(renderList(listed, opts.format, { lang: opts.lang, filter: filterWords(filter, opts.lang), filterJson }));
  return code;
}
