import { s, type Entry } from './entry.js';

/**
 * The codes about the sums an official statistical form states in its rows (Biểu 1: a "Trong đó" row, the rows that
 * split a row, the balance D = A + B − C). Part of the catalogue (catalogue.ts spreads them in).
 */
export const FORMS = {
  TL026: {
    severity: 'error', rule: 'form-subset-exceeds-row',
    vi: (a) => `Biểu ${s(a, 'form')}: ô ${s(a, 'cell')} ("Trong đó: ${s(a, 'label')}") ghi ${s(a, 'value')}, lớn hơn dòng "${s(a, 'whole')}" (${s(a, 'expected')}, ô ${s(a, 'wholeCell')}) mà nó là một phần.`,
    en: (a) => `Form ${s(a, 'form')}: cell ${s(a, 'cell')} ("Trong đó: ${s(a, 'label')}") says ${s(a, 'value')}, more than the ${s(a, 'expected')} of row "${s(a, 'whole')}" (cell ${s(a, 'wholeCell')}) it is a part of.`,
    hintVi: 'Dòng "Trong đó" là một phần của dòng trên nó, không được lớn hơn và không cộng thêm; sửa một trong hai ô.',
    hintEn: 'A "Trong đó" row is a part of the row above it: it cannot be larger and is never added; correct one of the two cells.',
  },
  TL027: {
    severity: 'error', rule: 'form-parts-mismatch',
    vi: (a) => `Biểu ${s(a, 'form')}: ô ${s(a, 'cell')} ("${s(a, 'label')}") ghi ${s(a, 'value')}, nhưng các dòng chia ra của nó (${s(a, 'parts')}) cộng lại được ${s(a, 'expected')}.`,
    en: (a) => `Form ${s(a, 'form')}: cell ${s(a, 'cell')} ("${s(a, 'label')}") says ${s(a, 'value')}, but its rows (${s(a, 'parts')}) add up to ${s(a, 'expected')}.`,
    hintVi: 'Các dòng chia ra (1., 2., … hay a), b), …) chia hết dòng trên chúng: cộng lại phải đúng bằng nó. Sửa dòng tổng hoặc các dòng chia ra.',
    hintEn: 'The rows under a row (1., 2., … or a), b), …) split it exactly: they must add up to it. Correct the row or its parts.',
  },
  TL028: {
    severity: 'error', rule: 'form-balance',
    vi: (a) => `Biểu ${s(a, 'form')}: ô ${s(a, 'cell')} ("${s(a, 'label')}") ghi ${s(a, 'value')}, nhưng A + B − C = ${s(a, 'terms')} = ${s(a, 'expected')}.`,
    en: (a) => `Form ${s(a, 'form')}: cell ${s(a, 'cell')} ("${s(a, 'label')}") says ${s(a, 'value')}, but A + B − C = ${s(a, 'terms')} = ${s(a, 'expected')}.`,
    hintVi: 'Đảng viên cuối kỳ (D) bằng đầu kỳ (A) cộng tăng (B) trừ giảm (C); kiểm tra lại bốn ô này.',
    hintEn: 'Members at the end (D) are the start (A) plus the increases (B) less the decreases (C); check these four cells.',
  },
} as const satisfies Record<string, Entry>;
