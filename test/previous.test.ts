import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analysePrevious } from '../src/analyse/previous.js';
import { DEFAULT_THRESHOLDS } from '../src/check/rule.js';
import { cli, fixture, ROOT } from './helpers.js';

const OPTIONS = { cwd: ROOT, scale: 'current', decimals: 2, rounding: 'half-up', excellentBase: 'goodOrBetter', thresholds: DEFAULT_THRESHOLDS, rollup: true, workers: 0 } as const;
const EXPECTED = JSON.parse(readFileSync(join(ROOT, 'fixtures/years/expected.json'), 'utf8')) as {
  previous: { change: { figure: string; previous: number; current: number; change: number; unit: 'count' | 'points' }[]; units: Record<string, { code: string; name: string }[]> };
};
const ARGS = ['report', 'fixtures/years/previous/2023/', '--previous', 'fixtures/years/previous/2022/'];

/** A figure of the JSON by the answers' path: "organizations.bySector[Cơ quan hành chính]", "members.admissionRate.percent". */
function at(root: unknown, path: string, listKey: 'sector' | 'name' | 'value'): unknown {
  let x: unknown = root;
  for (const part of path.split('.')) {
    const m = /^(\w+)\[(.+)\]$/.exec(part);
    if (m) {
      const list = (x as Record<string, { sector?: string; name?: string; count?: number; total?: number }[]>)[m[1] ?? ''] ?? [];
      const item = list.find((i) => (i.sector ?? i.name) === m[2]);
      x = listKey === 'value' ? item : item && (item.count ?? item.total);
    } else x = (x as Record<string, unknown> | undefined)?.[part];
  }
  return x;
}

describe('--previous: the current period beside the previous one', () => {
  const json = JSON.parse(cli([...ARGS, '--format', 'json']).stdout) as Record<string, unknown> & { previous: unknown; change: unknown };
  it('gives every figure of the answers its previous value, its current value and its change (fixtures/years/previous)', () => {
    expect(EXPECTED.previous.change.length).toBeGreaterThan(70);
    for (const e of EXPECTED.previous.change) {
      expect(at(json.previous, e.figure, 'sector'), `previous ${e.figure}`).toBe(e.previous);
      expect(at(json, e.figure, 'sector'), `current ${e.figure}`).toBe(e.current);
      const changePath = e.figure.replace(/\.percent$/, '.points');
      const change = /\[/.test(e.figure) ? (at(json.change, e.figure, 'value') as { change: number } | undefined)?.change : at(json.change, changePath, 'sector');
      expect(change, `change ${e.figure}`).toBe(e.change);
    }
  });
  it('lists the organisations that came and went, matched by code else by folded name', () => {
    const units = (json.change as { units: { matched: unknown; appeared: { code: string; name: string }[]; disappeared: { code: string; name: string }[] } }).units;
    expect(units.matched).toEqual({ byCode: 6, byName: 4 });
    const pick = (l: { code: string; name: string }[]): string[] => l.map((u) => `${u.code} ${u.name}`).sort();
    expect(pick(units.appeared)).toEqual(pick(EXPECTED.previous.units.added ?? []));
    expect(pick(units.disappeared)).toEqual(pick(EXPECTED.previous.units.removed ?? []));
  });
  it('prints a column for each period and one for the change in the table, and the organisations under it', () => {
    const r = cli(ARGS);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('TỔNG HỢP BÁO CÁO — Kỳ 2023 so với 2022 (7 tệp)');
    expect(r.stdout).toMatch(/│ Tổ chức cơ sở đảng\s+│\s+12 │\s+13 │\s+\+1 │/);
    expect(r.stdout).toMatch(/Hoàn thành tốt nhiệm vụ trở lên\s+│\s+11\/12 \(91,67%\) │\s+12\/13 \(92,31%\) │\s+\+1 \(\+0,64 điểm %\) │/);
    expect(r.stdout).toContain('Tổ chức cơ sở đảng có ở cả hai kỳ: 10 (6 khớp theo mã, 4 theo tên)');
    expect(r.stdout).toContain('Có ở kỳ 2022, không còn ở kỳ 2023 (2):\n  - CB02 Chi bộ Ban Quản lý dự án công trình giao thông\n  - CB07 Chi bộ Công ty Cổ phần Tư vấn Xây dựng');
    expect(cli([...ARGS, '--lang', 'en']).stdout).toMatch(/Good or better \(HTTNV\+\)\s+│\s+11\/12 \(91\.67%\) │\s+12\/13 \(92\.31%\) │\s+\+1 \(\+0\.64 pp\) │/);
  });
  it('says the change in the paragraph, in Vietnamese and in English', () => {
    expect(cli([...ARGS, '--format', 'text']).stdout).toContain('So với năm 2022, tổ chức cơ sở đảng tăng 1 TCCSĐ (12 → 13); tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên tăng 0,64 điểm % (91,67% → 92,31%)');
    expect(cli([...ARGS, '--format', 'text']).stdout).toContain('đảng viên tăng 26 đảng viên (428 → 454)');
    expect(cli([...ARGS, '--format', 'text', '--lang', 'en']).stdout).toContain('Compared with 2022: grassroots organisations up 1 (12 → 13); organisations rated good or better up 0.64 pp (91.67% → 92.31%)');
  });
  it('writes both periods and the change in Markdown and CSV', () => {
    expect(cli([...ARGS, '--format', 'md']).stdout).toContain('| &nbsp;&nbsp;Hoàn thành tốt nhiệm vụ trở lên | 11/12 (91,67%) | 12/13 (92,31%) | +1 (+0,64 điểm %) |');
    const csv = cli([...ARGS, '--format', 'csv']).stdout;
    expect(csv).toContain('section,figure,previous_count,previous_of,previous_percent,count,of,percent,change,change_points');
    expect(csv).toContain('Xếp loại tổ chức cơ sở đảng,Hoàn thành tốt nhiệm vụ trở lên,11,12,91.67,12,13,92.31,1,0.64');
    expect(csv).toContain('disappeared,CB07 Chi bộ Công ty Cổ phần Tư vấn Xây dựng');
  });
  it('refuses the workbook and the Word appendix with a way out, before reading (exit 2)', () => {
    const r = cli([...ARGS, '-o', 'out.xlsx']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--previous chưa ghi được ra tệp xlsx');
    expect(r.stderr).toContain('-o tong-hop.md');
  });
  it('warns when the previous inputs are of the same period (TL037), at the first row of the previous inputs', async () => {
    const { analysis } = await analysePrevious([fixture('periods/khoi-2023.csv')], [fixture('rules/period-overridden.csv')], OPTIONS);
    const d = analysis.diagnostics.filter((x) => x.code === 'TL037');
    expect(d.map((x) => [x.location.file, x.location.cell, x.severity])).toEqual([['fixtures/rules/period-overridden.csv', 'A3', 'warning']]);
  });
});
