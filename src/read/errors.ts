/**
 * Failures that stop tally from reading an input at all (exit 2). Each has a stable code and a message that
 * says what to do; none of them is a bug, so none shows a stack trace.
 */
export const FATAL = {
  'not-found': {
    vi: (a: Args) => `Không tìm thấy "${a.file}".`,
    en: (a: Args) => `"${a.file}" does not exist.`,
    hintVi: 'Kiểm tra lại đường dẫn tệp hoặc thư mục.',
    hintEn: 'Check the path of the file or folder.',
  },
  'no-inputs': {
    vi: (a: Args) => `Thư mục "${a.file}" không có tệp .xlsx hay .csv nào.`,
    en: (a: Args) => `Folder "${a.file}" holds no .xlsx or .csv file.`,
    hintVi: 'Đặt các tệp báo cáo (.xlsx hoặc .csv) vào thư mục này.',
    hintEn: 'Put the report files (.xlsx or .csv) in the folder.',
  },
  xls: {
    vi: (a: Args) => `"${a.file}" là tệp Excel 97-2003 (.xls), tally chưa đọc được định dạng này.`,
    en: (a: Args) => `"${a.file}" is an Excel 97-2003 workbook (.xls), which tally does not read.`,
    hintVi: 'Mở bằng Excel và "Lưu thành" .xlsx, hoặc chạy: soffice --headless --convert-to xlsx TỆP.xls',
    hintEn: 'Open it in Excel and "Save As" .xlsx, or run: soffice --headless --convert-to xlsx FILE.xls',
  },
  ods: {
    vi: (a: Args) => `"${a.file}" là tệp OpenDocument (.ods), tally chưa đọc được định dạng này.`,
    en: (a: Args) => `"${a.file}" is an OpenDocument spreadsheet (.ods), which tally does not read.`,
    hintVi: 'Trong LibreOffice chọn "Lưu thành" .xlsx, hoặc chạy: soffice --headless --convert-to xlsx TỆP.ods',
    hintEn: 'Save it as .xlsx from LibreOffice, or run: soffice --headless --convert-to xlsx FILE.ods',
  },
  encrypted: {
    vi: (a: Args) => `"${a.file}" được đặt mật khẩu nên không đọc được.`,
    en: (a: Args) => `"${a.file}" is password-protected and cannot be read.`,
    hintVi: 'Mở tệp bằng mật khẩu, bỏ mật khẩu (Tệp › Thông tin › Bảo vệ sổ làm việc) rồi lưu lại.',
    hintEn: 'Open it with its password, remove the password (File › Info › Protect Workbook) and save it again.',
  },
  empty: {
    vi: (a: Args) => `"${a.file}" là tệp rỗng (0 byte).`,
    en: (a: Args) => `"${a.file}" is empty (0 bytes).`,
    hintVi: 'Tệp có thể bị lỗi khi sao chép hoặc tải về; xin đơn vị gửi lại.',
    hintEn: 'It may have been damaged in copying or downloading; ask the unit to send it again.',
  },
  corrupt: {
    vi: (a: Args) => `"${a.file}" không phải là tệp .xlsx hợp lệ (${a.detail}).`,
    en: (a: Args) => `"${a.file}" is not a valid .xlsx file (${a.detail}).`,
    hintVi: 'Tệp có thể bị hỏng hoặc tải về chưa hết; mở thử bằng Excel, lưu lại, hoặc xin đơn vị gửi lại.',
    hintEn: 'It may be damaged or only partly downloaded; try opening and re-saving it in Excel, or ask for it again.',
  },
  'wrong-format': {
    vi: (a: Args) => `"${a.file}" có đuôi ${a.ext} nhưng thực ra là ${KIND_VI[String(a.actual)] ?? a.actual}.`,
    en: (a: Args) => `"${a.file}" is named ${a.ext} but is actually ${KIND_EN[String(a.actual)] ?? a.actual}.`,
    hintVi: 'Xin đơn vị gửi lại đúng tệp bảng tính (.xlsx hoặc .csv).',
    hintEn: 'Ask the unit for the spreadsheet itself (.xlsx or .csv).',
  },
  'stdin-format': {
    vi: (a: Args) => `Đầu vào chuẩn (-) là ${KIND_VI[String(a.actual)] ?? a.actual}, không phải bảng tính CSV hay .xlsx.`,
    en: (a: Args) => `Standard input (-) is ${KIND_EN[String(a.actual)] ?? a.actual}, not a CSV or .xlsx spreadsheet.`,
    hintVi: 'Chuyển vào tally tệp bảng tính của báo cáo (cat bao-cao.xlsx | tally -), hoặc ghi tên tệp: tally bao-cao.xlsx',
    hintEn: 'Pipe the report\'s spreadsheet into tally (cat report.xlsx | tally -), or name the file: tally report.xlsx',
  },
  'unsupported': {
    vi: (a: Args) => `"${a.file}": tally chỉ đọc tệp .xlsx và .csv.`,
    en: (a: Args) => `"${a.file}": tally reads only .xlsx and .csv files.`,
    hintVi: 'Lưu báo cáo thành .xlsx hoặc .csv rồi chạy lại.',
    hintEn: 'Save the report as .xlsx or .csv and run again.',
  },
  'legacy-encoding': {
    vi: (a: Args) => `"${a.file}" dùng bảng mã cũ ${a.encoding} (chữ hiện thành "${a.sample}"), không phải Unicode.`,
    en: (a: Args) => `"${a.file}" uses the legacy ${a.encoding} encoding (text reads as "${a.sample}"), not Unicode.`,
    hintVi: 'Chuyển sang Unicode bằng Unikey (Công cụ chuyển mã, nguồn ${encoding}, đích Unicode) hoặc EVKey, rồi lưu lại.',
    hintEn: 'Convert it to Unicode with Unikey\'s converter (source ${encoding}, target Unicode) or EVKey, then save.',
  },
  'bad-encoding': {
    vi: (a: Args) => `"${a.file}" không giải mã được theo bảng mã ${a.encoding}.`,
    en: (a: Args) => `"${a.file}" cannot be decoded as ${a.encoding}.`,
    hintVi: 'Bỏ --encoding để tally tự nhận bảng mã, hoặc lưu lại tệp CSV dạng UTF-8.',
    hintEn: 'Drop --encoding to let tally detect it, or save the CSV again as UTF-8.',
  },
  'invalid-utf8': {
    vi: (a: Args) => a.cut === 'yes'
      ? `"${a.file}" dừng giữa một chữ ở dòng ${a.line}, byte thứ ${a.byte}: văn bản UTF-8 bị cắt cụt.`
      : `"${a.file}" không phải văn bản UTF-8 hợp lệ ở dòng ${a.line}, byte thứ ${a.byte} (${a.value}).`,
    en: (a: Args) => a.cut === 'yes'
      ? `"${a.file}" ends in the middle of a character at line ${a.line}, byte ${a.byte}: the UTF-8 text is cut short.`
      : `"${a.file}" is not valid UTF-8 at line ${a.line}, byte ${a.byte} (${a.value}).`,
    hintVi: 'Tệp có thể bị hỏng khi sao chép hoặc tải về chưa hết: xin đơn vị gửi lại, hoặc mở bằng Excel và lưu lại dạng "CSV UTF-8". Nếu tệp được lưu bằng bảng mã khác, chạy lại với --encoding windows-1258 (hoặc utf-16le, utf-16be).',
    hintEn: 'It may have been damaged in copying or only partly downloaded: ask the unit to send it again, or open it in Excel and save it as "CSV UTF-8". If it was saved in another encoding, run again with --encoding windows-1258 (or utf-16le, utf-16be).',
  },
  'bad-csv': {
    vi: (a: Args) => `"${a.file}" không đọc được như CSV ở dòng ${a.line}: ${a.detail}.`,
    en: (a: Args) => `"${a.file}" cannot be read as CSV at line ${a.line}: ${a.detail}.`,
    hintVi: 'Thường do dấu ngoặc kép (") không đóng; mở tệp bằng Excel và lưu lại dạng CSV.',
    hintEn: 'Usually an unclosed double quote ("); open it in Excel and save it again as CSV.',
  },
  'no-table': {
    vi: (a: Args) => `Không tìm thấy bảng báo cáo trong "${a.file}"${a.sheet ? `, trang "${a.sheet}"` : ''}. Các tiêu đề đọc được: ${a.headers}.`,
    en: (a: Args) => `No report table found in "${a.file}"${a.sheet ? `, sheet "${a.sheet}"` : ''}. Headers found: ${a.headers}.`,
    hintVi: 'Bảng cần một dòng tiêu đề có ít nhất cột tên tổ chức ("Tên tổ chức cơ sở đảng") và cột số đảng viên ("Tổng số đảng viên").',
    hintEn: 'The table needs a header row with at least an organisation name ("Tên tổ chức cơ sở đảng") and a member count ("Tổng số đảng viên").',
  },
  'indicator-rows': {
    vi: (a: Args) => `"${a.file}"${a.sheet ? `, trang "${a.sheet}"` : ''} là biểu thống kê có các chỉ tiêu theo dòng (${a.examples}), không phải bảng mỗi tổ chức một dòng.${closestVi(a)}`,
    en: (a: Args) => `"${a.file}"${a.sheet ? `, sheet "${a.sheet}"` : ''} is a statistical form with the figures in rows (${a.examples}), not a table with one row per organisation.${closestEn(a)}`,
    hintVi: 'tally cộng các báo cáo có mỗi tổ chức cơ sở đảng một dòng và các số liệu theo cột ("Tên tổ chức cơ sở đảng", "Tổng số đảng viên", "Kết nạp", …). Gửi báo cáo theo mẫu của Đảng ủy Khối, hoặc chép số liệu của biểu này thành một dòng cho đơn vị.',
    hintEn: 'tally adds up reports with one row per grassroots organisation and the figures in columns ("Tên tổ chức cơ sở đảng", "Tổng số đảng viên", "Kết nạp", …). Send the report on the bloc\'s template, or copy this form\'s figures into one row for the unit.',
  },
  'category-rows': {
    vi: (a: Args) => `"${a.file}"${a.sheet ? `, trang "${a.sheet}"` : ''} là biểu tổng hợp theo loại hình hay nhóm (các dòng ${a.examples}), không có từng tổ chức cơ sở đảng để cộng.${closestVi(a)}`,
    en: (a: Args) => `"${a.file}"${a.sheet ? `, sheet "${a.sheet}"` : ''} is a form that counts by type or group (rows ${a.examples}), with no individual organisations to add up.${closestEn(a)}`,
    hintVi: 'tally cộng các báo cáo có mỗi tổ chức cơ sở đảng một dòng ("Tên tổ chức cơ sở đảng", "Tổng số đảng viên", …) và tự tính các số theo loại hình. Gửi bảng chi tiết từng tổ chức thay cho biểu này.',
    hintEn: 'tally adds up reports with one row per grassroots organisation ("Tên tổ chức cơ sở đảng", "Tổng số đảng viên", …) and works out the counts by type itself. Send the table of organisations instead of this form.',
  },
  'member-list': {
    vi: (a: Args) => `"${a.file}"${a.sheet ? `, trang "${a.sheet}"` : ''} là danh sách đảng viên (mỗi người một dòng: "Họ và tên", …), không phải báo cáo của tổ chức.`,
    en: (a: Args) => `"${a.file}"${a.sheet ? `, sheet "${a.sheet}"` : ''} is a list of members (one person per row: "Họ và tên", …), not a report of organisations.`,
    hintVi: 'Bỏ tệp này ra khỏi thư mục báo cáo, hoặc gửi báo cáo tổng hợp của tổ chức (mỗi tổ chức một dòng).',
    hintEn: 'Take this file out of the reports folder, or send the organisation\'s summary report (one row per organisation).',
  },
  'too-large': {
    vi: (a: Args) => `"${a.file}" quá lớn để đọc (${a.detail}).`,
    en: (a: Args) => `"${a.file}" is too large to read (${a.detail}).`,
    hintVi: 'Xóa các định dạng/kiểm tra dữ liệu áp cho cả cột, hoặc lưu bảng thành CSV.',
    hintEn: 'Remove whole-column formats or validations, or save the table as CSV.',
  },
  'read-failed': {
    vi: (a: Args) => `Không đọc được "${a.file}": ${a.detail}.`,
    en: (a: Args) => `Cannot read "${a.file}": ${a.detail}.`,
    hintVi: 'Kiểm tra quyền đọc tệp, hoặc mở và lưu lại tệp.',
    hintEn: 'Check that the file can be read, or open and save it again.',
  },
  roster: {
    vi: (a: Args) => `Không đọc được danh sách đơn vị (--roster) "${a.file}": ${a.detail}.`,
    en: (a: Args) => `Cannot read the roster (--roster) "${a.file}": ${a.detail}.`,
    hintVi: 'Danh sách đơn vị là một tệp .csv hoặc .xlsx có dòng tiêu đề với cột "Mã đơn vị" và "Tên tổ chức cơ sở đảng" (có thể thêm "Loại hình", "Trực thuộc"), mỗi đơn vị một dòng.',
    hintEn: 'A roster is a .csv or .xlsx file with a header row naming "Mã đơn vị" (code) and "Tên tổ chức cơ sở đảng" (name), optionally "Loại hình" (type) and "Trực thuộc" (parent), one unit per row.',
  },
  usage: {
    vi: (a: Args) => `${a.detail}`,
    en: (a: Args) => `${a.detail}`,
    hintVi: 'Xem tally --help.',
    hintEn: 'See tally --help.',
  },
  'output-is-input': {
    vi: (a: Args) => `Không ghi vào "${a.file}": đây là tệp đầu vào của lần chạy này${a.input && a.input !== a.file ? ` ("${a.input}")` : ''}, và tally không bao giờ ghi đè lên một báo cáo nó đọc.`,
    en: (a: Args) => `Not writing to "${a.file}": it is an input of this run${a.input && a.input !== a.file ? ` ("${a.input}")` : ''}, and tally never overwrites a report it reads.`,
    hintVi: 'Chọn tên khác cho -o (ví dụ tong-hop.xlsx), đặt ở ngoài thư mục báo cáo.',
    hintEn: 'Give -o another name (such as summary.xlsx), outside the folder of reports.',
  },
  'output-exists': {
    vi: (a: Args) => `Không ghi vào "${a.file}": tệp này đã có, có thể là một mẫu đã điền.`,
    en: (a: Args) => `Not writing to "${a.file}": the file exists, and may be a form already filled in.`,
    hintVi: 'Chọn tên khác cho -o, hoặc thêm --force để ghi đè.',
    hintEn: 'Give -o another name, or add --force to overwrite it.',
  },
  'output-format': {
    vi: (a: Args) => (a.file ? `Không biết ghi "${a.file}" theo định dạng nào (${a.detail}).` : `--format ${a.format} ghi ra một tệp, không ra màn hình: cần thêm -o TỆP.${a.format}.`),
    en: (a: Args) => (a.file ? `Cannot tell which format to write "${a.file}" in (${a.detail}).` : `--format ${a.format} writes a file, not to the terminal: add -o FILE.${a.format}.`),
    hintVi: 'Đặt đuôi tệp là .xlsx, .docx, .csv, .json, .md hoặc .txt, hoặc chọn bằng --format; --format xlsx và docx cần -o TỆP.',
    hintEn: 'Name the file .xlsx, .docx, .csv, .json, .md or .txt, or choose with --format; --format xlsx and docx need -o FILE.',
  },
  'output-periods': {
    vi: (a: Args) => `${a.option} chưa ghi được ra tệp ${a.format}: bảng tính và phụ lục Word hiện chỉ trình bày một kỳ.`,
    en: (a: Args) => `${a.option} cannot be written as ${a.format} yet: the workbook and the Word appendix show one period only.`,
    hintVi: 'Ghi ra -o tong-hop.md, .csv, .json hoặc .txt (có đủ các kỳ), hoặc bỏ tùy chọn này để có bảng tính của một kỳ.',
    hintEn: 'Write -o summary.md, .csv, .json or .txt (they show every period), or drop the option for the workbook of one period.',
  },
  'streak-periods': {
    vi: (a: Args) => `Cần ${a.years} kỳ để xét ${a.years} năm liền, nhưng các báo cáo đưa vào chỉ có ${a.count} kỳ: ${a.periods}.`,
    en: (a: Args) => `${a.years} years running need ${a.years} periods, but the reports given hold ${a.count}: ${a.periods}.`,
    hintVi: 'Đưa thêm báo cáo của các năm còn thiếu (mỗi tệp ghi năm ở tiêu đề hoặc cột Năm), hoặc giảm --years.',
    hintEn: 'Add the reports of the missing years (each with its year in the title or a Năm column), or lower --years.',
  },
  'streak-too-many': {
    vi: (a: Args) => `tally streak xét được tối đa ${a.max} kỳ một lần, nhưng các báo cáo đưa vào có ${a.count} kỳ: ${a.periods}.`,
    en: (a: Args) => `tally streak reads at most ${a.max} periods at a time, but the reports given hold ${a.count}: ${a.periods}.`,
    hintVi: 'Chỉ đưa vào báo cáo của các năm cần xét (ví dụ 5 năm gần nhất cho --years 5).',
    hintEn: 'Give only the reports of the years the streak is about (for example the last 5 for --years 5).',
  },
  'streak-gap': {
    vi: (a: Args) => `${a.years} kỳ cuối đã đọc (${a.periods}) không liền nhau: thiếu năm ${a.missing}, nên không xét được ${a.years} năm liền.`,
    en: (a: Args) => `The last ${a.years} periods read (${a.periods}) do not follow each other: ${a.missing} is missing, so ${a.years} years running cannot be judged.`,
    hintVi: 'Đưa thêm báo cáo của năm còn thiếu; một tổ chức không có trong báo cáo của một năm là không đạt năm đó.',
    hintEn: 'Add the report of the missing year; an organisation missing from a year\'s reports has not reached the level that year.',
  },
  'write-failed': {
    vi: (a: Args) => `Không ghi được "${a.file}": ${a.detail}. Không có tệp nào bị ghi dở.`,
    en: (a: Args) => `Cannot write "${a.file}": ${a.detail}. Nothing was left half-written.`,
    hintVi: 'Kiểm tra thư mục có tồn tại và được phép ghi, và tệp không đang mở trong Excel hay Word.',
    hintEn: 'Check that the folder exists and can be written to, and that the file is not open in Excel or Word.',
  },
  'config-exists': {
    vi: (a: Args) => `"${a.file}" đã có; tally init không ghi đè lên cấu hình đang dùng.`,
    en: (a: Args) => `"${a.file}" already exists; tally init never writes over a config in use.`,
    hintVi: 'Đổi tên hoặc xóa tệp cũ nếu muốn tạo lại, hoặc ghi mẫu ra tệp khác: tally init mau.config.json',
    hintEn: 'Rename or delete the old file to start again, or write the example elsewhere: tally init example.config.json',
  },
  'period-outside-term': {
    vi: (a: Args) => `"${a.file}" là báo cáo kỳ ${a.period}, ngoài nhiệm kỳ ${a.term}: không tính vào các chỉ tiêu của nhiệm kỳ này.`,
    en: (a: Args) => `"${a.file}" reports ${a.period}, outside the term ${a.term}: it is not counted towards this term's targets.`,
    hintVi: 'Bỏ tệp này khỏi lần chạy, hoặc sửa "term" trong tally.config.json (hay --term) cho đúng nhiệm kỳ.',
    hintEn: 'Leave this file out of the run, or correct "term" in tally.config.json (or --term) to the right term.',
  },
  config: {
    vi: (a: Args) => `Tệp cấu hình "${a.file}" không hợp lệ: ${a.detail}.`,
    en: (a: Args) => `Config file "${a.file}" is invalid: ${a.detail}.`,
    hintVi: 'Sửa tệp theo mẫu trong README.md, mục "Config" (mọi khóa đều không bắt buộc; bỏ khóa sai đi thì tally dùng mặc định).',
    hintEn: 'Fix it following README.md, section "Config" (every key is optional; without the wrong key tally uses the default).',
  },
} as const;

