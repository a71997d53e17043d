import { fold, own } from '../recognise/normalise.js';
import { RATING_LEVELS, type OrgType, type RatingLevel } from '../recognise/vocabulary.js';
import { KeyIndex } from '../check/key-index.js';
import { EntryTable, type ParentRef } from './streak-store.js';

/** What a streak needs of one unit row (the series core's UnitBrief has it). */
export interface StreakRow {
  readonly code: string | undefined;
  readonly name: string;
  readonly type: OrgType | undefined;
  readonly parent: string | undefined;
  readonly rating: RatingLevel | 'unrated' | undefined;
  readonly source: { readonly file: string };
}

export interface StreakItem {
  readonly code: string | null;
  readonly name: string;
  readonly type: OrgType | null;
  /** The parent's code (its name when no year gave it a code), null under the bloc. */
  readonly parent: string | null;
  readonly parentName: string | null;
  readonly years: readonly string[];
}

/** `tally streak`, kind "organizations": schema tally.streak/1. */
export interface OrgStreakResult {
  readonly schema: 'tally.streak/1';
  readonly kind: 'organizations';
  readonly rating: RatingLevel;
  readonly years: number;
  readonly from: string;
  readonly to: string;
  readonly periodsRead: readonly string[];
  /** Grassroots organisations (ĐBCS, CBCS) and subordinate ones (chi bộ trực thuộc, đảng bộ bộ phận) in the list. */
  readonly counts: { readonly organizations: number; readonly cells: number };
  readonly items: readonly StreakItem[];
}

/** Cells follow their committee within a file: this many recent committees are enough to name it. */
const RECENT_LIMIT = 5000;
const KEPT_LIMIT = 20_000;

const SUBORDINATE = new Set<OrgType | undefined>(['chi_bo_truc_thuoc', 'dang_bo_bo_phan']);
const COMMITTEE = new Set<OrgType | undefined>(['dang_bo_co_so', 'dang_bo_bo_phan']);

/** What a row gives an organisation's entry. */
interface RowFields {
  code: string | undefined;
  name: string;
  type: OrgType | undefined;
  parent: ParentRef | undefined;
}

/** More periods than a bit each in a 32-bit mask: a streak reads at most this many. */
export const MAX_PERIODS = 31;

interface Committee {
  code: string | undefined;
  name: string;
}

/**
 * The organisations rated at least `rating` in each of a run of periods, as rows arrive in any order of periods.
 * Only what a streak needs is kept: one entry per organisation that reached the level in some period (its keys and
 * its years), and the committees of the files that list cells, to name a cell's committee the same way in every
 * year. An organisation is one across years by its code, else by its folded name (a cell's under its committee,
 * known by code or by name): each row adds every key it can, so a year with codes joins the years without.
 */
export class OrgStreak {
  /** Each key → the organisation's id, hashed in typed arrays: a streak of a million units stays small. */
  private readonly index = new KeyIndex();
  /**
   * Per id: what is kept (in typed arrays and one buffer of UTF-8, not objects: 150,000 entries as objects kept
   * the collected heap at ~70 MB, which V8 let grow to ~190), the periods reached (a bit per period), and the id
   * it was merged into (itself if none).
   */
  private readonly entries = new EntryTable();
  private masks = new Uint32Array(1024);
  private link = new Int32Array(1024);
  private readonly periodNames: string[] = [];
  /** Periods met after MAX_PERIODS others: not read. */
  readonly beyond = new Set<string>();
  private readonly periodBits = new Map<string, number>();
  private readonly committees = new Map<string, Committee>();
  /** Committees of the file being read, the latest RECENT_LIMIT of them: kept past the file only if it has cells. */
  private pending: { file: string; committees: Map<string, Committee>; cells: boolean } | undefined;
  private readonly at: number;

  constructor(private readonly rating: RatingLevel) {
    this.at = RATING_LEVELS.indexOf(rating);
  }

