#!/usr/bin/env node
// Deterministic benchmark inputs for tally.
//
//   node bench/generate.js            every case
//   node bench/generate.js --quick    only the 107- and 10,000-row cases
//   node bench/generate.js csv-107 xlsx-107 ...   named cases
//
// Files go to os.tmpdir()/tally-bench and are reused when a manifest written by the same generator version
// says they are complete (same names, same sizes). Every unit row is valid for tally: membership balance,
// member ratings that add up to the members, the 20% excellent quotas (units and members), admitted ≤
// probationary, at least 3 full members, ratings consistent with the members' ratings. The rule set follows
// fixtures/src/generate-seeds.mjs (seeded mulberry32), simplified to one pass per unit so that a million rows
// stream out in constant memory.

import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync, readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { mulberry32 } from '../fixtures/src/rng.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
export const BENCH_DIR = join(tmpdir(), 'tally-bench');
const VERSION = createHash('sha256').update(readFileSync(fileURLToPath(import.meta.url))).digest('hex').slice(0, 16);

export const HEADER = [
  'STT', 'Mã đơn vị', 'Tên tổ chức cơ sở đảng', 'Loại hình', 'Lĩnh vực', 'Đảng viên đầu kỳ', 'Kết nạp', 'Chuyển đến',
  'Chuyển đi', 'Từ trần', 'Khai trừ', 'Xóa tên', 'Xin ra khỏi Đảng', 'Tổng số đảng viên', 'Đảng viên dự bị',
  'Đảng viên nữ', 'Số chi bộ trực thuộc', 'Xếp loại tổ chức', 'ĐV HTXSNV', 'ĐV HTTNV', 'ĐV HTNV', 'ĐV KHTNV',
  'ĐV không xếp loại', 'ĐV miễn đánh giá', 'Số cuộc học tập nghị quyết', 'Lượt người tham gia học tập',
];
/** Numeric columns (by header), the ones the baselines sum. */
export const NUMERIC = HEADER.filter((h, i) => i >= 5 && h !== 'Xếp loại tổ chức');

/** Every case: id, kind, rows (units), and the file or folder it reads. */
export const CASES = [
  { id: 'csv-107', kind: 'csv', rows: 107, seed: 107 },
  { id: 'csv-10000', kind: 'csv', rows: 10_000, seed: 10_000 },
  { id: 'csv-1000000', kind: 'csv', rows: 1_000_000, seed: 1_000_000 },
  { id: 'xlsx-107', kind: 'xlsx', rows: 107, seed: 107 },
  { id: 'xlsx-10000', kind: 'xlsx', rows: 10_000, seed: 10_000 },
  { id: 'xlsx-100000', kind: 'xlsx', rows: 100_000, seed: 100_000 },
  { id: 'dir-1000', kind: 'dir', rows: 1_000, seed: 1_000 },
  // Hostile shapes (issue 14): the 107 units, then 100,000 blank lines; and every row padded with 1,000 empty
  // fields (a used range exported whole) and a last line 20,000 fields wide.
  { id: 'csv-blank-100000', kind: 'csv', rows: 107, seed: 107, shape: 'blank-lines' },
  { id: 'csv-wide-20000', kind: 'csv', rows: 107, seed: 107, shape: 'wide-rows' },
  // The 1,000,000-row CSV as two years (a title "… NĂM 2022" / "… NĂM 2023" above the same units): --previous and streak.
  { id: 'years-1000000', kind: 'years', rows: 1_000_000, seed: 1_000_000 },
].map((c) => ({ ...c, path: join(BENCH_DIR, c.kind === 'dir' || c.kind === 'years' ? `${c.id}` : `${c.id}.${c.kind}`) }));
/** The files of a 'years' case: one per year, the same units under each year's title. */
export const YEARS = ['2022', '2023'];
export const yearFile = (c, year) => join(c.path, `bao-cao-${year}.csv`);
export const QUICK = ['csv-107', 'csv-10000', 'xlsx-107', 'xlsx-10000'];

// ---------------------------------------------------------------- PRNG (as fixtures/src/generate-seeds.mjs)
function makeRng(seed) {
  const r = mulberry32(seed);
  return {
    int: (lo, hi) => lo + Math.floor(r() * (hi - lo + 1)),
    real: (lo, hi) => lo + r() * (hi - lo),
    chance: (p) => r() < p,
    pick: (arr) => arr[Math.floor(r() * arr.length)],
  };
}

