import type { Lang } from '../check/catalogue.js';
import type { Summary } from '../rollup/summary.js';
import { extraTables, type DocxExtras, type GridRow } from './docx-extras.js';
import { formatCount, formatPercent } from './format.js';
import { blocLine, dateLine, periodLine, text, word, type DocumentOptions } from './heading.js';
import { summarySections, type Figure } from './table.js';
import { renderText } from './text.js';

type Docx = typeof import('docx');
type Children = InstanceType<Docx['Paragraph']> | InstanceType<Docx['Table']>;

/** Millimetres to twentieths of a point, Word's unit of page layout. */
const mm = (x: number): number => Math.ceil((x * 1440) / 25.4);
/** A4, with the margins of Hướng dẫn 36-HD/VPTW: 20 mm top and bottom, 30 mm left, 15 mm right. */
const PAGE = { width: mm(210), height: mm(297), top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) };
const CONTENT = PAGE.width - PAGE.left - PAGE.right;
/** Sizes in half-points: body 14, tables 13, the Party's name 15. */
const BODY = 28;
const TABLE = 26;
const PARTY = 30;

type Run = (t: string, opts?: { bold?: boolean; italics?: boolean; size?: number; underline?: boolean; color?: string }) => InstanceType<Docx['TextRun']>;
type Para = (runs: InstanceType<Docx['TextRun']>[], opts?: { align?: 'left' | 'center' | 'right' | 'both'; after?: number; indent?: number }) => InstanceType<Docx['Paragraph']>;

/** The header block of a party document: two columns, no borders; the bloc on the left, the Party and the dateline on the right. */
function headerBlock(d: Docx, o: DocumentOptions, para: Para, run: Run): InstanceType<Docx['Table']> {
  const none = { style: d.BorderStyle.NONE, size: 0, color: 'FFFFFF' };
  const half = Math.round(CONTENT * 0.45);
  return new d.Table({
    width: { size: CONTENT, type: d.WidthType.DXA },
    columnWidths: [half, CONTENT - half],
    layout: d.TableLayoutType.FIXED,
    borders: { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none },
    rows: [new d.TableRow({
      children: [
        new d.TableCell({ width: { size: half, type: d.WidthType.DXA }, children: [para([run(blocLine(o), { bold: true, size: TABLE })], { align: 'center' }), para([run('*')], { align: 'center' })] }),
        new d.TableCell({
          width: { size: CONTENT - half, type: d.WidthType.DXA },
          children: [para([run(word('party', o.lang), { bold: true, size: PARTY, underline: true })], { align: 'center', after: 120 }), para([run(dateLine(o), { italics: true })], { align: 'center' })],
        }),
      ],
    })],
  });
}

/** Makes bordered tables of the appendix whose header row repeats on every page. */
function gridMaker(d: Docx, para: Para, run: Run): (widths: number[], head: string[], body: GridRow[], size?: number) => InstanceType<Docx['Table']> {
  const thin = { style: d.BorderStyle.SINGLE, size: 4, color: '000000' };
  const cell = (t: string, opts: { bold?: boolean; italics?: boolean; align?: 'left' | 'center' | 'right'; indent?: number; width: number; span?: number; size: number }): InstanceType<Docx['TableCell']> =>
    new d.TableCell({
      width: { size: opts.width, type: d.WidthType.DXA },
      columnSpan: opts.span !== undefined && opts.span > 1 ? opts.span : undefined,
      verticalAlign: d.VerticalAlign.CENTER,
      // A table in a smaller size (many narrow columns) gets narrower margins too.
      margins: opts.size < TABLE ? { left: 40, right: 40, top: 20, bottom: 20 } : { left: 80, right: 80, top: 20, bottom: 20 },
      children: [para([run(t, { bold: opts.bold, italics: opts.italics, size: opts.size })], { align: opts.align, indent: opts.indent })],
    });
  return (widths, head, body, size = TABLE) => {
    const rows = [new d.TableRow({
      tableHeader: true,
      cantSplit: true,
      children: head.map((h, c) => cell(h, { bold: true, align: 'center', width: widths[c] ?? 0, size })),
    })];
    for (const r of body) {
      rows.push(new d.TableRow({
        cantSplit: true,
        children: r.cells.map((t, c) => {
          const span = c === r.cells.length - 1 ? widths.length - c : 1;
          const width = widths.slice(c, c + span).reduce((a, b) => a + b, 0);
          return cell(t, { bold: r.bold, italics: c === 1 && r.italics, indent: c === 1 ? r.indent : undefined, align: r.align[c], width, span, size });
        }),
      }));
    }
    return new d.Table({
      width: { size: CONTENT, type: d.WidthType.DXA },
      columnWidths: widths,
      layout: d.TableLayoutType.FIXED,
      borders: { top: thin, bottom: thin, left: thin, right: thin, insideHorizontal: thin, insideVertical: thin },
      rows,
    });
  };
}

