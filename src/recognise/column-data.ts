import type { CellValue, RawSheet } from '../read/types.js';
import type { ColumnId } from './columns.js';
import type { HeaderMap } from './header.js';
import { cellText, fold } from './normalise.js';
import { countOf, decimalOf, parseCount } from './numbers.js';
import { BLOC_LINE, DATA_SAMPLE_ROWS, MARK, NAME_SAMPLE_ROWS } from './patterns.js';
import { ratingCode } from './rating-codes.js';
import { isTotalLabel } from './rows/labels.js';
import { inferOrgType, parseOrgType, parseRating, type Scale } from './vocabulary.js';

/**
 * What the first rows under the header hold in a column: what a column is when its header does not say, or says
 * it twice. Read on a sample (`DATA_SAMPLE_ROWS`), so a million-row file pays nothing more.
 */
export class ColumnData {
  private readonly sample: readonly (readonly CellValue[])[];
  private dataRowsCache: readonly (readonly CellValue[])[] | undefined;

  constructor(private readonly sheet: RawSheet, private readonly header: HeaderMap) {
    this.sample = sheet.rows.slice(header.bottom + 1, header.bottom + DATA_SAMPLE_ROWS);
  }

  /** No cell of the column holds anything. */
  isBlank(c: number): boolean {
    for (const row of this.sample) if (cellText(row[c] ?? null) !== '') return false;
    return true;
  }

  /** A "name" column holding numbers only (a count under a name-like header, a formula sheet's "TCCSĐ"). */
  holdsOnlyNumbers(c: number): boolean {
    let numbers = 0;
    let texts = 0;
    for (let r = this.header.bottom + 1; r < Math.min(this.sheet.rows.length, this.header.bottom + NAME_SAMPLE_ROWS); r++) {
      const v = this.sheet.rows[r]?.[c];
      if (typeof v === 'number') numbers++;
      else if (typeof v === 'string' && /\p{L}/u.test(v)) texts++;
    }
    return numbers > 0 && texts === 0;
  }

  /**
   * How many cells read as figures, and how many as text that is no number. Amounts with a fraction ("2.340,75"),
   * negative figures and formula errors are figures: a column of them is read, and each cell that cannot be added
   * says so, rather than the column being left out without a word.
   */
  numbersAndTexts(c: number): { numbers: number; texts: number } {
    let numbers = 0;
    let texts = 0;
    for (const row of this.sample) {
      const cell = row[c] ?? null;
      const p = parseCount(cell);
      if (p.kind === 'value' || (p.kind === 'bad' && p.problem !== 'not-a-number')) numbers++;
      else if (p.kind === 'bad') {
        if (decimalOf(cell) !== undefined) numbers++;
        else texts++;
      }
    }
    return { numbers, texts };
  }

  /** The share of the column's filled cells that pass `ok`. */
  share(c: number, ok: (text: string) => boolean): number {
    const values = this.sample.map((row) => cellText(row[c] ?? null)).filter((t) => t !== '');
    return values.filter(ok).length / values.length;
  }

  holdsTypes(c: number): boolean {
    return this.share(c, (t) => parseOrgType(t) !== undefined) >= 0.8;
  }

  /** The rating codes ("1"…"4", "A"…"D") among the column's cells that are no rating in words, total rows left out. */
  ratingCodes(c: number): Set<string> {
    const codes = new Set<string>();
    for (const row of this.dataRows) {
      const t = cellText(row[c] ?? null);
      const code = t === '' || parseRating(t, 'current').kind !== 'unknown' ? undefined : ratingCode(t);
      if (code !== undefined) codes.add(code);
    }
    return codes;
  }

  holdsRatings(c: number, scale: Scale): boolean {
    return this.share(c, (t) => parseRating(t, scale).kind !== 'unknown') >= 0.8;
  }

  /**
   * A column of types must agree with what the names say where they say it ("Chi bộ …" is no đảng bộ): a column
   * of the parent's name ("Đảng bộ Khối" on every row) is not the units' type.
   */
  typesAgreeWithNames(c: number, columns: Readonly<Partial<Record<ColumnId, number>>>): boolean {
    let said = 0;
    let agree = 0;
    for (const row of this.sample) {
      const byName = columns.name !== undefined ? inferOrgType(cellText(row[columns.name] ?? null), false) : undefined;
      const byColumn = parseOrgType(cellText(row[c] ?? null));
      if (!byName || !byColumn) continue;
      said++;
      if (byName.startsWith('chi_bo') === byColumn.startsWith('chi_bo')) agree++;
    }
    return said === 0 || agree >= 0.8 * said;
  }

  /** Total rows count the marks ("Cộng | 1 | 2 | 1"): they say nothing of whether the levels are marks or counts. */
  private get dataRows(): readonly (readonly CellValue[])[] {
    this.dataRowsCache ??= this.sample.filter((row) => {
      const t = cellText(row.find((v) => typeof v === 'string' && /\p{L}/u.test(v)) ?? null);
      return !(isTotalLabel(t, () => fold(t)) || BLOC_LINE.plain.test(fold(t)));
    });
    return this.dataRowsCache;
  }

  /** Marks ("x", "1") and counts (2 or more) in a column, total rows left out. */
  marks(c: number): { marks: number; counts: number } {
    let marks = 0;
    let counts = 0;
    for (const row of this.dataRows) {
      const v = row[c] ?? null;
      if (typeof v === 'string' && MARK.test(v.trim())) marks++;
      else {
        const n = countOf(v);
        if (n >= 2) counts++;
        else if (n === 1) marks++;
      }
    }
    return { marks, counts };
  }

  /** Some cell of the column is a written mark ("x", a tick). */
  hasWrittenMark(c: number): boolean {
    return this.dataRows.some((row) => typeof row[c] === 'string' && MARK.test(String(row[c]).trim()));
  }
}

/**
 * Columns with figures under no header at all (a header row left short, a column pasted beside the table): tally
 * cannot say what they count, so they are not added, and each is named (TL008) rather than passed over. A column of
 * consecutive numbers (an STT left without its header, a lookup's row index 3, 4, 5…) is no figure.
 */
export function unnamedFigureColumns(sheet: RawSheet, header: HeaderMap, data: ColumnData): number[] {
  const named = new Set(header.columns.map((c) => c.index));
  let width = 0;
  for (let r = header.bottom + 1; r < Math.min(sheet.rows.length, header.bottom + DATA_SAMPLE_ROWS); r++) width = Math.max(width, sheet.rows[r]?.length ?? 0);
  const out: number[] = [];
  for (let c = 0; c < Math.min(width, 1000); c++) {
    if (named.has(c) || data.isBlank(c)) continue;
    const { numbers, texts } = data.numbersAndTexts(c);
    if (numbers < 2 || texts > 0) continue;
    let sequence = true;
    let expected: number | undefined;
    for (let r = header.bottom + 1; r < Math.min(sheet.rows.length, header.bottom + DATA_SAMPLE_ROWS) && sequence; r++) {
      const v = sheet.rows[r]?.[c];
      if (v === null || v === undefined || v === '') continue;
      const n = Number(v);
      sequence = expected === undefined ? Number.isInteger(n) : n === expected;
      expected = n + 1;
    }
    if (!sequence) out.push(c);
  }
  return out;
}
