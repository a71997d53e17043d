import { Command, CommanderError, Option } from 'commander';
import type { Lang } from '../check/catalogue.js';
import type { Config } from '../config/config.js';
import type { AnalyseOptions, Analysis } from '../analyse/analyse.js';
import { BREAKDOWN_FIELDS, type BreakdownField } from '../rollup/breakdown.js';
import { addListCommand } from './list-command.js';
import { addInitCommand } from './init-command.js';
import type { PeriodRun } from './periods.js';
import type { StreakOptions } from './streak.js';
import { ENCODINGS } from '../read/decode.js';
import { TallyError } from '../read/errors.js';
import { ROUNDINGS, type Rounding } from '../rollup/percent.js';
import { EXIT, exitCode } from './exit-code.js';
import { useColor, type Io } from './io.js';
import { Progress, wantsProgress } from './progress.js';
import { delimiterArg, invalid, langOf, notAnOption, usageError, workersFromEnv } from './usage.js';
import { refuseUnitForForms, UNIT_HELP } from './unit.js';
import { analyseWithTargets, termOption, type TargetsRun } from './term.js';
import { version } from './version.js';
import { CHECK_FORMAT_NAMES, CHECK_FORMATS, REPORT_FORMAT_NAMES, REPORT_FORMATS, type CheckFormatName, type ReportFormatName } from '../render/formats.js';


interface CommonOptions {
  lang: Lang;
  rounding?: Rounding;
  decimals?: number;
  period?: string;
  scale?: 'current' | 'pre-2018';
  encoding?: string;
  delimiter?: string;
  config?: string;
  strict?: boolean;
  verbose?: boolean;
  quiet?: boolean;
  color?: boolean;
  maxRows?: number;
  roster?: string;
  requireAll?: boolean;
  by?: BreakdownField;
  unit?: string;
}
interface ReportOptions extends CommonOptions {
  format: ReportFormatName;
  force?: boolean;
  output?: string;
  term?: import('../rollup/term.js').TermSpan;
  previous?: string[];
  byPeriod?: boolean;
}
interface CheckOptions extends CommonOptions {
  format: CheckFormatName;
  maxWarnings?: number;
}


function wholeNumber(min: number, max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max) throw invalid(`cần một số nguyên từ ${min} đến ${max}`, `expected a whole number from ${min} to ${max}`);
    return n;
  };
}

function addCommon(cmd: Command): Command {
  return cmd
    .addOption(new Option('--lang <lang>', 'language of messages and labels').choices(['vi', 'en']).default('vi'))
    .addOption(new Option('--rounding <mode>', 'how percentages are rounded').choices([...ROUNDINGS]))
    .option('--decimals <n>', 'decimals of percentages (default 2)', wholeNumber(0, 6))
    .option('--period <label>', 'period of the report when the file does not say (e.g. 2023)', notAnOption)
    .addOption(new Option('--scale <scale>', 'rating scale of the labels').choices(['current', 'pre-2018']))
    .addOption(new Option('--encoding <name>', 'encoding of CSV input (default: detected)').choices([...ENCODINGS]))
    .option('--delimiter <char>', 'CSV delimiter: "," ";" "tab" "|" (default: detected)', delimiterArg)
    .option('--max-rows <n>', 'rows of a workbook sheet tally reads before refusing it as too large (default 120000)', wholeNumber(1, 100_000_000))
    .option('--config <file>', 'config file (default: ./tally.config.json when present)', notAnOption)
    .option('--strict', 'warnings fail too (exit 1)')
    .option('-v, --verbose', 'say how each file and row was read')
    .option('-q, --quiet', 'print only the result, no notes')
    .option('--no-color', 'no colours (also NO_COLOR=1)');
}

