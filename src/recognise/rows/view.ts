import type { CellValue } from '../../read/types.js';
import type { Layout } from '../layout.js';
import { cellText, cleanText, fold, own } from '../normalise.js';
import { BAD_CELL, countOf, decimalOf, NA_CELL } from '../numbers.js';
import { LABEL_HEAD, NON_ASCII, STT_NUMBER } from '../patterns.js';
import { parseOrgType, type OrgType } from '../vocabulary.js';

/** Type, rating and period cells repeat the same few texts on every row: each distinct text is read once. */
export class TextCache<T> {
  private readonly map = new Map<string, T>();
  constructor(private readonly compute: (text: string) => T) {}
  get(text: string): T {
    let v = this.map.get(text);
    if (v === undefined && !this.map.has(text)) {
      v = this.compute(text);
      if (this.map.size < 1000) this.map.set(text, v);
    }
    return v as T;
  }
}

/**
 * Cells of the columns that repeat a few texts (type, rating, sector): each distinct text cleaned once, and the same
 * string handed out for it on every row, whose hash the maps after it (the type and rating caches, the roll-up's
 * sectors) have already computed. Keys and texts are copies: a cell read from a CSV is a slice of a whole piece of
 * the file, which a slice kept alive would keep.
 */
export class CleanCache {
  // A table of its own, not a Map: a Map hashes the whole text of every cell looked up; here a few of its characters
  // choose a short list, and the text is compared once with the texts on it.
  private readonly keys: string[] = [];
  private readonly texts: string[] = [];
  private readonly next: number[] = [];
  private readonly heads = new Int32Array(256).fill(-1);

  get(raw: string): string {
    const n = raw.length;
    if (n === 0) return raw;
    const bucket = (n * 31 + raw.charCodeAt(0) * 7 + raw.charCodeAt(n >> 1) * 3 + raw.charCodeAt(n - 1)) & 255;
    for (let e = this.heads[bucket] as number; e >= 0; e = this.next[e] as number) if (this.keys[e] === raw) return this.texts[e] as string;
    const clean = cleanText(raw);
    if (this.keys.length >= 1000) return clean;
    const text = own(clean);
    this.next.push(this.heads[bucket] as number);
    this.heads[bucket] = this.keys.length;
    this.keys.push(own(raw));
    this.texts.push(text);
    return text;
  }
}

/**
 * One row of a table as the row kinds read it: its label, the label folded and lower-cased, its STT and its
 * figures, each worked out once and only when a kind asks (a row of figures under a label with its diacritics is
 * never folded). One view is reused row after row, so a million-row file allocates nothing here.
 */
export class RowView {
  row: readonly CellValue[] = [];
  /** 0-based row index in the sheet. */
  r = 0;
  /** The name cell; the unit's reading may take a bullet off it. */
  name = '';
  /** The name, or the row's first text that is not a number: what says what the row is. */
  label = '';
  /** The figures of the summed columns (see `Layout.summed`), as `countOf` codes; `anyCount`: one of them is filled. */
  readonly values: Float64Array;
  anyCount = false;
  private foldedLabel: string | undefined;
  private lowerLabel: string | null | undefined;
  private stt: string | undefined;
  private unit: boolean | undefined;

  constructor(private readonly layout: Layout, readonly types: TextCache<OrgType | undefined>, private readonly cleaned = new CleanCache()) {
    this.values = new Float64Array(layout.summed.length);
  }

  /** Start on a row: its name and label (figures are read by `readFigures`, not for the notes under a table). */
  reset(row: readonly CellValue[], r: number): void {
    this.row = row;
    this.r = r;
    const nameCol = this.layout.nameCol;
    this.name = nameCol !== undefined ? cellText(row[nameCol]) : '';
    this.label = this.name !== '' ? this.name : cellText(row.find((v) => typeof v === 'string' && v.trim() !== '' && !/^[\d.,\s]+$/.test(v)) ?? null);
    this.foldedLabel = undefined;
    this.lowerLabel = undefined;
    this.stt = undefined;
    this.unit = undefined;
  }

  readFigures(): void {
    const { summed, firstIndicator } = this.layout;
    let any = false;
    for (let i = 0; i < summed.length; i++) {
      const cell = this.row[(summed[i] as { col: number }).col] ?? null;
      let v = countOf(cell);
      // Indicators may be amounts with a fraction ("Đảng phí (triệu đồng)": 15,5); counts may not.
      if (v === BAD_CELL && i >= firstIndicator) v = decimalOf(cell) ?? BAD_CELL;
      this.values[i] = v;
      if (v >= 0 || v === NA_CELL) any = true;
    }
    this.anyCount = any;
  }

  /** The start of the label, folded (see `fold`). */
  get folded(): string {
    this.foldedLabel ??= fold(this.label.length > LABEL_HEAD ? this.label.slice(0, LABEL_HEAD) : this.label);
    return this.foldedLabel;
  }

  /** The start of the label lower-cased when it has diacritics (read as written); undefined when it has none (read folded). */
  get lower(): string | undefined {
    if (this.lowerLabel === undefined) {
      const head = this.label.length > LABEL_HEAD ? this.label.slice(0, LABEL_HEAD) : this.label;
      this.lowerLabel = NON_ASCII.test(head) ? head.toLowerCase() : null;
    }
    return this.lowerLabel ?? undefined;
  }

  get sttText(): string {
    const c = this.layout.sttCol;
    this.stt ??= c !== undefined ? cellText(this.row[c]) : '';
    return this.stt;
  }

  /**
   * Numbered in the STT column, or typed in the type column: a unit whatever its name ("Cộng đồng Doanh nghiệp
   * trẻ", "Khối Văn phòng Tổng công ty", "Tổng hợp Xuất nhập khẩu"). Most rows end their tests here.
   */
  get isUnit(): boolean {
    if (this.unit === undefined) {
      const t = this.layout.columns.type;
      const cell = t !== undefined ? this.row[t] : undefined;
      this.unit = STT_NUMBER.test(this.sttText)
        || (t !== undefined && this.types.get(typeof cell === 'string' ? this.cleaned.get(cell) : cellText(cell)) !== undefined);
    }
    return this.unit;
  }

  /** The folded form of any text, for kinds that read a label built from the row ("II" + "ĐẢNG BỘ CƠ SỞ"). */
  static foldHead(text: string): string {
    return fold(text.slice(0, LABEL_HEAD));
  }
}

export function typeCache(): TextCache<OrgType | undefined> {
  return new TextCache(parseOrgType);
}
