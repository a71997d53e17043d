import type { Analysis } from '../analyse/analyse.js';
import type { Lang } from '../check/catalogue.js';
import { TallyError } from '../read/errors.js';

export const UNIT_HELP = 'the reporting unit of an official form (Biểu 1, 5, 6, 7B) whose title block names none; one form only';

/** `--unit` names one form's unit: given to several forms, it would name them all the same unit (exit 2). */
export function refuseUnitForForms(a: Analysis, unit: string, lang: Lang): void {
  const forms = a.unitForms ?? [];
  if (forms.length < 2) return;
  const list = forms.slice(0, 5).join(', ') + (forms.length > 5 ? ', …' : '');
  throw new TallyError('usage', {
    detail: lang === 'en'
      ? `--unit "${unit}" names the reporting unit of one form, but the inputs hold ${forms.length} official forms (${list}): each would be named the same unit. Run tally on each form with its own --unit, or write "- Đơn vị báo cáo: …" in each form's title block.`
      : `--unit "${unit}" là tên đơn vị báo cáo của một biểu, nhưng các đầu vào có ${forms.length} biểu thống kê chính thức (${list}): mọi biểu sẽ mang cùng một tên đơn vị. Chạy tally cho từng biểu với --unit của biểu đó, hoặc ghi "- Đơn vị báo cáo: …" vào tiêu đề mỗi biểu.`,
  });
}
