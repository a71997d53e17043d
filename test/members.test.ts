import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PersonRow } from '../src/recognise/members/read.js';
import { readBirth, readMemberRating } from '../src/recognise/members/read.js';
import { memberStreak } from '../src/streak/members.js';
import { analyseFixtures, cli, ROOT } from './helpers.js';

interface Item { name: string; born: string; card: string; unit: string; years: string[] }
interface Expected {
  lists: { file: string; period: string; figures: { members: number; ratings: Record<string, number>; notRated: number; exempt: number } }[];
  answers: Record<string, { count: number; items: Item[]; ambiguous: { name: string; year: string; rows: { row: number; rating: string }[]; candidates: { card: string }[] }[] }>;
}
const EXPECTED = JSON.parse(readFileSync(join(ROOT, 'fixtures/members/expected.json'), 'utf8')) as Expected;
const byCard = (a: { card: string | null }, b: { card: string | null }): number => ((a.card ?? '') < (b.card ?? '') ? -1 : 1);

describe('a member list read alone (fixtures/members/lists)', () => {
  for (const list of EXPECTED.lists) {
    it(`${list.file}: rolls up to its members, their ratings per level, the not rated and the exempt`, async () => {
      const a = await analyseFixtures([list.file.replace(/^fixtures\//, '')], { workers: 0 });
      expect(a.failures).toEqual([]);
      expect(a.diagnostics).toEqual([]);
      const s = a.summary;
      expect(s?.periods).toEqual([list.period]);
      expect(s?.members.end).toBe(list.figures.members);
      expect(s?.memberRatings.ratings).toEqual(list.figures.ratings);
      expect(s?.memberRatings.notRated).toBe(list.figures.notRated);
      expect(s?.memberRatings.exempt).toBe(list.figures.exempt);
      expect(s?.organizations).toMatchObject({ total: 1, byType: { dang_bo_co_so: 1 }, cells: 7 });
      expect(a.rows.read).toBe(list.figures.members);
    });
  }
});

describe('a member list with a rating tally cannot read (fixtures/members/bad/unknown-rating.csv)', () => {
  it('is TL013 at the rating\'s cell, exit 1; the person still counts among the members', async () => {
    const a = await analyseFixtures(['members/bad/unknown-rating.csv'], { workers: 0 });
    expect(a.diagnostics.map((d) => [d.code, d.severity, d.location.cell, d.args.value])).toEqual([['TL013', 'error', 'F7', 'Khá']]);
    expect(a.summary?.members.end).toBe(4);
    expect(a.summary?.memberRatings.ratings).toEqual({ HTXSNV: 0, HTTNV: 1, HTNV: 1, KHTNV: 0 });
    expect(a.summary?.organizations.byType.chi_bo_co_so).toBe(1);
    const r = cli(['fixtures/members/bad/unknown-rating.csv']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('fixtures/members/bad/unknown-rating.csv F7: lỗi TL013 Ô F7: không hiểu mức xếp loại "Khá".');
  });
});

describe('two lists of one organisation and year', () => {
  it('are TL020, never added twice (the 2021 list and its copy in beside-agree)', async () => {
    const a = await analyseFixtures(['members/lists/danh-sach-dang-vien-2021.csv', 'members/beside-agree/danh-sach-dang-vien-2021.csv'], { workers: 0 });
    expect(a.diagnostics.map((d) => [d.code, d.location.file])).toEqual([['TL020', 'fixtures/members/beside-agree/danh-sach-dang-vien-2021.csv']]);
    expect(cli(['fixtures/members/lists/danh-sach-dang-vien-2021.csv', 'fixtures/members/beside-agree/danh-sach-dang-vien-2021.csv']).status).toBe(1);
  });
});

describe('a member list beside its committee\'s report', () => {
  it('agreeing on every figure: no warning, and the list is not added to the report\'s totals', async () => {
    const a = await analyseFixtures(['members/beside-agree'], { workers: 0 });
    expect(a.failures).toEqual([]);
    expect(a.diagnostics).toEqual([]);
    expect(a.summary?.members.end).toBe(214);
    expect(a.summary?.organizations.total).toBe(1);
  });
  it('differing by one member: TL070 at the report\'s members cell of the committee and of the cell, with both figures', async () => {
    const a = await analyseFixtures(['members/beside-differ'], { workers: 0 });
    expect(a.diagnostics.map((d) => [d.code, d.severity, d.location.file, d.location.cell, d.args.name, d.args.value, d.args.expected])).toEqual([
      ['TL070', 'warning', 'fixtures/members/beside-differ/bao-cao-2022.csv', 'I6', 'Đảng bộ Bệnh viện Đa khoa tỉnh', 219, 220],
      ['TL070', 'warning', 'fixtures/members/beside-differ/bao-cao-2022.csv', 'I8', 'Chi bộ Khoa Ngoại', 39, 40],
    ]);
    expect(a.summary?.members.end).toBe(220);
    const r = cli(['fixtures/members/beside-differ']);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('fixtures/members/beside-differ/bao-cao-2022.csv I6: cảnh báo TL070 "Đảng bộ Bệnh viện Đa khoa tỉnh", Tổng số đảng viên: danh sách đảng viên (fixtures/members/beside-differ/danh-sach-dang-vien-2022.xlsx [Năm 2022]) ghi 219, báo cáo ghi 220.');
    expect(cli(['fixtures/members/beside-differ', '--strict']).status).toBe(1);
  });
});

describe('tally streak of members', () => {
  for (const years of ['5', '4']) {
    it(`--years ${years}: exactly the members of the answer, matched across cards, namesakes, NFD and doubled spaces; the twins reported`, () => {
      const r = cli(['streak', 'fixtures/members/lists/', '--rating', 'HTXSNV', '--years', years, '--format', 'json']);
      expect(r.status).toBe(0);
      const j = JSON.parse(r.stdout) as Expected['answers'][string] & { schema: string; kind: string; from: string; to: string };
      const want = EXPECTED.answers[years];
      if (!want) throw new Error('no answer');
      expect({ schema: j.schema, kind: j.kind, count: j.count }).toEqual({ schema: 'tally.streak/1', kind: 'members', count: want.count });
      expect([...j.items].sort(byCard)).toEqual([...want.items].sort(byCard));
      expect(j.ambiguous.map((x) => ({ name: x.name, year: x.year, rows: x.rows.map((y) => ({ row: y.row, rating: y.rating })), candidates: x.candidates })))
        .toEqual(want.ambiguous.map((x) => ({ name: x.name, year: x.year, rows: x.rows.map((y) => ({ row: y.row, rating: y.rating })), candidates: x.candidates })));
    });
  }
  it('says the streak as the reports do, with the ambiguous pair in words', () => {
    const r = cli(['streak', 'fixtures/members/lists/', '--rating', 'HTXSNV', '--years', '5']);
    expect(r.stdout).toContain('13 đảng viên "Hoàn thành xuất sắc nhiệm vụ" 05 năm liền (2018 – 2022):');
    expect(r.stdout).toMatch(/│ 2 +│ Phạm Thị Thu Hà +│ 25\/08\/1979 │ 42012094 │ Chi bộ Phòng Hành chính - Quản trị │/);
    expect(r.stdout).toContain('Trần Văn Nam, sinh 20/05/1990, Chi bộ Cận lâm sàng, năm 2021: các dòng 87 (HTXSNV) và 88 (HTTNV)');
    expect(r.stdout).not.toContain('Võ Thị Ngọc Ánh');
  });
});

describe('tally streak of members in the other formats', () => {
  it('text, csv and English say the same members; too few lists for --years is refused (exit 2)', () => {
    const en = cli(['streak', 'fixtures/members/lists/', '--years', '5', '--format', 'text', '--lang', 'en']);
    expect(en.stdout).toContain('13 member(s) rated "Excellent (HTXSNV)" 5 years running (2018–2022):');
    expect(en.stdout).toContain('- Lê Văn Thành (09/01/1976, Chi bộ Phòng Kế hoạch tổng hợp)');
    const csv = cli(['streak', 'fixtures/members/lists/', '--years', '5', '--format', 'csv']);
    expect(csv.stdout.split('\r\n')).toHaveLength(15);
    expect(csv.stdout).toContain('Phạm Thị Thu Hà,1979-08-25,42012094,Chi bộ Phòng Hành chính - Quản trị,2018 2019 2020 2021 2022');
    const six = cli(['streak', 'fixtures/members/lists/', '--years', '6']);
    expect(six.status).toBe(2);
    expect(six.stderr).toContain('chỉ có 5 kỳ');
  });
});

describe('matching persons across lists', () => {
  const p = (name: string, born: string, card: string | undefined, rating: PersonRow['rating'], unit = 'Chi bộ A', row = 2): PersonRow =>
    ({ name, born, card, unit, rating, ratingText: rating, row, ratingColumn: 5 });
  it('takes a name in decomposed Unicode or with a doubled space for the same name, and tells namesakes apart by date of birth', () => {
    const lists = [
      { period: '2021', file: 'a', persons: [p('Phạm Thị Thu Hà', '1979-08-25', '1', 'HTXSNV'), p('Nguyễn Thị Hương', '1985-03-14', '2', 'HTXSNV'), p('Nguyễn Thị Hương', '1991-11-02', '3', 'HTTNV')] },
      { period: '2022', file: 'b', persons: [p('Pha\u0323m Thi\u0323  Thu Ha\u0300', '1979-08-25', undefined, 'HTXSNV'), p('Nguyễn Thị Hương', '1985-03-14', undefined, 'HTXSNV'), p('Nguyễn Thị Hương', '1991-11-02', undefined, 'HTXSNV')] },
    ];
    const r = memberStreak(lists, ['2021', '2022'], 'HTXSNV');
    expect(r.items.map((i) => [i.card, i.born])).toEqual([['1', '1979-08-25'], ['2', '1985-03-14']]);
    expect(r.ambiguous).toEqual([]);
  });
  it('never guesses between two rows of one year that cannot be told apart, but credits them when both meet the level', () => {
    const twins = (a: PersonRow['rating'], b: PersonRow['rating']) => [
      { period: '2021', file: 'a', persons: [p('Trần Văn Nam', '1990-05-20', '7', 'HTXSNV'), p('Trần Văn Nam', '1990-05-20', '8', 'HTXSNV')] },
      { period: '2022', file: 'b', persons: [p('Trần Văn Nam', '1990-05-20', undefined, a, 'Chi bộ A', 3), p('Tran Van Nam', '1990-05-20', undefined, b, 'Chi bộ A', 4)] },
    ];
    const mixed = memberStreak(twins('HTXSNV', 'HTTNV'), ['2021', '2022'], 'HTXSNV');
    expect(mixed.count).toBe(0);
    expect(mixed.ambiguous).toMatchObject([{ year: '2022', rows: [{ row: 3 }, { row: 4 }], candidates: [{ card: '7' }, { card: '8' }] }]);
    const both = memberStreak(twins('HTXSNV', 'HTXSNV'), ['2021', '2022'], 'HTXSNV');
    expect(both.items.map((i) => i.card)).toEqual(['7', '8']);
    expect(both.ambiguous).toEqual([]);
  });
  it('reads dates of birth and ratings as lists write them', () => {
    expect(readBirth('20/5/1990')).toBe('1990-05-20');
    expect(readBirth(new Date(Date.UTC(1985, 2, 14)))).toBe('1985-03-14');
    expect(readBirth(31120)).toBe('1985-03-14');
    expect(readMemberRating('Miễn đánh giá (ốm dài ngày)', 'current')).toBe('exempt');
    expect(readMemberRating('Chưa xếp loại (mới kết nạp)', 'current')).toBe('unrated');
    expect(readMemberRating('HTXSNV', 'current')).toBe('HTXSNV');
    expect(readMemberRating('Khá', 'current')).toBe('unknown');
  });
});
