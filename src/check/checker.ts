import { diagnose, type Diagnostic } from './diagnostic.js';
import { ROW_RULES } from './registry.js';
import { KeyIndex } from './key-index.js';
import { isAsciiAlnum, KeyHash } from './key-hash.js';
import { locate, type Locatable, type RuleContext } from './rule.js';
import { fold } from '../recognise/normalise.js';
import type { UnitRow } from '../recognise/table.js';
import { ORG_TYPES, type OrgType } from '../recognise/vocabulary.js';

/** A unit with a parent: kept whole, as the hierarchy rules need its place and its parent's code. */
interface Child extends Locatable {
  readonly code: string | undefined;
  readonly parent: string;
  readonly period: string | undefined;
}

const ROW_BITS = 2 ** 28;

/**
 * Runs the row rules as rows arrive and keeps what the rules across rows need: every unit's key (duplicates,
 * within and across files) packed into one number with its place and type, so that a million rows stay small;
 * the units that name a parent (hierarchy), checked in `finish`.
 */
export class Checker {
  readonly diagnostics: Diagnostic[] = [];
  private readonly places: { file: string; sheet: string | undefined }[] = [];
  private readonly placeIds = new Map<string, number>();
  /** key → ((place × 2^28 + row) × 8 + type). */
  private readonly units = new KeyIndex();
  private readonly key = new KeyHash();
  private readonly children: Child[] = [];
  /** The organisations' excellent quota is a share within one period: counted per period. */
  private readonly quotaCounts = new Map<string, { excellent: number; good: number }>();
  /** The units first read from an official form or another derived table (packed as in `units`): a few. */
  private readonly formFirsts = new Set<number>();

  constructor(private readonly ctx: RuleContext) {}

  private lastPlace: { file: string; sheet: string | undefined; id: number } | undefined;
  private placeOf(file: string, sheet: string | undefined): number {
    if (this.lastPlace?.file === file && this.lastPlace.sheet === sheet) return this.lastPlace.id;
    const key = `${file}\u0000${sheet ?? ''}`;
    let id = this.placeIds.get(key);
    if (id === undefined) {
      id = this.places.length;
      this.places.push({ file, sheet });
      this.placeIds.set(key, id);
    }
    this.lastPlace = { file, sheet, id };
    return id;
  }

  private unpack(packed: number): { file: string; sheet: string | undefined; row: number; type: OrgType | undefined } {
    const type = ORG_TYPES[packed % 8];
    const rest = Math.floor(packed / 8);
    const place = this.places[Math.floor(rest / ROW_BITS)] ?? { file: '', sheet: undefined };
    return { ...place, row: rest % ROW_BITS, type };
  }

