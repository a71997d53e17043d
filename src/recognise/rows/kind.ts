import type { CellValue, RawSheet } from '../../read/types.js';
import type { Layout } from '../layout.js';
import type { SkipReason } from '../table.js';
import type { RowView } from './view.js';

/**
 * What the walk does with a row of a kind: `skip` lists it as skipped; `end` also ends the table (what follows is
 * notes); `total` and `bloc-total` check it against the rows it covers (the bloc's own line also closes the table);
 * `group` opens a group of units, `group-total` one whose heading carries the group's totals.
 */
export type RowEffect = 'skip' | 'end' | 'total' | 'bloc-total' | 'group' | 'group-total';

/** What a row kind may know of the table beyond the row itself. */
export interface RowContext {
  readonly sheet: RawSheet;
  readonly layout: Layout;
  /** The title block's lines, folded: a title printed again, the bloc's own name. */
  readonly titleLines: ReadonlySet<string>;
  /** The header's rows as keys (see `rowKey`), and the names its name column holds. */
  readonly headerKeys: ReadonlySet<string>;
  readonly headerNames: ReadonlySet<string>;
  rowKey(row: readonly CellValue[]): string;
  /** Units read so far. */
  readonly rowsCounted: number;
  /** The bloc's closing total has been read. */
  readonly afterGrandTotal: boolean;
  /**
   * Whether figures (as `RowView.values`) are the sums of the units above: of the whole table ('all') or of the open
   * group ('group'), judged on the member count and most of the other figures; undefined when they are not.
   */
  sumsAgree(values: Float64Array): 'all' | 'group' | undefined;
}

/** A kind of row that is not a unit, as a rule is: a reason it is skipped for, and a test. */
export interface RowKind {
  /** For tests and verbose output. */
  readonly name: string;
  readonly reason: SkipReason;
  readonly effect?: RowEffect;
  /** Listed without its text: a row of column numbers or of header words says nothing more. */
  readonly quiet?: boolean;
  test(view: RowView, ctx: RowContext): boolean;
}

export function defineRowKind(kind: RowKind): RowKind {
  return kind;
}
