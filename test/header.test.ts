import { describe, expect, it } from 'vitest';
import { ALIAS_INDEX, aliasesOf, COUNT_COLUMNS, TEXT_COLUMNS } from '../src/recognise/columns.js';
import { findHeader, matchPath, relateColumns, type HeaderColumn } from '../src/recognise/header.js';
import { fold } from '../src/recognise/normalise.js';
import type { RawSheet } from '../src/read/types.js';

const id = (...path: string[]): string => {
  const m = matchPath(path);
  return m.kind === 'canonical' ? m.id : m.kind;
};

describe('fold', () => {
  it('ignores case, diacritics, đ/d, composed or decomposed Unicode, punctuation and spacing', () => {
    expect(fold('Tổng số\n ĐV')).toBe('tong so dv');
    expect(fold('Tổng số ĐV'.normalize('NFD'))).toBe('tong so dv');
    expect(fold('  XOÁ   tên ')).toBe(fold('Xóa tên'));
    expect(fold('Kết nạp (đảng viên mới)')).toBe('ket nap dang vien moi');
  });
});

describe('matchPath', () => {
  it('maps the common header spellings to the canonical columns', () => {
    expect(id('Tên tổ chức cơ sở đảng')).toBe('name');
    expect(id('TÊN ĐƠN VỊ')).toBe('name');
    expect(id('Ten to chuc co so dang')).toBe('name');
    expect(id('Tổng số đảng viên')).toBe('members');
    expect(id('Tổng số\nĐV')).toBe('members');
    expect(id('Số ĐV')).toBe('members');
    expect(id('Đảng viên cuối kỳ')).toBe('members');
    expect(id('Tổng số ĐV đầu năm')).toBe('membersStart');
    expect(id('Kết nạp đảng viên mới')).toBe('admitted');
    expect(id('Chuyển sinh hoạt đến')).toBe('transferredIn');
    expect(id('Xoá tên')).toBe('removed');
    expect(id('Cho ra khỏi Đảng')).toBe('resigned');
    expect(id('Số chi bộ trực thuộc')).toBe('cells');
    expect(id('Trong đó: Nữ')).toBe('women');
    expect(id('Mã TCCSĐ')).toBe('code');
    expect(id('Kết quả xếp loại')).toBe('rating');
    expect(id('Miễn đánh giá')).toBe('membersExempt');
    expect(id('Chưa đánh giá, xếp loại')).toBe('membersNotRated');
    expect(id('Tổng số đảng viên (người)')).toBe('members');
    expect(id('Kết nạp (3)')).toBe('admitted');
    expect(id('1. Kết nạp đảng viên mới')).toBe('admitted');
  });
  it('reads a child header in the context of its merged parent', () => {
    expect(id('Xếp loại đảng viên', 'HTXSNV')).toBe('membersHTXSNV');
    expect(id('Xếp loại đảng viên', 'Hoàn thành tốt nhiệm vụ', 'SL')).toBe('membersHTTNV');
    expect(id('Xếp loại đảng viên', 'Hoàn thành tốt nhiệm vụ', 'TL%')).toBe('percent');
    expect(id('Biến động đảng viên', 'Kết nạp')).toBe('admitted');
    expect(id('Đảng viên', 'Tổng số')).toBe('members');
    expect(id('Đảng viên', 'Dự bị')).toBe('probationary');
    expect(id('Xếp loại đảng viên', 'Mức 4')).toBe('membersKHTNV');
    expect(id('Kết nạp', 'Trong đó: Nữ')).toBe('other');
    expect(id('Chuyển đến', 'Tỉnh khác chuyển đến')).toBe('part');
    expect(id('Kết nạp', 'Số lượng')).toBe('admitted');
  });
  it('reads member ratings in the short forms clerks write, with or without a parent', () => {
    expect(id('ĐV HT tốt')).toBe('membersHTTNV');
    expect(id('DV HT TOT')).toBe('membersHTTNV');
    expect(id('ĐV Xuất sắc')).toBe('membersHTXSNV');
    expect(id('Đảng viên hoàn thành')).toBe('membersHTNV');
    expect(id('DV KHONG HT')).toBe('membersKHTNV');
    expect(id('Số ĐV được xếp loại HTXSNV')).toBe('membersHTXSNV');
    expect(id('Xếp loại đảng viên', 'ĐV Không HT')).toBe('membersKHTNV');
    expect(id('Đảng viên dự bị')).toBe('probationary');
  });
  it('reads a header with a date or "trong năm" after it as the header without', () => {
    expect(id('Tổng số đảng viên đến 31/12/2023')).toBe('members');
    expect(id('Số đảng viên tính đến ngày 30/6/2024')).toBe('members');
    expect(id('Kết nạp trong năm')).toBe('admitted');
    expect(id('Kết nạp trong năm', 'Tổng số')).toBe('admitted');
    expect(id('Kết nạp trong năm', 'Trong đó nữ')).toBe('other');
    expect(id('Kết quả xếp loại năm 2023')).toBe('rating');
    expect(id('Tổng số ĐV cuối năm')).toBe('members');
    expect(id('ĐV hiện có')).toBe('members');
    // A year alone is a column of that year's figures, not the period.
    expect(id('Năm 2023')).toBe('other');
  });
  it('reads any header that rates the unit as its rating ("Đảng ủy Khối quyết định xếp loại", "Chi bộ tự xếp loại")', () => {
    expect(id('Đảng ủy Khối quyết định xếp loại')).toBe('rating');
    expect(id('Cấp ủy cấp trên xếp loại')).toBe('rating');
    expect(id('Chi bộ tự xếp loại')).toBe('rating');
    expect(id('Số ĐV được xếp loại')).toBe('derived');
  });
  it('takes "Tên …" headers naming units for the name, and leaves remarks and the rated total out of the sums', () => {
    expect(id('Tên chi bộ, đảng bộ cơ sở')).toBe('name');
    expect(id('Tên đơn vị trực thuộc')).toBe('name');
    expect(id('Ghi chú')).toBe('remark');
    expect(id('Lý do chưa xếp loại')).toBe('remark');
    expect(id('Tổng số ĐV được đánh giá, xếp loại')).toBe('derived');
  });
  it('does not take rating levels under an organisation for member ratings (marks or counts: the data decide)', () => {
    expect(id('Xếp loại chi bộ trực thuộc', 'HTXSNV')).toBe('ratingTick');
    expect(id('Xếp loại tổ chức', 'Hoàn thành tốt nhiệm vụ')).toBe('ratingTick');
  });
  it('recognises STT and percentage columns, and leaves the rest as other', () => {
    expect(id('STT')).toBe('stt');
    expect(id('TT')).toBe('stt');
    expect(id('Tỷ lệ (%)')).toBe('percent');
    expect(id('Số cuộc học tập nghị quyết')).toBe('other');
  });
});

