import type { AnalyseOptions, Analysis } from '../analyse/analyse.js';
import { Option, type Command } from 'commander';
import { fold } from '../recognise/normalise.js';
import { parseOrgType, parseRating, type OrgType, type RatingLevel } from '../recognise/vocabulary.js';
import type { ListOptions } from './list.js';
import type { Io } from './io.js';
import { invalid } from './usage.js';

// `tally list`'s options; the listing itself (cli/list.ts, with its renderers and cli-table3) is loaded only when
// the command runs, so that a report run does not load it.

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
      const { list } = await import('./list.js');
      setCode(await list(opts, io, (extra) => analyseFor(inputs, opts, extra)));
    });
}
