import { ORG_TYPE_LABELS } from '../../recognise/vocabulary.js';
import { defineRule } from '../rule.js';

/** A subordinate cell (CBTT) or intermediate committee (ĐBBP) must name the committee it belongs to. */
export const cellWithoutParent = defineRule({
  code: 'TL052',
  check(row) {
    if ((row.type !== 'chi_bo_truc_thuoc' && row.type !== 'dang_bo_bo_phan') || row.parent) return undefined;
    return { column: 'type', args: { value: ORG_TYPE_LABELS[row.type] } };
  },
});