describe('aliases', () => {
  it('never send one folded alias to two columns', () => {
    const seen = new Map<string, string>();
    for (const col of [...COUNT_COLUMNS, ...TEXT_COLUMNS]) {
      for (const alias of aliasesOf(col)) {
        const key = fold(alias);
        const other = seen.get(key);
        if (other !== undefined && other !== col) throw new Error(`"${alias}" is an alias of both ${other} and ${col}`);
        seen.set(key, col);
      }
    }
    expect(ALIAS_INDEX.size).toBe(seen.size);
  });
});

const sheet = (rows: (string | number | null)[][], merges: RawSheet['merges'] = []): RawSheet => ({
  file: 't.xlsx', sheet: 'S', rows, merges, hiddenRows: new Set(), hiddenColumns: new Set(),
});

describe('findHeader', () => {
  it('finds the header under title rows', () => {
    const h = findHeader(sheet([['ĐẢNG BỘ KHỐI'], ['BÁO CÁO NĂM 2023'], [], ['STT', 'Tên đơn vị', 'Tổng số đảng viên', 'Kết nạp'], [1, 'Chi bộ A', 10, 1]]));
    expect(h?.top).toBe(3);
    expect(h?.bottom).toBe(3);
    expect(h?.columns.map((c) => c.meaning.kind === 'canonical' ? c.meaning.id : c.meaning.kind)).toEqual(['stt', 'name', 'members', 'admitted']);
  });
  it('reads a two-row header with merged parents', () => {
    const h = findHeader(sheet(
      [['STT', 'Tên tổ chức', 'Tổng số đảng viên', 'Xếp loại đảng viên', null], [null, null, null, 'HTXSNV', 'HTTNV'], [1, 'Chi bộ A', 10, 2, 8]],
      [{ top: 0, left: 0, bottom: 1, right: 0 }, { top: 0, left: 1, bottom: 1, right: 1 }, { top: 0, left: 2, bottom: 1, right: 2 }, { top: 0, left: 3, bottom: 0, right: 4 }],
    ));
    expect(h?.top).toBe(0);
    expect(h?.bottom).toBe(1);
    expect(h?.columns.map((c) => c.label)).toEqual(['STT', 'Tên tổ chức', 'Tổng số đảng viên', 'Xếp loại đảng viên › HTXSNV', 'Xếp loại đảng viên › HTTNV']);
  });
  it('reads a two-row header in a CSV, where the parent stands left of blanks', () => {
    const h = findHeader(sheet([['Tên đơn vị', 'Tổng số đảng viên', 'Xếp loại đảng viên', null], [null, null, 'Xuất sắc', 'Tốt'], ['Chi bộ A', 10, 2, 8]]));
    expect(h?.columns.map((c) => c.meaning.kind === 'canonical' ? c.meaning.id : c.meaning.kind)).toEqual(['name', 'members', 'membersHTXSNV', 'membersHTTNV']);
  });
  it('reads a three-row CSV header whose "Trong đó" spans two columns under a parent spanning three', () => {
    const h = findHeader(sheet([
      ['Tên đơn vị', 'Đảng viên', null, null, 'Kết nạp'],
      [null, 'Tổng số', 'Trong đó', null, null],
      [null, null, 'Nữ', 'Dự bị', null],
      ['Chi bộ A', 10, 4, 1, 1],
    ]));
    expect(h?.columns.map((c) => c.label)).toEqual(['Tên đơn vị', 'Đảng viên › Tổng số', 'Đảng viên › Trong đó › Nữ', 'Đảng viên › Trong đó › Dự bị', 'Kết nạp']);
    expect(h?.columns.map((c) => c.meaning.kind === 'canonical' ? c.meaning.id : c.meaning.kind)).toEqual(['name', 'members', 'women', 'probationary', 'admitted']);
  });
  it('does not take a title merged across the table for a parent header, so its period stays a title', () => {
    const h = findHeader(sheet(
      [['BÁO CÁO KẾT QUẢ NĂM 2023', null, null, null], ['STT', 'Tên đơn vị', 'Tổng số đảng viên', 'Kết nạp'], [1, 'Chi bộ A', 10, 1]],
      [{ top: 0, left: 0, bottom: 0, right: 3 }],
    ));
    expect(h?.top).toBe(1);
    expect(h?.columns.map((c) => c.label)).toEqual(['STT', 'Tên đơn vị', 'Tổng số đảng viên', 'Kết nạp']);
  });
  it('reads a header merged across two columns as one column, not two with the same meaning', () => {
    const h = findHeader(sheet(
      [['STT', 'Tên đơn vị', null, 'Tổng số đảng viên', 'Kết nạp'], [1, 'Chi bộ A', null, 10, 1]],
      [{ top: 0, left: 1, bottom: 0, right: 2 }, { top: 1, left: 1, bottom: 1, right: 2 }],
    ));
    expect(h?.columns.map((c) => `${c.index}:${c.label}`)).toEqual(['0:STT', '1:Tên đơn vị', '3:Tổng số đảng viên', '4:Kết nạp']);
  });
  it('finds no table where no header names organisations or members', () => {
    expect(findHeader(sheet([['Họ và tên', 'Ngày sinh', 'Quê quán'], ['Nguyễn Văn A', '1980', 'Hà Nội']]))).toBeUndefined();
  });
});

