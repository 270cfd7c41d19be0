/**
 * The problems the library reports (`NtmIssue`), by their stable code: a caller words an issue in
 * its own language from `issue.<code>` and the issue's `params`; the English text is the issue's
 * `message`. Where one code covers related cases, the parameters given tell them apart.
 */
import { domain, msg } from '../define.js';

const q = (s: string): string => `"${s}"`;
const known = (items: readonly string[] | undefined, word: string): string => (items && items.length ? `; ${word}: ${items.join(', ')}` : '');

export const issue = domain('issue', {
  'issue.more': msg({ count: 'number' }, (p, f) => ` (và ${f.number(p.count)} lỗi khác)`, (p) => ` (and ${p.count} more)`),
  // Sets, kinds, versions.
  'issue.unknown-set': msg(
    { set: 'name?', known: 'list?', reference: 'name?' },
    (p) => (p.reference !== undefined ? `không có bộ tiêu chí, loại hay quyết định ${q(p.reference)} (xem: ntm sets)` : `không có bộ tiêu chí ${q(p.set ?? '')} đi kèm${known(p.known, 'có sẵn')}`),
    (p) => (p.reference !== undefined ? `no criterion set, kind or decision ${q(p.reference)}` : `no bundled criterion set ${q(p.set ?? '')}${known(p.known, 'known')}`),
  ),
  'issue.unknown-kind': msg({ kind: 'name' }, (p) => `không có loại bộ tiêu chí ${q(p.kind)}`, (p) => `no criterion set of kind ${q(p.kind)}`),
  'issue.no-version': msg(
    { kind: 'code' },
    (p) => `${p.kind} chưa có phiên bản nào được mã hoá: hãy hiệu chỉnh một phiên bản từ văn bản (ntm template, ntm calibrate)`,
    (p) => `${p.kind} has no encoded version: calibrate one from the decision text (ntm template, ntm calibrate)`,
  ),
  'issue.no-set-in-force': msg(
    { kind: 'code?', reference: 'name?', date: 'date', versions: 'list', period: 'code?', decision: 'code?', kinds: 'list?' },
    (p, f) =>
      p.reference !== undefined
        ? `${p.reference} không có hiệu lực ngày ${f.date(p.date)} (${p.versions.join(', ')})`
        : `không có phiên bản nào của ${p.kind ?? ''} có hiệu lực ngày ${f.date(p.date)}; các phiên bản: ${p.versions.join(', ')}${p.period ? `; vào ngày đó bộ tiêu chí thuộc giai đoạn ${p.period} (${p.decision ?? ''}), đã mã hoá thành ${(p.kinds ?? []).join(', ')}` : ''}`,
    (p) =>
      p.reference !== undefined
        ? `${p.reference} is not in force on ${p.date} (${p.versions.join(', ')})`
        : `no version of ${p.kind ?? ''} is in force on ${p.date}; versions: ${p.versions.join(', ')}${p.period ? `; on that date the series is in its ${p.period} period (${p.decision ?? ''}), encoded as ${(p.kinds ?? []).join(', ')}` : ''}`,
  ),
  'issue.not-yet-in-force': msg(
    { rules: 'code', from: 'date' },
    (p, f) => `${p.rules} có hiệu lực từ ${f.date(p.from)}; trước đó, huyện được tổng hợp theo 320/QĐ-TTg (evaluateDistrict)`,
    (p) => `${p.rules} takes effect on ${p.from}; before it, districts were rolled up under 320/QĐ-TTg (evaluateDistrict)`,
  ),
  'issue.condition-set': msg(
    { set: 'code' },
    (p) => `${p.set} chỉ có điều kiện, không có tiêu chí để đánh giá từng xã: dùng evaluateModelCommune hoặc evaluateDistrict`,
    (p) => `${p.set} has no criteria, only conditions: use evaluateModelCommune or evaluateDistrict`,
  ),
  'issue.wrong-set-level': msg(
    { set: 'code', level: 'code?', wanted: 'code?', decision: 'code?', sets: 'list?' },
    (p) => (p.decision ? `${p.decision} công nhận xã theo ${(p.sets ?? []).join(', ')}; ${p.set} không thuộc số đó` : `${p.set} là bộ tiêu chí cấp ${p.level ?? '?'}; cần bộ tiêu chí cấp ${p.wanted ?? '?'}`),
    (p) => (p.decision ? `${p.decision} recognises communes under ${(p.sets ?? []).join(', ')}; ${p.set} is not one of them` : `${p.set} is a ${p.level ?? '?'} set; this evaluation needs a ${p.wanted ?? '?'} set`),
  ),
  'issue.unknown-rules': msg({ id: 'name', known: 'list' }, (p) => `không có bộ quy tắc công nhận ${q(p.id)} đi kèm${known(p.known, 'có sẵn')}`, (p) => `no bundled recognition rules ${q(p.id)}${known(p.known, 'known')}`),
  // Bundled data files, by what they hold.
  'issue.unknown-series': msg({ id: 'name', known: 'list' }, (p) => `không có chuỗi bộ tiêu chí ${q(p.id)} đi kèm${known(p.known, 'có sẵn')}`, (p) => `no bundled series ${q(p.id)}${known(p.known, 'known')}`),
  'issue.unknown-province-rules': msg({ id: 'name', known: 'list' }, (p) => `không có quy định hoàn thành của tỉnh ${q(p.id)} đi kèm${known(p.known, 'có sẵn')}`, (p) => `no bundled province rules ${q(p.id)}${known(p.known, 'known')}`),
  'issue.unknown-group-rules': msg({ id: 'name', known: 'list' }, (p) => `không có quy tắc phân nhóm xã ${q(p.id)} đi kèm${known(p.known, 'có sẵn')}`, (p) => `no bundled group rules ${q(p.id)}${known(p.known, 'known')}`),
  'issue.unknown-reorganisation': msg({ id: 'name', known: 'list' }, (p) => `không có dữ liệu sắp xếp đơn vị hành chính ${q(p.id)} đi kèm${known(p.known, 'có sẵn')}`, (p) => `no bundled reorganisation ${q(p.id)}${known(p.known, 'known')}`),
  'issue.id-mismatch': msg({ registered: 'name', found: 'name' }, (p) => `đăng ký là ${q(p.registered)} nhưng tệp ghi ${q(p.found)}`, (p) => `registered as ${q(p.registered)} but the file says ${q(p.found)}`),
  'issue.kind-mismatch': msg(
    { registered: 'name?', found: 'name?', wanted: 'code?' },
    (p) => (p.wanted === undefined ? `đăng ký là ${q(p.registered ?? '')} nhưng tệp ghi ${q(p.found ?? '')}` : `cần ${q(p.wanted)}`),
    (p) => (p.wanted === undefined ? `registered as ${q(p.registered ?? '')} but the file says ${q(p.found ?? '')}` : `expected ${q(p.wanted)}`),
  ),
  'issue.date-without-kind': msg({ date: 'code' }, (p) => `một ngày (${p.date}) chỉ phiên bản có hiệu lực của một loại bộ tiêu chí: hãy ghi bộ tiêu chí kia, hoặc tuỳ chọn kind`, (p) => `a date (${p.date}) names the version in force of a kind: give the other set, or options.kind`),
  'issue.invalid-date': msg({ got: 'name?' }, (p) => `cần một ngày dạng yyyy-MM-dd${p.got === undefined ? '' : `, nhận được ${p.got}`}`, (p) => `expected a date as yyyy-MM-dd${p.got === undefined ? '' : `, got ${p.got}`}`),
  // Plans, agencies, the calendar.
  'issue.unknown-plan': msg({ plan: 'name', known: 'list' }, (p) => `không có kế hoạch ${q(p.plan)} đi kèm${known(p.known, 'có sẵn')}`, (p) => `no bundled plan ${q(p.plan)}${known(p.known, 'known')}`),
  'issue.unknown-agency': msg({ agency: 'name', plan: 'code', known: 'list' }, (p) => `không có cơ quan ${q(p.agency)} trong ${p.plan}${known(p.known, 'có')}`, (p) => `no agency ${q(p.agency)} in ${p.plan}${known(p.known, 'known')}`),
  'issue.invalid-code': msg({ got: 'name' }, (p) => `cần số tiêu chí ("15") hoặc mã chỉ tiêu ("17.10"), nhận được ${p.got}`, (p) => `expected a criterion number ("15") or an indicator code ("17.10"), got ${p.got}`),
  'issue.plan-set-mismatch': msg({ plan: 'code', kind: 'code', set: 'code' }, (p) => `${p.plan} phân công cơ quan chủ trì cho các bộ ${p.kind}, không cho ${p.set}`, (p) => `${p.plan} assigns owners for ${p.kind} sets, not for ${p.set}`),
  'issue.plan-not-attached': msg({}, () => 'cơ quan chủ trì theo kế hoạch được gắn bởi các điểm vào của gói (import từ "ntm-rules"), hoặc truyền ownersOf', () => 'owners from a plan are attached by the package entry points (import from "ntm-rules"), or pass ownersOf'),
  'issue.invalid-option': msg({ option: 'code', got: 'name' }, (p) => `${p.option} phải là "exclusive" hoặc "inclusive", nhận được ${p.got}`, (p) => `${p.option} must be "exclusive" or "inclusive", got ${p.got}`),
  'issue.year-not-covered': msg({ plan: 'code', year: 'number', got: 'name' }, (p) => `${p.plan} chỉ có lịch báo cáo năm ${p.year}, không có năm ${p.got}`, (p) => `${p.plan} sets the reporting calendar of ${p.year} only, not of ${p.got}`),
  'issue.invalid-count': msg({ got: 'name' }, (p) => `n phải là số nguyên ≥ 0, nhận được ${p.got}`, (p) => `n must be a whole number ≥ 0, got ${p.got}`),
  'issue.unknown-obligation': msg({ plan: 'code', kind: 'code', period: 'name' }, (p) => `${p.plan} không có báo cáo ${p.kind} cho kỳ ${q(p.period)}`, (p) => `${p.plan} has no ${p.kind} report for period ${q(p.period)}`),
  'issue.unknown-reporter': msg({ from: 'name', obligation: 'code', reporters: 'list' }, (p) => `${q(p.from)} không phải báo cáo ${p.obligation}; đơn vị báo cáo: ${p.reporters.join(', ')}`, (p) => `${q(p.from)} does not owe ${p.obligation}; reporters: ${p.reporters.join(', ')}`),
  'issue.unknown-target': msg({ plan: 'code', target: 'name' }, (p) => `${p.plan} không có mục tiêu số liệu huyện ${q(p.target)}`, (p) => `${p.plan} has no district-figure target ${q(p.target)}`),
  'issue.required': msg({ field: 'code' }, (p) => `thiếu ${p.field} (bắt buộc)`, (p) => `${p.field} results are required`),
  'issue.invalid-data': msg({ expected: 'code' }, (p) => `dữ liệu không đúng dạng: cần ${p.expected}`, (p) => `expected ${p.expected}`),
  // Lists of results.
  'issue.not-an-array': msg({ field: 'code', of: 'code' }, (p) => `${p.field} phải là một mảng ${p.of}`, (p) => `${p.field} must be an array of ${p.of}`),
  'issue.nested-array': msg({}, () => 'gặp một mảng ở chỗ cần một kết quả: hãy truyền một mảng phẳng gồm kết quả của mọi năm (ví dụ [...results2022, ...results2023]), không phải mỗi năm một mảng', () => "an array where a result was expected: pass one flat array of every year's results (e.g. [...results2022, ...results2023]), not one array per year"),
  'issue.not-a-result': msg({}, () => 'không phải kết quả đánh giá hay bản ghi lỗi (evaluateCommune, evaluateCommunes)', () => 'not an evaluation result or a batch error record (evaluateCommune, evaluateCommunes)'),
  'issue.mixed-results': msg({ set: 'code', year: 'number', firstSet: 'code', firstYear: 'number' }, (p) => `một bảng tổng hợp chỉ gồm một bộ tiêu chí và một năm: ${p.set} ${p.year} khác ${p.firstSet} ${p.firstYear}`, (p) => `a summary covers one set and year: ${p.set} ${p.year} differs from ${p.firstSet} ${p.firstYear}`),
  'issue.no-results': msg({}, () => 'không có kết quả đánh giá nào để tổng hợp', () => 'no evaluation result to summarise'),
  'issue.duplicate-commune': msg(
    { commune: 'name', first: 'number?', series: 'code?', year: 'number?' },
    (p) => `${p.series !== undefined ? `kết quả thứ hai theo ${p.series} của ` : p.year !== undefined ? `kết quả thứ hai năm ${p.year} của ` : ''}xã ${q(p.commune)}${p.series !== undefined || p.year !== undefined ? '' : ' xuất hiện hai lần'}${p.first === undefined ? '' : ` (lần đầu ở vị trí ${p.first})`}`,
    (p) =>
      p.series !== undefined || p.year !== undefined
        ? `a second ${p.series ?? p.year} result for commune ${q(p.commune)}${p.first === undefined ? '' : ` (first at index ${p.first})`}`
        : p.first === undefined
          ? `commune ${q(p.commune)} appears twice`
          : `communeId ${q(p.commune)} already appears at index ${p.first}`,
  ),
  'issue.unknown-commune': msg(
    { commune: 'name', among: 'code?' },
    (p) => (p.among === undefined ? `không có kết quả của xã ${q(p.commune)}` : `${q(p.commune)} không phải là xã của ${p.among}`),
    (p) => (p.among === undefined ? `no result for commune ${q(p.commune)}` : `${q(p.commune)} is not a commune of ${p.among}`),
  ),
  'issue.other-commune': msg({ got: 'name', commune: 'name' }, (p) => `kết quả nâng cao là của ${q(p.got)}, không phải ${q(p.commune)}`, (p) => `the advanced result is for ${q(p.got)}, not ${q(p.commune)}`),
  'issue.wrong-year': msg({ year: 'number', wanted: 'number' }, (p) => `kết quả năm ${p.year}, đánh giá cho năm ${p.wanted}`, (p) => `result for ${p.year}, the evaluation is for ${p.wanted}`),
  'issue.no-communes': msg({}, () => 'tỉnh cần danh sách xã (hoặc communeCount)', () => 'a province needs its communes (or communeCount)'),
  'issue.count-too-small': msg({ count: 'number', listed: 'number' }, (p) => `communeCount ${p.count} nhỏ hơn ${p.listed} xã đã liệt kê`, (p) => `communeCount ${p.count} is below the ${p.listed} communes listed`),
  'issue.unknown-content': msg({ content: 'name', known: 'list' }, (p) => `${q(p.content)} không phải là nội dung được nêu tên${known(p.known, 'có')}`, (p) => `${q(p.content)} is not a named content${known(p.known, 'known')}`),
  'issue.more-met-than-total': msg({ met: 'number', total: 'number' }, (p) => `${p.met} nội dung đạt trên tổng ${p.total}`, (p) => `${p.met} contents met of ${p.total}`),
  'issue.unknown-condition': msg({ condition: 'name', set: 'code' }, (p) => `${p.set} không có điều kiện ${q(p.condition)}`, (p) => `condition ${q(p.condition)} is not in ${p.set}`),
  'issue.unknown-subject': msg({ subject: 'name', set: 'code', known: 'list' }, (p) => `${p.set} không đếm ${q(p.subject)}${known(p.known, 'có')}`, (p) => `${p.set} counts no ${q(p.subject)}${known(p.known, 'known')}`),
  'issue.no-criteria': msg(
    { set: 'code?' },
    (p) => (p.set === undefined ? 'bộ tiêu chí hiệu chỉnh cần các tiêu chí của văn bản (một bộ không có tiêu chí sẽ cho mọi xã đạt)' : `${p.set} không có tiêu chí để đếm`),
    (p) => (p.set === undefined ? 'a calibrated set needs the criteria of the decision text (a set without criteria would pass everything)' : `${p.set} has no criteria to count`),
  ),
  'issue.unknown-unit': msg({ unit: 'name', reorganisation: 'code', known: 'list' }, (p) => `${q(p.unit)} không phải là đơn vị của ${p.reorganisation}${known(p.known, 'các đơn vị')}`, (p) => `${q(p.unit)} is not a unit of ${p.reorganisation}${known(p.known, 'units')}`),
  // Values in data.
  'issue.invalid-verdict': msg(
    { got: 'name', of: 'code?' },
    (p) =>
      p.of === 'indicator'
        ? `${q(p.got)} không phải là kết luận (Đạt / Không đạt / Không áp dụng)`
        : p.of === 'criterion'
          ? `kết luận của tiêu chí phải là Đạt, Không đạt hoặc Cơ bản đạt, nhận được ${q(p.got)}`
          : `cần Đạt / Không đạt, nhận được ${q(p.got)}`,
    (p) =>
      p.of === 'indicator'
        ? `${q(p.got)} is not a verdict (met / not-met / not-applicable)`
        : p.of === 'criterion'
          ? `a criterion verdict must be met, not-met or basically-met, got ${q(p.got)}`
          : `expected a verdict (met / not-met), got ${q(p.got)}`,
  ),
  'issue.out-of-range': msg(
    { got: 'name', counts: 'number?', indicator: 'name?', expects: 'code?' },
    (p) =>
      p.counts
        ? `cần số nguyên với 0 ≤ số bị thu hồi ≤ tổng số và tổng số > 0, nhận được ${p.got}`
        : p.indicator === undefined || p.expects === 'percent'
          ? `${p.indicator === undefined ? '' : `${p.indicator}: `}tỷ lệ phần trăm phải trong khoảng 0–100, nhận được ${p.got}`
          : p.expects === 'count'
            ? `${p.indicator}: số đếm phải là số nguyên, nhận được ${p.got}`
            : `${p.indicator}: cần một số không âm, nhận được ${p.got}`,
    (p) =>
      p.counts
        ? `expected whole numbers with 0 ≤ revoked ≤ total and total > 0, got ${p.got}`
        : p.indicator === undefined
          ? `expected a percentage in 0–100, got ${p.got}`
          : p.expects === 'percent'
            ? `${p.indicator}: a percentage must lie in 0–100, got ${p.got}`
            : p.expects === 'count'
              ? `${p.indicator}: a count must be a whole number, got ${p.got}`
              : `${p.indicator}: expected a non-negative ${p.expects ?? 'number'}, got ${p.got}`,
  ),
  'issue.not-a-number': msg(
    { got: 'name', indicator: 'name?' },
    (p) => (p.indicator === undefined ? `cần một số không âm như 52,5, nhận được ${p.got}` : `${p.indicator}: cần một số như 93,5, nhận được ${p.got}`),
    (p) => (p.indicator === undefined ? `expected a non-negative number like 52.5 or "52,5", got ${p.got}` : `${p.indicator}: expected a number like 93.5 or "93,5", got ${p.got}`),
  ),
  'issue.not-finite': msg({ indicator: 'name', got: 'name' }, (p) => `${p.indicator}: cần một số hữu hạn, nhận được ${p.got}`, (p) => `${p.indicator}: expected a finite number, got ${p.got}`),
  'issue.wrong-type': msg(
    { indicator: 'name', expects: 'code', got: 'name?' },
    (p) =>
      p.expects === 'verdict'
        ? `${p.indicator}: chỉ tiêu này nhận kết luận (Đạt / Không đạt), không nhận giá trị số`
        : p.expects === 'yes-no'
          ? `${p.indicator}: cần Đạt / Không đạt, nhận được ${p.got ?? ''}`
          : `${p.indicator}: cần một số, nhận được ${p.got ?? ''}`,
    (p) =>
      p.expects === 'verdict'
        ? `${p.indicator}: a category indicator takes a verdict (met / not met), not a value`
        : p.expects === 'yes-no'
          ? `${p.indicator}: expected true/false (met / not met), got ${p.got ?? ''}`
          : `${p.indicator}: expected a number, got ${p.got ?? ''}`,
  ),
  'issue.invalid-group': msg({ got: 'name' }, (p) => `cần nhóm xã 1, 2 hoặc 3 (hoặc "nhóm 2"), nhận được ${p.got}`, (p) => `expected a commune group 1, 2 or 3 (or "nhóm 2"), got ${p.got}`),
  'issue.unknown-indicator': msg(
    { code: 'name', set: 'code', criterion: 'name?', fields: 'list?' },
    (p) => `chỉ tiêu ${q(p.code)} không có trong ${p.set}${p.fields?.length ? ` (muốn thêm, hãy ghi ${p.fields.join(', ')})` : p.criterion !== undefined ? `, và cũng không có tiêu chí ${q(p.criterion)} để thêm vào` : ''}`,
    (p) => `indicator ${q(p.code)} is not in ${p.set}${p.fields?.length ? ` (to add it, give ${p.fields.join(', ')})` : p.criterion !== undefined ? `, nor a criterion ${q(p.criterion)} to add it to` : ''}`,
  ),
  'issue.unknown-criterion': msg({ number: 'name', set: 'code' }, (p) => `tiêu chí ${q(p.number)} không có trong ${p.set}`, (p) => `criterion ${q(p.number)} is not in ${p.set}`),
  'issue.year-out-of-range': msg(
    { set: 'code', year: 'number', from: 'date', to: 'date?' },
    (p, f) => `${p.set} có hiệu lực từ ${f.date(p.from)}${p.to === undefined ? '' : ` đến ${f.date(p.to)}`}; năm ${p.year} nằm ngoài thời gian đó`,
    (p) => `${p.set} is in force from ${p.from}${p.to === undefined ? '' : ` to ${p.to}`}; year ${p.year} is outside it`,
  ),
  // A requirement of a rule file that cannot be read; the detail is the rule checker's (English) words.
  'issue.invalid-requirement': msg({ detail: 'name' }, (p) => `yêu cầu không hợp lệ: ${p.detail}`, (p) => p.detail),
  // Rule files.
  'issue.not-text': msg({ got: 'code' }, (p) => `cần nội dung văn bản của tệp, nhận được ${p.got}`, (p) => `expected the file's text, got ${p.got}`),
  'issue.too-large': msg({ size: 'number', limit: 'number' }, (p, f) => `tệp có ${f.number(p.size)} ký tự; giới hạn là ${f.number(p.limit)}`, (p) => `file has ${p.size} characters; the limit is ${p.limit}`),
  'issue.invalid-json': msg({ detail: 'name' }, (p) => `không phải JSON hợp lệ (${p.detail})`, (p) => p.detail),
  'issue.too-many-values': msg({ limit: 'number' }, (p, f) => `hơn ${f.number(p.limit)} giá trị; không tệp quy tắc, hiệu chỉnh hay kế hoạch nào cần nhiều như vậy`, (p) => `more than ${p.limit} values; no rule, overlay or plan file needs so many`),
  'issue.too-deep': msg({ limit: 'number' }, (p) => `lồng sâu hơn ${p.limit} cấp`, (p) => `nested deeper than ${p.limit} levels`),
  'issue.forbidden-key': msg({ key: 'name' }, (p) => `không được dùng khoá ${q(p.key)}`, (p) => `${q(p.key)} is not allowed as a key`),
  'issue.duplicate-key': msg({ key: 'name' }, (p) => `khoá ${q(p.key)} xuất hiện nhiều lần trong đối tượng này; chỉ lần cuối được tính`, (p) => `key ${q(p.key)} appears more than once in this object; only the last would count`),
  'issue.unknown-base': msg({ base: 'name', detail: 'name?' }, (p) => `không nạp được bộ tiêu chí gốc ${q(p.base)} mà bản sửa đổi này sửa${p.detail ? ` (${p.detail})` : ''}`, (p) => (p.detail ? `the set this patch amends (${q(p.base)}) could not be loaded: ${p.detail}` : `cannot load a patch of ${q(p.base)} without its base set`)),
  'issue.invalid-documents': msg({}, () => '"documents" phải ánh xạ mã văn bản sang văn bản', () => 'expected "documents" to map document ids to documents'),
  'issue.invalid-document-id': msg({ id: 'name' }, (p) => `mã văn bản là chữ thường với - và . (ví dụ "1038-qd-ubnd"), nhận được ${q(p.id)}`, (p) => `document ids are lower-case words with - and . (e.g. "1038-qd-ubnd"), got ${q(p.id)}`),
  'issue.unknown-document': msg({ id: 'name', declared: 'list' }, (p) => `không có văn bản ${q(p.id)} trong "documents" của tệp${p.declared.length ? ` (đã khai báo: ${p.declared.join(', ')})` : ''}`, (p) => `no document ${q(p.id)} in this file's "documents"${p.declared.length ? ` (declared: ${p.declared.join(', ')})` : ''}`),
  'issue.invalid-sources': msg({}, () => '"sources" phải ánh xạ mã nguồn sang nguồn', () => 'expected "sources" to map source ids to sources'),
  'issue.invalid-source-id': msg({ id: 'name' }, (p) => `mã nguồn là chữ thường với - và . (ví dụ "318-annex-i"), nhận được ${q(p.id)}`, (p) => `source ids are lower-case words with - and . (e.g. "318-annex-i"), got ${q(p.id)}`),
  'issue.unknown-source': msg({ id: 'name', declared: 'list' }, (p) => `không có nguồn ${q(p.id)} trong "sources" của tệp${p.declared.length ? ` (đã khai báo: ${p.declared.join(', ')})` : ''}`, (p) => `no source ${q(p.id)} in this file's "sources"${p.declared.length ? ` (declared: ${p.declared.join(', ')})` : ''}`),
  'issue.unknown-column': msg(
    { dimension: 'code', given: 'name', set: 'code', known: 'list', derived: 'number?' },
    (p) => `${p.derived ? `các dữ kiện suy ra ${p.dimension} ${q(p.given)}, ` : `${p.dimension} ${q(p.given)} `}không phải là một cột của ${p.set}${known(p.known, 'có')}`,
    (p) => (p.derived ? `the facts derive ${p.dimension} ${q(p.given)}, which is not a column of ${p.set}${known(p.known, 'known')}` : `${p.dimension} ${q(p.given)} is not a column of ${p.set}${known(p.known, 'known')}`),
  ),
  'issue.unknown-dimension': msg(
    { dimension: 'name', set: 'code?', declared: 'list?' },
    (p) => `${q(p.dimension)} không phải là một chiều (cột) của ${p.set ?? 'bộ tiêu chí'}${p.declared === undefined ? '' : p.declared.length ? `; bộ khai báo ${p.declared.join(', ')}` : '; bộ không khai báo chiều nào'}`,
    (p) => `${q(p.dimension)} is not a column dimension of ${p.set ?? 'the set'}${p.declared === undefined ? '' : p.declared.length ? `; it declares ${p.declared.join(', ')}` : '; it declares none'}`,
  ),
  'issue.unknown-fact': msg(
    { fact: 'name', set: 'code?', known: 'list?' },
    (p) => (p.set === undefined ? `${q(p.fact)} không phải là một dữ kiện` : `không cách suy ra nào của ${p.set} đọc dữ kiện ${q(p.fact)}${known(p.known, 'có')}`),
    (p) => (p.set === undefined ? `${q(p.fact)} is not a fact` : `fact ${q(p.fact)} is read by no derivation of ${p.set}${known(p.known, 'known')}`),
  ),
  'issue.dimension-conflict': msg(
    { dimension: 'code', field: 'name', record: 'name' },
    (p) => `${p.dimension} được ghi hai lần với hai giá trị khác nhau: ${q(p.field)} và dimensions.${p.dimension} ${q(p.record)}`,
    (p) => `${p.dimension} is given twice and differently: ${q(p.field)} and dimensions.${p.dimension} ${q(p.record)}`,
  ),
  'issue.missing-dimension': msg(
    { set: 'code', dimension: 'code', columns: 'list', rules: 'code?' },
    (p) => `${p.set} thay đổi theo ${p.dimension} và không có giá trị mặc định: hãy ghi ${p.dimension} (một trong ${p.columns.join(', ')})${p.rules === undefined ? '' : ` hoặc các dữ kiện mà quy tắc suy ra (${p.rules}) cần`}`,
    (p) => `${p.set} varies by ${p.dimension} and declares no default: give ${p.dimension} (one of ${p.columns.join(', ')})${p.rules === undefined ? '' : ` or the facts its derivation (${p.rules}) reads`}`,
  ),
  'issue.derivation-not-installed': msg(
    { kind: 'code', rules: 'code' },
    (p) => `cách suy ra "${p.kind}" (${p.rules}) chưa được cài: hãy đánh giá qua các điểm vào của gói, hoặc gọi installGroupDerivation() (ntm-rules/groups)`,
    (p) => `the derivation "${p.kind}" (${p.rules}) is not installed: evaluate through the package entry points, or call installGroupDerivation() (ntm-rules/groups)`,
  ),
  'issue.invalid-fact': msg(
    { fact: 'code', type: 'code', values: 'list', got: 'name' },
    (p) => `dữ kiện ${p.fact}: cần ${p.type === 'boolean' ? 'true hoặc false' : p.type === 'percent' ? 'một tỷ lệ phần trăm từ 0 đến 100' : `một trong ${p.values.join(', ')}`}, nhận được ${p.got}`,
    (p) => `fact ${p.fact}: expected ${p.type === 'boolean' ? 'true or false' : p.type === 'percent' ? 'a percentage from 0 to 100' : `one of ${p.values.join(', ')}`}, got ${p.got}`,
  ),
  'issue.bundled-id': msg(
    { id: 'code', fingerprint: 'code', bundled: 'code' },
    (p) =>
      `"id": "${p.id}" là mã của một bộ tiêu chí có sẵn nhưng nội dung khác (dấu vân tay ${p.fingerprint.slice(0, 12)}…, bộ có sẵn ${p.bundled.slice(0, 12)}…): hãy đặt cho bản sửa một mã riêng, ví dụ "${p.id}-ban-sua", hoặc ghi rõ đây là bản sửa đổi bằng "derivedFrom": { "setId": "${p.id}", "fingerprint": "${p.bundled}" }`,
    (p) =>
      `"id": "${p.id}" is a bundled set's id but the content differs (fingerprint ${p.fingerprint.slice(0, 12)}…, the bundled set's ${p.bundled.slice(0, 12)}…): give the edited copy an id of its own, e.g. "${p.id}-modified", or mark it a modified copy with "derivedFrom": { "setId": "${p.id}", "fingerprint": "${p.bundled}" }`,
  ),
  'issue.not-plain-value': msg(
    { kind: 'code' },
    (p) => `${p.kind} không phải là một giá trị: hãy ghi một số, văn bản, true/false hoặc { "value", "verdict", "note" }`,
    (p) => `a ${p.kind} is not a value: give a number, text, true/false or { "value", "verdict", "note" }`,
  ),
  'issue.unreadable-input': msg({ problem: 'name' }, (p) => `không đọc được dữ liệu ở đây: ${p.problem}`, (p) => `the input could not be read here: ${p.problem}`),
  'issue.options-not-object': msg({}, () => 'các tuỳ chọn phải là một đối tượng { … }', () => 'the options must be an object { … }'),
  'issue.unknown-engine': msg({ engine: 'name', engines: 'list' }, (p) => `không có bộ máy đánh giá "${p.engine}"; có: ${p.engines.join(' và ')}`, (p) => `no evaluation engine "${p.engine}"; there are: ${p.engines.join(' and ')}`),
  'issue.more-issues': msg({ count: 'number' }, (p, f) => `… và ${f.number(p.count)} lỗi khác trong dữ liệu này`, (p) => `… and ${p.count} more problems in this input`),
  'issue.unknown-class': msg({ class: 'name', set: 'code', known: 'list' }, (p) => `loại xã ${q(p.class)} không có trong ${p.set}${known(p.known, 'có')}`, (p) => `class ${q(p.class)} is not known to ${p.set}${known(p.known, 'known')}`),
  'issue.kind-without-date': msg({ reference: 'name' }, (p) => `${q(p.reference)} là một loại bộ tiêu chí: hãy ghi một ngày để chọn phiên bản có hiệu lực`, (p) => `${q(p.reference)} is a kind of set: give a date to choose its version in force`),
  'issue.ambiguous-set': msg({ reference: 'name', kinds: 'list' }, (p) => `${q(p.reference)} chỉ bộ tiêu chí của nhiều loại (${p.kinds.join(', ')}): hãy ghi mã bộ tiêu chí`, (p) => `${q(p.reference)} names sets of several kinds (${p.kinds.join(', ')}): name the set by id`),
  // Patches and calibrations.
  'issue.base-mismatch': msg({ base: 'name', wanted: 'code' }, (p) => `tệp hiệu chỉnh dành cho ${q(p.base)}, không phải ${q(p.wanted)}`, (p) => `the overlay is for ${q(p.base)}, not ${q(p.wanted)}`),
  'issue.fingerprint-mismatch': msg({ set: 'code', was: 'code', now: 'code' }, (p) => `viết cho một phiên bản khác của ${p.set} (${p.was}…); nay là ${p.now}…`, (p) => `written for another version of ${p.set} (${p.was}…); it is now ${p.now}…`),
  'issue.id-taken': msg({ id: 'name' }, (p) => `${q(p.id)} đã là mã của một bộ tiêu chí có sẵn; hãy đặt cho bộ đã hiệu chỉnh một mã riêng`, (p) => `${q(p.id)} is already a bundled set id; give the calibrated set its own id`),
  'issue.list-complete': msg({ number: 'name', set: 'code', adding: 'number' }, (p) => `tiêu chí ${p.number} của ${p.set} đã liệt kê đủ chỉ tiêu; ${p.adding ? 'hiệu chỉnh không thêm được vào danh sách đã đủ' : 'không thể ghi là chưa đủ'}`, (p) => `criterion ${p.number} of ${p.set} lists all its indicators; ${p.adding ? 'a calibration cannot add to a complete list' : 'it cannot be marked partial'}`),
  'issue.wrong-criterion': msg({ code: 'name', number: 'name' }, (p) => `chỉ tiêu ${q(p.code)} không thuộc tiêu chí ${q(p.number)}`, (p) => `indicator ${q(p.code)} does not belong to criterion ${q(p.number)}`),
  'issue.duplicate-indicator': msg({ code: 'name' }, (p) => `chỉ tiêu ${q(p.code)} đã có trong bộ tiêu chí; hãy hiệu chỉnh nó trong "indicators" thay vì thêm`, (p) => `indicator ${q(p.code)} is already in the set; calibrate it under "indicators" instead of adding it`),
  'issue.empty-list': msg({ number: 'name' }, (p) => `tiêu chí ${p.number} không có chỉ tiêu nào: danh sách không thể là đủ`, (p) => `criterion ${p.number} has no indicator: its list cannot be complete`),
  'issue.unknown-code': msg({ code: 'name', set: 'code', criterion: 'name' }, (p) => `chỉ tiêu ${q(p.code)} không có trong ${p.set}; hãy thêm nó vào addIndicators của tiêu chí ${p.criterion}`, (p) => `indicator ${q(p.code)} is not in ${p.set}; add it under criteria.${p.criterion}.addIndicators`),
  'issue.no-such-requirement': msg({ condition: 'name', kind: 'code', field: 'code' }, (p) => `điều kiện ${p.condition} (${p.kind}) không có ${q(p.field)}`, (p) => `condition ${p.condition} (${p.kind}) has no ${q(p.field)}`),
  'issue.level-mismatch': msg({ kind: 'code', level: 'code' }, (p) => `bộ tiêu chí loại ${p.kind} có cấp ${q(p.level)}`, (p) => `a ${p.kind} set has level ${q(p.level)}`),
  'issue.missing-exceljs': msg(
    {},
    () => 'đọc hoặc ghi tệp XLSX cần gói exceljs, một phụ thuộc ngang hàng tuỳ chọn của ntm-rules: hãy cài nó cạnh ntm-rules (npm install exceljs); CSV và JSON không cần gì thêm',
    () => 'reading or writing XLSX needs the exceljs package, an optional peer dependency of ntm-rules: install it beside ntm-rules (npm install exceljs); CSV and JSON need nothing more',
  ),
});
