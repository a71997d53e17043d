import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RosterMatcher } from '../src/analyse/roster.js';
import { readRosterRows } from '../src/recognise/roster.js';
import type { UnitRow } from '../src/recognise/table.js';
import { analyseFixtures, cli } from './helpers.js';

const SUBMISSIONS = 'years/roster/submissions';
const ROSTER = 'fixtures/years/roster/units.csv';

describe('the roster (--roster)', () => {
  it('finds 10 of the 12 expected units, by code or by folded name, as fixtures/years/EXPECTED.md says', async () => {
    const a = await analyseFixtures([SUBMISSIONS], { roster: ROSTER, rollup: false });
    const r = a.roster!;
    expect(r.units.length).toBe(12);
    const by = Object.fromEntries(r.units.map((u) => [u.unit.code, u.found ? `${u.found.file.replace(/^.*\//, '')} ${u.by}` : null]));
    expect(by).toEqual({
      DB01: 'DB01_SoTaiChinh_2023.xlsx code',
      DB02: 'Bao cao xep loai 2023 - Dang bo So Y te.csv code',
      DB03: null,
      DB04: 'dien-luc-2023.csv code',
      CB01: 'chi bo hoi nong dan.csv name',
      CB02: 'CB02-phu-nu.csv code',
      CB03: 'LMHTX_2023.xlsx name',
      CB04: 'mam-non-hoa-sen.csv name',
      CB05: 'CB05.csv code',
      CB06: null,
      CB07: 'xo-so-kien-thiet-2023.xlsx code',
      CB08: 'Dai PTTH - bao cao nam 2023.csv code',
    });
    expect(r.strangers.map((s) => [s.name, s.source.file, s.source.row])).toEqual([
      ['Chi bộ Công ty TNHH Thương mại Hoàng Long', 'fixtures/years/roster/submissions/hoang-long-2023.csv', 5],
    ]);
  });

  it('gives one warning per missing unit (its code, its name, its roster row) and one per stranger (its file and row)', async () => {
    const a = await analyseFixtures([SUBMISSIONS], { roster: ROSTER, rollup: false });
    expect(a.diagnostics.map((d) => [d.code, d.severity, d.location.file, d.location.cell ?? d.location.row, d.args.code, d.args.name])).toEqual([
      ['TL061', 'warning', 'fixtures/years/roster/submissions/hoang-long-2023.csv', 'B5', '', 'Chi bộ Công ty TNHH Thương mại Hoàng Long'],
      ['TL060', 'warning', ROSTER, 'A4', 'DB03', 'Đảng bộ Sở Nông nghiệp và Phát triển nông thôn'],
      ['TL060', 'warning', ROSTER, 'A11', 'CB06', 'Chi bộ Công ty Cổ phần Sách và Thiết bị trường học'],
    ]);
    const strict = await analyseFixtures([SUBMISSIONS], { roster: ROSTER, requireAll: true, rollup: false });
    expect(strict.diagnostics.map((d) => `${d.code} ${d.severity}`)).toEqual(['TL061 error', 'TL060 error', 'TL060 error']);
  });

  it('tally check exits 0 with the warnings, 1 with --require-all', () => {
    const warn = cli(['check', `fixtures/${SUBMISSIONS}`, '--roster', ROSTER]);
    expect(warn.status).toBe(0);
    expect(warn.stdout).toContain('fixtures/years/roster/units.csv A4: cảnh báo TL060 DB03 "Đảng bộ Sở Nông nghiệp và Phát triển nông thôn"');
    expect(warn.stdout).toContain('hoang-long-2023.csv B5: cảnh báo TL061 "Chi bộ Công ty TNHH Thương mại Hoàng Long"');
    expect(warn.stdout).toContain('0 lỗi, 3 cảnh báo');
    const all = cli(['check', `fixtures/${SUBMISSIONS}`, '--roster', ROSTER, '--require-all', '--lang', 'en']);
    expect(all.status).toBe(1);
    expect(all.stdout).toContain('units.csv A11: error TL060 CB06 "Chi bộ Công ty Cổ phần Sách và Thiết bị trường học" is on the roster but sent no report.');
    expect(all.stdout).toContain('3 error(s), 0 warning(s)');
  });

  it('tally report says "nhận 10/12 báo cáo" and lists the missing, in each format', () => {
    const table = cli([`fixtures/${SUBMISSIONS}`, '--roster', ROSTER]);
    expect(table.status).toBe(0);
    expect(table.stdout).toContain('Nhận 10/12 báo cáo (danh sách fixtures/years/roster/units.csv).\nChưa gửi báo cáo (2):\n  DB03 Đảng bộ Sở Nông nghiệp và Phát triển nông thôn\n  CB06 Chi bộ Công ty Cổ phần Sách và Thiết bị trường học\nKhông có trong danh sách (1):\n');
    expect(cli([`fixtures/${SUBMISSIONS}`, '--roster', ROSTER, '-f', 'text', '--lang', 'en']).stdout).toContain('Received 10/12 reports');
    expect(cli([`fixtures/${SUBMISSIONS}`, '--roster', ROSTER, '-f', 'md']).stdout).toContain('- CB06 Chi bộ Công ty Cổ phần Sách và Thiết bị trường học');
    expect(cli([`fixtures/${SUBMISSIONS}`, '--roster', ROSTER, '-f', 'csv']).stdout).toContain('roster,received,10,12,\r\nroster.missing,DB03 Đảng bộ Sở Nông nghiệp và Phát triển nông thôn');
    const json = JSON.parse(cli([`fixtures/${SUBMISSIONS}`, '--roster', ROSTER, '-f', 'json']).stdout) as { roster: { expected: number; received: number; missing: { code: string }[]; notOnRoster: { file: string; row: number }[] } };
    expect(json.roster).toMatchObject({ expected: 12, received: 10, missing: [{ code: 'DB03' }, { code: 'CB06' }], notOnRoster: [{ file: 'fixtures/years/roster/submissions/hoang-long-2023.csv', row: 5 }] });
  });

  it('writes the roster into a text file written with -o, as on the terminal', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tally-roster-'));
    try {
      const out = join(dir, 'tong-hop.md');
      expect(cli([`fixtures/${SUBMISSIONS}`, '--roster', ROSTER, '-o', out]).status).toBe(0);
      expect(readFileSync(out, 'utf8')).toContain('**Nhận 10/12 báo cáo (danh sách fixtures/years/roster/units.csv).**');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads a roster workbook made by LibreOffice, with a title above its header, and names its sheet', async () => {
    const a = await analyseFixtures([SUBMISSIONS], { roster: 'fixtures/roster/units.xlsx', rollup: false });
    expect(a.roster?.roster.sheet).toBe('units-titled');
    expect(a.diagnostics.filter((d) => d.code === 'TL060').map((d) => [d.location.file, d.location.sheet, d.location.cell, d.args.code])).toEqual([
      ['fixtures/roster/units.xlsx', 'units-titled', 'A6', 'DB03'],
      ['fixtures/roster/units.xlsx', 'units-titled', 'A13', 'CB06'],
    ]);
  });

  it('stops with exit 2 naming a roster it cannot read', () => {
    const missing = cli(['check', `fixtures/${SUBMISSIONS}`, '--roster', 'fixtures/roster/nope.csv']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('Không đọc được danh sách đơn vị (--roster) "fixtures/roster/nope.csv": Không tìm thấy "fixtures/roster/nope.csv".');
    const noHeader = cli(['check', `fixtures/${SUBMISSIONS}`, '--roster', 'fixtures/roster/no-header.csv', '--lang', 'en']);
    expect(noHeader.status).toBe(2);
    expect(noHeader.stderr).toContain('Cannot read the roster (--roster) "fixtures/roster/no-header.csv": no header row names the units\' column');
    expect(noHeader.stdout).toBe('');
  });

  it('reads a roster header in any spelling tally reads a report\'s, under a title, passing over blank and total rows', () => {
    const read = readRosterRows([['DANH SÁCH'], [], ['STT', 'Mã', 'Tên đơn vị', 'Mã cấp trên', 'Loại hình'], [1, 'DB01', 'Đảng bộ A', null, 'ĐBCS'], [2, 'DB01.01', 'Chi bộ B', 'DB01', null], [null, null, null], [null, null, 'Tổng cộng']]);
    expect(read?.headerRow).toBe(3);
    expect(read?.units.map((u) => [u.code, u.name, u.parent, u.type, u.row])).toEqual([
      ['DB01', 'Đảng bộ A', undefined, 'dang_bo_co_so', 4],
      ['DB01.01', 'Chi bộ B', 'DB01', 'chi_bo_truc_thuoc', 5],
    ]);
    expect(readRosterRows([['Ghi chú'], ['x']])).toBeUndefined();
  });

  it('matches cells of one name by their committee (its code or its name) when the roster lists cells, and calls an unlisted cell a stranger', () => {
    const read = readRosterRows([['Mã', 'Tên tổ chức đảng', 'Mã cấp trên'], ['DB01', 'Đảng bộ A', null], ['DB01.01', 'Chi bộ Văn phòng', 'DB01'], ['DB02', 'Đảng bộ B', null], ['DB02.01', 'Chi bộ Văn phòng', 'DB02']])!;
    const m = new RosterMatcher({ file: 'units.csv', sheet: undefined, units: read.units });
    const row = (name: string, parent: string | undefined, r: number): UnitRow => ({
      name, ...(parent ? { parent, type: 'chi_bo_truc_thuoc' as const } : { type: 'dang_bo_co_so' as const }), counts: { members: 5 }, indicators: [],
      source: { file: 'bc.csv', sheet: undefined, row: r }, columns: {}, indicatorNames: [],
    });
    m.add(row('Đảng bộ B', undefined, 2));
    m.add(row('Chi bộ Văn phòng', 'Đảng bộ B', 3));
    m.add(row('Chi bộ Kế toán', 'Đảng bộ B', 4));
    const r = m.result();
    expect(r.units.map((u) => [u.unit.code, u.found?.row])).toEqual([['DB01', undefined], ['DB01.01', undefined], ['DB02', 2], ['DB02.01', 3]]);
    expect(r.strangers.map((x) => x.name)).toEqual(['Chi bộ Kế toán']);
  });
});