  /**
   * Check a row. False when it must not be counted: the same unit as an earlier row where one of the two is an
   * official form's (a unit table's row and the unit's Biểu 1), which TL020 reports and the roll-up counts once, as
   * first read, even under --force. Two rows of unit tables stay as they were (both counted under --force).
   */
  add(row: UnitRow): boolean {
    for (const rule of ROW_RULES) {
      const finding = rule.check(row, this.ctx);
      if (finding) this.diagnostics.push(locate(rule.code, row, finding));
    }
    // One row per unit and period: the same unit in the reports of two years is not a duplicate.
    // A cell with no code is known by its name under its committee: three "Chi bộ Văn phòng" under three committees
    // are three cells.
    const type = row.type ? ORG_TYPES.indexOf(row.type) : 7;
    const packed = ((this.placeOf(row.source.file, row.source.sheet) * ROW_BITS) + row.source.row) * 8 + type;
    const period = row.period ?? '';
    const code = row.code;
    let first: number | undefined;
    if (code !== undefined && isAsciiAlnum(code)) {
      // A code of letters and digits (nearly every row): the key is hashed as it would be written, not written.
      const k = this.key.start(period.length + 2 + code.length).text(period).char(0).char(0x63).lowerAscii(code).end();
      first = this.units.setHashIfAbsent(k.hi, k.lo, packed);
    } else {
      const key = `${period}\u0000${code ? `c${fold(code)}` : row.parent && row.type === 'chi_bo_truc_thuoc' ? `p${fold(row.parent)}\u0000${fold(row.name)}` : `n${fold(row.name)}`}`;
      first = this.units.setIfAbsent(key, packed);
    }
    if (first !== undefined) {
      const at = this.unpack(first);
      const other = `${at.file}${at.sheet ? ` [${at.sheet}]` : ''}:${at.row}`;
      const once = row.source.cells !== undefined || this.formFirsts.has(first);
      this.diagnostics.push(locate('TL020', row, { column: row.code ? 'code' : 'name', args: { value: row.code ?? row.name, other, ...(once ? { once: 1 } : {}) } }));
      return !once;
    }
    if (row.source.cells !== undefined) this.formFirsts.add(packed);
    if (row.parent) this.children.push({ source: row.source, columns: row.columns, name: row.name, code: row.code, parent: row.parent, period: row.period });
    if (row.type !== 'chi_bo_truc_thuoc' && row.type !== 'dang_bo_bo_phan') {
      let q = this.quotaCounts.get(row.period ?? '');
      if (!q) this.quotaCounts.set(row.period ?? '', q = { excellent: 0, good: 0 });
      if (row.rating === 'HTXSNV') q.excellent++;
      if (row.rating === 'HTXSNV' || row.rating === 'HTTNV') q.good++;
    }
    return true;
  }

  /** Rules over the whole set: hierarchy and the organisations' excellent quota. */
  finish(): Diagnostic[] {
    const typeOf = (code: string, period: string | undefined): OrgType | undefined | null => {
      // The parent column holds a code, or (for cells listed under their committee without codes) its name.
      const packed = this.units.get(`${period ?? ''}\u0000c${fold(code)}`) ?? this.units.get(`${period ?? ''}\u0000n${fold(code)}`);
      return packed === undefined ? null : this.unpack(packed).type;
    };
    const parentOf = new Map<string, Child>();
    for (const c of this.children) if (c.code) parentOf.set(fold(c.code), c);
    for (const c of this.children) {
      const type = typeOf(c.parent, c.period);
      if (type === null) this.diagnostics.push(locate('TL050', c, { column: 'parent', args: { value: c.parent } }));
      else if (type === 'chi_bo_co_so' || type === 'chi_bo_truc_thuoc') this.diagnostics.push(locate('TL053', c, { column: 'parent', args: { value: c.parent } }));
    }
    // Cycles: follow parents from each unit; coming back to a unit already on the path is a loop.
    const reported = new Set<string>();
    for (const c of this.children) {
      const path: Child[] = [c];
      let current = parentOf.get(fold(c.parent));
      while (current && path.length <= this.children.length) {
        const at = path.indexOf(current);
        if (at >= 0) {
          const loop = path.slice(at);
          const id = loop.map((x) => fold(x.code ?? '')).sort().join('|');
          if (!reported.has(id)) {
            reported.add(id);
            const start = loop[0] ?? c;
            this.diagnostics.push(locate('TL051', start, { column: 'parent', args: { value: [...loop, start].map((x) => x.code ?? '').join(' → ') } }));
          }
          break;
        }
        path.push(current);
        current = parentOf.get(fold(current.parent));
      }
    }
    const quota = this.ctx.thresholds.excellentQuota;
    for (const { excellent, good } of this.quotaCounts.values()) {
      const max = Math.floor(good * quota + 1e-9);
      // Under 5 rated good or better, 20% is less than one organisation: the share cannot be judged (a unit's own
      // file with its one HTXSNV would always be warned).
      if (excellent > max && good >= 5) {
        const files = [...new Set(this.places.map((p) => p.file))];
        // Over several files the quota belongs to none of them: no file is named.
        this.diagnostics.push(diagnose('TL040', { file: files.length === 1 ? (files[0] ?? '') : '' }, { value: excellent, base: good, expected: max, quota: quota * 100 }));
      }
    }
    return this.diagnostics;
  }
}