/**
 * The appendix (phụ lục) of a tổng kết report, in the format of party documents: the header block (the bloc on the
 * left, "ĐẢNG CỘNG SẢN VIỆT NAM" underlined on the right with the place and date in italics), the title "PHỤ LỤC"
 * with the report's name and period, each table of the summary as a Word table whose header row repeats on every
 * page, then the summary paragraph. The `docx` package is loaded only here.
 */
export async function renderDocx(summary: Summary, o: DocumentOptions, extras: DocxExtras = {}): Promise<Buffer> {
  const d: Docx = await import('docx');
  const L = o.lang;
  const run = (t: string, opts: { bold?: boolean; italics?: boolean; size?: number; underline?: boolean; color?: string } = {}): InstanceType<Docx['TextRun']> =>
    new d.TextRun({ text: t, bold: opts.bold, italics: opts.italics, size: opts.size, color: opts.color, underline: opts.underline ? { type: d.UnderlineType.SINGLE } : undefined });
  const para = (runs: InstanceType<Docx['TextRun']>[], opts: { align?: 'left' | 'center' | 'right' | 'both'; after?: number; before?: number; indent?: number; firstLine?: number; keepNext?: boolean } = {}): InstanceType<Docx['Paragraph']> =>
    new d.Paragraph({
      children: runs,
      alignment: opts.align === 'center' ? d.AlignmentType.CENTER : opts.align === 'right' ? d.AlignmentType.RIGHT : opts.align === 'both' ? d.AlignmentType.JUSTIFIED : d.AlignmentType.LEFT,
      spacing: { before: opts.before ?? 0, after: opts.after ?? 0 },
      indent: opts.indent || opts.firstLine ? { left: opts.indent, firstLine: opts.firstLine } : undefined,
      keepNext: opts.keepNext,
    });

  const children: Children[] = [headerBlock(d, o, para, run)];
  children.push(para([run(text('appendix', L), { bold: true })], { align: 'center', before: 360 }));
  // The period on a line of its own: "NĂM 2020" does not fall to a line alone under a long name.
  children.push(para([run(text('reportName', L), { bold: true })], { align: 'center' }));
  const period = periodLine(summary.periods, L);
  if (period) children.push(para([run(period, { bold: true })], { align: 'center' }));
  children.push(para([], { after: o.trusted ? 120 : 0 }));
  if (!o.trusted) children.push(para([run(word('untrusted', L), { bold: true, color: 'C00000' })], { align: 'center', after: 240 }));

  const grid = gridMaker(d, para, run);
  const widths = [0.08, 0.54, 0.2, 0.18].map((f) => Math.round(CONTENT * f));
  const sections = summarySections(summary, { lang: L });
  sections.forEach((section, i) => {
    children.push(para([run(`${text('table', L)} ${i + 1}. ${section.title}`, { bold: true })], { before: 240, after: 120, keepNext: true }));
    let n = 0;
    children.push(grid(widths, [text('tt', L), text('figure', L), text('count', L), text('share', L)], section.lines.map((line) => ({
      cells: [line.depth === 0 ? String(++n) : '', line.label, ...figureTexts(line.figure, summary.options.decimals, L)],
      align: ['center', 'left', 'right', 'right'], italics: line.depth >= 2, indent: line.depth * 284,
    }))));
  });
  for (const [i, t] of (await extraTables(extras, L, summary.options.decimals)).entries()) {
    children.push(para([run(`${text('table', L)} ${sections.length + i + 1}. ${t.title}`, { bold: true })], { before: 240, after: 120, keepNext: true }));
    children.push(grid(t.widths.map((f) => Math.round(CONTENT * f)), t.head, t.rows, t.size));
    if (t.note) children.push(para([run(t.note, { italics: true, size: TABLE })], { before: 60 }));
  }
  const targets = extras.targets && extras.targets.targets.length > 0 ? extras.targets : undefined;
  const sentence = targets ? ` ${(await import('./targets.js')).targetsSentence(targets, summary.options.decimals, L, o.bloc)}` : '';
  children.push(para([run(renderText(summary, L).trim() + sentence)], { align: 'both', before: 360, firstLine: mm(10) }));

  const doc = new d.Document({
    creator: 'tally',
    title: text('appendix', L),
    styles: { default: { document: { run: { font: 'Times New Roman', size: BODY }, paragraph: { spacing: { line: 276 } } } } },
    sections: [{ properties: { page: { size: { width: PAGE.width, height: PAGE.height }, margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right } } }, children }],
  });
  return d.Packer.toBuffer(doc);
}

/** "99/107" or "5.663", and "92,52%" or nothing: a figure in the Vietnamese (or English) way of writing numbers. */
function figureTexts(f: Figure | undefined, decimals: number, lang: Lang): [string, string] {
  if (!f) return ['', ''];
  const count = f.of !== undefined ? `${formatCount(f.count, lang)}/${formatCount(f.of, lang)}` : formatCount(f.count, lang);
  return [count, f.of !== undefined && f.percent !== undefined ? formatPercent(f.percent, decimals, lang) : ''];
}
