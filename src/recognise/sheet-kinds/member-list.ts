import { matchPath } from '../header.js';
import { cellText, fold } from '../normalise.js';
import { LIST_HEADER_ROWS } from '../patterns.js';
import { defineSheetKind } from './kind.js';
import type { SheetLook } from './look.js';

const PERSON_HEADER = /^(?:ho va ten|ho ten|ho, ten|ten dang vien|ho va ten dang vien)$/;

/**
 * A list of members, one row per person ("Họ và tên | Năm sinh | Ngày vào Đảng"), not a report of organisations:
 * a header row among the first with a person's name column and no organisation's name column.
 */
export function isMemberList(look: SheetLook): boolean {
  return look.once('memberList', () => {
    for (const row of look.sheet.rows.slice(0, LIST_HEADER_ROWS)) {
      const texts = row.map((v) => fold(cellText(v ?? null)));
      if (texts.some((t) => PERSON_HEADER.test(t))) {
        return !texts.some((t) => {
          const m = matchPath([t]);
          return m.kind === 'canonical' && m.id === 'name';
        });
      }
    }
    return false;
  });
}

export const memberList = defineSheetKind({
  kind: 'member-list',
  test: (look) => (isMemberList(look) ? { kind: 'member-list' } : undefined),
});