// ---------------------------------------------------------------- vocabulary
const SECTORS = ['Cơ quan hành chính', 'Đơn vị sự nghiệp', 'Doanh nghiệp nhà nước', 'Doanh nghiệp ngoài nhà nước', 'Cơ quan Đảng, đoàn thể'];
const TYPE_DB = 'Đảng bộ cơ sở';
const TYPE_CB = 'Chi bộ cơ sở';
const RATING_LABEL = {
  HTXSNV: 'Hoàn thành xuất sắc nhiệm vụ',
  HTTNV: 'Hoàn thành tốt nhiệm vụ',
  HTNV: 'Hoàn thành nhiệm vụ',
  KHTNV: 'Không hoàn thành nhiệm vụ',
};
const BASE_NAMES = [
  'Sở Tài chính', 'Sở Kế hoạch và Đầu tư', 'Sở Văn hóa, Thể thao và Du lịch', 'Bệnh viện Đa khoa', 'Trường Cao đẳng Y tế',
  'Công ty Cổ phần Cấp nước', 'Ngân hàng Thương mại Cổ phần Công thương Chi nhánh', 'Hội Liên hiệp Phụ nữ', 'Cục Thuế',
  'Công ty Trách nhiệm hữu hạn Một thành viên Xổ số kiến thiết', 'Ban Quản lý dự án đầu tư xây dựng', 'Liên đoàn Lao động',
];

/** Organisation rating by position: 3 of 20 excellent, 15 good, 1 completed, 1 not completed (TL040-safe). */
function ratingAt(i) {
  const k = i % 20;
  return k < 3 ? 'HTXSNV' : k < 18 ? 'HTTNV' : k === 18 ? 'HTNV' : 'KHTNV';
}

/** One valid unit (0-based index i), as the array of CSV/XLSX cell values in HEADER order. */
function unit(rng, i, pad) {
  const isDB = i % 5 < 2;
  const sector = rng.pick(SECTORS);
  const members = isDB ? rng.int(35, 160) : rng.int(7, 38);
  const admitted = rng.int(0, Math.floor(members * 0.06));
  const probationary = Math.min(admitted + rng.int(0, Math.floor(members * 0.05)), members - 3);
  const women = Math.round(members * rng.real(0.22, 0.7));
  const cells = isDB ? Math.max(2, Math.min(12, Math.round(members / 11))) : 0;
  const transferredIn = rng.chance(0.55) ? rng.int(1, isDB ? 6 : 2) : 0;
  const transferredOut = rng.chance(0.5) ? rng.int(1, isDB ? 5 : 2) : 0;
  const deceased = rng.chance(0.12) ? 1 : 0;
  const expelled = rng.chance(0.005) ? 1 : 0;
  const removed = rng.chance(0.03) ? rng.int(1, 2) : 0;
  const resigned = rng.chance(0.02) ? 1 : 0;
  const membersStart = members - admitted - transferredIn + transferredOut + deceased + expelled + removed + resigned;

  const rating = ratingAt(i);
  const mExempt = rng.chance(0.35) ? rng.int(1, Math.max(1, Math.floor(members * 0.04))) : 0;
  const mNotRated = admitted > 0 ? rng.int(0, admitted) : 0;
  const rated = members - mExempt - mNotRated;
  let mKHTNV, mHTNV;
  if (rating === 'HTXSNV' || rating === 'HTTNV') {
    mKHTNV = 0;
    mHTNV = Math.floor(rated * rng.real(0, rating === 'HTXSNV' ? 0.04 : 0.08));
  } else if (rating === 'HTNV') {
    mKHTNV = rng.int(1, 2);
    mHTNV = Math.floor(rated * rng.real(0.1, 0.3));
  } else {
    mKHTNV = rng.int(2, 3);
    mHTNV = Math.floor(rated * rng.real(0.3, 0.45));
  }
  const good = rated - mHTNV - mKHTNV;
  const cap = Math.floor(0.2 * good);
  const mHTXSNV = rating === 'HTXSNV' ? cap : Math.floor(cap * rng.real(0.55, 1));
  const mHTTNV = good - mHTXSNV;
  const cuoc = rng.int(isDB ? 3 : 2, isDB ? 7 : 5);
  const luot = Math.max(members, Math.round(cuoc * members * rng.real(0.9, 1.3)));

  // The rules tally checks, asserted so that a change here cannot quietly produce diagnostics.
  const ok = membersStart >= 0 && members - probationary >= 3 && admitted <= probationary && women <= members
    && mHTXSNV + mHTTNV + mHTNV + mKHTNV + mNotRated + mExempt === members && mHTXSNV <= Math.floor(0.2 * (mHTXSNV + mHTTNV))
    && mHTTNV >= 0 && rated >= 0
    && (rating === 'HTNV' || rating === 'KHTNV' || good * 2 >= rated);
  if (!ok) throw new Error(`generated unit ${i} breaks a rule`);

  const n = String(i + 1).padStart(pad, '0');
  const code = (isDB ? 'DB' : 'CB') + n;
  const name = `${isDB ? 'Đảng bộ' : 'Chi bộ'} ${BASE_NAMES[i % BASE_NAMES.length]} số ${n}`;
  return [
    i + 1, code, name, isDB ? TYPE_DB : TYPE_CB, sector, membersStart, admitted, transferredIn, transferredOut, deceased,
    expelled, removed, resigned, members, probationary, women, cells, RATING_LABEL[rating], mHTXSNV, mHTTNV, mHTNV, mKHTNV,
    mNotRated, mExempt, cuoc, luot,
  ];
}

