import type { AnalyseOptions } from '../analyse/analyse.js';
import type { Lang } from '../check/catalogue.js';
import { TallyError } from '../read/errors.js';
import type { RatingLevel } from '../recognise/vocabulary.js';
import type { PeriodFiles, StreakView } from '../render/streak.js';
import { EXIT, exitCode } from './exit-code.js';
import { useColor, type Io } from './io.js';
import type { PeriodRun } from './periods.js';

export const STREAK_FORMATS = ['table', 'json', 'text', 'md', 'csv'] as const;
export type StreakFormat = (typeof STREAK_FORMATS)[number];

export interface StreakOptions {
  readonly lang: Lang;
  readonly rating: RatingLevel;
  readonly years: number;
  readonly format: StreakFormat;
  readonly force?: boolean;
  readonly strict?: boolean;
  readonly quiet?: boolean;
  readonly verbose?: boolean;
  readonly color?: boolean;
}

/** How run.ts reads inputs with the user's options and config (passed in: no import back into run.ts). */
export type Analyser = (via: (options: AnalyseOptions) => Promise<PeriodRun>) => Promise<PeriodRun>;

/** What one kind of streak gives: its result as a view, and its words in each format. */
interface StreakOutcome {
  readonly run: PeriodRun;
  readonly periods: readonly PeriodFiles[];
  /** Undefined when the periods read cannot make a streak of the years asked (the failure says why). */
  readonly view: Omit<StreakView, 'lang' | 'color' | 'trusted'> | undefined;
  readonly failure?: TallyError | undefined;
  /** A kind with renderings of its own (members): prints instead of the organisations' renderers. */
  readonly print?: ((format: string, lang: Lang, color: boolean, trusted: boolean) => Promise<string>) | undefined;
}

/** The window of a streak: the last `years` periods read, which must follow each other year by year. */
function streakWindow(periods: readonly string[], years: number): { window: string[] } | { failure: TallyError } {
  if (periods.length < years) return { failure: new TallyError('streak-periods', { years, count: periods.length, periods: periods.join(', ') || '—' }) };
  const window = periods.slice(periods.length - years);
  const numbers = window.map((p) => (/^\d{4}$/.test(p) ? Number(p) : NaN));
  if (numbers.every((y) => !Number.isNaN(y))) {
    const first = numbers[0] ?? 0;
    const missing: number[] = [];
    for (let y = first; y <= (numbers[numbers.length - 1] ?? first); y++) if (!numbers.includes(y)) missing.push(y);
    if (missing.length > 0) return { failure: new TallyError('streak-gap', { years, missing: missing.join(', '), periods: window.join(', ') }) };
  }
  return { window };
}

/** Kind "organizations": reports of organisations, each unit's rating per period. */
async function organisationStreak(inputs: readonly string[], opts: StreakOptions, analyseWith: Analyser): Promise<StreakOutcome> {
  const [{ OrgStreak, MAX_PERIODS }, { analyseSeries }] = await Promise.all([import('../rollup/streak.js'), import('../analyse/series.js')]);
  const streak = new OrgStreak(opts.rating);
  const run = await analyseWith(async (options) => {
    const s = await analyseSeries(inputs, { ...options, lean: true, onUnit: (period, unit) => streak.add(period, unit) });
    return { analysis: s.analysis, series: s.periods };
  });
  const periods = (run.series ?? []).map((p) => ({ period: p.period, files: p.files }));
  if (streak.beyond.size > 0) {
    const all = periods.map((p) => p.period);
    return { run, periods, view: undefined, failure: new TallyError('streak-too-many', { max: MAX_PERIODS, count: all.length, periods: all.join(', ') }) };
  }
  const w = streakWindow(periods.map((p) => p.period), opts.years);
  if ('failure' in w) return { run, periods, view: undefined, failure: w.failure };
  // The reading's garbage (rows, the checker's index) goes before the list of a possibly 150,000 items is made.
  (await import('../analyse/collect.js')).collectGarbage();
  return { run, periods, view: { result: streak.result(w.window, periods.map((p) => p.period), opts.years), periods } };
}

/**
 * The kinds of streak, chosen by what the inputs are. Reports of organisations give "organizations"; a kind for
 * lists of members ("members") goes here beside it, with its own result under the same schema.
 */
