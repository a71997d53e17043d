import type { MemberRating, PersonRow } from '../recognise/members/read.js';
import { compareCodePoints, fold } from '../recognise/normalise.js';
import { RATING_LEVELS, type RatingLevel } from '../recognise/vocabulary.js';

/** One year's member list as a streak reads it. */
export interface ListYear {
  readonly period: string;
  readonly file: string;
  readonly persons: readonly PersonRow[];
}

export interface MemberStreakItem {
  readonly name: string;
  readonly born: string | null;
  readonly card: string | null;
  /** The cell in the last year of the streak. */
  readonly unit: string | null;
  readonly years: readonly string[];
}

/** Rows of one year that cannot be told apart (same folded name, date of birth and cell, no card): reported, never guessed. */
export interface AmbiguousMatch {
  readonly name: string;
  readonly born: string | null;
  readonly unit: string | null;
  readonly year: string;
  readonly rows: readonly { readonly file: string; readonly row: number; readonly rating: MemberRating }[];
  /** The persons of other years they may be (by card); empty when none has a card. */
  readonly candidates: readonly { readonly card: string }[];
}

export interface MemberStreakResult {
  readonly schema: 'tally.streak/1';
  readonly kind: 'members';
  readonly rating: RatingLevel;
  readonly years: number;
  readonly from: string;
  readonly to: string;
  readonly periodsRead: readonly string[];
  readonly count: number;
  readonly items: readonly MemberStreakItem[];
  readonly ambiguous: readonly AmbiguousMatch[];
}

type Row = PersonRow & { readonly file: string };

/** A person across the lists: known by card, or (no card in any list) by folded name, date of birth and cell. */
class Person {
  readonly rows = new Map<string, Row>();
  /** Years where an ambiguous group's rows all meet the level: whichever row is theirs, they met it. */
  readonly creditedYears = new Set<string>();
  constructor(readonly card: string | undefined) {}

  sameAs(key: NameKey): boolean {
    for (const r of this.rows.values()) if (nameKey(r).name === key.name && (r.born ?? '') === key.born && fold(r.unit ?? '') === key.unit) return true;
    return false;
  }
}

interface NameKey { readonly name: string; readonly born: string; readonly unit: string }
/** Names typed in decomposed Unicode or with doubled spaces fold to the same key. */
function nameKey(p: PersonRow): NameKey {
  return { name: fold(p.name), born: p.born ?? '', unit: fold(p.unit ?? '') };
}
const keyText = (k: NameKey): string => `${k.name}|${k.born}|${k.unit}`;

const RANK: Record<RatingLevel, number> = Object.fromEntries(RATING_LEVELS.map((l, i) => [l, i])) as Record<RatingLevel, number>;
/** Rated at least at `level` (HTTNV or better for HTTNV). */
export function atLeast(rating: MemberRating, level: RatingLevel): boolean {
  return rating !== 'unrated' && rating !== 'exempt' && rating !== 'unknown' && RANK[rating] <= RANK[level];
}

/**
 * Match the persons of several years' lists: by card when the row has one; a row without a card by folded name,
 * date of birth and cell to the one person with a card who has no row that year; rows that stay ambiguous (twins
 * with no card, or several persons they may be) are returned apart, never assigned.
 */
export function matchPersons(lists: readonly ListYear[]): { persons: Person[]; ambiguous: { year: string; rows: Row[]; candidates: Person[] }[] } {
  const byCard = new Map<string, Person>();
  const blank: { year: string; row: Row }[] = [];
  for (const list of lists) {
    for (const p of list.persons) {
      const row: Row = { ...p, file: list.file };
      if (p.card === undefined) {
        blank.push({ year: list.period, row });
        continue;
      }
      let person = byCard.get(p.card);
      if (!person) byCard.set(p.card, person = new Person(p.card));
      if (!person.rows.has(list.period)) person.rows.set(list.period, row);
    }
  }
  const groups = new Map<string, { year: string; key: NameKey; rows: Row[] }>();
  for (const b of blank) {
    const key = nameKey(b.row);
    const id = `${b.year}#${keyText(key)}`;
    const g = groups.get(id) ?? { year: b.year, key, rows: [] };
    g.rows.push(b.row);
    groups.set(id, g);
  }
  const cardless = new Map<string, Person>();
  const ambiguous: { year: string; rows: Row[]; candidates: Person[] }[] = [];
  for (const g of groups.values()) {
    const candidates = [...byCard.values()].filter((p) => !p.rows.has(g.year) && p.sameAs(g.key));
    const only = g.rows[0];
    if (g.rows.length === 1 && candidates.length === 1 && only) {
      candidates[0]?.rows.set(g.year, only);
    } else if (candidates.length === 0 && g.rows.length === 1 && only) {
      const k = keyText(g.key);
      let p = cardless.get(k);
      if (!p) cardless.set(k, p = new Person(undefined));
      p.rows.set(g.year, only);
    } else {
      ambiguous.push({ year: g.year, rows: g.rows, candidates });
    }
  }
  return { persons: [...byCard.values(), ...cardless.values()], ambiguous };
}

/** The latest row of a person (its name and cell as last written). */
function latest(p: Person, years: readonly string[]): Row | undefined {
  for (let i = years.length - 1; i >= 0; i--) {
    const r = p.rows.get(years[i] ?? '');
    if (r) return r;
  }
  return undefined;
}

/**
 * The members rated at least `level` in each period of `window` (the last N years read): name, date of birth, card,
 * cell and years; with the ambiguous matches of those years reported.
 */
export function memberStreak(lists: readonly ListYear[], window: readonly string[], level: RatingLevel): MemberStreakResult {
  const inWindow = new Set(window);
  const { persons, ambiguous } = matchPersons(lists.filter((l) => inWindow.has(l.period)));
  for (const a of ambiguous) {
    // Whichever row is whose, every candidate met the level that year when every row did.
    if (a.rows.every((r) => atLeast(r.rating, level))) for (const c of a.candidates) c.creditedYears.add(a.year);
  }
  const items: MemberStreakItem[] = [];
  for (const p of persons) {
    const met = window.filter((y) => p.creditedYears.has(y) || atLeast(p.rows.get(y)?.rating ?? 'unknown', level));
    if (met.length !== window.length) continue;
    const last = latest(p, window);
    if (!last) continue;
    const lastOfStreak = p.rows.get(window[window.length - 1] ?? '') ?? last;
    items.push({ name: last.name, born: last.born ?? null, card: p.card ?? null, unit: lastOfStreak.unit ?? null, years: [...window] });
  }
  items.sort((a, b) => compareCodePoints(a.card ?? '\uffff', b.card ?? '\uffff') || compareCodePoints(fold(a.name), fold(b.name)));
  const reported = ambiguous.filter((a) => !a.rows.every((r) => atLeast(r.rating, level)) && a.rows.some((r) => atLeast(r.rating, level)))
    .map((a): AmbiguousMatch => {
      const first = a.rows[0];
      return {
        name: first?.name ?? '', born: first?.born ?? null, unit: first?.unit ?? null, year: a.year,
        rows: a.rows.map((r) => ({ file: r.file, row: r.row, rating: r.rating })),
        candidates: a.candidates.flatMap((c) => (c.card !== undefined ? [{ card: c.card }] : [])).sort((x, y) => compareCodePoints(x.card, y.card)),
      };
    });
  const periods = lists.map((l) => l.period);
  return {
    schema: 'tally.streak/1', kind: 'members', rating: level, years: window.length, from: window[0] ?? '', to: window[window.length - 1] ?? '',
    periodsRead: periods, count: items.length, items, ambiguous: reported,
  };
}
