import { GROUP_NUMERAL, MARKED_LABEL, SECTOR_LINE, startsWith } from '../patterns.js';
import { defineRowKind } from './kind.js';
import { isGroupTotalRow } from './labels.js';
import { RowView } from './view.js';

/**
 * A group heading that carries its group's totals ("I. ĐẢNG BỘ CƠ SỞ | 1.234 | 56", "KHỐI DOANH NGHIỆP | 90"):
 * they are checked against the rows under it, never added. The numeral may stand in the STT column ("II" |
 * "CHI BỘ CƠ SỞ") or in front of the label.
 */
export const groupTotal = defineRowKind({
  name: 'group-total', reason: 'group', effect: 'group-total',
  test: (v) => {
    if (!v.anyCount) return false;
    const stt = v.sttText;
    const marked = GROUP_NUMERAL.test(stt) && !MARKED_LABEL.test(v.label) ? `${stt}. ${v.label}` : v.label;
    return isGroupTotalRow(marked, marked === v.label ? () => v.folded : () => RowView.foldHead(marked))
      || (!v.isUnit && v.label === v.label.toUpperCase() && startsWith(SECTOR_LINE, v.lower, () => v.folded));
  },
});
