import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Worksheet } from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../src/cli/run.js';
import { loadWorkbook, zipText } from './outputs.js';
import { ROOT } from './helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'tally-template-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function tally(argv: string[], cwd = tmp): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run({
    argv, cwd, env: { NO_COLOR: '1', TALLY_WORKERS: '0' },
    stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) },
  });
  return { code, out, err };
}

/** The row of the header's first line (the one with "STT") and the columns by their label on the row below or on it. */
function layout(ws: Worksheet): { header: number; first: number; total: number; col: (label: string) => number } {
  let header = 0;
  let total = 0;
  ws.eachRow((row, r) => {
    if (header === 0 && row.getCell(1).value === 'STT') header = r;
    if (row.getCell(3).value === 'Tổng cộng') total = r;
  });
  const col = (label: string): number => {
    for (let c = 1; c <= ws.columnCount; c++) {
      if (ws.getCell(header + 1, c).value === label || ws.getCell(header, c).value === label) return c;
    }
    throw new Error(`no column ${label}`);
  };
  // Under the two header rows, the numbering row (1) (2) (3) …; then the rows to fill in.
  return { header, first: header + 3, total, col };
}

/** Three units, as a clerk types them: code, name, type, sector, the movements, the members and the ratings. */
const UNITS: Record<string, string | number>[] = [
  { 'Mã đơn vị': 'DB01', 'Tên tổ chức cơ sở đảng': 'Đảng bộ Sở Tài chính', 'Loại hình': 'Đảng bộ cơ sở', 'Lĩnh vực': 'Cơ quan hành chính', 'Đảng viên đầu kỳ': 50, 'Kết nạp': 3, 'Chuyển đến': 1, 'Chuyển đi': 1, 'Tổng số đảng viên': 53, 'Đảng viên dự bị': 3, 'Đảng viên nữ': 20, 'Số chi bộ trực thuộc': 3, 'Xếp loại tổ chức': 'Hoàn thành tốt nhiệm vụ', 'ĐV hoàn thành xuất sắc nhiệm vụ': 8, 'ĐV hoàn thành tốt nhiệm vụ': 40, 'ĐV hoàn thành nhiệm vụ': 2, 'ĐV chưa xếp loại': 3 },
  { 'Mã đơn vị': 'CB02', 'Tên tổ chức cơ sở đảng': 'Chi bộ Sở Tư pháp', 'Loại hình': 'Chi bộ cơ sở', 'Lĩnh vực': 'Cơ quan hành chính', 'Đảng viên đầu kỳ': 20, 'Kết nạp': 1, 'Từ trần': 1, 'Tổng số đảng viên': 20, 'Đảng viên dự bị': 1, 'Đảng viên nữ': 9, 'Xếp loại tổ chức': 'Hoàn thành xuất sắc nhiệm vụ', 'ĐV hoàn thành xuất sắc nhiệm vụ': 3, 'ĐV hoàn thành tốt nhiệm vụ': 16, 'ĐV chưa xếp loại': 1 },
  { 'Mã đơn vị': 'CB03', 'Tên tổ chức cơ sở đảng': 'Chi bộ Ban Dân tộc', 'Loại hình': 'Chi bộ cơ sở', 'Lĩnh vực': 'Đơn vị sự nghiệp', 'Đảng viên đầu kỳ': 12, 'Tổng số đảng viên': 12, 'Đảng viên nữ': 5, 'Xếp loại tổ chức': 'Hoàn thành nhiệm vụ', 'ĐV hoàn thành xuất sắc nhiệm vụ': 1, 'ĐV hoàn thành tốt nhiệm vụ': 9, 'ĐV hoàn thành nhiệm vụ': 2 },
];

/**
 * Fills the form's rows and, as Excel does when it saves, stores each formula's result: the totals and the balance
 * column. `wrongTotal` stores a total that does not add up, as a clerk who typed over the formula would.
 */
