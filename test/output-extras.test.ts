import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from './helpers.js';
import { docxParagraphs, loadWorkbook, zipText } from './outputs.js';

const tmp = mkdtempSync(join(tmpdir(), 'tally-extras-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// Four committees with their cells, the bloc's own units, and a roster that expects one unit with no report and lacks five.
const RUN = ['fixtures/years/tree/parent-codes', '--by', 'parent', '--roster', 'fixtures/rules/roster-units.csv'];
interface Group { label: string; units: number; ratings: Record<string, number>; members: number; admitted: number | null; goodOrBetter: { count: number; of: number } }
const json = JSON.parse(cli([...RUN, '--format', 'json']).stdout) as { breakdown: { groups: Group[]; total: Group } };
const lines = [...json.breakdown.groups, json.breakdown.total];

describe('--by and --roster in the workbook and the Word appendix', () => {
  it('the workbook has a "Theo trực thuộc" sheet: a column a part and the total, the figures of the JSON breakdown', async () => {
    const out = join(tmp, 'tong-hop.xlsx');
    expect(cli([...RUN, '-o', out]).status).toBe(0);
    const wb = await loadWorkbook(readFileSync(out));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', 'Tổ chức', 'Đảng viên', 'Theo trực thuộc', 'Chi tiết', 'Trực thuộc', 'Danh sách đơn vị', 'Kiểm tra']);
    const rows = (wb.getWorksheet('Theo trực thuộc')?.getSheetValues() ?? []).filter((r) => Array.isArray(r)).map((r) => (r as unknown[]).slice(1));
    const head = rows.findIndex((r) => r[0] === 'TT');
    expect(rows[head]).toEqual(['TT', 'Chỉ tiêu', ...lines.map((l) => l.label)]);
    const figure = (label: string, nth = 0): unknown[] => rows.slice(head).filter((r) => r[1] === label)[nth]?.slice(2) ?? [];
    expect(lines.length).toBeGreaterThan(2);
    expect(figure('Số tổ chức')).toEqual(lines.map((l) => l.units));
    for (const level of ['HTXSNV', 'HTTNV', 'HTNV', 'KHTNV']) {
      expect(figure(level, 0), level).toEqual(lines.map((l) => l.ratings[level]));
      expect(figure(level, 1), `members ${level}`).toEqual(lines.map((l) => (l as unknown as { memberRatings: Record<string, number> }).memberRatings[level]));
    }
    expect(figure('HTTNV trở lên')).toEqual(lines.map((l) => l.goodOrBetter.count));
    expect(figure('Đảng viên')).toEqual(lines.map((l) => l.members));
    expect(figure('Kết nạp')).toEqual(lines.map((l) => l.admitted));
    expect(rows.some((r) => String(r[0]).startsWith('Đảng viên của chi bộ trực thuộc đã nằm trong số của đảng bộ'))).toBe(true);
  });

  it('the workbook has a "Danh sách đơn vị" sheet: every unit of the roster with its report, or "Chưa gửi báo cáo"; then the units not on it', async () => {
    const wb = await loadWorkbook(readFileSync(join(tmp, 'tong-hop.xlsx')));
    const text = JSON.stringify(wb.getWorksheet('Danh sách đơn vị')?.getSheetValues());
    expect(text).toContain('"Nhận 3/4 báo cáo (danh sách fixtures/rules/roster-units.csv)"');
    expect(text).toContain('4,"CB09 Chi bộ Trường Tiểu học Hoa Mai","Chưa gửi báo cáo"');
    expect(text).toContain('"Gửi báo cáo nhưng không có trong danh sách (5)"');
    expect(text).toMatch(/"DB02 Đảng bộ Bệnh viện Đa khoa tỉnh","fixtures\/years\/tree\/parent-codes\/[^"]+:\d+"/);
  });

  it('tally reads that workbook back to the same figures, its new sheets taken for no table of units', () => {
    const back = cli([join(tmp, 'tong-hop.xlsx'), '--format', 'json']);
    const first = JSON.parse(cli([RUN[0] ?? '', '--format', 'json']).stdout) as Record<string, unknown>;
    const again = JSON.parse(back.stdout) as Record<string, unknown> & { diagnostics: { location: { sheet?: string } }[] };
    expect(again.organizations).toEqual(first.organizations);
    expect(again.members).toEqual(first.members);
    expect(again.diagnostics.filter((d) => d.location.sheet === 'Theo trực thuộc' || d.location.sheet === 'Danh sách đơn vị')).toEqual([]);
  });

  it('the Word appendix has the breakdown and the units with no report as tables after the summary\'s', () => {
    const out = join(tmp, 'phu-luc.docx');
    expect(cli([...RUN, '-o', out, '--lang', 'en']).status).toBe(0);
    const paras = docxParagraphs(zipText(readFileSync(out), 'word/document.xml'));
    const at = paras.findIndex((l) => /^Table \d+\. Ratings by parent$/.test(l));
    expect(at).toBeGreaterThan(0);
    expect(paras[at + 1]).toBe('Parent | Units | HTXSNV | HTTNV | HTNV | KHTNV | Members | Good or better');
    const total = json.breakdown.total;
    expect(paras.slice(at, at + 12)).toContain(`Total | ${total.units} | ${total.ratings.HTXSNV} | ${total.ratings.HTTNV} | ${total.ratings.HTNV} | ${total.ratings.KHTNV} | ${total.members} | ${total.goodOrBetter.count}/${total.goodOrBetter.of} (79.17%)`);
    const roster = paras.findIndex((l) => /^Table \d+\. Units with no report \(1\)$/.test(l));
    expect(roster).toBeGreaterThan(at);
    expect(paras[roster + 2]).toBe('1 | CB09 | Chi bộ Trường Tiểu học Hoa Mai | ');
    expect(paras[roster + 3]).toMatch(/^Received 3\/4 reports on the roster fixtures\/rules\/roster-units\.csv\. Reported, not on the roster: DB02 /);
  });
});