  add(period: string, row: StreakRow): void {
    if (this.pending?.file !== row.source.file) this.closeFile(row.source.file);
    const sub = SUBORDINATE.has(row.type);
    if (sub && this.pending) this.pending.cells = true;
    if (COMMITTEE.has(row.type)) this.registerCommittee(row);
    const level = row.rating && row.rating !== 'unrated' ? RATING_LEVELS.indexOf(row.rating) : -1;
    if (level < 0 || level > this.at) return;
    const keys: string[] = [];
    if (row.code) keys.push(`c\u0000${fold(row.code)}`);
    let parent: ParentRef | undefined;
    if (sub) {
      const aliases = this.parentAliases(row.parent);
      parent = aliases.committee;
      for (const a of aliases.keys) keys.push(`n\u0000${a}\u0000${fold(row.name)}`);
    } else keys.push(`n\u0000${fold(row.name)}`);
    this.merge(period, keys, { code: row.code, name: row.name, type: row.type, parent });
  }

  private closeFile(next: string): void {
    const p = this.pending;
    if (p?.cells) {
      for (const [k, c] of p.committees) {
        if (this.committees.size < KEPT_LIMIT) this.committees.set(k, { code: c.code === undefined ? undefined : own(c.code), name: own(c.name) });
      }
    }
    this.pending = { file: next, committees: new Map(), cells: false };
  }

  private registerCommittee(row: StreakRow): void {
    // Copied out of the read chunk only when kept past the file (closeFile): most committees are forgotten.
    const c: Committee = { code: row.code, name: row.name };
    const recent = this.pending?.committees;
    if (!recent) return;
    if (row.code) recent.set(`c\u0000${fold(row.code)}`, c);
    recent.set(`n\u0000${fold(row.name)}`, c);
    // The oldest go first (a Map iterates in insertion order).
    while (recent.size > RECENT_LIMIT) {
      const oldest = recent.keys().next();
      if (oldest.done) break;
      recent.delete(oldest.value);
    }
  }

  private committee(key: string): Committee | undefined {
    return this.pending?.committees.get(key) ?? this.committees.get(key);
  }

  /** Every way a cell's committee can be named in a key: its code and its folded name, as far as they are known. */
  private parentAliases(parent: string | undefined): { keys: string[]; committee: ParentRef | undefined } {
    if (!parent) return { keys: [''], committee: undefined };
    const t = fold(parent);
    const c = this.committee(`c\u0000${t}`) ?? this.committee(`n\u0000${t}`);
    if (!c) return { keys: [`c${t}`, `n${t}`], committee: { code: undefined, name: own(parent) } };
    const keys = [`n${fold(c.name)}`];
    if (c.code) keys.push(`c${fold(c.code)}`);
    return { keys, committee: { code: c.code === undefined ? undefined : own(c.code), name: own(c.name) } };
  }

  private bit(period: string): number {
    let b = this.periodBits.get(period);
    if (b === undefined) {
      if (this.periodBits.size >= MAX_PERIODS) {
        // Its rows are left out, and the run fails on it (cli/streak.ts): no list is made of a part of the periods.
        this.beyond.add(period);
        return 0;
      }
      b = 2 ** this.periodBits.size;
      this.periodBits.set(period, b);
      this.periodNames.push(period);
    }
    return b;
  }

  private find(id: number): number {
    let root = id;
    while (this.link[root] !== root) root = this.link[root] ?? root;
    // Path compression: every id on the way points at the root.
    for (let x = id; this.link[x] !== root; ) {
      const next = this.link[x] ?? root;
      this.link[x] = root;
      x = next;
    }
    return root;
  }

