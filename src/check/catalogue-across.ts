import { s, type Entry } from './entry.js';

/**
 * The codes about units across a table and across files: the tree of parents and cells (TL050–TL053), the roster
 * (TL060, TL061) and member lists beside their reports (TL070). Part of the catalogue (catalogue.ts spreads them in).
 */
export const ACROSS = {
  TL050: {
    severity: 'error', rule: 'unknown-parent',
    vi: (a) => `"${s(a, 'name')}" trực thuộc "${s(a, 'value')}", nhưng không có tổ chức nào mang mã này.`,
    en: (a) => `"${s(a, 'name')}" belongs to "${s(a, 'value')}", but no organisation has that code.`,
    hintVi: 'Sửa mã cấp trên cho đúng mã đơn vị của đảng bộ cơ sở, hoặc để trống nếu trực thuộc Đảng ủy Khối.',
    hintEn: 'Use the code of the parent committee, or leave it blank for units directly under the bloc.',
  },
  TL051: {
    severity: 'error', rule: 'parent-cycle',
    vi: (a) => `Quan hệ trực thuộc bị vòng: ${s(a, 'value')}.`,
    en: (a) => `The parent relation loops: ${s(a, 'value')}.`,
    hintVi: 'Một tổ chức không thể trực thuộc chính nó hay cấp dưới của nó; sửa cột trực thuộc.',
    hintEn: 'An organisation cannot belong to itself or to one of its own cells; fix the parent column.',
  },
  TL052: {
    severity: 'error', rule: 'cell-without-parent',
    vi: (a) => `"${s(a, 'name')}" là ${s(a, 'value')} nhưng không ghi trực thuộc đảng bộ nào.`,
    en: (a) => `"${s(a, 'name')}" is a ${s(a, 'value')} but names no parent committee.`,
    hintVi: 'Ghi mã đảng bộ cơ sở ở cột "Trực thuộc", hoặc sửa loại hình nếu đây là chi bộ cơ sở.',
    hintEn: 'Put the parent committee\'s code in "Trực thuộc", or fix the type if it is a grassroots cell.',
  },
  TL053: {
    severity: 'error', rule: 'parent-not-committee',
    vi: (a) => `"${s(a, 'name')}" trực thuộc "${s(a, 'value')}", nhưng đó không phải là đảng bộ.`,
    en: (a) => `"${s(a, 'name')}" belongs to "${s(a, 'value')}", which is not a committee.`,
    hintVi: 'Chỉ đảng bộ cơ sở hoặc đảng bộ bộ phận mới có chi bộ trực thuộc.',
    hintEn: 'Only a grassroots or intermediate committee has cells under it.',
  },
  TL060: {
    severity: 'warning', rule: 'roster-missing',
    vi: (a) => `${s(a, 'code') ? `${s(a, 'code')} ` : ''}"${s(a, 'name')}" có trong danh sách đơn vị nhưng chưa gửi báo cáo.`,
    en: (a) => `${s(a, 'code') ? `${s(a, 'code')} ` : ''}"${s(a, 'name')}" is on the roster but sent no report.`,
    hintVi: 'Nhắc đơn vị gửi báo cáo; nếu đã gửi, kiểm tra mã và tên trong báo cáo cho khớp danh sách (--require-all: thiếu báo cáo là lỗi).',
    hintEn: 'Remind the unit to report; if it did, check that its code and name match the roster (--require-all makes a missing report an error).',
  },
  TL061: {
    severity: 'warning', rule: 'not-on-roster',
    vi: (a) => `${s(a, 'code') ? `${s(a, 'code')} ` : ''}"${s(a, 'name')}" gửi báo cáo nhưng không có trong danh sách đơn vị ${s(a, 'roster')}.`,
    en: (a) => `${s(a, 'code') ? `${s(a, 'code')} ` : ''}"${s(a, 'name')}" sent a report but is not on the roster ${s(a, 'roster')}.`,
    hintVi: 'Thêm đơn vị vào danh sách nếu là đơn vị mới, hoặc sửa mã, tên trong báo cáo cho đúng như trong danh sách.',
    hintEn: 'Add the unit to the roster if it is new, or write its code and name as the roster does.',
  },
  TL070: {
    severity: 'warning', rule: 'member-list-mismatch',
    vi: (a) => `"${s(a, 'name')}", ${s(a, 'label')}: danh sách đảng viên (${s(a, 'list')}) ghi ${s(a, 'value')}, báo cáo ghi ${s(a, 'expected')}.`,
    en: (a) => `"${s(a, 'name')}", ${s(a, 'label')}: the member list (${s(a, 'list')}) has ${s(a, 'value')}, the report ${s(a, 'expected')}.`,
    hintVi: 'Đối chiếu danh sách với báo cáo (đảng viên chuyển đến, chuyển đi, kết nạp cuối năm); tổng hợp lấy số của báo cáo, danh sách không được cộng thêm.',
    hintEn: 'Compare the list with the report (members transferred in or out, admitted late in the year); the roll-up takes the report\'s figure and never adds the list again.',
  },
} as const satisfies Record<string, Entry>;
