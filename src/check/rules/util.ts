import type { UnitRow } from '../../recognise/table.js';

/** Members rated at one of the four levels. */
export function memberRated(row: UnitRow): number {
  const c = row.counts;
  return (c.membersHTXSNV ?? 0) + (c.membersHTTNV ?? 0) + (c.membersHTNV ?? 0) + (c.membersKHTNV ?? 0);
}

/** Does the row carry any member rating at all? (A report without member ratings is not checked on them.) */
export function hasMemberRatings(row: UnitRow): boolean {
  const c = row.counts;
  return c.membersHTXSNV !== undefined || c.membersHTTNV !== undefined || c.membersHTNV !== undefined || c.membersKHTNV !== undefined;
}

export function isGrassroots(row: UnitRow): boolean {
  return row.type === undefined || row.type === 'dang_bo_co_so' || row.type === 'chi_bo_co_so';
}