async function fill(file: string, out: string, { recalc = true, wrongTotal = false } = {}): Promise<void> {
  const wb = await loadWorkbook(readFileSync(file));
  const ws = wb.getWorksheet('Báo cáo');
  if (!ws) throw new Error('no form sheet');
  const { first, total, col } = layout(ws);
  UNITS.forEach((u, i) => {
    ws.getCell(first + i, 1).value = i + 1;
    for (const [label, value] of Object.entries(u)) ws.getCell(first + i, col(label)).value = value;
  });
  if (recalc) {
    for (let c = 1; c <= ws.columnCount; c++) {
      const cell = ws.getCell(total, c);
      const f = cell.formula;
      if (!f) continue;
      let sum = 0;
      for (let r = first; r < total; r++) {
        const v = ws.getCell(r, c).value;
        if (typeof v === 'number') sum += v;
      }
      cell.value = { formula: f, result: wrongTotal && c === col('Tổng số đảng viên') ? sum + 1 : sum };
    }
    const balance = col('Chênh lệch cân đối');
    for (let r = first; r < first + UNITS.length; r++) {
      const n = (label: string): number => Number(ws.getCell(r, col(label)).value ?? 0);
      const result = n('Đảng viên đầu kỳ') + n('Kết nạp') + n('Chuyển đến') + n('Phục hồi đảng tịch') - n('Chuyển đi') - n('Từ trần') - n('Khai trừ') - n('Xóa tên') - n('Xin ra khỏi Đảng') - n('Tổng số đảng viên');
      ws.getCell(r, balance).value = { formula: ws.getCell(r, balance).formula, result };
    }
  }
  writeFileSync(out, Buffer.from(await wb.xlsx.writeBuffer()));
}

interface Figures {
  period: string[];
  organizations: number;
  ratings: Record<string, number>;
  members: number | null;
  admitted: number | null;
  memberRatings: Record<string, number>;
  codes: string[];
}

async function figuresOf(file: string): Promise<Figures> {
  const r = await tally(['report', file, '--format', 'json']);
  const j = JSON.parse(r.out) as {
    periods: string[]; organizations: { total: number; ratings: Record<string, number> };
    members: { end: number | null; admitted: number | null }; memberRatings: { ratings: Record<string, number> };
    diagnostics: { code: string }[];
  };
  return {
    period: j.periods, organizations: j.organizations.total, ratings: j.organizations.ratings, members: j.members.end,
    admitted: j.members.admitted, memberRatings: j.memberRatings.ratings, codes: j.diagnostics.map((d) => d.code),
  };
}

const EXPECTED: Figures = {
  period: ['2024'], organizations: 3, ratings: { HTXSNV: 1, HTTNV: 1, HTNV: 1, KHTNV: 0 }, members: 85, admitted: 4,
  memberRatings: { HTXSNV: 12, HTTNV: 65, HTNV: 4, KHTNV: 0 }, codes: [],
};

