import type { PersonRow } from '../recognise/members/read.js';
import { fold } from '../recognise/normalise.js';
import { RATING_LEVELS, type RatingLevel } from '../recognise/vocabulary.js';

/** What a member list says of a set of persons: the figures a report's row gives for the same members. */
export interface MemberFigures {
  readonly members: number;
  readonly ratings: Record<RatingLevel, number>;
  /** "Chưa xếp loại": admitted within the year. */
  readonly notRated: number;
  /** "Miễn đánh giá". */
  readonly exempt: number;
}

export function memberFigures(persons: readonly PersonRow[]): MemberFigures {
  const ratings: Record<RatingLevel, number> = { HTXSNV: 0, HTTNV: 0, HTNV: 0, KHTNV: 0 };
  let notRated = 0;
  let exempt = 0;
  for (const p of persons) {
    if (p.rating === 'unrated') notRated++;
    else if (p.rating === 'exempt') exempt++;
    else if (p.rating !== 'unknown') ratings[p.rating]++;
  }
  return { members: persons.length, ratings, notRated, exempt };
}

/** The figures of each cell a list names, by folded cell name, with the name as first written. */
export function figuresByUnit(persons: readonly PersonRow[]): Map<string, { unit: string; figures: MemberFigures }> {
  const groups = new Map<string, { unit: string; persons: PersonRow[] }>();
  for (const p of persons) {
    if (p.unit === undefined) continue;
    const key = fold(p.unit);
    let g = groups.get(key);
    if (!g) groups.set(key, g = { unit: p.unit, persons: [] });
    g.persons.push(p);
  }
  return new Map([...groups].map(([k, g]) => [k, { unit: g.unit, figures: memberFigures(g.persons) }]));
}

/** The count columns of a unit row a list's figure stands beside, in the order they are compared. */
export const LIST_FIGURES = ['members', ...RATING_LEVELS.map((l) => `members${l}` as const), 'membersNotRated', 'membersExempt'] as const;
export type ListFigure = (typeof LIST_FIGURES)[number];

export function figureOf(f: MemberFigures, id: ListFigure): number {
  switch (id) {
    case 'members': return f.members;
    case 'membersNotRated': return f.notRated;
    case 'membersExempt': return f.exempt;
    default: return f.ratings[id.slice('members'.length) as RatingLevel];
  }
}
