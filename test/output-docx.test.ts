import { describe, expect, it } from 'vitest';
import { blocFromTitles } from '../src/render/heading.js';
import { renderDocx } from '../src/render/docx.js';
import { renderText } from '../src/render/text.js';
import { analyseFixtures } from './helpers.js';
import { DOC, docxParagraphs, expectGoldenText, zipText } from './outputs.js';

async function appendix(fixture: string, lang: 'vi' | 'en' = 'vi', trusted = true): Promise<{ xml: string; text: string }> {
  const a = await analyseFixtures([fixture], { workers: 0 });
  if (!a.summary) throw new Error('no summary');
  const bytes = await renderDocx(a.summary, { ...DOC, lang, bloc: blocFromTitles(a.rows.skipped), trusted });
  return { xml: zipText(bytes, 'word/document.xml'), text: renderText(a.summary, lang).trim() };
}

describe('the Word appendix', () => {
  it('reads as its golden text on the 2020 workbook', async () => {
    const { xml } = await appendix('khoi-2020.xlsx');
    expectGoldenText('khoi-2020.docx', `${docxParagraphs(xml).join('\n')}\n`);
  });

  it('reads as its golden text on the 2023 CSV, in English', async () => {
    const { xml } = await appendix('khoi-2023.csv', 'en');
    expectGoldenText('khoi-2023-en.docx', `${docxParagraphs(xml).join('\n')}\n`);
  });

  it('has the header block, the title, Vietnamese numbers and the paragraph as body text', async () => {
    const { xml, text } = await appendix('khoi-2020.xlsx');
    const lines = docxParagraphs(xml);
    expect(lines[0]).toBe('ĐẢNG BỘ KHỐI CƠ QUAN VÀ DOANH NGHIỆP TỈNH* | ĐẢNG CỘNG SẢN VIỆT NAMHà Nội, ngày 05 tháng 01 năm 2024');
    expect(lines.slice(1, 4)).toEqual(['PHỤ LỤC', 'TỔNG HỢP SỐ LIỆU TỔ CHỨC CƠ SỞ ĐẢNG VÀ ĐẢNG VIÊN', 'NĂM 2020']);
    expect(lines).toContain(' | Hoàn thành tốt nhiệm vụ trở lên | 99/107 | 92,52%');
    expect(lines).toContain(' | Đảng viên nữ | 2.633/5.663 | 46,49%');
    expect(lines).toContain('2 | Cuối kỳ | 5.663 | ');
    expect(lines.at(-1)).toBe(text);
    // The Party's name underlined and in 15 points; the dateline in italics.
    const runOf = (t: string): string => new RegExp(`<w:r>((?:(?!</w:r>)[\\s\\S])*)${t}`).exec(xml)?.[1] ?? '';
    expect(runOf('ĐẢNG CỘNG SẢN VIỆT NAM')).toContain('<w:u w:val="single"/>');
    expect(runOf('ĐẢNG CỘNG SẢN VIỆT NAM')).toContain('<w:sz w:val="30"/>');
    expect(runOf('Hà Nội, ngày 05')).toContain('<w:i/>');
    expect(runOf('PHỤ LỤC')).toContain('<w:b/>');
  });

  it('is laid out on A4 with the margins of party documents, in Times New Roman, tables with a repeated header row', async () => {
    const { xml } = await appendix('khoi-2020.xlsx');
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const margins = /<w:pgMar ([^>]*)\/>/.exec(xml)?.[1] ?? '';
    const mm = (k: string): number => Number(new RegExp(`w:${k}="(\\d+)"`).exec(margins)?.[1]) / 1440 * 25.4;
    expect(mm('top')).toBeGreaterThanOrEqual(20);
    expect(mm('top')).toBeLessThanOrEqual(25);
    expect(mm('bottom')).toBeGreaterThanOrEqual(20);
    expect(mm('bottom')).toBeLessThanOrEqual(25);
    expect(mm('left')).toBeGreaterThanOrEqual(30);
    expect(mm('left')).toBeLessThanOrEqual(35);
    expect(mm('right')).toBeGreaterThanOrEqual(15);
    expect(mm('right')).toBeLessThanOrEqual(20);
    // One table per section of the summary (4 here) besides the header block, each with a header row that repeats.
    expect([...xml.matchAll(/<w:tbl>/g)].length).toBe(5);
    expect([...xml.matchAll(/<w:tblHeader\/>/g)].length).toBe(4);
  });

  it('says when the data are not trusted', async () => {
    const { xml } = await appendix('khoi-2020.xlsx', 'vi', false);
    expect(docxParagraphs(xml).join('\n')).toContain('CHƯA TIN CẬY');
  });
});