describe('tally template', () => {
  const form = join(tmp, 'mau-bao-cao.xlsx');

  it('writes the form with the period in its title and says so in one line', async () => {
    const r = await tally(['template', '--period', '2024', '--rows', '6']);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/^Đã ghi mẫu báo cáo vào "mau-bao-cao\.xlsx" \(\d+ KB\)\.\n$/);
    const wb = await loadWorkbook(readFileSync(form));
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([['Báo cáo', 'visible'], ['Hướng dẫn', 'visible'], ['Danh mục', 'hidden']]);
    const ws = wb.getWorksheet('Báo cáo');
    if (!ws) throw new Error('no form');
    const titles: string[] = [];
    ws.eachRow((row) => titles.push(row.getCell(1).text));
    expect(titles).toContain('BÁO CÁO SỐ LIỆU TỔ CHỨC CƠ SỞ ĐẢNG VÀ ĐẢNG VIÊN NĂM 2024');
  });

  it('groups the movements, the members at the end and the member ratings under merged parents, numbered (1) (2) …', async () => {
    const ws = (await loadWorkbook(readFileSync(form))).getWorksheet('Báo cáo');
    if (!ws) throw new Error('no form');
    const { header, col } = layout(ws);
    expect(ws.getCell(header, col('Kết nạp')).value).toBe('Tăng trong kỳ');
    expect(ws.getCell(header, col('Xin ra khỏi Đảng')).value).toBe('Giảm trong kỳ');
    expect(ws.getCell(header, col('Đảng viên dự bị')).value).toBe('Đảng viên cuối kỳ');
    expect(ws.getCell(header, col('ĐV miễn đánh giá')).value).toBe('Xếp loại đảng viên');
    expect(ws.getCell(header, col('Kết nạp')).isMerged).toBe(true);
    expect(ws.getCell(header + 2, 1).value).toBe('(1)');
    expect(ws.getCell(header + 2, col('Ghi chú')).value).toBe(`(${col('Ghi chú')})`);
  });

  it('checks every cell as it is typed: whole numbers ≥ 0, the types and ratings from a list in full words', async () => {
    const wb = await loadWorkbook(readFileSync(form));
    const ws = wb.getWorksheet('Báo cáo');
    const lists = wb.getWorksheet('Danh mục');
    if (!ws || !lists) throw new Error('no form');
    const { first, total, col } = layout(ws);
    expect(total).toBe(first + 6);
    for (const label of ['Đảng viên đầu kỳ', 'Kết nạp', 'Tổng số đảng viên', 'ĐV hoàn thành xuất sắc nhiệm vụ', 'ĐV miễn đánh giá']) {
      for (let r = first; r < total; r++) {
        expect(ws.getCell(r, col(label)).dataValidation).toMatchObject({ type: 'whole', operator: 'greaterThanOrEqual', formulae: [0], showErrorMessage: true });
      }
    }
    expect(ws.getCell(first, col('Loại hình')).dataValidation).toMatchObject({ type: 'list', formulae: ["'Danh mục'!$A$2:$A$5"] });
    expect(ws.getCell(total - 1, col('Xếp loại tổ chức')).dataValidation).toMatchObject({ type: 'list', formulae: ["'Danh mục'!$B$2:$B$5"] });
    expect([2, 3, 4, 5].map((r) => lists.getCell(r, 1).value)).toEqual(['Đảng bộ cơ sở', 'Chi bộ cơ sở', 'Chi bộ trực thuộc', 'Đảng bộ bộ phận']);
    expect([2, 3, 4, 5].map((r) => lists.getCell(r, 2).value)).toEqual(['Hoàn thành xuất sắc nhiệm vụ', 'Hoàn thành tốt nhiệm vụ', 'Hoàn thành nhiệm vụ', 'Không hoàn thành nhiệm vụ']);
  });

  it('gives each header cell an input message saying what goes there', async () => {
    const ws = (await loadWorkbook(readFileSync(form))).getWorksheet('Báo cáo');
    if (!ws) throw new Error('no form');
    const { header, col } = layout(ws);
    // Under a merged parent the words are on the column's own label, not on the parent shared with others.
    expect(ws.getCell(header, col('Tổng số đảng viên')).dataValidation).toBeUndefined();
    expect(ws.getCell(header + 1, col('Tổng số đảng viên')).dataValidation).toMatchObject({ showInputMessage: true, prompt: 'Tổng số đảng viên cuối kỳ = đầu kỳ + tăng − giảm.' });
    expect(ws.getCell(header, col('Tên tổ chức cơ sở đảng')).dataValidation).toMatchObject({ showInputMessage: true, prompt: 'Tên đầy đủ của chi bộ, đảng bộ cơ sở.' });
  });

  it('ends in a total row of SUM formulas with their results, and a balance column that turns red when it is not 0', async () => {
    const ws = (await loadWorkbook(readFileSync(form))).getWorksheet('Báo cáo');
    if (!ws) throw new Error('no form');
    const { first, total, col } = layout(ws);
    const c = col('Kết nạp');
    const letter = ws.getColumn(c).letter;
    expect(ws.getCell(total, c).formula).toBe(`SUM(${letter}${first}:${letter}${total - 1})`);
    // Its result is stored (exceljs reads a stored 0 back as no result, so the XML itself is looked at).
    expect(zipText(readFileSync(form), 'xl/worksheets/sheet1.xml')).toContain(`<f>SUM(${letter}${first}:${letter}${total - 1})</f><v>0</v>`);
    const balance = ws.getCell(first, col('Chênh lệch cân đối')).formula;
    expect(balance).toMatch(/^IF\(COUNT\(G\d+:P\d+\)=0,"",G\d+\+H\d+\+I\d+\+J\d+-K\d+-L\d+-M\d+-N\d+-O\d+-P\d+\)$/);
    const cf = (ws as unknown as { conditionalFormattings: { ref: string; rules: { formulae: string[] }[] }[] }).conditionalFormattings;
    const bl = ws.getColumn(col('Chênh lệch cân đối')).letter;
    expect(cf).toEqual([expect.objectContaining({ ref: `${bl}${first}:${bl}${total - 1}` })]);
    expect(cf[0]?.rules[0]?.formulae).toEqual([`AND(${bl}${first}<>"",${bl}${first}<>0)`]);
  });

  it('has a "Hướng dẫn" sheet that lists every column, and tally passes it over as instructions', async () => {
    const wb = await loadWorkbook(readFileSync(form));
    const guide = wb.getWorksheet('Hướng dẫn');
    if (!guide) throw new Error('no instructions');
    const text: string[] = [];
    guide.eachRow((row) => text.push(row.getCell(2).text));
    expect(text).toContain('Đảng viên cuối kỳ › Đảng viên dự bị');
    expect(text).toContain('Chênh lệch cân đối');
  });

  it('filled in and saved with its formulas worked out, reads back to the figures typed, with no diagnostic', async () => {
    const filled = join(tmp, 'filled.xlsx');
    await fill(form, filled);
    expect(await figuresOf(filled)).toEqual(EXPECTED);
  });

  it('a total typed over with a wrong figure is caught (TL030 at the total row)', async () => {
    const filled = join(tmp, 'wrong-total.xlsx');
    await fill(form, filled, { wrongTotal: true });
    const r = await tally(['check', filled, '--format', 'json']);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out) as { diagnostics: { code: string; location: { cell: string } }[] };
    const ws = (await loadWorkbook(readFileSync(form))).getWorksheet('Báo cáo');
    if (!ws) throw new Error('no form');
    const { total, col } = layout(ws);
    expect(j.diagnostics.map((d) => [d.code, d.location.cell])).toEqual([['TL030', `${ws.getColumn(col('Tổng số đảng viên')).letter}${total}`]]);
  });

  it('filled in and saved again by LibreOffice (a second writer), reads back to the same figures', async () => {
    const probe = spawnSync('soffice', ['--version'], { encoding: 'utf8' });
    if (probe.status !== 0) throw new Error('LibreOffice (soffice) is needed for this test');
    const dir = join(tmp, 'lo');
    mkdirSync(dir, { recursive: true });
    const filled = join(tmp, 'typed.xlsx');
    await fill(form, filled, { recalc: false });
    const r = spawnSync('soffice', ['--headless', '--convert-to', 'xlsx', '--outdir', dir, filled], { encoding: 'utf8', timeout: 120_000 });
    expect(r.status).toBe(0);
    const saved = join(dir, 'typed.xlsx');
    expect(existsSync(saved)).toBe(true);
    expect(await figuresOf(saved)).toEqual(EXPECTED);
  }, 150_000);

  it('refuses to overwrite a form that exists, unless --force', async () => {
    expect((await tally(['template', '-o', 'twice.xlsx'])).code).toBe(0);
    const r = await tally(['template', '-o', 'twice.xlsx']);
    expect(r.code).toBe(2);
    expect(r.err).toBe('không ghi: Không ghi vào "twice.xlsx": tệp này đã có, có thể là một mẫu đã điền.\n    cách sửa: Chọn tên khác cho -o, hoặc thêm --force để ghi đè.\n');
    expect((await tally(['template', '-o', 'twice.xlsx', '--force'])).code).toBe(0);
  });

  it('--format csv prints the header line, UTF-8 with a byte-order mark, that tally reads as a table header', async () => {
    const r = await tally(['template', '--format', 'csv']);
    expect(r.code).toBe(0);
    expect(r.out.startsWith('\ufeffSTT,Mã đơn vị,Tên tổ chức cơ sở đảng,Loại hình,Trực thuộc,Lĩnh vực,Đảng viên đầu kỳ,Kết nạp,')).toBe(true);
    expect(r.out.endsWith(',ĐV miễn đánh giá,Ghi chú\r\n')).toBe(true);
    const csv = join(tmp, 'one.csv');
    writeFileSync(csv, `${r.out}1,CB09,Chi bộ Sở Xây dựng,Chi bộ cơ sở,,Cơ quan hành chính,10,1,0,0,0,0,0,0,0,11,1,4,0,Hoàn thành tốt nhiệm vụ,2,8,0,0,1,0,\r\n`);
    const f = await figuresOf(csv);
    expect([f.organizations, f.members, f.admitted, f.memberRatings.HTXSNV, f.codes]).toEqual([1, 11, 1, 2, []]);
  });

  it('--unit makes one unit\'s own form: a single row with its code', async () => {
    const r = await tally(['template', '--unit', 'CB07', '-o', 'cb07.xlsx']);
    expect(r.code).toBe(0);
    const ws = (await loadWorkbook(readFileSync(join(tmp, 'cb07.xlsx')))).getWorksheet('Báo cáo');
    if (!ws) throw new Error('no form');
    const { first, total, col } = layout(ws);
    expect(total).toBe(first + 1);
    expect(ws.getCell(first, col('Mã đơn vị')).value).toBe('CB07');
  });

  it('--members makes the member-list form with a rating dropdown and dates of birth checked as dates', async () => {
    const r = await tally(['template', '--members', '--rows', '5']);
    expect(r.code).toBe(0);
    expect(r.err).toContain('Đã ghi mẫu danh sách đảng viên vào "mau-danh-sach-dang-vien.xlsx"');
    const wb = await loadWorkbook(readFileSync(join(tmp, 'mau-danh-sach-dang-vien.xlsx')));
    const ws = wb.getWorksheet('Danh sách');
    if (!ws) throw new Error('no list');
    let header = 0;
    ws.eachRow((row, n) => {
      if (header === 0 && row.getCell(1).value === 'STT') header = n;
    });
    expect([1, 2, 3, 4, 5, 6, 7].map((c) => ws.getCell(header, c).value)).toEqual(['STT', 'Họ và tên', 'Ngày sinh', 'Số thẻ đảng viên', 'Chi bộ', 'Xếp loại chất lượng', 'Ghi chú']);
    expect(ws.getCell(header + 2, 6).dataValidation).toMatchObject({ type: 'list', formulae: ["'Danh mục'!$A$1:$A$6"] });
    expect(ws.getCell(header + 2, 3).dataValidation).toMatchObject({ type: 'date' });
    expect(ws.getCell(header + 2, 4).numFmt).toBe('@');
    const lists = wb.getWorksheet('Danh mục');
    expect([1, 2, 3, 4, 5, 6].map((n) => lists?.getCell(n, 1).value)).toEqual(['Hoàn thành xuất sắc nhiệm vụ', 'Hoàn thành tốt nhiệm vụ', 'Hoàn thành nhiệm vụ', 'Không hoàn thành nhiệm vụ', 'Chưa xếp loại', 'Miễn đánh giá']);
  });

  it('takes the bloc, the place and the bloc\'s own indicators from the config', async () => {
    const dir = join(tmp, 'cfg');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'tally.config.json'), JSON.stringify({ bloc: 'Đảng bộ Khối các cơ quan tỉnh', place: 'Tiền Giang', indicators: ['Số cuộc học tập nghị quyết'] }));
    expect((await tally(['template', '--period', '2025'], dir)).code).toBe(0);
    const ws = (await loadWorkbook(readFileSync(join(dir, 'mau-bao-cao.xlsx')))).getWorksheet('Báo cáo');
    if (!ws) throw new Error('no form');
    expect(ws.getCell(1, 1).value).toBe('ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH');
    const { header, col } = layout(ws);
    expect(ws.getCell(header, col('Số cuộc học tập nghị quyết')).value).toBe('Chỉ tiêu khác');
    expect(ws.getCell(header + 3, col('Số cuộc học tập nghị quyết')).dataValidation).toMatchObject({ type: 'whole' });
  });

  it('--roster makes one row per expected unit, code, name, type and parent filled in; --unit picks one of them', async () => {
    const roster = join(ROOT, 'fixtures', 'roster', 'with-parents.csv');
    expect((await tally(['template', '--roster', roster, '-o', 'roster.xlsx'])).code).toBe(0);
    const ws = (await loadWorkbook(readFileSync(join(tmp, 'roster.xlsx')))).getWorksheet('Báo cáo');
    if (!ws) throw new Error('no form');
    const { first, total, col } = layout(ws);
    const lines = readFileSync(roster, 'utf8').replace(/^\ufeff/, '').trim().split('\n').slice(1).map((l) => l.split(','));
    expect(total - first).toBe(lines.length);
    expect([ws.getCell(first, 1).value, ws.getCell(first, col('Mã đơn vị')).value, ws.getCell(first, col('Tên tổ chức cơ sở đảng')).value, ws.getCell(first, col('Loại hình')).value])
      .toEqual([1, lines[0]?.[0], lines[0]?.[1], lines[0]?.[2]]);
    expect([ws.getCell(first + 1, col('Tên tổ chức cơ sở đảng')).value, ws.getCell(first + 1, col('Loại hình')).value, ws.getCell(first + 1, col('Trực thuộc')).value])
      .toEqual(['Chi bộ Văn phòng Sở Tài chính', 'Chi bộ trực thuộc', 'DB01']);
    expect((await tally(['template', '--roster', roster, '--unit', 'DB02', '-o', 'db02.xlsx'])).code).toBe(0);
    const one = (await loadWorkbook(readFileSync(join(tmp, 'db02.xlsx')))).getWorksheet('Báo cáo');
    if (!one) throw new Error('no form');
    const l1 = layout(one);
    expect([l1.total - l1.first, one.getCell(l1.first, l1.col('Tên tổ chức cơ sở đảng')).value]).toEqual([1, 'Đảng bộ Sở Y tế']);
    const r = await tally(['template', '--roster', roster, '--unit', 'ZZ99', '-o', 'zz.xlsx']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('Danh sách đơn vị');
    expect(r.err).toContain('không có mã "ZZ99"');
  });

  it('--members: the form filled in (the organisation written over its line, three members) reads back as a member list', async () => {
    expect((await tally(['template', '--members', '--rows', '5', '--period', '2024', '-o', 'ds.xlsx'])).code).toBe(0);
    const blank = await tally(['report', 'ds.xlsx']);
    // A form whose organisation is still "CHI BỘ ………" names no one: refused as a list, never read as a unit.
    expect(blank.code).toBe(2);
    expect(blank.err).toContain('là danh sách đảng viên');
    const wb = await loadWorkbook(readFileSync(join(tmp, 'ds.xlsx')));
    const ws = wb.getWorksheet('Danh sách');
    if (!ws) throw new Error('no list');
    let header = 0;
    let unit = 0;
    ws.eachRow((row, n) => {
      if (header === 0 && row.getCell(1).value === 'STT') header = n;
      if (row.getCell(1).text.startsWith('CHI BỘ …')) unit = n;
    });
    expect(unit).toBeGreaterThan(0);
    expect(unit).toBeLessThan(header);
    ws.getCell(unit, 1).value = 'CHI BỘ VĂN PHÒNG SỞ TÀI CHÍNH';
    const people: (string | number | Date)[][] = [
      [1, 'Nguyễn Văn An', new Date(1980, 4, 2), '012345', 'Chi bộ Văn phòng', 'Hoàn thành xuất sắc nhiệm vụ'],
      [2, 'Trần Thị Bình', new Date(1985, 1, 12), '012346', 'Chi bộ Văn phòng', 'Hoàn thành tốt nhiệm vụ'],
      [3, 'Lê Văn Cường', new Date(1990, 7, 20), '012347', 'Chi bộ Văn phòng', 'Chưa xếp loại'],
    ];
    people.forEach((p, i) => p.forEach((v, c) => (ws.getCell(header + 2 + i, c + 1).value = v)));
    writeFileSync(join(tmp, 'ds-filled.xlsx'), Buffer.from(await wb.xlsx.writeBuffer()));
    const f = await figuresOf(join(tmp, 'ds-filled.xlsx'));
    expect([f.period, f.organizations, f.members, f.memberRatings, f.codes]).toEqual([['2024'], 1, 3, { HTXSNV: 1, HTTNV: 1, HTNV: 0, KHTNV: 0 }, []]);
  });
});