const EXAMPLES = `
Examples:
  tally bao-cao-2023.xlsx                      bloc summary as a table
  tally submissions/                           every .xlsx/.csv in a folder, recursively
  tally report khoi.xlsx --format json         the summary as JSON (schema tally.summary/1)
  tally khoi.xlsx --format text                the paragraph for the tổng kết report
  tally khoi.xlsx --format md                  a Markdown table (--format csv: plain numbers for a spreadsheet)
  tally khoi.xlsx -o tong-hop.xlsx             the styled workbook (-o phu-luc.docx: the Word appendix)
  tally khoi.xlsx -o tong-hop.csv              the file of --format csv (the format from the extension)
  tally khoi.xlsx --rounding truncate          7,47% instead of 7,48% (as some reports truncate)
  tally khoi.xlsx --decimals 1                 one decimal: 92,5%
  tally khoi.csv --period 2023                 period when the file does not say
  tally khoi-2016.xlsx --scale pre-2018        read "Trong sạch vững mạnh" ratings
  tally khoi.csv --encoding windows-1258       force the CSV encoding
  tally khoi.csv --delimiter ";"               force the CSV delimiter ("," ";" "tab" "|")
  tally khoi-lon.xlsx --max-rows 500000        read a workbook sheet longer than 120,000 rows
  tally khoi.xlsx --config tally.config.json   quotas and rounding from a config file
  tally khoi.xlsx --force                      print the summary even when the data have errors
  tally khoi.xlsx --strict                     warnings fail too
  tally khoi.xlsx --lang en                    English labels and messages
  tally 2023/ --previous 2022/                 every figure beside last year's, with the change
  tally bc-2018.csv … bc-2022.xlsx --by-period one column per period, the latest as the headline
  tally streak bc-20*.csv --years 5            organisations rated HTXSNV five years running
  tally streak danh-sach/ --years 5            from member lists: members rated HTXSNV five years running
  tally bc-2021.csv bc-2022.xlsx --term 2020-2025  the years of a term, the config's targets judged: "Đạt 6/7 chỉ tiêu"
  tally init                                   write an example tally.config.json (term, targets, every key explained)
  tally khoi.xlsx --verbose                    how every sheet and row was read
  cat khoi.xlsx | tally -                      a CSV or a workbook on standard input
  tally check submissions/ --format github     annotations for GitHub Actions
  tally check submissions/ --max-warnings 0    fail on any warning
  tally khoi.xlsx --by parent                 ratings and members of each committee's cells, with a total
  tally list khoi.xlsx --rating HTNV           which units are only HTNV, with file, sheet and row
  tally check submissions/ --roster units.csv --require-all   every unit on the roster must report
  tally submissions/ --roster units.csv        "nhận 10/12 báo cáo" and who is missing

Exit codes: 0 all good, 1 problems in the data, 2 bad usage or unreadable input.
`;

/** `tally --help` lists the options of the default command too (commander would list only the commands). */
function reportOptions(program: Command): string {
  const report = program.commands.find((c) => c.name() === 'report');
  const text = report?.helpInformation() ?? '';
  const at = text.indexOf('Options:');
  return at < 0 ? '' : `\nOptions of report (the default command; check takes the same, but for -o and --force, and --max-warnings):\n${text.slice(at + 'Options:'.length).replace(/^\n/, '').replace(/\n+$/, '')}\n`;
}

