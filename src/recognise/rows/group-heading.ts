import { defineRowKind } from './kind.js';
import { isGroupHeading } from './labels.js';

/** A label with no figures heading a group: "I. ĐẢNG BỘ CƠ SỞ", "A. Khối doanh nghiệp", "KHỐI CƠ QUAN". */
export const groupHeading = defineRowKind({
  name: 'group-heading', reason: 'group', effect: 'group',
  test: (v) => !v.anyCount && v.label !== '' && isGroupHeading(v.label, v.folded),
});