function* units(seed, count) {
  const rng = makeRng(seed);
  const pad = Math.max(6, String(count).length);
  for (let i = 0; i < count; i++) yield unit(rng, i, pad);
}

// ---------------------------------------------------------------- writers
function csvField(v) {
  const s = String(v);
  return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}

async function writeCsv(path, seed, count, shape, title) {
  const out = createWriteStream(path, { encoding: 'utf8' });
  const write = (text) => (out.write(text) ? undefined : new Promise((r) => out.once('drain', r)));
  const pad = shape === 'wide-rows' ? ','.repeat(1000) : '';
  if (title) await write(csvField(title) + '\n');
  await write(HEADER.map(csvField).join(',') + pad + '\n');
  let buf = [];
  for (const row of units(seed, count)) {
    buf.push(row.map(csvField).join(',') + pad);
    if (buf.length === 5000) { await write(buf.join('\n') + '\n'); buf = []; }
  }
  if (buf.length) await write(buf.join('\n') + '\n');
  if (shape === 'blank-lines') for (let i = 0; i < 10; i++) await write('\n'.repeat(10_000));
  if (shape === 'wide-rows') await write(','.repeat(19_999) + '\n');
  await new Promise((resolve, reject) => out.end((err) => (err ? reject(err) : resolve())));
}

async function writeXlsx(path, rowsIterable) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: false, useSharedStrings: false });
  const ws = wb.addWorksheet('Báo cáo');
  ws.addRow(HEADER).commit();
  for (const row of rowsIterable) ws.addRow(row).commit();
  ws.commit();
  await wb.commit();
}

async function writeDir(path, seed, count) {
  rmSync(path, { recursive: true, force: true });
  mkdirSync(path, { recursive: true });
  let i = 0;
  for (const row of units(seed, count)) {
    i++;
    await writeXlsx(join(path, `don-vi-${String(i).padStart(4, '0')}.xlsx`), [row]);
  }
}

// ---------------------------------------------------------------- manifest: reuse what is already there
const MANIFEST = join(BENCH_DIR, 'manifest.json');

function sizeOf(path) {
  if (!existsSync(path)) return -1;
  const st = statSync(path);
  if (!st.isDirectory()) return st.size;
  return readdirSync(path).reduce((s, f) => s + statSync(join(path, f)).size, 0);
}
function readManifest() {
  try {
    const m = JSON.parse(readFileSync(MANIFEST, 'utf8'));
    return m.version === VERSION ? m : { version: VERSION, files: {} };
  } catch {
    return { version: VERSION, files: {} };
  }
}

/** Makes the named cases (all by default) and returns them; prints one line per case made or reused. */
export async function generate(ids = CASES.map((c) => c.id), { log = console.log } = {}) {
  mkdirSync(BENCH_DIR, { recursive: true });
  const manifest = readManifest();
  const chosen = CASES.filter((c) => ids.includes(c.id));
  for (const c of chosen) {
    const known = manifest.files[c.id];
    if (known !== undefined && known === sizeOf(c.path)) { log(`reuse    ${c.id.padEnd(12)} ${c.path}`); continue; }
    const t0 = process.hrtime.bigint();
    if (c.kind === 'csv') await writeCsv(c.path, c.seed, c.rows, c.shape);
    else if (c.kind === 'xlsx') await writeXlsx(c.path, units(c.seed, c.rows));
    else if (c.kind === 'years') {
      mkdirSync(c.path, { recursive: true });
      for (const y of YEARS) await writeCsv(yearFile(c, y), c.seed, c.rows, undefined, `BÁO CÁO KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI NĂM ${y}`);
    }
    else await writeDir(c.path, c.seed, c.rows);
    manifest.files[c.id] = sizeOf(c.path);
    writeFileSync(MANIFEST, JSON.stringify(manifest, null, 2) + '\n');
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    log(`generate ${c.id.padEnd(12)} ${c.path} (${(manifest.files[c.id] / 1e6).toFixed(1)} MB, ${(ms / 1000).toFixed(1)} s)`);
  }
  return chosen;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const named = args.filter((a) => !a.startsWith('--'));
  const ids = named.length ? named : args.includes('--quick') ? QUICK : CASES.map((c) => c.id);
  const unknown = ids.filter((id) => !CASES.some((c) => c.id === id));
  if (unknown.length) { console.error(`unknown case(s): ${unknown.join(', ')}; known: ${CASES.map((c) => c.id).join(', ')}`); process.exit(2); }
  await generate(ids);
}
void HERE;