/** Run the CLI with the given process parts; resolves to the exit code. Only bin/tally.js calls process.exit. */
export async function run(io: Io): Promise<number> {
  let code: number = EXIT.ok;
  const program: Command = new Command('tally')
    .description('Check and roll up the reports of grassroots party organisations (chi bộ, đảng bộ cơ sở).')
    .version(version(), '-V, --version')
    .exitOverride()
    // commander's own error lines are English: tally says them itself, in the user's language (cli/usage.ts).
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s), outputError: () => undefined })
    .showSuggestionAfterError(true)
    .addHelpText('after', (): string => `${reportOptions(program)}${EXAMPLES}`);

  addCommon(program.command('report', { isDefault: true })
    .description('read, check and roll up reports into the bloc summary (the default command)')
    .argument('<inputs...>', '.xlsx or .csv files, folders, or - for standard input')
    .addOption(new Option('-f, --format <format>', 'output format').choices(REPORT_FORMAT_NAMES).default('table'))
    .option('--force', 'print the summary even when the data have errors')
    .option('-o, --output <file>', 'write the report to a file, in the format of its extension (.xlsx .docx .csv .json .md .txt)')
    .option('--roster <file>', 'the units expected to report (.csv/.xlsx: code, name, type, parent): who is missing, who is not on it')
    .option('--require-all', 'with --roster: a missing report or a unit not on the roster is an error (exit 1)')
    .addOption(new Option('--by <field>', 'break the ratings and members down by parent, type, sector or group, with a total').choices([...BREAKDOWN_FIELDS]))
    .option('--previous <inputs...>', 'the previous period\'s reports (files or folders): every figure beside last year\'s, with the change')
    .addOption(new Option('--by-period', 'inputs of several periods: one column per period, the latest as the headline').conflicts('previous'))
    .option('--term <years>', 'the congress term (e.g. 2020-2025): reports of its years read as a series, the targets of the config judged on them', termOption)
    .option('--unit <name>', UNIT_HELP, notAnOption))
    .addHelpText('after', EXAMPLES)
    .action(async (inputs: string[], opts: ReportOptions, cmd: Command) => {
      code = await report(inputs, opts, io, cmd.getOptionValueSource('format') === 'cli');
    });

  addCommon(program.command('check')
    .description('check reports without rolling up: every problem with its file, sheet, row and cell')
    .argument('<inputs...>', '.xlsx or .csv files, folders, or - for standard input')
    .addOption(new Option('-f, --format <format>', 'output format').choices(CHECK_FORMAT_NAMES).default('text'))
    .option('--max-warnings <n>', 'fail (exit 1) when there are more warnings than this', wholeNumber(0, 1_000_000))
    .option('--roster <file>', 'the units expected to report (.csv/.xlsx: code, name, type, parent): who is missing, who is not on it')
    .option('--require-all', 'with --roster: a missing report or a unit not on the roster is an error (exit 1)')
    .option('--unit <name>', UNIT_HELP, notAnOption))
    .addHelpText('after', EXAMPLES)
    .action(async (inputs: string[], opts: CheckOptions) => {
      code = await check(inputs, opts, io);
    });

  const { addTemplateCommand } = await import('./template.js');
  addTemplateCommand(program, io, (c) => (code = c));
  addListCommand(program, io, (c) => (code = c), addCommon,
    async (inputs, opts, extra) => (await analyseWith(inputs, { ...opts, period: undefined }, io, false, false, extra)).analysis);
  addCommon(program.command('streak')
    .description('the organisations (or, from member lists, the members) rated at least --rating in each of the last --years periods read')
    .argument('<inputs...>', 'reports, or member lists, of several periods: .xlsx or .csv files, folders')
    .addOption(new Option('--rating <level>', 'the lowest rating that counts').choices(['HTXSNV', 'HTTNV', 'HTNV', 'KHTNV']).default('HTXSNV'))
    .requiredOption('--years <n>', 'how many periods running (the last N read)', wholeNumber(1, 100))
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json', 'text', 'md', 'csv']).default('table'))
    .option('--force', 'print the list even when the data have errors'))
    .addHelpText('after', '\nExamples:\n  tally streak bc-2018.csv bc-2019.csv bc-2020.xlsx bc-2021.csv bc-2022.xlsx --rating HTXSNV --years 5\n  tally streak danh-sach-dang-vien/ --rating HTXSNV --years 5     members excellent five years running\n')
    .action(async (inputs: string[], opts: StreakOptions & CommonOptions) => {
      const { streak } = await import('./streak.js');
      code = await streak(inputs, opts, io, (via) => analyseWith(inputs, { ...opts, format: opts.format }, io, false, false, {}, via));
    });

  addInitCommand(program, io, (c) => (code = c));

  try {
    await program.parseAsync([...io.argv], { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return EXIT.ok;
      const { renderFailures } = await import('../render/diagnostics.js');
      io.stderr.write(`${renderFailures([usageError(err)], { lang: langOf(io.argv), color: useColor(io.stderr, io.env) }).join('\n')}\n`);
      return EXIT.cannotRun;
    }
    if (err instanceof TallyError) {
      const lang: Lang = langOf(io.argv);
      const { renderFailures } = await import('../render/diagnostics.js');
      io.stderr.write(`${renderFailures([err], { lang, color: useColor(io.stderr, io.env) }).join('\n')}\n`);
      return EXIT.cannotRun;
    }
    throw err;
  }
  return code;
}

