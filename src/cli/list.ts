import type { AnalyseOptions, Analysis } from '../analyse/analyse.js';
import type { Lang } from '../check/catalogue.js';
import { fold } from '../recognise/normalise.js';
import type { UnitRow } from '../recognise/table.js';
import { parseOrgType, parseRating, type OrgType, type RatingLevel } from '../recognise/vocabulary.js';
import { listedUnit, renderList, TYPE_SHORT, type ListFormat, type ListedUnit } from '../render/list.js';
import { EXIT, exitCode } from './exit-code.js';
import type { Io } from './io.js';
import { Option, type Command } from 'commander';
import { invalid } from './usage.js';

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

/** `--rating` in any spelling tally reads in a report: HTNV, "Hoàn thành nhiệm vụ", "Mức 3". */
export function ratingOption(text: string): RatingLevel {
  const r = parseRating(text, 'current');
  if (r.kind !== 'level') throw invalid('cần một mức xếp loại: HTXSNV, HTTNV, HTNV hoặc KHTNV (viết kiểu nào cũng được; --unrated cho tổ chức chưa xếp loại)', 'expected a rating: HTXSNV, HTTNV, HTNV or KHTNV (any spelling; --unrated for the units not rated)');
  return r.level;
}

/** `--type` in any spelling of a type ("CBCS", "Chi bộ cơ sở"), or "all" (the cells too). */
export function typeOption(text: string): OrgType | 'all' {
  if (fold(text) === 'all' || fold(text) === 'tat ca') return 'all';
  const t = parseOrgType(text);
  if (!t) throw invalid('cần một loại hình: ĐBCS, CBCS, CBTT, ĐBBP (viết kiểu nào cũng được), hoặc all', 'expected a type: ĐBCS, CBCS, CBTT, ĐBBP (any spelling), or all');
  return t;
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

/** `tally list`: the units behind a figure. `addCommon` adds the options every command reading reports takes. */
export function addListCommand(program: Command, io: Io, setCode: (code: number) => void, addCommon: (cmd: Command) => Command,
  analyseFor: (inputs: string[], opts: ListOptions & { format: string }, extra: Partial<AnalyseOptions>) => Promise<Analysis>): void {
  addCommon(program.command('list')
    .description('list the units behind a figure (--rating HTNV: which 8 are only HTNV?) with their file, sheet and row')
    .argument('<inputs...>', '.xlsx or .csv files, folders, or - for standard input')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json', 'csv', 'md']).default('table'))
    .option('--rating <level>', 'units of this rating: HTXSNV, HTTNV, HTNV, KHTNV (any spelling)', ratingOption)
    .option('--type <type>', 'units of this type: ĐBCS, CBCS, CBTT, ĐBBP, or all (default: the grassroots organisations)', typeOption)
    .option('--sector <text>', 'units of this sector (Lĩnh vực)')
    .option('--group <text>', 'units under this group heading')
    .option('--unrated', 'units not rated (chưa xếp loại)'))
    .addHelpText('after', '\nIn list, --period picks the units of that period (it does not set the period of a file).\n')
    .action(async (inputs: string[], opts: ListOptions) => {
      setCode(await list(opts, io, (extra) => analyseFor(inputs, opts, extra)));
    });
}
