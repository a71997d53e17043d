import { fold } from '../recognise/normalise.js';
import { RATING_LEVELS, type OrgType, type RatingLevel } from '../recognise/vocabulary.js';
import { hash } from '../check/key-index.js';
import { own } from './tree.js';

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

/** What is kept of one organisation, the rows of its latest period. */
interface Entry {
  code: string | undefined;
  name: string;
  type: OrgType | undefined;
  parent: { code: string | undefined; name: string | undefined } | undefined;
  /** The period the name, type and parent are from: the latest wins. */
  latest: string;
}

/** More periods than a bit each in a 32-bit mask: a streak reads at most this many. */
export const MAX_PERIODS = 31;

/** Two independent 32-bit hashes of a key in 53 bits, exact in a double (n²/2⁵⁴ odds of a collision). */
function hashKey(key: string): number {
  const [a, b] = hash(key);
  return a * 2 ** 21 + (b >>> 11);
}

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
  /** The hash of each key (a number, not a string) → the organisation's id: a streak of a million units stays small. */
  private readonly index = new Map<number, number>();
  /** Per id: what is kept, the periods reached (a bit per period), and the id it was merged into (itself if none). */
  private readonly entries: Entry[] = [];
  private masks = new Uint32Array(1024);
  private readonly link: number[] = [];
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
    let parent: Entry['parent'];
    if (sub) {
      const aliases = this.parentAliases(row.parent);
      parent = aliases.committee;
      for (const a of aliases.keys) keys.push(`n\u0000${a}\u0000${fold(row.name)}`);
    } else keys.push(`n\u0000${fold(row.name)}`);
    this.merge(period, keys.map(hashKey), { code: row.code === undefined ? undefined : own(row.code), name: own(row.name), type: row.type, parent });
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
  private parentAliases(parent: string | undefined): { keys: string[]; committee: Entry['parent'] } {
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
      if (this.periodBits.size >= MAX_PERIODS) throw new RangeError(`a streak reads at most ${MAX_PERIODS} periods`);
      b = 2 ** this.periodBits.size;
      this.periodBits.set(period, b);
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

  private merge(period: string, keys: readonly number[], row: Omit<Entry, 'latest'>): void {
    let id: number | undefined;
    for (const k of keys) {
      const at = this.index.get(k);
      if (at === undefined) continue;
      const found = this.find(at);
      if (id === undefined) id = found;
      else if (found !== id) {
        // Two entries are one organisation: the second joins the first, with its periods and its latest row.
        this.link[found] = id;
        this.masks[id] = (this.masks[id] ?? 0) | (this.masks[found] ?? 0);
        const [a, b] = [this.entries[id], this.entries[found]];
        if (a && b && b.latest > a.latest) Object.assign(a, { code: b.code ?? a.code, name: b.name, type: b.type, parent: b.parent ?? a.parent, latest: b.latest });
      }
    }
    if (id === undefined) {
      id = this.entries.length;
      // A literal, not a spread of `row`: a spread gave every entry a hidden class of its own (~200 bytes each).
      this.entries.push({ code: row.code, name: row.name, type: row.type, parent: row.parent, latest: period });
      this.link.push(id);
      if (id >= this.masks.length) {
        const grown = new Uint32Array(this.masks.length * 2);
        grown.set(this.masks);
        this.masks = grown;
      }
    }
    this.masks[id] = (this.masks[id] ?? 0) | this.bit(period);
    for (const k of keys) this.index.set(k, id);
    const entry = this.entries[id];
    if (!entry) return;
    if (period >= entry.latest) {
      entry.latest = period;
      entry.name = row.name;
      entry.type = row.type ?? entry.type;
      entry.parent = row.parent?.code ? row.parent : (entry.parent ?? row.parent);
    }
    entry.code ??= row.code;
  }

  /** The organisations at the level in every one of `window` (the last N periods read, in order). */
  result(window: readonly string[], periodsRead: readonly string[], years: number): OrgStreakResult {
    const items: { item: StreakItem; sub: boolean }[] = [];
    let need = 0;
    for (const p of window) need |= this.periodBits.get(p) ?? 0;
    // A period of the window no unit reached leaves no one in the streak.
    const reached = window.every((p) => this.periodBits.has(p));
    for (let id = 0; id < this.entries.length && reached; id++) {
      const e = this.entries[id];
      if (!e || this.link[id] !== id || ((this.masks[id] ?? 0) & need) >>> 0 !== need >>> 0) continue;
      const sub = SUBORDINATE.has(e.type);
      items.push({
        item: {
          code: e.code ?? null, name: e.name, type: e.type ?? null,
          parent: e.parent ? (e.parent.code ?? e.parent.name ?? null) : null, parentName: e.parent?.name ?? null,
          years: [...window],
        },
        sub,
      });
    }
    const sortKey = (i: { item: StreakItem }): string => i.item.code ?? i.item.name;
    items.sort((a, b) => Number(a.sub) - Number(b.sub) || (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));
    const grassroots = items.filter((i) => !i.sub).length;
    return {
      schema: 'tally.streak/1', kind: 'organizations', rating: this.rating, years,
      from: window[0] ?? '', to: window[window.length - 1] ?? '', periodsRead,
      counts: { organizations: grassroots, cells: items.length - grassroots },
      items: items.map((i) => i.item),
    };
  }
}