async function analyseWith(inputs: string[], opts: CommonOptions & { format: string; term?: ReportOptions['term']; byPeriod?: boolean }, io: Io, rollup: boolean, keepUnits = false,
  extra: Partial<AnalyseOptions> = {}, via?: (options: AnalyseOptions) => Promise<PeriodRun>): Promise<PeriodRun & TargetsRun & { config: Config }> {
  // The pipeline and renderers are loaded only when there is work: --help and --version stay instant.
  const [{ loadConfig }, { analyse }] = await Promise.all([import('../config/config.js'), import('../analyse/analyse.js')]);
  const config = await loadConfig(io.cwd, opts.config);
  const progress = wantsProgress(io.stderr, opts.quiet, opts.format) ? new Progress(io.stderr, opts.lang) : undefined;
  const options: AnalyseOptions = {
    onProgress: progress ? (s) => progress.update(s) : undefined,
    cwd: io.cwd,
    stdin: io.stdin,
    encoding: opts.encoding,
    delimiter: opts.delimiter,
    maxRows: opts.maxRows ?? config.maxRows,
    scale: opts.scale ?? config.scale ?? 'current',
    period: opts.period,
    decimals: opts.decimals ?? config.decimals ?? 2,
    rounding: opts.rounding ?? config.rounding ?? 'half-up',
    excellentBase: config.excellentBase ?? 'goodOrBetter',
    thresholds: { excellentQuota: config.quotas?.excellent ?? 0.2, minFullMembers: config.quotas?.minFullMembers ?? 3 },
    rollup,
    keepUnits,
    roster: opts.roster,
    requireAll: opts.requireAll,
    unit: opts.unit,
    by: opts.by,
    workers: workersFromEnv(io.env.TALLY_WORKERS),
    ...extra,
  };
  // A term or targets (report only): several periods read as a series, the targets judged (cli/term.ts).
  // --by-period with a term is the term's run (a column per period, with the targets); --previous keeps its own.
  const termed = opts.term !== undefined || config.term !== undefined;
  const targeted = rollup && (!via || (opts.byPeriod === true && termed)) && (termed || (config.targets?.length ?? 0) > 0);
  const ran: PeriodRun & TargetsRun = await (targeted ? analyseWithTargets(inputs, options, config, opts.term)
    : via ? via(options)
      : analyse(inputs, options).then((analysis) => ({ analysis, comparison: analysis.formComparison }))).finally(() => progress?.done());
  if (opts.unit !== undefined) refuseUnitForForms(ran.analysis, opts.unit, opts.lang);
  return { ...ran, config };
}


async function verboseLines(a: Analysis, lang: Lang): Promise<string[]> {
  const { noteLine } = await import('../check/notes.js');
  const lines = a.notes.map((n) => `· ${noteLine(n, lang)}`);
  for (const s of a.rows.skipped) {
    lines.push(`· ${s.file}${s.sheet ? ` [${s.sheet}]` : ''}:${s.row} ${lang === 'en' ? 'skipped' : 'bỏ qua'} (${s.reason})${s.text ? `: ${s.text}` : ''}`);
  }
  return lines;
}

