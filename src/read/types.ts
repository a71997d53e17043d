/** A spreadsheet error value such as `#REF!` or `#DIV/0!`, kept so the checker can point at the cell. */
export interface CellError {
  readonly error: string;
}

/** One cell as read: formulas are already replaced by their cached results, rich text by its plain text. */
export type CellValue = string | number | boolean | Date | CellError | null;

/** A merged range, 0-based and inclusive on both ends. */
export interface MergeRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** A sheet as a grid of values: what every reader produces and everything after `read/` consumes. */
export interface RawSheet {
  /** Path as given by the user (relative when the user gave a relative one). */
  readonly file: string;
  /** Sheet name for workbooks; undefined for CSV. */
  readonly sheet: string | undefined;
  readonly rows: readonly (readonly CellValue[])[];
  readonly merges: readonly MergeRange[];
  readonly hiddenRows: ReadonlySet<number>;
  readonly hiddenColumns: ReadonlySet<number>;
}

export function isCellError(value: CellValue): value is CellError {
  return typeof value === 'object' && value !== null && !(value instanceof Date) && 'error' in value;
}
