import { Checker } from './check/checker.js';
import type { Diagnostic } from './check/diagnostic.js';
import { DEFAULT_THRESHOLDS, type Thresholds } from './check/rule.js';
import { expandInputs, readInput, type ReadOptions } from './read/inputs.js';
import { TallyError } from './read/errors.js';
import { recogniseSheet } from './recognise/rows.js';
import type { SkippedRow } from './recognise/table.js';
import type { Scale } from './recognise/vocabulary.js';
import { Rollup, type RollupOptions, type Summary } from './rollup/summary.js';
import type { RawSheet } from './read/types.js';

export interface AnalyseOptions extends ReadOptions, RollupOptions {
  readonly scale: Scale;
  readonly period?: string | undefined;
  readonly thresholds?: Thresholds | undefined;
  /** Roll up as well as check (the report command); `check` skips the summary. */
  readonly rollup: boolean;
}

export interface RowAccount {
  readonly read: number;
  readonly counted: number;
  readonly skipped: readonly SkippedRow[];
}

export interface Analysis {
  readonly files: readonly string[];
  readonly summary: Summary | undefined;
  readonly rows: RowAccount;
  readonly diagnostics: readonly Diagnostic[];
  /** Inputs that could not be read at all: exit 2. */
  readonly failures: readonly TallyError[];
  /** Verbose-only facts: sheets passed over, hidden rows read, columns ignored. */
  readonly notes: readonly string[];
}

function headersFound(sheet: RawSheet): string {
  const texts: string[] = [];
  for (const row of sheet.rows.slice(0, 15)) {
    for (const v of row) {
      if (typeof v === 'string' && v.trim() !== '' && texts.length < 12 && !texts.includes(v.trim())) texts.push(v.trim().replace(/\s+/g, ' '));
    }
    if (texts.length >= 3) break;
  }
  return texts.length > 0 ? texts.map((t) => `"${t}"`).join(', ') : '(không có / none)';
}

const SEVERITY_ORDER = { error: 0, warning: 1 } as const;

/** Read, recognise, check and (optionally) roll up a set of inputs. The only I/O is in `read`. */
export async function analyse(inputs: readonly string[], options: AnalyseOptions): Promise<Analysis> {
  const { files, failures } = await expandInputs(inputs, options.cwd);
  const checker = new Checker({ thresholds: options.thresholds ?? DEFAULT_THRESHOLDS });
  const rollup = new Rollup(options);
  const diagnostics: Diagnostic[] = [];
  const skipped: SkippedRow[] = [];
  const notes: string[] = [];
  let read = 0;
  let counted = 0;
  for (const file of files) {
    let sheets: RawSheet[];
    try {
      const result = await readInput(file, options);
      sheets = result.sheets;
      for (const n of result.notes) notes.push(`${file} [${n.sheet}]: ${n.note}`);
    } catch (err) {
      if (err instanceof TallyError) {
        failures.push(err);
        continue;
      }
      throw err;
    }
    let tables = 0;
    const empty: RawSheet[] = [];
    for (const sheet of sheets) {
      const result = recogniseSheet(sheet, options, (row) => {
        checker.add(row);
        if (options.rollup) rollup.add(row);
      });
      if (!result) {
        empty.push(sheet);
        continue;
      }
      tables++;
      diagnostics.push(...result.diagnostics);
      skipped.push(...result.skipped);
      read += result.rowsRead;
      counted += result.rowsCounted;
      const where = `${file}${sheet.sheet ? ` [${sheet.sheet}]` : ''}`;
      notes.push(`${where}: tiêu đề ở dòng ${result.header.top + 1}–${result.header.bottom + 1}, ${result.rowsCounted} tổ chức${result.period ? `, kỳ ${result.period}` : ''}`);
      for (const n of result.notes) notes.push(`${where}: ${n}`);
    }
    for (const sheet of empty) {
      if (tables > 0) notes.push(`${file} [${sheet.sheet ?? ''}]: không có bảng báo cáo, bỏ qua / no report table, skipped`);
    }
    if (tables === 0) {
      const first = empty.find((s) => s.rows.length > 0) ?? empty[0];
      failures.push(new TallyError('no-table', { file, sheet: sheets.length > 1 ? undefined : first?.sheet, headers: first ? headersFound(first) : '' }));
    }
  }
  const summary = options.rollup ? rollup.result() : undefined;
  diagnostics.push(...checker.finish());
  diagnostics.sort((a, b) =>
    a.location.file.localeCompare(b.location.file) || (a.location.sheet ?? '').localeCompare(b.location.sheet ?? '')
    || (a.location.row ?? 0) - (b.location.row ?? 0) || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.code.localeCompare(b.code));
  return { files, summary, rows: { read, counted, skipped }, diagnostics, failures, notes };
}