async function report(inputs: string[], opts: ReportOptions, io: Io, formatGiven = false): Promise<number> {
  // -o FILE: the format from its extension unless --format says (checked before any input is read).
  const out = opts.output !== undefined ? await import('./write-output.js') : undefined;
  const formatName = out && opts.output !== undefined ? out.outputFormat(opts.output, formatGiven ? opts.format : undefined) : opts.format;
  const format = REPORT_FORMATS[formatName];
  // A workbook or a Word document is bytes: written to a file, never to the terminal.
  if (!out && 'toFile' in format) throw new TallyError('output-format', { format: opts.format });
  // Several periods (--previous, --by-period): the workbook and the appendix do not show them yet; said before reading.
  const periods = opts.previous !== undefined || opts.byPeriod ? await import('./periods.js') : undefined;
  if (periods && 'toFile' in format) throw new TallyError('output-periods', { format: formatName, option: opts.previous !== undefined ? '--previous' : '--by-period' });
  const via = periods && (opts.previous !== undefined ? periods.previousRunner(inputs, opts.previous) : periods.seriesRunner(inputs));
  const { analysis: a, config, comparison, series, targetsResult } = await analyseWith(inputs, opts, io, true, formatName === 'xlsx', {}, via);
  const { countSeverities } = await import('../render/severities.js');
  const selfContained = 'selfContained' in format;
  const errColor = useColor(io.stderr, io.env) && opts.color !== false;
  const { errors, warnings } = countSeverities(a.diagnostics);
  const code = exitCode({ failures: a.failures.length, errors, warnings, strict: opts.strict === true });
  const trusted = errors === 0 && a.failures.length === 0;
  const err: string[] = [];
  const add = (lines: readonly string[]): void => {
    for (const l of lines) err.push(l);
  };
  if (opts.verbose) add(await verboseLines(a, opts.lang));
  // The renderer of problems (and chalk) only when there are problems to say.
  if (a.failures.length > 0 || (!selfContained && a.diagnostics.length > 0)) {
    const { renderDiagnosticLines, renderFailures, summaryLine } = await import('../render/diagnostics.js');
    add(renderFailures(a.failures, { lang: opts.lang, color: errColor }));
    if (!selfContained) {
      add(renderDiagnosticLines(a.diagnostics, { lang: opts.lang, color: errColor }));
      err.push(summaryLine(a.diagnostics, a.failures.length, a.files.length, opts.lang));
    }
  }
  const canPrint = (trusted || opts.force === true) && a.summary !== undefined && a.rows.counted > 0;
  if (!canPrint && !selfContained) err.push(whyNoSummary(a, opts));
  if (err.length > 0 && !(opts.quiet && code === EXIT.ok)) io.stderr.write(`${err.join('\n')}\n`);
  const view = a.summary && (canPrint || selfContained)
    ? { analysis: a, summary: a.summary, lang: opts.lang, color: !out && useColor(io.stdout, io.env) && opts.color !== false, trusted, bloc: config.bloc, place: config.place, comparison, series, targetsResult }
    : undefined;
  if (out && opts.output !== undefined) io.stderr.write(`${await out.writeReport(opts.output, formatName, view, io.cwd, opts.lang)}
`);
  else if (view) {
    const text = await format.render(view);
    if (typeof text === 'string') io.stdout.write(text + await (await import('../render/extras.js')).reportExtras(formatName, view));
  }
  return code;
}

/** Why a report printed no summary: said after its problems. */
function whyNoSummary(a: Analysis, opts: ReportOptions): string {
  const en = opts.lang === 'en';
  if (a.failures.length > 0 && !opts.force) {
    return en
      ? 'No summary printed: some inputs could not be read (see above; --force prints the rest).'
      : 'Không in bảng tổng hợp vì có tệp không đọc được (xem trên; --force để in phần đọc được).';
  }
  if (a.rows.counted === 0) return en ? 'No summary printed: no organisation rows were read.' : 'Không in bảng tổng hợp vì không đọc được dòng tổ chức nào.';
  return en
    ? 'No summary printed: the data have errors (fix them, or add --force to print it anyway).'
    : 'Không in bảng tổng hợp vì dữ liệu còn lỗi (sửa các lỗi trên, hoặc thêm --force để vẫn in).';
}

async function check(inputs: string[], opts: CheckOptions, io: Io): Promise<number> {
  const { analysis: a } = await analyseWith(inputs, opts, io, false);
  const { countSeverities } = await import('../render/severities.js');
  const { errors, warnings } = countSeverities(a.diagnostics);
  const code = exitCode({ failures: a.failures.length, errors, warnings, strict: opts.strict === true, maxWarnings: opts.maxWarnings });
  // Verbose lines belong to the words for a person, not to JSON or annotations.
  const verbose = opts.verbose && opts.format === 'text' ? await verboseLines(a, opts.lang) : [];
  io.stdout.write(await CHECK_FORMATS[opts.format].render({ analysis: a, lang: opts.lang, color: useColor(io.stdout, io.env) && opts.color !== false, verbose }));
  return code;
}
