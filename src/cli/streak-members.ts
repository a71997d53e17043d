import type { Lang } from '../check/catalogue.js';
import type { TallyError } from '../read/errors.js';
import type { RatingLevel } from '../recognise/vocabulary.js';
import type { PeriodFiles } from '../render/streak.js';
import type { PeriodRun } from './periods.js';

/** What the member streak gives `tally streak` to print: or the failure that says why there is none. */
export interface MemberStreakOutcome {
  readonly failure?: TallyError | undefined;
  /** The streak in a format (table, text, md, csv, json), in the user's language. */
  readonly print?: ((format: string, lang: Lang, color: boolean, trusted: boolean) => Promise<string>) | undefined;
}

/**
 * Kind "members": the inputs are member lists (one person a row) and nothing else. Each list's persons, by the
 * period it reads as, matched across the last `years` periods (src/streak/members.ts). Undefined when the inputs
 * are reports of organisations (the kind "organizations").
 */
export async function memberStreakOf(run: PeriodRun, periods: readonly PeriodFiles[], opts: { rating: RatingLevel; years: number; period?: string | undefined },
  window: (periods: readonly string[], years: number) => { window: string[] } | { failure: TallyError }): Promise<MemberStreakOutcome | undefined> {
  const a = run.analysis;
  const lists = a.memberLists;
  if (!lists || lists.length === 0 || a.rows.counted !== lists.length) return undefined;
  const w = window(periods.map((p) => p.period), opts.years);
  if ('failure' in w) return { failure: w.failure };
  const { memberStreak } = await import('../streak/members.js');
  const years = lists.flatMap((l) => {
    const period = opts.period ?? l.period;
    return period === undefined ? [] : [{ period, file: l.file, persons: l.persons }];
  });
  const result = memberStreak(years, w.window, opts.rating);
  return {
    async print(format, lang, color, trusted) {
      const r = await import('../render/member-streak.js');
      const view = { result, periods, lang, color, trusted };
      if (format === 'json') {
        const { diagnosticJson, failureJson } = await import('../render/json.js');
        return `${JSON.stringify({
          ...result, trusted, periods, files: a.files,
          diagnostics: a.diagnostics.map((d) => diagnosticJson(d, lang)), failures: a.failures.map((f) => failureJson(f, lang)),
        }, null, 2)}\n`;
      }
      const render = { table: r.renderMemberStreakTable, text: r.renderMemberStreakText, md: r.renderMemberStreakMarkdown, csv: r.renderMemberStreakCsv }[format] ?? r.renderMemberStreakTable;
      return render(view);
    },
  };
}