describe('relateColumns: "Trong đó" subsets and "Chia ra" parts find their whole', () => {
  const cols = (...paths: string[][]): HeaderColumn[] => relateColumns(paths.map((path, index) => ({ index, path, label: path.join(' › '), meaning: matchPath(path) })));
  const within = (c: HeaderColumn[]): (string | undefined)[] => c.map((x) => x.within && `${x.within.how}:${x.within.whole}`);
  it('a flat "Trong đó: Nữ" after "Kết nạp" is a subset of it, not the members\' women', () => {
    const c = cols(['Tên đơn vị'], ['Kết nạp'], ['Trong đó: Nữ'], ['Tổng số đảng viên'], ['Trong đó: Nữ'], ['Trong đó: dự bị']);
    expect(within(c)).toEqual([undefined, undefined, 'subset:1', undefined, undefined, undefined]);
    expect(c[2]?.meaning.kind).toBe('other');
    expect(c[2]?.label).toBe('Kết nạp › Trong đó: Nữ');
    expect(c.slice(4).map((x) => x.meaning.kind === 'canonical' && x.meaning.id)).toEqual(['women', 'probationary']);
  });
  it('a "Trong đó" parent over several columns: each is a subset of the column before the group', () => {
    const c = cols(['Tên đơn vị'], ['Kết nạp'], ['Trong đó', 'Nữ'], ['Trong đó', 'Đoàn viên'], ['Tổng số đảng viên']);
    expect(within(c)).toEqual([undefined, undefined, 'subset:1', 'subset:1', undefined]);
  });
  it('the "Tổng số" of a merged parent is the whole of its siblings; "Chia ra" on the first makes them all parts', () => {
    const c = cols(['Chuyển đến', 'Tổng số'], ['Chuyển đến', 'Chia ra: Tỉnh khác'], ['Chuyển đến', 'Huyện khác'], ['Kết nạp', 'Tổng số'], ['Kết nạp', 'Trong đó: Nữ']);
    expect(within(c)).toEqual([undefined, 'part:0', 'part:0', undefined, 'subset:3']);
  });
  it('three header rows as in Biểu 5: "Số TCCSĐ › Tổng số | Chia ra › ĐBCS | CBCS"', () => {
    const c = cols(['Loại hình'], ['Số tổ chức cơ sở đảng', 'Tổng số'], ['Số tổ chức cơ sở đảng', 'Chia ra', 'Đảng bộ cơ sở'], ['Số tổ chức cơ sở đảng', 'Chia ra', 'Chi bộ cơ sở'], ['Tổng số đảng viên']);
    expect(within(c)).toEqual([undefined, undefined, 'part:1', 'part:1', undefined]);
  });
  it('levels under a merged rating with no "Tổng số", and percentages, have no whole', () => {
    const c = cols(['Xếp loại đảng viên', 'HTXSNV', 'SL'], ['Xếp loại đảng viên', 'HTXSNV', 'TL%'], ['Xếp loại đảng viên', 'HTTNV', 'SL']);
    expect(within(c)).toEqual([undefined, undefined, undefined]);
  });
});


