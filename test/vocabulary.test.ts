import { describe, expect, it } from 'vitest';
import { inferOrgType, parseOrgType, parseRating } from '../src/recognise/vocabulary.js';

const level = (t: string, scale: 'current' | 'pre-2018' = 'current'): string => {
  const p = parseRating(t, scale);
  return p.kind === 'level' ? p.level : p.kind;
};

describe('ratings', () => {
  it('read the full names, the codes with their common typos, and the short forms', () => {
    for (const t of ['Hoàn thành xuất sắc nhiệm vụ', 'HTXSNV', 'HTSXNV', 'htxsnv', 'Xuất sắc', 'Mức 1', 'Hoàn thành xuất sắc NV', 'HTXS']) expect(level(t), t).toBe('HTXSNV');
    for (const t of ['Hoàn thành tốt nhiệm vụ', 'HTTNV', 'HTTTNV', 'Tốt', 'Mức 2', 'HTT', 'Hoàn thành tốt NV']) expect(level(t), t).toBe('HTTNV');
    for (const t of ['Hoàn thành nhiệm vụ', 'HTNV', 'Hoàn thành', 'Mức 3']) expect(level(t), t).toBe('HTNV');
    for (const t of ['Không hoàn thành nhiệm vụ', 'KHTNV', 'Không HT', 'Mức 4']) expect(level(t), t).toBe('KHTNV');
    expect(level('HOÀN THÀNH TỐT NHIỆM VỤ'.normalize('NFD'))).toBe('HTTNV');
  });
  it('treat blank and "chưa xếp loại" as unrated', () => {
    for (const t of ['', 'Chưa xếp loại', 'Không xếp loại', 'Chưa đánh giá', 'Mới thành lập']) expect(level(t), t).toBe('unrated');
  });
  it('recognise the pre-2018 scale, and map it only when asked', () => {
    expect(level('Trong sạch vững mạnh')).toBe('old-scale');
    expect(level('Trong sạch vững mạnh', 'pre-2018')).toBe('HTXSNV');
    expect(level('TSVM tiêu biểu', 'pre-2018')).toBe('HTXSNV');
    expect(level('Yếu kém', 'pre-2018')).toBe('KHTNV');
  });
  it('read the level before a reason or remark in brackets', () => {
    expect(level('Chưa xếp loại (mới thành lập)')).toBe('unrated');
    expect(level('HTTNV (đề nghị)')).toBe('HTTNV');
    expect(level('Hoàn thành xuất sắc nhiệm vụ [2 năm liền]')).toBe('HTXSNV');
    expect(level('(x)')).toBe('unknown');
  });
  it('read the level among words around it, and leave what is ambiguous unknown', () => {
    expect(level('Đạt HTTNV')).toBe('HTTNV');
    expect(level('HTT nhiệm vụ')).toBe('HTTNV');
    expect(level('HTTNV, 2 năm liền')).toBe('HTTNV');
    expect(level('Hoàn thành tốt nhiệm vụ - Tiêu biểu')).toBe('HTTNV');
    expect(level('Chi bộ hoàn thành nhiệm vụ')).toBe('HTNV');
    expect(level('Không hoàn thành nhiệm vụ, vi phạm')).toBe('KHTNV');
    expect(level('Hoàn thành tốt nhiệm vụ trở lên')).toBe('unknown');
    expect(level('HTXSNV/HTTNV')).toBe('unknown');
  });
  it('say so for a label they do not know', () => {
    expect(level('Khá')).toBe('unknown');
  });
});

describe('organisation types', () => {
  it('read the names, the abbreviations and longer spellings', () => {
    expect(parseOrgType('Đảng bộ cơ sở')).toBe('dang_bo_co_so');
    expect(parseOrgType('ĐBCS')).toBe('dang_bo_co_so');
    expect(parseOrgType('Chi bộ cơ sở')).toBe('chi_bo_co_so');
    expect(parseOrgType('CBTT')).toBe('chi_bo_truc_thuoc');
    expect(parseOrgType('Đảng bộ bộ phận')).toBe('dang_bo_bo_phan');
    expect(parseOrgType('Chi bộ trực thuộc Đảng ủy cơ sở')).toBe('chi_bo_truc_thuoc');
  });
  it('take a cell "trực thuộc Đảng ủy Khối" for a grassroots cell, directly under the bloc', () => {
    expect(parseOrgType('Chi bộ trực thuộc Đảng ủy Khối')).toBe('chi_bo_co_so');
    expect(parseOrgType('Đảng bộ trực thuộc Đảng ủy Khối')).toBe('dang_bo_co_so');
  });
  it('infer the type from the name when there is no type column', () => {
    expect(inferOrgType('Đảng bộ Sở Tài chính', false)).toBe('dang_bo_co_so');
    expect(inferOrgType('Đảng ủy Bệnh viện Đa khoa', false)).toBe('dang_bo_co_so');
    expect(inferOrgType('Chi bộ Văn phòng', false)).toBe('chi_bo_co_so');
    expect(inferOrgType('Chi bộ Phòng Kế hoạch', true)).toBe('chi_bo_truc_thuoc');
    expect(inferOrgType('Công ty Cổ phần Cấp nước', false)).toBeUndefined();
  });
});