  private merge(period: string, keys: readonly string[], row: RowFields): void {
    let id: number | undefined;
    for (const k of keys) {
      const at = this.index.get(k);
      if (at === undefined) continue;
      const found = this.find(at);
      if (id === undefined) id = found;
      else if (found !== id) this.join(id, found);
    }
    const bit = this.bit(period);
    if (bit === 0) return;
    if (id === undefined) {
      id = this.entries.push(row.code, row.name, row.type, row.parent, this.periodNames.indexOf(period));
      if (id >= this.masks.length) {
        this.masks = grow32(this.masks, Uint32Array);
        this.link = grow32(this.link, Int32Array);
      }
      this.link[id] = id;
    } else if (period >= this.latestOf(id)) this.update(id, period, row);
    this.masks[id] = (this.masks[id] ?? 0) | bit;
    for (const k of keys) this.index.set(k, id);
    if (row.code !== undefined && this.entries.codeOf(id) === undefined) this.entries.setCode(id, row.code);
  }

  private latestOf(id: number): string {
    return this.periodNames[this.entries.latestOf(id)] ?? '';
  }

  /** The row of a later (or the same) period: its name, type and parent are the entry's now. */
  private update(id: number, period: string, row: RowFields): void {
    const e = this.entries;
    e.setLatest(id, this.periodNames.indexOf(period));
    if (e.nameOf(id) !== row.name) e.setName(id, row.name);
    if (row.type !== undefined) e.setType(id, row.type);
    const parent = row.parent?.code ? row.parent : (e.parentOf(id) ?? row.parent);
    e.setParent(id, parent);
  }

  /** Two entries are one organisation: the second joins the first, with its periods and, if later, its row. */
  private join(id: number, found: number): void {
    this.link[found] = id;
    this.masks[id] = (this.masks[id] ?? 0) | (this.masks[found] ?? 0);
    const e = this.entries;
    if (this.latestOf(found) > this.latestOf(id)) {
      const code = e.codeOf(found) ?? e.codeOf(id);
      e.setCode(id, code);
      e.setName(id, e.nameOf(found));
      e.setType(id, e.typeOf(found));
      e.setParent(id, e.parentOf(found) ?? e.parentOf(id));
      e.setLatest(id, e.latestOf(found));
    }
  }

  /** The organisations at the level in every one of `window` (the last N periods read, in order). */
  result(window: readonly string[], periodsRead: readonly string[], years: number): OrgStreakResult {
    const items: StreakItem[] = [];
    let need = 0;
    for (const p of window) need |= this.periodBits.get(p) ?? 0;
    // A period of the window no unit reached leaves no one in the streak.
    const reached = window.every((p) => this.periodBits.has(p));
    const e = this.entries;
    // One array of years for every item: a streak of 150,000 names them once.
    const windowYears = [...window];
    for (let id = 0; id < e.length && reached; id++) {
      if (this.link[id] !== id || ((this.masks[id] ?? 0) & need) >>> 0 !== need >>> 0) continue;
      const type = e.typeOf(id);
      const parent = e.parentOf(id);
      items.push({
        code: e.codeOf(id) ?? null, name: e.nameOf(id), type: type ?? null,
        parent: parent ? (parent.code ?? parent.name ?? null) : null, parentName: parent?.name ?? null, years: windowYears,
      });
    }
    const sub = (i: StreakItem): boolean => SUBORDINATE.has(i.type ?? undefined);
    const sortKey = (i: StreakItem): string => i.code ?? i.name;
    items.sort((a, b) => Number(sub(a)) - Number(sub(b)) || (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));
    let grassroots = 0;
    for (const i of items) if (!sub(i)) grassroots++;
    return {
      schema: 'tally.streak/1', kind: 'organizations', rating: this.rating, years,
      from: window[0] ?? '', to: window[window.length - 1] ?? '', periodsRead,
      counts: { organizations: grassroots, cells: items.length - grassroots },
      items,
    };
  }
}

function grow32<T extends Uint32Array | Int32Array>(a: T, make: new (n: number) => T): T {
  const grown = new make(a.length * 2);
  grown.set(a);
  return grown;
}