const STREAK_KINDS = { organizations: organisationStreak } as const;
// Kind "members" is chosen after reading, when the inputs were member lists only: see memberStreakOf.

/** `tally streak`: the organisations at a rating in each of the last N periods read. */
export async function streak(inputs: readonly string[], opts: StreakOptions, io: Io, analyseWith: Analyser): Promise<number> {
  const kind = STREAK_KINDS.organizations;
  const read = await kind(inputs, opts, analyseWith);
  // The kind is chosen by what the inputs are: member lists alone make a streak of members (cli/streak-members.ts).
  const members = await (await import('./streak-members.js')).memberStreakOf(read.run, read.periods, opts, streakWindow);
  const outcome: StreakOutcome = members ? { run: read.run, periods: read.periods, view: undefined, ...members } : read;
  const a = outcome.run.analysis;
  const { countSeverities, renderDiagnosticLines, renderFailures, summaryLine } = await import('../render/diagnostics.js');
  const errColor = useColor(io.stderr, io.env) && opts.color !== false;
  const failures = outcome.failure ? [...a.failures, outcome.failure] : a.failures;
  const { errors, warnings } = countSeverities(a.diagnostics);
  const code = exitCode({ failures: failures.length, errors, warnings, strict: opts.strict === true });
  const trusted = errors === 0 && failures.length === 0;
  const err: string[] = [];
  if (opts.verbose) for (const n of a.notes) err.push(`· ${(await import('../check/notes.js')).noteLine(n, opts.lang)}`);
  for (const l of renderFailures(a.failures, { lang: opts.lang, color: errColor })) err.push(l);
  for (const l of renderDiagnosticLines(a.diagnostics, { lang: opts.lang, color: errColor })) err.push(l);
  if (a.diagnostics.length > 0 || a.failures.length > 0) err.push(summaryLine(a.diagnostics, a.failures.length, a.files.length, opts.lang));
  // The periods read cannot make the streak asked: said last, as the reason no list follows (no file is unreadable).
  if (outcome.failure) {
    const { message, hint } = outcome.failure.describe(opts.lang);
    err.push(`tally streak: ${message}`, `    ${opts.lang === 'en' ? 'fix' : 'cách sửa'}: ${hint}`);
  }
  const printable = outcome.view !== undefined || outcome.print !== undefined;
  const canPrint = printable && (trusted || opts.force === true || (opts.format === 'json' && !outcome.failure));
  if (!canPrint && printable) {
    err.push(opts.lang === 'en' ? 'No list printed: the data have errors (fix them, or add --force to print it anyway).' : 'Không in danh sách vì dữ liệu còn lỗi (sửa các lỗi trên, hoặc thêm --force để vẫn in).');
  }
  if (err.length > 0 && !(opts.quiet && code === EXIT.ok)) io.stderr.write(`${err.join('\n')}\n`);
  if (canPrint && outcome.print) {
    io.stdout.write(await outcome.print(opts.format, opts.lang, useColor(io.stdout, io.env) && opts.color !== false, trusted));
    return code;
  }
  if (!canPrint || !outcome.view) return code;
  const view: StreakView = { ...outcome.view, lang: opts.lang, color: useColor(io.stdout, io.env) && opts.color !== false, trusted };
  if (opts.format === 'json') {
    const { jsonPieces, writePieces } = await import('../render/json-pieces.js');
    // In pieces: a streak of a million units is a JSON text of tens of megabytes, never held whole.
    await writePieces(io.stdout, jsonPieces(await streakJson(view, a, opts.lang), 'items'));
    return code;
  }
  const r = await import('../render/streak.js');
  io.stdout.write({ table: r.renderStreakTable, text: r.renderStreakText, md: r.renderStreakMarkdown, csv: r.renderStreakCsv }[opts.format](view));
  return code;
}

async function streakJson(v: StreakView, a: PeriodRun['analysis'], lang: Lang): Promise<Record<string, unknown>> {
  const { diagnosticJson, failureJson } = await import('../render/json.js');
  return {
    ...v.result, trusted: v.trusted, periods: v.periods, files: a.files,
    diagnostics: a.diagnostics.map((d) => diagnosticJson(d, lang)), failures: a.failures.map((f) => failureJson(f, lang)),
  };
}
