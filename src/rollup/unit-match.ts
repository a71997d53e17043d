import { KeyIndex } from '../check/key-index.js';
import { fold } from '../recognise/normalise.js';
import type { UnitRow } from '../recognise/table.js';
import type { OrgType } from '../recognise/vocabulary.js';

/** A grassroots organisation as the comparison lists it. */
export interface UnitRef {
  readonly code: string | null;
  readonly name: string;
  readonly type: OrgType | null;
  readonly file: string;
  readonly row: number;
}

/** Which grassroots organisations the two periods share, and which came or went. */
export interface UnitChanges {
  /** Matched by code (both rows have the same code), and by folded name (else). */
  readonly matched: { readonly byCode: number; readonly byName: number };
  readonly appeared: readonly UnitRef[];
  readonly disappeared: readonly UnitRef[];
  /** How many came and went: more than listed when there are more than LIST_LIMIT. */
  readonly appearedCount: number;
  readonly disappearedCount: number;
}

/** Units listed as come or gone, at most: a bloc has a few hundred; a run of a million rows is counted, not listed. */
export const LIST_LIMIT = 1000;
/** Previous units whose name is kept (to list those gone): beyond it they are only counted. */
const KEEP_LIMIT = 50_000;

const GRASSROOTS = new Set<OrgType | undefined>(['dang_bo_co_so', 'chi_bo_co_so', undefined]);
const ref = (row: UnitRow): UnitRef => ({ code: row.code ?? null, name: row.name, type: row.type ?? null, file: row.source.file, row: row.source.row });

/**
 * Matches the grassroots organisations of two periods as rows arrive, the previous period's first: by code when
 * both have one, else by folded name (case, diacritics, tone-mark placement, spacing). Keys are hashed (16 bytes a
 * key), so a million units on each side stay small; the names of the previous ones are kept up to KEEP_LIMIT.
 */
export class UnitMatcher {
  private readonly byCode = new KeyIndex();
  private readonly byName = new KeyIndex();
  private matchedFlags = new Uint8Array(1024);
  private previousCount = 0;
  private readonly kept: UnitRef[] = [];
  private readonly appeared: UnitRef[] = [];
  private appearedCount = 0;
  private readonly matched = { byCode: 0, byName: 0 };

  addPrevious(row: UnitRow): void {
    if (!GRASSROOTS.has(row.type)) return;
    const i = this.previousCount;
    // A unit written twice (TL020) is one unit: its second row is not counted again.
    const first = row.code ? this.byCode.setIfAbsent(fold(row.code), i) : undefined;
    const firstByName = this.byName.setIfAbsent(fold(row.name), i);
    if (first !== undefined || (!row.code && firstByName !== undefined)) return;
    this.previousCount++;
    if (this.previousCount > this.matchedFlags.length) {
      const grown = new Uint8Array(this.matchedFlags.length * 2);
      grown.set(this.matchedFlags);
      this.matchedFlags = grown;
    }
    if (this.kept.length < KEEP_LIMIT) this.kept.push(ref(row));
  }

  addCurrent(row: UnitRow): void {
    if (!GRASSROOTS.has(row.type)) return;
    const byCode = row.code ? this.byCode.get(fold(row.code)) : undefined;
    const at = byCode ?? this.byName.get(fold(row.name));
    if (at === undefined || this.matchedFlags[at]) {
      this.appearedCount++;
      if (this.appeared.length < LIST_LIMIT) this.appeared.push(ref(row));
      return;
    }
    this.matchedFlags[at] = 1;
    if (byCode !== undefined) this.matched.byCode++;
    else this.matched.byName++;
  }

  result(): UnitChanges {
    const disappeared: UnitRef[] = [];
    let disappearedCount = 0;
    for (let i = 0; i < this.previousCount; i++) {
      if (this.matchedFlags[i]) continue;
      disappearedCount++;
      const r = this.kept[i];
      if (r && disappeared.length < LIST_LIMIT) disappeared.push(r);
    }
    return { matched: { ...this.matched }, appeared: [...this.appeared], disappeared, appearedCount: this.appearedCount, disappearedCount };
  }
}
