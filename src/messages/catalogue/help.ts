/**
 * `ntm --help` and each command's help, in both languages. A run's help follows its language
 * (`--lang`, else `NTM_LANG`, else Vietnamese).
 */
import { domain, label, msg } from '../define.js';

export const help = domain('help', {
  'help.general': msg(
    { commands: 'text' },
    (p) => `ntm — tiêu chí nông thôn mới (NTM) cho cán bộ phân tích

Cách dùng: ntm <lệnh> [tuỳ chọn]    (ntm <lệnh> --help để xem chi tiết)

Các lệnh:
${p.commands}

Ngôn ngữ: --lang vi|en; mặc định theo biến môi trường NTM_LANG (vi hoặc en), nếu không có thì
tiếng Việt (LANG không đổi ngôn ngữ: máy của nhiều cơ quan đặt LANG tiếng Anh).
Mã thoát: 0 thành công; 1 có dòng dữ liệu (hoặc tệp được kiểm tra) bị lỗi, hoặc không đánh giá
được dòng nào; 2 lỗi cách dùng hoặc lỗi tệp (--out trùng một tệp đầu vào bị từ chối trước khi
đọc); 3 không ghi được tệp kết quả (đầy đĩa, không có quyền ghi). Xem docs/guarantees.md.
`,
    (p) => `ntm — Vietnam's New Rural Development (NTM) criteria for analysts

Usage: ntm <command> [options]    (ntm <command> --help for details)

Commands:
${p.commands}

Language: --lang vi|en; by default from the NTM_LANG environment variable (vi or en), else
Vietnamese (LANG does not switch: many offices' computers run an English LANG).
Exit codes: 0 ok; 1 input rows (or a checked file) with errors, or no row evaluated; 2 usage or
file errors (an --out that is an input is refused before anything is read); 3 the output could
not be written (disk full, no permission). See docs/guarantees.md.
`,
  ),
  'help.reference.title': label('# Tra cứu lệnh `ntm`', '# `ntm` command reference'),
  'help.reference.intro': label(
    'Lệnh `ntm` đi kèm gói (`npx ntm …` sau khi `npm install ntm-rules`, hoặc `npm run ntm -- …` trong kho mã này).\nTrang này được tạo từ nội dung `--help` của các lệnh bằng `npm run cli-reference`. Bản tiếng Anh: [cli.md](cli.md).',
    "The `ntm` command comes with the package (`npx ntm …` after `npm install ntm-rules`, or `npm run ntm -- …` in this repository).\nThis page is generated from the commands' `--help` texts by `npm run cli-reference`. In Vietnamese: [cli.vi.md](cli.vi.md).",
  ),
  'help.unknownCommand': msg({ name: 'name' }, (p) => `ntm: không có lệnh "${p.name}" (xem: ntm --help)`, (p) => `ntm: unknown command "${p.name}" (see: ntm --help)`),
  'help.see': msg({ command: 'code' }, (p) => `(xem: ntm ${p.command} --help)`, (p) => `(see: ntm ${p.command} --help)`),

  'help.sets.summary': label('liệt kê các bộ tiêu chí có sẵn', 'list the bundled criterion sets'),
  'help.sets': label(
    `ntm sets [--format table|json] [--lang vi|en] [--out <tệp>]

Liệt kê các bộ tiêu chí có sẵn: mã, cấp, căn cứ pháp lý, thời gian hiệu lực, số chỉ tiêu đã mã hoá.
`,
    `ntm sets [--format table|json] [--lang vi|en] [--out <file>]

Lists the bundled criterion sets: id, level, legal basis, dates in force, indicators encoded.
`,
  ),

  'help.show.summary': label('hiển thị một bộ tiêu chí với yêu cầu và nguồn của từng chỉ tiêu', 'print a criterion set with its requirements and sources'),
  'help.show': label(
    `ntm show <mã bộ tiêu chí|tệp quy tắc> [--region <mã vùng>] [--format table|json|md|xlsx|csv] [--lang vi|en] [--out <tệp>]

Hiển thị một bộ tiêu chí: từng tiêu chí, chỉ tiêu với yêu cầu (theo cột vùng của bộ, hoặc
--region TDMNPB|DBSH|BTB|DHNTB|TN|DNB|DBSCL) và nguồn; ngưỡng chưa rõ được ghi là chưa rõ.

  --format xlsx|csv  bộ tiêu chí dưới dạng bảng tính (các trường của bộ, tiêu chí, chỉ tiêu với
                     yêu cầu theo từng cột vùng và năm, nguồn); ntm import-set đọc lại đúng bộ
                     này (cùng dấu vân tay); xlsx cần --out
`,
    `ntm show <set id|rule file> [--region <code>] [--format table|json|md|xlsx|csv] [--lang vi|en] [--out <file>]

Prints a criterion set: each criterion and indicator with its requirement (for the set's
regional column, or --region TDMNPB|DBSH|BTB|DHNTB|TN|DNB|DBSCL) and its source; unknown
thresholds are shown as unknown.

  --format xlsx|csv  the set as a workbook (the annex view: set fields, criteria, indicators with
                     their requirements per regional column and year, sources), which
                     ntm import-set reads back to the same set (same fingerprint); xlsx needs --out
`,
  ),

  'help.evaluate.summary': label('đánh giá các xã trong một tệp JSON, CSV hoặc XLSX', 'evaluate the communes of a JSON, CSV or XLSX file'),
  'help.evaluate': label(
    `ntm evaluate <tệp> --set <mã|tệp quy tắc> [tuỳ chọn]

Đánh giá từng xã trong tệp số liệu (.json, .csv hoặc .xlsx; mỗi dòng một xã) và ghi kết quả.
Các dòng được đọc và đánh giá lần lượt; kết quả json và csv cũng được ghi dần.

Tuỳ chọn:
  --set <mã>        mã bộ tiêu chí (xem: ntm sets) hoặc tệp quy tắc; tệp JSON có thể tự ghi mã bộ
  --year <năm>      chỉ đánh giá các dòng của năm này; dòng không ghi năm lấy năm này
  --as-of <ngày>    dùng phiên bản của bộ tiêu chí có hiệu lực vào ngày này (yyyy-MM-dd; khi đó
                    --set có thể là một loại bộ, ví dụ dak-nong/commune-ntm); với --plan, đây
                    cũng là ngày bắt đầu tính các hạn báo cáo (mặc định: hôm nay)
  --overlay <tệp>   áp dụng tệp hiệu chỉnh đã điền (xem: ntm template) vào bộ tiêu chí
  --plan <mã>       kế hoạch của huyện (ví dụ dak-song/2023): cơ quan chủ trì, mục tiêu, hạn báo cáo
  --format <f>      table (mặc định) | json | csv | md | html
  --lang <l>        vi | en (mặc định: NTM_LANG, rồi vi)
  --out <tệp>       ghi ra tệp thay vì màn hình (tệp csv có BOM để Excel đọc đúng)
  --engine <e>      compiled (mặc định) | json-rules-engine
  --sheet <tên|số>  trang tính XLSX (mặc định: trang đầu tiên đang hiện)
  --delimiter <c>   ký tự phân cách CSV (mặc định: đoán từ dòng tiêu đề: ; tab hoặc ,)
  --header-row <n>  dòng tiêu đề (mặc định: dòng đầu tiên có cột "Mã xã" hoặc "communeId",
                    bên dưới các dòng tên cơ quan như "UBND HUYỆN …")
  --strict-columns  từ chối tệp khi có cột không nhận ra (mặc định: báo và bỏ qua cột đó)

Bố cục CSV / XLSX: một dòng tiêu đề, rồi mỗi dòng một xã. Các cột: "Mã xã" (hoặc "communeId"),
"Năm", "Tên xã" (không bắt buộc), "Vùng" (TN hoặc Tây Nguyên …), "Nhóm xã" (2 hoặc Nhóm 2, cho
bộ tiêu chí chia theo nhóm xã), "Dân số" (9200 hoặc 9.200), "Loại xã", "Ghi chú" (không đọc);
sau đó mỗi cột một mã chỉ tiêu ("15.3" hoặc "15.3 <tên>") hoặc số tiêu chí ("15", "TC15"). Mỗi ô
ghi một giá trị ("24,9" hoặc "24.9"), một kết luận (Đạt, Đạt chuẩn, Không đạt, Chưa đạt, Cơ bản
đạt = chưa đạt, x, N/A — chữ hoa hay thường, có dấu hay không dấu) hoặc cả hai: "91,2 (Đạt)". Ô
trống và "Chưa có số liệu" là chưa có số liệu. Ô phần trăm của XLSX ở chỉ tiêu tỷ lệ được đọc
như hiển thị (28,2 %); ô công thức theo kết quả đã lưu. Ô tiêu đề trong XLSX phải là văn bản (ô
số biến 17.10 thành 17.1). Tệp --out chỉ được ghi khi chạy xong.

Mã thoát: 0 đánh giá được mọi dòng; 1 có dòng lỗi (mỗi lỗi ghi tệp:dòng:cột ở luồng lỗi và vẫn
có trong kết quả); 2 lỗi cách dùng hoặc lỗi tệp.
`,
    `ntm evaluate <file> --set <id|rule.json> [options]

Evaluates every commune of a data file (.json, .csv or .xlsx; one commune per row) and writes
the results. Rows are read and evaluated one at a time; json and csv output stream as well.

Options:
  --set <id>        criterion set id (see: ntm sets) or a rule file; a JSON data file may name it
  --year <yyyy>     evaluate only the rows of this year; rows without a year get it
  --as-of <date>    use the version of the set in force on this date (yyyy-MM-dd; --set
                    may then name a kind, e.g. dak-nong/commune-ntm); with --plan, also
                    the date the next deadlines are counted from (default: today)
  --overlay <file>  apply a filled calibration overlay (see: ntm template) to the set
  --plan <id>       a district plan (e.g. dak-song/2023): lead agencies, targets, deadlines
  --format <f>      table (default) | json | csv | md | html
  --lang <l>        vi | en (default: NTM_LANG, else vi)
  --out <file>      write to a file instead of standard output (csv files get a BOM for Excel)
  --engine <e>      compiled (default) | json-rules-engine
  --sheet <name|n>  XLSX sheet (default: the first visible)
  --delimiter <c>   CSV delimiter (default: detected from the header line: ; tab or ,)
  --header-row <n>  the row holding the header (default: the first row with a "Mã xã" or
                    "communeId" column, below title rows such as "UBND HUYỆN …")
  --strict-columns  refuse the file when a column is not known (default: report and skip it)

CSV / XLSX layout: a header row, then one row per commune. Columns: "communeId" (or "Mã xã"),
year ("Năm"), optional name ("Tên xã"), region ("Vùng": TN or "Tây Nguyên" …), commune group
("Nhóm xã": 2 or "Nhóm 2", for sets that vary by group), population ("Dân số": 9200 or 9.200),
classes ("Loại xã"), notes ("Ghi chú", not read); then one column
per indicator code ("15.3", or "15.3 <label>") or criterion number ("15", "TC15"). A cell holds
a value ("24,9" or "24.9"), a verdict ("Đạt", "Đạt chuẩn", "Không đạt", "Chưa đạt", "Cơ bản đạt" =
not met, x, N/A — any case, with or without accents) or both as "value (verdict)": "91,2 (Đạt)".
Empty cells and "Chưa có số liệu" are no data. XLSX percent cells on percentage indicators
are read as shown (28.2 %); formulas by their saved result. Header cells in XLSX must be text
(a number cell turns 17.10 into 17.1). --out is written only when the run completes.

Exit codes: 0 every row evaluated; 1 some rows had errors (each named file:row:column on
standard error, and kept in the output); 2 usage or file errors.
`,
  ),

  'help.check.summary': label('kiểm tra một tệp quy tắc, tệp hiệu chỉnh hoặc tệp kế hoạch', 'validate a rule, overlay or plan file'),
  'help.check': label(
    `ntm check <tệp> [--lang vi|en]

Kiểm tra một tệp quy tắc (bộ tiêu chí), tệp hiệu chỉnh hoặc tệp kế hoạch. Nếu hợp lệ thì hiển thị
tóm tắt; nếu không thì liệt kê từng lỗi dạng tệp:dòng:cột: đường dẫn JSON: nội dung.
Mã thoát: 0 hợp lệ; 1 có lỗi; 2 không đọc được tệp hoặc lỗi cách dùng.
`,
    `ntm check <file> [--lang vi|en]

Validates a rule file (criterion set), a calibration overlay or a plan file. Prints a summary
when it is valid; otherwise every problem as file:line:column: JSON path: message.
Exit codes: 0 valid; 1 problems found; 2 file not readable or usage error.
`,
  ),

  'help.owners.summary': label('cơ quan nào của huyện chủ trì tiêu chí, chỉ tiêu nào', 'which district agency leads which criterion or indicator'),
  'help.owners': label(
    `ntm owners [--agency <mã> | --code <mã>] [--plan <mã>] [--format table|json|md] [--lang vi|en] [--out <tệp>]

Không có tuỳ chọn: mọi cơ quan trong kế hoạch và những gì cơ quan đó chủ trì. --agency: các mã
một cơ quan chủ trì, kèm lĩnh vực khi việc chủ trì được chia (17.9, 17.10). --code: ai chủ trì
một tiêu chí hoặc chỉ tiêu. --plan mặc định là kế hoạch có sẵn (dak-song/2023).
`,
    `ntm owners [--agency <id> | --code <code>] [--plan <id>] [--format table|json|md] [--lang vi|en] [--out <file>]

Without options: every agency of the plan and what it leads. --agency: the codes one
agency leads, with the aspect or sector where ownership is split (17.9, 17.10). --code: who
leads one criterion or indicator. --plan defaults to the bundled plan (dak-song/2023).
`,
  ),

  'help.worklist.summary': label('những việc một cơ quan còn phải làm, theo từng xã', 'what one agency still has to fix, commune by commune'),
  'help.worklist': label(
    `ntm worklist <tệp> --agency <mã> [--set <mã>] [--plan <mã>] [--year <năm>] [--sheet <tên|số>] [--format table|json] [--lang vi|en] [--out <tệp>]

Đánh giá tệp số liệu (như ntm evaluate) và liệt kê, cho cơ quan đó, mọi tiêu chí cơ quan chủ trì
mà chưa đạt và mọi chỉ tiêu cơ quan chủ trì mà chưa đạt, thiếu số liệu hoặc chưa rõ ngưỡng, kèm
giá trị, yêu cầu và mức còn thiếu. Mã thoát như ntm evaluate.
`,
    `ntm worklist <file> --agency <id> [--set <id>] [--plan <id>] [--year <yyyy>] [--sheet <name|n>] [--format table|json] [--lang vi|en] [--out <file>]

Evaluates the data file (as ntm evaluate does) and lists, for the agency, every criterion it
leads that is not met and every indicator it leads that is not met, missing or has an unknown
threshold, with value, requirement and shortfall. Exit codes as ntm evaluate.
`,
  ),

  'help.targets.summary': label('các mục tiêu của kế hoạch đã đạt hay chưa', "whether the plan's targets are reached"),
  'help.targets': label(
    `ntm targets <tệp> [--year <năm>] [--baseline <tệp> [--baseline-set <mã>]] [--advanced <tệp> [--advanced-set <mã>]] [--figure <mục tiêu>=<số>]... [--plan <mã>] [--set <mã>] [--format table|json|md] [--lang vi|en] [--out <tệp>]

Xét từng mục tiêu của kế hoạch: đạt / giữ chuẩn (theo <tệp>), tăng N tiêu chí so với năm gốc
(--baseline: số liệu năm gốc, đánh giá theo --baseline-set nếu có), đạt N tiêu chí của bộ nâng cao
(--advanced: số liệu theo bộ nâng cao, hoặc theo --advanced-set), số liệu của huyện (--figure health-insurance-coverage=93.4, hoặc bình quân chỉ tiêu của
các xã theo dân số khi tệp có cột dân số). Mục tiêu chưa xác định ghi rõ cần số liệu nào.
`,
    `ntm targets <file> [--year <yyyy>] [--baseline <file> [--baseline-set <id>]] [--advanced <file> [--advanced-set <id>]] [--figure <target>=<n>]... [--plan <id>] [--set <id>] [--format table|json|md] [--lang vi|en] [--out <file>]

Judges every target of the plan: reach / keep the standard (from <file>), gain N criteria over
the baseline year (--baseline: that year's data, under --baseline-set if given), N criteria of
the advanced set (--advanced: data under the advanced set, or under --advanced-set), district figures (--figure health-insurance-coverage=93.4, or
estimated from the communes' indicator values weighted by population when the file has a
population column). Undetermined targets say which data would decide them.
`,
  ),

  'help.calendar.summary': label('lịch báo cáo của kế hoạch', "the plan's reporting calendar"),
  'help.calendar': label(
    `ntm calendar [--year <năm>] [--from <ngày>] [--before exclusive|inclusive] [--plan <mã>] [--format table|json|md] [--lang vi|en] [--out <tệp>]

Mọi báo cáo phải nộp trong năm (tháng, quý, 6 tháng, 9 tháng, năm, kế hoạch của các xã) với ngày
kế hoạch ghi ("trước ngày …") và hạn cuối; --from chỉ giữ các báo cáo có hạn cuối từ ngày đó trở
đi. --before inclusive tính cả ngày được ghi.
`,
    `ntm calendar [--year <yyyy>] [--from <date>] [--before exclusive|inclusive] [--plan <id>] [--format table|json|md] [--lang vi|en] [--out <file>]

Every reporting obligation of the year (monthly, quarterly, six-month, nine-month, annual, the
communes' plans) with the date the plan writes ("before …") and the last day; --from keeps the
ones whose last day is on or after that date. --before inclusive counts the written day itself.
`,
  ),

  'help.diff.summary': label('những gì thay đổi giữa hai phiên bản của một bộ tiêu chí', 'what changed between two versions of a criterion set'),
  'help.diff': label(
    `ntm diff <bộ A> <bộ B> [--region <mã vùng>] [--year <năm>] [--format table|json|md] [--lang vi|en] [--out <tệp>]

Chỉ tiêu được thêm, bỏ, đổi tên; yêu cầu được nâng, hạ, nay đã rõ, nay chưa rõ, mỗi thay đổi
kèm giá trị trước, sau và nguồn của cả hai; tiêu chí, điều kiện và trường của bộ đã thay đổi.
Yêu cầu được so theo một cột vùng (mặc định: của bộ sau) và một năm. Bộ tiêu chí là mã (xem:
ntm sets) hoặc tệp quy tắc, ví dụ bộ đã hiệu chỉnh so với bộ gốc.
`,
    `ntm diff <setA> <setB> [--region <code>] [--year <yyyy>] [--format table|json|md] [--lang vi|en] [--out <file>]

Indicators added, removed, renamed; requirements tightened, loosened, now known, now unknown,
each with before, after and both sources; criteria, conditions and set fields that changed.
Requirements are compared for one regional column (default: the later set's) and one year.
Sets are ids (see: ntm sets) or rule files, e.g. a calibrated set against its base.
`,
  ),

  'help.template.summary': label('mẫu hiệu chỉnh để điền các ngưỡng theo văn bản (JSON, XLSX hoặc CSV)', 'a calibration template to fill with the thresholds a decision gives (JSON, XLSX or CSV)'),
  'help.template': label(
    `ntm template <mã hoặc loại bộ tiêu chí> [--format json|xlsx|csv] [--all] [--out <tệp>] [--lang vi|en]

Ghi ra những gì còn chưa rõ trong một bộ tiêu chí, để điền theo văn bản:
  json (mặc định)  tệp hiệu chỉnh: mỗi yêu cầu chưa rõ là { "kind": "unknown" }
  xlsx             bảng tính: hướng dẫn (tiếng Việt, tiếng Anh); mỗi dòng một chỉ tiêu chưa rõ
                   ngưỡng hoặc tên (--all: mọi chỉ tiêu) với tiêu chí, mã, tên, đơn vị, điều đã
                   biết, toán tử, mỗi cột một giá trị cần điền (từng cột vùng, nhóm xã hoặc năm mà
                   bộ tiêu chí phân chia) và các cột nguồn (văn bản, điều khoản, địa chỉ, độ tin
                   cậy); danh sách chọn cho toán tử, độ tin cậy và kết luận; các cột khoá được
                   bảo vệ. Cần --out.
  csv              riêng trang ngưỡng (bộ gốc và dấu vân tay ở các dòng #)
Điền xong thì chuyển thành tệp hiệu chỉnh bằng ntm calibrate (xem: ntm calibrate --help).
`,
    `ntm template <set id or kind> [--format json|xlsx|csv] [--all] [--out <file>] [--lang vi|en]

Writes what is unknown in a set, to fill from the decision text:
  json (default)  the calibration overlay: every unknown requirement as { "kind": "unknown" }
  xlsx            a workbook: instructions (Vietnamese, English); one row per indicator whose
                  threshold or wording is unknown (--all: every indicator) with criterion, code,
                  wording, unit, what is known now, the operator, one column per value to fill
                  (each regional column, commune group or year the set varies by) and the source
                  columns (decision, provision, URL, confidence); drop-down lists for operators,
                  confidence and verdict words; key columns locked. Needs --out.
  csv             the threshold sheet alone (base set and fingerprint as # lines)
Fill it, then turn it into an overlay with ntm calibrate (see: ntm calibrate --help).
`,
  ),

  'help.calibrate.summary': label('mẫu đã điền (XLSX hoặc CSV) thành tệp hiệu chỉnh đã kiểm tra', 'a filled template (XLSX or CSV) to a validated calibration overlay'),
  'help.calibrate': label(
    `ntm calibrate <mẫu đã điền.xlsx|csv> --base <mã bộ hoặc tệp quy tắc> [--out overlay.json] [--set-out set.json] [--check] [--id <mã>] [--lang vi|en]

Đọc mẫu bảng tính (của ntm template, dạng xlsx hoặc csv) đã điền theo văn bản. Ô ngưỡng có thể
ghi như thường ghi: 95, 95,5, ≥ 95 %, một số trong ô định dạng phần trăm (95 % là 95), Đạt cho
chỉ tiêu đạt/không đạt; để trống hoặc ? là vẫn chưa rõ. Mỗi dòng có giá trị cần ghi văn bản và
độ tin cậy. Tệp hiệu chỉnh ghi dấu vân tay của bộ gốc và được kiểm tra bằng cách hiệu chỉnh bộ
gốc với nó.

  --out <tệp>      ghi tệp hiệu chỉnh vào đó (chỉ khi hợp lệ: ghi tệp tạm rồi đổi tên); không có
                   --out thì tệp hiệu chỉnh ghi ra màn hình
  --set-out <tệp>  ghi thêm bộ tiêu chí đã hiệu chỉnh thành tệp quy tắc (cho ntm diff, ntm show)
  --check          chỉ kiểm tra, không ghi gì
  --id <mã>        mã của bộ đã hiệu chỉnh (mặc định: mã trong bảng tính, nếu không có thì
                   <bộ gốc>-calibrated)

Mỗi lỗi được báo tại ô của nó ("Ngưỡng (Thresholds)"!M7, hoặc tệp:dòng:cột với CSV), theo ngôn
ngữ của --lang. Sau đó đánh giá với tệp hiệu chỉnh (ntm evaluate, tuỳ chọn overlay của lệnh đó), và ntm diff <bộ gốc>
<set.json> (tệp --set-out) cho thấy văn bản đã thay đổi những gì.
Mã thoát: 0 hợp lệ; 1 có lỗi (không ghi gì); 2 lỗi cách dùng hoặc lỗi tệp.
`,
    `ntm calibrate <filled.xlsx|csv> --base <set id or rule file> [--out overlay.json] [--set-out set.json] [--check] [--id <id>] [--lang vi|en]

Reads a workbook template (ntm template, in its xlsx or csv format) filled from the decision text.
Threshold cells may be typed as people type them: 95, 95,5, ≥ 95 %, a number in a
percentage-formatted cell (95 % is 95), "Đạt" for a yes/no indicator; blank or ? stays unknown.
Every row with a value needs its decision and confidence. The overlay pins the base set's
fingerprint; it is validated by calibrating the base set with it.

  --out <file>      write the overlay there (only when it is valid: a temporary file, then
                    renamed); without --out the overlay goes to standard output
  --set-out <file>  also write the calibrated set as a rule file (for ntm diff and ntm show)
  --check           validate only, write nothing
  --id <id>         id of the calibrated set (default: the workbook's, else <base>-calibrated)

Every problem is reported at its cell ("Ngưỡng (Thresholds)"!M7, or file:line:column for CSV),
in the language of --lang. Then evaluate with the overlay (ntm evaluate, its overlay option), and
ntm diff <base> <set.json> (the --set-out file) shows what the decision changed.
Exit codes: 0 valid; 1 problems found (nothing written); 2 usage or file errors.
`,
  ),

  'help.import-set.summary': label('cả một bộ tiêu chí từ bảng tính (XLSX hoặc CSV) thành tệp quy tắc', 'a whole criterion set from a workbook (XLSX or CSV) to a rule file'),
  'help.import-set': label(
    `ntm import-set <bảng tính.xlsx|csv> [--out rule.json] [--check] [--lang vi|en]

Đọc bảng tính theo dạng ntm show ghi ra ở dạng xlsx và csv — các trang "Bộ tiêu chí (Set)" (mã,
loại, cấp, văn bản, ngày … mỗi dòng một trường), "Tiêu chí (Criteria)", "Chỉ tiêu (Indicators)"
(yêu cầu theo từng cột vùng, mỗi năm thay đổi một dòng) và "Nguồn (Sources)" (mỗi nguồn một
lần, trích dẫn dạng [S1]) — rồi ghi tệp quy tắc, được kiểm tra như mọi tệp quy tắc. Mỗi lỗi được
báo tại ô của nó.
Mã thoát: 0 hợp lệ; 1 có lỗi (không ghi gì); 2 lỗi cách dùng hoặc lỗi tệp.
`,
    `ntm import-set <workbook.xlsx|csv> [--out rule.json] [--check] [--lang vi|en]

Reads a workbook in the shape ntm show writes in its xlsx and csv formats — sheets
"Bộ tiêu chí (Set)" (id, kind, level, decision, dates … one field per row), "Tiêu chí (Criteria)",
"Chỉ tiêu (Indicators)" (requirements per regional column, one row per year they change) and
"Nguồn (Sources)" (each source once, cited as [S1]) — and writes the rule file, validated like
any rule file. Every problem is reported at its cell.
Exit codes: 0 valid; 1 problems found (nothing written); 2 usage or file errors.
`,
  ),

  'help.province.summary': msg({ decision: 'code' }, (p) => `mức hoàn thành của một tỉnh theo ${p.decision} (Phụ lục III)`, (p) => `completion of a province under ${p.decision} (Annex III)`),
  'help.province': msg(
    { decision: 'code' },
    (p) => `ntm province <tệp.json> [--set <mã>] [--as-of <ngày>] [--format table|json] [--lang vi|en] [--out <tệp>]

Đánh giá một tỉnh theo Phụ lục III của ${p.decision} (từ 15/02/2026): P1 100 % số xã đạt bộ
tiêu chí xã; P2 ít nhất 10 % là xã nông thôn mới hiện đại; P3 các phường hình thành từ xã có
≥ 70 % đất nông nghiệp tại ngày 01/07/2025, và các đặc khu, đạt ≥ 70 % nội dung tiêu chí. Mỗi
điều kiện được ghi kèm các con số; xã chưa xác định không bao giờ được tính là đạt.

Tệp là dữ liệu của tỉnh ({ "provinceId", "year", "communes": [...], "communeCount"?,
"modernCommunes"?, "modernCommunesComplete"?, "wards"?, "specialZones"?, "conditions"? })
hoặc tệp số liệu xã có phần "province" (như examples/dak-song-2026.json): các xã được đánh giá
trước (theo --set, "set" của tệp, hoặc bộ có hiệu lực theo --as-of).
`,
    (p) => `ntm province <file.json> [--set <id>] [--as-of <date>] [--format table|json] [--lang vi|en] [--out <file>]

Evaluates a province under Annex III of ${p.decision} (from 2026-02-15): P1 100 % of communes
meet the commune set; P2 at least 10 % are modern NTM communes; P3 wards formed with communes
with ≥ 70 % agricultural land on 2025-07-01, and special zones, meet ≥ 70 % of the criterion
contents. Each condition is printed with its numbers; undecided communes are never counted met.

The file is either a province input ({ "provinceId", "year", "communes": [...],
"communeCount"?, "modernCommunes"?, "modernCommunesComplete"?, "wards"?, "specialZones"?,
"conditions"? }) or a commune data file with a "province" section (as
examples/dak-song-2026.json): its communes are evaluated first (--set, the file's "set", or
--as-of picks the set in force).
`,
  ),

  'help.groups.summary': msg({ decision: 'code' }, (p) => `nhóm của từng xã (nhóm 1/2/3) theo ${p.decision}, có giải thích`, (p) => `each commune's group (1/2/3) under ${p.decision}, explained`),
  'help.groups': msg(
    { decision: 'code' },
    (p) => `ntm groups <tệp.json> [--format table|json] [--lang vi|en] [--out <tệp>]

Xác định nhóm của từng xã theo ${p.decision} (xã nhóm 1/2/3) từ phần "groups" của tệp
({ "<mã xã>": { "group"?: 2, "facts": { "ethnicMinorityArea": "I|II|III|outside",
"adjacentToUrbanArea", "urbanOrientation", "agricultureShare", "plannedNewUrbanArea" } } }):
nhóm đã ghi được giữ; nếu không thì nêu quy định xếp nhóm xã, kèm nguồn; khi thiếu dữ kiện thì
nhóm chưa xác định (kèm các nhóm còn có thể).
`,
    (p) => `ntm groups <file.json> [--format table|json] [--lang vi|en] [--out <file>]

Prints each commune's group under ${p.decision} (commune group 1/2/3) from the file's "groups"
section ({ "<communeId>": { "group"?: 2, "facts": { "ethnicMinorityArea": "I|II|III|outside",
"adjacentToUrbanArea", "urbanOrientation", "agricultureShare", "plannedNewUrbanArea" } } }):
a given group wins; otherwise the rule that places the commune, with its source; unknown facts
leave the group undetermined (with the groups still possible).
`,
  ),

  'help.by-current-commune.summary': label('kết quả cũ (2022-2025) theo xã hiện nay', 'old (2022-2025) results shown by the commune that exists now'),
  'help.by-current-commune': label(
    `ntm by-current-commune <tệp> [--set <mã>] [--as-of <ngày>] [--year <năm>] [--format table|json] [--lang vi|en] [--out <tệp>]

Đánh giá tệp số liệu của các xã trước đợt sắp xếp tháng 7/2025 (ví dụ bảng năm 2023 của huyện
Đắk Song) và trình bày kết quả theo xã hiện nay (lam-dong/reorganisation-2025: Đắk Song = Đắk Môl + Đắk
Hòa; Đức An = thị trấn Đức An + Đắk N'Drung + Nam Bình; Thuận Hạnh = Thuận Hà + Thuận Hạnh;
Trường Xuân = Nâm N'Jang + Trường Xuân). Mỗi đơn vị cũ giữ kết quả riêng; không tạo kết quả gộp.
`,
    `ntm by-current-commune <file> [--set <id>] [--as-of <date>] [--year <yyyy>] [--format table|json] [--lang vi|en] [--out <file>]

Evaluates a data file of communes of before the July 2025 reorganisation (e.g. the 2023 table
of a district) and shows the results by the commune that exists now (as
lam-dong/reorganisation-2025 records the merged units). Each former unit keeps its own result;
no merged result is made up.
`,
  ),

  'help.roadmap.summary': label('những gì phải thay đổi, và ai phải làm, để các xã đạt chuẩn', 'what must change, and who must act, for communes to reach the standard'),
  'help.roadmap': msg(
    { decision: 'code' },
    (p) => `ntm roadmap <tệp> [--commune <mã>] [--what-if <tệp>] [--facts <tệp>] [--set <mã>] [--plan <mã>] [--year <năm>] [--sheet <tên>] [--format table|csv|md|html|json] [--lang vi|en] [--out <tệp>]

Đánh giá tệp số liệu (như ntm evaluate) và lập, cho từng xã (hoặc chỉ xã --commune, theo mã, tên
hoặc tên khác), danh sách việc theo thứ tự để đạt chuẩn: từng tiêu chí chưa đạt hoặc chưa xác
định, đến từng chỉ tiêu, với giá trị, yêu cầu, mức còn thiếu, cơ quan chủ trì (theo kế hoạch) và
việc số liệu có quyết định được hay chỉ kết luận của cơ quan chủ trì; sau đó các việc đó theo
từng cơ quan. Xã đã được công nhận (các xã của kế hoạch được công nhận giai đoạn 2016-2021) được
xét nguy cơ bị thu hồi theo ${p.decision}: từ 6/19 tiêu chí dưới chuẩn trong đó có thu nhập (10),
môi trường và an toàn thực phẩm (17) hoặc quốc phòng và an ninh (19), hoặc từ 10/19 tiêu chí.

--what-if <tệp>  giá trị hoặc kết luận giả định áp vào kết quả trước khi lập lộ trình:
                 {"communes": {"dak-mol": {"criteria": {"10": "Đạt"}, "indicators": {"15.3": 25}}}}
                 (null bỏ một giá trị); báo cáo ghi tình trạng của từng xã trước và sau.
--facts <tệp>    dữ kiện công nhận của từng xã, để xét công nhận theo ${p.decision}:
                 {"communes": {"dak-mol": {"satisfactionVerdict": "Đạt", "constructionDebt": 0,
                 "security": "not-complex"}}}; chỉ có "satisfaction": 91.5 thì R2 chưa xác định
                 (chưa biết tỷ lệ yêu cầu).

Tiêu chí ghi "Cơ bản đạt" được hiển thị đúng như vậy và không được tính là đạt.
Mã thoát: 0 thành công; 1 có dòng lỗi; 2 lỗi cách dùng hoặc lỗi tệp.
`,
    (p) => `ntm roadmap <file> [--commune <id>] [--what-if <file>] [--facts <file>] [--set <id>] [--plan <id>] [--year <yyyy>] [--sheet <name>] [--format table|csv|md|html|json] [--lang vi|en] [--out <file>]

Evaluates the data file (as ntm evaluate does) and prints, for each commune (or only --commune,
by id, name or alias), the ordered work list to the standard: each criterion not met or not
decided, down to its indicators, with value, requirement, shortfall, lead agency (from the plan)
and whether data can decide it or only the lead agency's verdict; then the same items by agency.
Recognised communes (the plan's communes recognised in 2016-2021) get their revocation risk
under ${p.decision}: from 6 of 19 criteria below standard with income (10), environment and
food safety (17) or defence and security (19) among them, or from 10 of 19.

--what-if <file>  hypothetical values or verdicts applied to the results before the roadmap:
                  {"communes": {"dak-mol": {"criteria": {"10": "Đạt"}, "indicators": {"15.3": 25}}}}
                  (null removes a value); the report shows each commune's status before and after.
--facts <file>    recognition facts per commune, for the recognition check of ${p.decision}:
                  {"communes": {"dak-mol": {"satisfactionVerdict": "Đạt", "constructionDebt": 0,
                  "security": "not-complex"}}}; "satisfaction": 91.5 alone leaves R2 undetermined
                  (the required commune percentage is not known).

A criterion recorded "Cơ bản đạt" (basically met) is shown as such and does not count as met.
Exit codes: 0 ok; 1 some rows had errors; 2 usage or file errors.
`,
  ),

  'help.panel.summary': label('kết quả nhiều năm đặt cạnh nhau: tiêu chí đạt thêm và bị mất, xã rớt chuẩn', 'several years of results side by side: criteria gained and lost, falls out of standard'),
  'help.panel': label(
    `ntm panel <tệp>... [--set <mã>] [--plan <mã>] [--recognised <mã,mã…>] [--sheet <tên|số>] [--format table|csv|md|html|json] [--lang vi|en] [--out <tệp>]

Đánh giá mỗi năm một tệp số liệu (mỗi tệp theo "set" của nó, hoặc --set) và so sánh cùng các xã
qua từng năm: tiêu chí đạt thêm (chưa đạt → đạt) và bị mất (đạt → chưa đạt), thay đổi từ hoặc
sang "chưa xác định" được tách riêng, xã bị rớt chuẩn, tiêu chí theo năm, và với các xã đã được
công nhận (các xã của kế hoạch được công nhận giai đoạn 2016-2021, hoặc --recognised) nguy cơ
bị thu hồi của từng năm. Mã thoát như ntm evaluate.
`,
    `ntm panel <file>... [--set <id>] [--plan <id>] [--recognised <id,id…>] [--sheet <name|n>] [--format table|csv|md|html|json] [--lang vi|en] [--out <file>]

Evaluates one data file per year (each under its own "set", or --set) and compares the same
communes year by year: criteria gained (not met → met) and lost (met → not met), changes to or
from "undetermined" kept apart, communes that fell out of standard, criteria by year, and for
recognised communes (the plan's communes recognised in 2016-2021, or --recognised) the
revocation risk of each year. Exit codes as ntm evaluate.
`,
  ),
  'help.test.summary': label('chạy các tệp tình huống: kết quả mong đợi của các xã theo một bộ tiêu chí, như một trình chạy kiểm thử', 'run case files: expected outcomes of communes under a set, like a test runner'),
  'help.test': msg(
    { decision: 'code' },
    (p) => `ntm test <tệp hoặc thư mục>... [--junit <tệp>] [--format table|json] [--lang vi|en] [--out <tệp>]

Chạy các tệp tình huống và báo từng tình huống khớp hay không khớp, kèm chỗ khác nhau (mong đợi và
thực tế), rồi dòng tổng kết "N khớp, N không khớp". Mỗi tình huống nêu một bộ tiêu chí (mã, số
hiệu văn bản như ${p.decision}, hoặc loại bộ kèm ngày), số liệu của một xã và kết quả mong đợi:
kết quả của xã, trạng thái các tiêu chí (đạt, chưa đạt, cơ bản đạt, chưa xác định), trạng thái,
yêu cầu và mức còn thiếu của các chỉ tiêu. Tệp tình huống là YAML (.yaml, .yml), JSON, hoặc một
trang CSV / XLSX mỗi dòng một giá trị đầu vào hoặc một kết quả mong đợi (xem
docs/cases-and-impact.md). Trong thư mục, các tệp .yaml / .yml và *.cases.json, *.cases.csv,
*.cases.xlsx được tìm.

Tuỳ chọn:
  --junit <tệp>     ghi thêm kết quả dạng JUnit XML, cho CI
  --format <f>      table (mặc định) | json
  --lang <l>        vi | en (mặc định: NTM_LANG, rồi vi)
  --out <tệp>       ghi báo cáo ra tệp thay vì màn hình

Mã thoát: 0 mọi tình huống khớp; 1 có tình huống không khớp; 2 lỗi cách dùng, hoặc tệp tình huống
không đọc được hay không hợp lệ (mỗi lỗi tại tệp:dòng:cột hoặc trang!ô).
`,
    (p) => `ntm test <files or folders>... [--junit <file>] [--format table|json] [--lang vi|en] [--out <file>]

Runs case files and reports each case passed or failed, with what differs (expected and actual),
then a closing line "N passed, N failed". A case names a criterion set (an id, a decision
number such as ${p.decision}, or a kind with a date), a commune's data, and the outcome
expected: the commune's status, criteria's states (met, not met, basically met, undetermined),
indicators' status, requirement and shortfall. Case files are YAML (.yaml, .yml), JSON, or a
CSV / XLSX sheet of one row per input value or expectation (see docs/cases-and-impact.md).
A folder is searched for .yaml / .yml files and for *.cases.json, *.cases.csv, *.cases.xlsx.

Options:
  --junit <file>    also write the run as JUnit XML, for CI
  --format <f>      table (default) | json
  --lang <l>        vi | en (default: NTM_LANG, else vi)
  --out <file>      write the report to a file instead of standard output

Exit codes: 0 every case passed; 1 some case failed; 2 usage errors, or a case file that cannot
be read or is not valid (each problem at file:line:column or sheet!cell).
`,
  ),
  'help.impact.summary': label('các xã thay đổi thế nào khi chuyển từ bộ tiêu chí này sang bộ khác', 'how communes change from one set to another'),
  'help.impact': msg(
    { d1: 'code', d2: 'code' },
    (p) => `ntm impact <tệp> --from <bộ|ngày> --to <bộ|ngày> [--format table|csv|md|html|json] [--lang vi|en] [--out <tệp>] [--sheet <tên|số>]

Đánh giá từng xã trong tệp số liệu (.json, .csv hoặc .xlsx) theo hai bộ tiêu chí và liệt kê, cho
từng xã, kết quả theo cả hai bộ, các tiêu chí và chỉ tiêu có kết quả thay đổi, và thay đổi quy
định đứng sau mỗi thay đổi đó (nâng, hạ, nay đã rõ, nay chưa rõ … kèm nguồn của cả hai, như
ntm diff); sau đó là tổng hợp: số xã đạt thêm hoặc mất chuẩn, số tiêu chí đổi kết quả.

  --from <bộ|ngày>  bộ trước: mã, số hiệu văn bản (${p.d1}), tệp quy tắc, tệp hiệu chỉnh (.json có
                    "base"), hoặc một ngày (phiên bản có hiệu lực vào ngày đó của loại bộ kia);
                    mặc định: "set" của tệp số liệu
  --to <bộ|ngày>    bộ sau, theo cùng cách (${p.d2}, 2024-03-01, calibrated.json …)
  --format <f>      table (mặc định) | csv | md | html | json
  --lang <l>        vi | en (mặc định: NTM_LANG, rồi vi)
  --out <tệp>       ghi ra tệp thay vì màn hình
  --sheet <tên|số>  trang tính XLSX (mặc định: trang đầu tiên đang hiện)

Số liệu của một năm mà bộ tiêu chí chưa có hiệu lực được đánh giá theo năm đầu của bộ; giá trị mà
một bộ đọc theo cách khác (tỷ lệ thành đạt/không đạt) được bỏ qua, giữ kết luận — báo cáo ghi rõ cả
hai. Giữa hai giai đoạn đánh số tiêu chí khác nhau (19 → 10), chỉ so sánh kết quả của các xã.

Mã thoát: 0 thành công; 1 có dòng hoặc xã không đọc hay không đánh giá được (ghi ở luồng lỗi);
2 lỗi cách dùng hoặc lỗi tệp.
`,
    (p) => `ntm impact <file> --from <set|date> --to <set|date> [--format table|csv|md|html|json] [--lang vi|en] [--out <file>] [--sheet <name|n>]

Evaluates every commune of a data file (.json, .csv or .xlsx) under two sets and lists, for each,
its status under both, the criteria and indicators whose outcome changes, and the rule change
behind each (tightened, loosened, now known, now unknown … with both sources, as ntm diff says
it); then the totals: communes that gain or lose the standard, criteria flipped.

  --from <set|date>  the earlier set: an id, a decision number (${p.d1}), a rule file, a
                     calibration overlay (.json with "base"), or a date (the version in force
                     then of the other set's kind); default: the data file's "set"
  --to <set|date>    the later set, the same way (${p.d2}, 2024-03-01, calibrated.json …)
  --format <f>       table (default) | csv | md | html | json
  --lang <l>         vi | en (default: NTM_LANG, else vi)
  --out <file>       write to a file instead of standard output
  --sheet <name|n>   XLSX sheet (default: the first visible)

Data of a year a set is not in force in is evaluated at the set's first year; values a set reads
otherwise (a percentage become a yes/no) are left out, the verdict kept — both are said in the
report. Between periods that number their criteria differently (19 → 10), only the communes'
status is compared.

Exit codes: 0 ok; 1 rows or communes that could not be read or evaluated (said on standard
error); 2 usage or file errors.
`,
  ),
  'help.dossier.summary': label('hồ sơ đề nghị công nhận của một xã', 'the recognition dossier of one commune'),
  'help.dossier': msg(
    { d1: 'code', d2: 'code' },
    (p) => `ntm dossier <tệp> --commune <mã hoặc tên> [--facts <facts.json>] [--plan <mã>] [--set <mã>] [--year <năm>] [--sheet <tên hoặc số>] [--format table|md|html|xlsx|json] [--lang vi|en] [--out <tệp>]

Hồ sơ công nhận của một xã theo ${p.d1} (sửa đổi bởi ${p.d2} cho kết quả từ năm 2024): mọi tiêu
chí, chỉ tiêu với kết quả, giá trị, yêu cầu, nguồn và cơ quan chủ trì; bốn điều kiện công nhận
với dữ kiện và cơ quan cung cấp (theo kế hoạch: khảo sát sự hài lòng của người dân, báo cáo nợ
đọng xây dựng cơ bản, đánh giá an ninh); ai công nhận và kết quả năm nào được tính; những gì còn
thiếu và ai phải cung cấp. Mặc định tiếng Việt. --format xlsx cần --out.

--facts <tệp>    dữ kiện công nhận của từng xã, như ntm roadmap với tuỳ chọn facts:
                 {"communes": {"dak-mol": {"satisfactionVerdict": "Đạt", "constructionDebt": 0,
                 "security": "safe"}}} ("safe" / "not-safe" cho kết quả từ năm 2024; "complex" /
                 "not-complex" trước đó).
`,
    (p) => `ntm dossier <file> --commune <id or name> [--facts <facts.json>] [--plan <id>] [--set <id>] [--year <n>] [--sheet <name or number>] [--format table|md|html|xlsx|json] [--lang vi|en] [--out <file>]

The recognition dossier of one commune under ${p.d1} (as amended by ${p.d2} for
results of 2024 on): every criterion and indicator with its result, value, requirement, source and
lead agency; the four recognition conditions with their facts and the agencies that provide them
(the plan's: the residents' satisfaction survey, the construction-debt report, the security
assessment); who recognises and which year's results count; what is still missing and who must
provide it. Vietnamese by default. --format xlsx needs --out.

--facts <file>   recognition facts per commune, as for ntm roadmap, its facts option:
                 {"communes": {"dak-mol": {"satisfactionVerdict": "Đạt", "constructionDebt": 0,
                 "security": "safe"}}} ("safe" / "not-safe" for results of 2024 on; "complex" /
                 "not-complex" before).
`,
  ),
});