describe('what a percentage header is a share of', () => {
  const CASES: readonly (readonly [string[], unknown])[] = [
    [['Tỷ lệ ĐV HTTNV trở lên'], { kind: 'percent', of: 'goodOrBetter', base: undefined }],
    [['Xếp loại đảng viên', 'Tỷ lệ hoàn thành tốt nhiệm vụ trở lên (%)'], { kind: 'percent', of: 'goodOrBetter', base: undefined }],
    [['Tỷ lệ ĐV nữ so với tổng số ĐV (%)'], { kind: 'percent', of: 'women', base: 'members' }],
    [['Tỷ lệ kết nạp so với đầu năm (%)'], { kind: 'percent', of: 'admitted', base: 'membersStart' }],
    [['Tỷ lệ nữ (%)'], { kind: 'percent', of: 'women', base: undefined }],
    [['Tỷ lệ ĐV HTXSNV so với số ĐV được đánh giá'], { kind: 'percent', of: 'membersHTXSNV', base: 'rated' }],
    [['Đảng viên dự bị', 'TL%'], { kind: 'percent', of: 'probationary', base: undefined }],
    [['Tỷ lệ % so với kế hoạch'], { kind: 'remark' }],
    [['Kết nạp', 'Tỷ lệ so với cùng kỳ'], { kind: 'remark' }],
    [['Tỷ lệ đảng viên trẻ'], { kind: 'percent', of: undefined, base: undefined, unknownPart: 'dang vien tre' }],
  ];
  for (const [path, want] of CASES) {
    it(`${path.join(' › ')}`, () => expect(matchPath(path)).toEqual(want));
  }
});
