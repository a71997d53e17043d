import { CATALOGUE } from './catalogue.js';
import type { Diagnostic } from './diagnostic.js';
import { ROW_RULES } from './registry.js';
import { locate, type RuleContext } from './rule.js';
import { fold } from '../recognise/normalise.js';
import type { UnitRow } from '../recognise/table.js';

interface Seen {
  readonly file: string;
  readonly sheet: string | undefined;
  readonly row: number;
  readonly name: string;
  readonly code: string | undefined;
  readonly type: UnitRow['type'];
  readonly parent: string | undefined;
  readonly ref: UnitRow;
}

function place(s: { file: string; sheet: string | undefined; row: number }): string {
  return `${s.file}${s.sheet ? ` [${s.sheet}]` : ''}:${s.row}`;
}

/**
 * Runs the row rules as rows arrive and keeps what the rules across rows need: units by key (duplicates,
 * within and across files) and the parent relation (hierarchy), checked in `finish`.
 */
export class Checker {
  readonly diagnostics: Diagnostic[] = [];
  private readonly units = new Map<string, Seen>();
  private readonly byCode = new Map<string, Seen>();
  private readonly withParent: Seen[] = [];
  /** Grassroots organisations rated excellent and good: the excellent quota is over the whole set. */
  private excellent = 0;
  private good = 0;

  constructor(private readonly ctx: RuleContext) {}

  add(row: UnitRow): void {
    for (const rule of ROW_RULES) {
      const finding = rule.check(row, this.ctx);
      if (finding) this.diagnostics.push(locate(rule.code, row, finding));
    }
    const key = row.code ? `code:${fold(row.code)}` : `name:${fold(row.name)}`;
    const seen: Seen = { file: row.source.file, sheet: row.source.sheet, row: row.source.row, name: row.name, code: row.code, type: row.type, parent: row.parent, ref: row };
    const first = this.units.get(key);
    if (first) {
      this.diagnostics.push(locate('TL020', row, { column: row.code ? 'code' : 'name', args: { value: row.code ?? row.name, other: place(first) } }));
    } else {
      this.units.set(key, seen);
      if (row.code) this.byCode.set(fold(row.code), seen);
    }
    if (row.parent) this.withParent.push(seen);
    if (row.type !== 'chi_bo_truc_thuoc' && row.type !== 'dang_bo_bo_phan') {
      if (row.rating === 'HTXSNV') this.excellent++;
      if (row.rating === 'HTXSNV' || row.rating === 'HTTNV') this.good++;
    }
  }

  /** Rules over the whole set: hierarchy and the organisations' excellent quota. */
  finish(): Diagnostic[] {
    for (const s of this.withParent) {
      const parent = this.byCode.get(fold(s.parent ?? ''));
      if (!parent) {
        this.diagnostics.push(locate('TL050', s.ref, { column: 'parent', args: { value: s.parent ?? '' } }));
        continue;
      }
      if (parent.type === 'chi_bo_co_so' || parent.type === 'chi_bo_truc_thuoc') {
        this.diagnostics.push(locate('TL053', s.ref, { column: 'parent', args: { value: s.parent ?? '' } }));
      }
    }
    // Cycles: follow parents from each unit; a walk that comes back to a unit on its own path is a loop.
    const reported = new Set<string>();
    for (const s of this.withParent) {
      const path: Seen[] = [s];
      let current = this.byCode.get(fold(s.parent ?? ''));
      while (current && path.length <= this.byCode.size) {
        const at = path.indexOf(current);
        if (at >= 0) {
          const loop = path.slice(at);
          const id = loop.map((x) => fold(x.code ?? '')).sort().join('|');
          if (!reported.has(id)) {
            reported.add(id);
            this.diagnostics.push(locate('TL051', loop[0]?.ref ?? s.ref, { column: 'parent', args: { value: [...loop, loop[0]].map((x) => x?.code ?? '').join(' → ') } }));
          }
          break;
        }
        path.push(current);
        current = current.parent ? this.byCode.get(fold(current.parent)) : undefined;
      }
    }
    const quota = this.ctx.thresholds.excellentQuota;
    const max = Math.floor(this.good * quota + 1e-9);
    if (this.excellent > max) {
      const files = [...new Set([...this.units.values()].map((u) => u.file))];
      this.diagnostics.push({
        code: 'TL040', severity: CATALOGUE.TL040.severity,
        location: { file: files.length === 1 ? (files[0] ?? '') : `${files.length} tệp` },
        args: { value: this.excellent, base: this.good, expected: max, quota: quota * 100 },
      });
    }
    return this.diagnostics;
  }
}