type Args = Readonly<Record<string, string | number | undefined>>;

/** The official forms tally reads, as a refusal names the nearest (`closest`), and what tally needs to read each. */
const CLOSEST: Readonly<Record<string, readonly [vi: string, en: string]>> = {
  1: ['Biểu 1 "Tăng, giảm đảng viên" (tally đọc biểu này khi có đủ các dòng A, B, C, D và cột "Kỳ này")', 'Biểu 1 "Tăng, giảm đảng viên" (tally reads it when it has all of rows A, B, C, D and a "Kỳ này" column)'],
  '7B': ['biểu đánh giá, xếp loại chất lượng (tally đọc biểu 7B "Đánh giá chất lượng đảng viên" của một đơn vị: tiêu đề "ĐÁNH GIÁ CHẤT LƯỢNG ĐẢNG VIÊN", cột "Tổng số", dòng tổng số đảng viên và các mức xếp loại; biểu xếp loại tổ chức chưa đọc)', 'a rating form (tally reads Biểu 7B "Đánh giá chất lượng đảng viên" of one unit: title "ĐÁNH GIÁ CHẤT LƯỢNG ĐẢNG VIÊN", a "Tổng số" column, a row of all members and the rating levels; the organisations\' rating form is not read yet)'],
  '7A': ['Biểu 7A "Đánh giá chất lượng tổ chức cơ sở đảng" của một cấp ủy; tally kiểm tra các tổng của biểu (A = 1 + 2, 1 = a) + b) + c) + d)) nhưng không cộng biểu vào bảng tổng hợp: biểu đếm các tổ chức cơ sở đảng theo mức xếp loại mà không nêu tên, nên không biết đó là những tổ chức nào, đảng bộ hay chi bộ cơ sở, bao nhiêu đảng viên, đã có báo cáo riêng trong thư mục chưa; cộng vào là đoán, hoặc đếm hai lần. Thay biểu này bằng kết quả xếp loại của từng tổ chức, mỗi tổ chức một dòng (tally template)',
    'Biểu 7A "Đánh giá chất lượng tổ chức cơ sở đảng" of a committee; tally checks its sums (A = 1 + 2, 1 = a) + b) + c) + d)) but does not add it to the summary: it counts organisations by rating level without naming them, so which organisations they are, committees or cells, how many members, whether their own reports are in the folder too, is unknown; adding it would be a guess, or a count twice. Send the rating of each organisation instead, one row per organisation (tally template)'],
  5: ['Biểu 5 "Tổ chức đảng và đảng viên trong các loại hình cơ sở" (tally đọc biểu này khi nó là của một tổ chức cơ sở đảng, có tên ở tiêu đề)', 'Biểu 5 "Tổ chức đảng và đảng viên trong các loại hình cơ sở" (tally reads it when it is one grassroots organisation\'s, named in its title)'],
};
const closestVi = (a: Args): string => (a.closest !== undefined && CLOSEST[a.closest] ? ` Biểu chính thức gần nhất: ${CLOSEST[a.closest]?.[0] ?? ''}.` : '');
const closestEn = (a: Args): string => (a.closest !== undefined && CLOSEST[a.closest] ? ` Closest official form: ${CLOSEST[a.closest]?.[1] ?? ''}.` : '');

