import { PAGE_MARK } from '../patterns.js';
import { defineRowKind } from './kind.js';

/** "Trang 2", "- 1 -": a page number left in the sheet. */
export const page = defineRowKind({
  name: 'page', reason: 'page',
  test: (v) => !v.anyCount && PAGE_MARK.test(v.label),
});
