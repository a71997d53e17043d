import type { ColumnId, CountColumn } from './columns.js';
import type { RatingLevel } from './vocabulary.js';

/** What a written percentage is a share of: the members (at the end), the members at the start, the members rated. */
export type ShareBase = 'members' | 'membersStart' | 'rated';

/** What a column of the table is. */
export type ColumnKind =
  | { readonly kind: 'canonical'; readonly id: ColumnId }
  /** A numeric column with no canonical meaning: summed under its header. */
  | { readonly kind: 'other' }
  /**
   * "Tỷ lệ", "TL%", "%": recomputed, never summed. `of` is what it is a percentage of, when known: a column, or the
   * members good or better ("Tỷ lệ ĐV HTTNV trở lên"); `base` what it is a share of, when the header names it
   * ("so với tổng số ĐV", "so với đầu năm", "được đánh giá"); without one, any of the row's member counts agrees.
   */
  | {
    readonly kind: 'percent';
    readonly of: ColumnId | 'goodOrBetter' | undefined;
    readonly base?: ShareBase | undefined;
    /** The part as the header words it, when tally does not know those words ("Tỷ lệ đảng viên trẻ"). */
    readonly unknownPart?: string | undefined;
  }
  /** STT / TT: row numbers. */
  | { readonly kind: 'stt' }
  /** Free text about the row ("Ghi chú", "Lý do", "Địa chỉ"): read by people, not by tally. */
  | { readonly kind: 'remark' }
  /** A "Tổng số" under a group whose parts are the other columns: checked against them, never added. */
  | { readonly kind: 'derived' }
  /**
   * A column under a count ("Chuyển đến" › "Tỉnh khác chuyển đến" | "Huyện khác chuyển đến"): its parts add up to
   * that count when the table has no column for the count itself.
   */
  | { readonly kind: 'part'; readonly of: CountColumn }
  /**
   * A rating level under the organisation's rating ("Xếp loại tổ chức" › "HTTNV"): a mark ("x") says the unit has
   * that level; if the column holds counts instead, it is an indicator (the ratings of a committee's cells).
   */
  | { readonly kind: 'ratingTick'; readonly level: RatingLevel | 'unrated' };

export interface HeaderColumn {
  readonly index: number;
  /** Header texts from the top header row down, merged parents included: ["Xếp loại đảng viên", "HTXSNV"]. */
  readonly path: readonly string[];
  /** The path as one label: "Xếp loại đảng viên › HTXSNV". */
  readonly label: string;
  readonly meaning: ColumnKind;
  /**
   * The column this one is a piece of, by the header: a "Trong đó" subset (never more than its whole) or a
   * "Chia ra" part (the parts add up to the whole). `whole` is that column's index.
   */
  readonly within?: { readonly whole: number; readonly how: 'subset' | 'part' } | undefined;
}

export interface HeaderMap {
  /** 0-based first and last header rows. */
  readonly top: number;
  readonly bottom: number;
  readonly columns: readonly HeaderColumn[];
}