const KIND_VI: Record<string, string> = {
  docx: 'một văn bản Word (.docx)', pptx: 'một tệp PowerPoint (.pptx)', zip: 'một tệp nén zip', pdf: 'một tệp PDF',
  html: 'một trang web (HTML)', xml2003: 'bảng tính Excel 2003 XML', image: 'một tệp ảnh', binary: 'một tệp nhị phân không rõ loại',
  text: 'một tệp văn bản (CSV?)',
};
const KIND_EN: Record<string, string> = {
  docx: 'a Word document (.docx)', pptx: 'a PowerPoint file (.pptx)', zip: 'a zip archive', pdf: 'a PDF document',
  html: 'a web page (HTML)', xml2003: 'an Excel 2003 XML spreadsheet', image: 'an image', binary: 'a binary file of unknown kind',
  text: 'a text file (CSV?)',
};
export type FatalCode = keyof typeof FATAL;

/**
 * A failure that stops an input from being read: exit 2, never a stack trace. Where one code covers several
 * cases (`too-large`: a zip bomb, a sheet of a million rows, a header of 20,000 columns), the args may say the
 * case in each language: `detailVi` / `detailEn` stand for `detail`, and `hintVi` / `hintEn` for the code's hint.
 */
export class TallyError extends Error {
  constructor(readonly code: FatalCode, readonly args: Args) {
    super(FATAL[code].en(inLanguage(args, 'en')));
    this.name = 'TallyError';
  }
  describe(lang: 'vi' | 'en'): { message: string; hint: string } {
    const e = FATAL[this.code];
    const args = inLanguage(this.args, lang);
    const fill = (t: string): string => t.replace(/\$\{(\w+)\}/g, (_, k: string) => String(args[k] ?? ''));
    const own = lang === 'en' ? this.args.hintEn : this.args.hintVi;
    if (own !== undefined) return { message: (lang === 'en' ? e.en : e.vi)(args), hint: String(own) };
    return lang === 'en' ? { message: e.en(args), hint: fill(e.hintEn) } : { message: e.vi(args), hint: fill(e.hintVi) };
  }
}

function inLanguage(args: Args, lang: 'vi' | 'en'): Args {
  const detail = lang === 'en' ? args.detailEn : args.detailVi;
  return detail === undefined ? args : { ...args, detail };
}
