// The example page's logic: build the form from the chosen set, evaluate on submit, show the result.
// It uses only the library's public API, from the browser bundle (npm run build → dist/browser/).
import {
  listCriterionSets,
  getCriterionSet,
  evaluateCommune,
  communeGaps,
  gapKindText,
  formatValue,
  requirementText,
  requirementUnit,
  shortfallText,
  resolveRequirement,
  COMMUNE_STATUS_TEXT,
  CRITERION_STATUS_TEXT,
  REGIONS,
  NtmError,
} from '../../dist/browser/ntm-rules.js';

const LANG = 'vi';
const $ = (id) => document.getElementById(id);
const el = (tag, props = {}, ...children) => {
  const node = Object.assign(document.createElement(tag), props);
  for (const c of children) node.append(c);
  return node;
};

const VERDICTS = [
  ['', '—'],
  ['Đạt', 'Đạt'],
  ['Không đạt', 'Không đạt'],
  ['N/A', 'Không áp dụng'],
];

function verdictSelect(name, options = VERDICTS) {
  const select = el('select', { name });
  for (const [value, text] of options) select.append(el('option', { value, textContent: text }));
  return select;
}

/** The form's indicator and criterion inputs for one set. */
function renderCriteria(set) {
  const region = $('region').value || set.region;
  const box = $('criteria');
  box.replaceChildren();
  for (const c of set.criteria) {
    const fs = el('fieldset', { className: 'criterion' });
    fs.dataset.criterion = c.number;
    fs.append(el('legend', { textContent: `${c.number}. ${c.nameVi}` }));
    const verdict = verdictSelect(`criterion:${c.number}`, VERDICTS.slice(0, 3));
    fs.append(el('label', {}, 'Kết luận cả tiêu chí ', verdict));
    for (const ind of c.indicators) {
      const req = resolveRequirement(ind.requirement, { region, year: Number($('year').value) || 2023 }, ind.measure.unit);
      const numeric = ['percent', 'count', 'amount'].includes(ind.measure.type);
      const input = numeric
        ? el('input', { type: 'text', name: `indicator:${ind.code}`, inputMode: 'decimal', placeholder: ind.measure.unit ?? '' })
        : verdictSelect(`indicator:${ind.code}`);
      input.dataset.code = ind.code;
      fs.append(
        el('div', { className: 'ind' },
          el('strong', { textContent: ind.code }),
          el('span', { textContent: ind.nameVi ?? ind.nameEn, title: ind.nameEn }),
          el('span', { className: 'req', textContent: req.textVi }),
          input),
      );
    }
    box.append(fs);
  }
}

/** The commune input the form describes (empty fields are no data). */
function formInput(set) {
  const form = new FormData($('ntm-form'));
  const indicators = {};
  const criteria = {};
  for (const [key, raw] of form.entries()) {
    const value = String(raw).trim();
    if (value === '') continue;
    if (key.startsWith('indicator:')) indicators[key.slice(10)] = value;
    if (key.startsWith('criterion:')) criteria[key.slice(10)] = value;
  }
  const region = $('region').value;
  return {
    communeId: $('communeId').value.trim(),
    ...($('name').value.trim() ? { name: $('name').value.trim() } : {}),
    year: Number($('year').value),
    ...(region && region !== set.region ? { region } : {}),
    indicators,
    ...(Object.keys(criteria).length ? { criteria } : {}),
  };
}

function renderResult(r) {
  const out = $('result');
  out.replaceChildren();
  const status = el('p', { id: 'status', className: r.status });
  status.dataset.status = r.status;
  status.append(el('strong', { textContent: `${r.name ?? r.communeId}: ${COMMUNE_STATUS_TEXT[LANG][r.status]}` }),
    ` — ${r.criteriaMet} đạt, ${r.criteriaNotMet} chưa đạt, ${r.criteriaUndetermined} chưa xác định (trên ${r.criteria.length} tiêu chí)`);
  out.append(el('h2', { textContent: 'Kết quả' }), status);

  const row = el('tr');
  for (const c of r.criteria) {
    const td = el('td', { className: c.status, textContent: c.number, title: `${c.nameVi}: ${CRITERION_STATUS_TEXT[LANG][c.status]}` });
    td.dataset.status = c.status;
    row.append(td);
  }
  out.append(el('table', { id: 'criteria-row' }, el('tbody', {}, row)));

  const gaps = communeGaps(r);
  const table = el('table', { id: 'gaps' });
  table.append(el('thead', {}, el('tr', {}, ...['Tiêu chí', 'Chỉ tiêu', 'Tình trạng', 'Giá trị', 'Yêu cầu', 'Còn thiếu'].map((h) => el('th', { textContent: h })))));
  const body = el('tbody');
  for (const g of gaps) {
    const tr = el('tr', {},
      ...[g.criterion, g.code ?? '—', gapKindText(g, LANG), formatValue(g.value, requirementUnit(g.requirement), LANG), requirementText(g.requirement, LANG), shortfallText(g, LANG)]
        .map((t) => el('td', { textContent: t })));
    tr.dataset.code = g.code ?? `criterion-${g.criterion}`;
    body.append(tr);
  }
  table.append(body);
  out.append(el('h3', { textContent: 'Việc còn phải làm' }), gaps.length ? table : el('p', { textContent: 'Không còn.' }));
}

function renderError(e) {
  const lines = e instanceof NtmError ? e.issues.map((i) => `${i.path.join('.')}: ${i.message}`) : [String(e?.message ?? e)];
  $('result').replaceChildren(el('h2', { textContent: 'Dữ liệu chưa hợp lệ' }), el('p', { className: 'error', id: 'error', textContent: lines.join('\n') }));
}

function init() {
  const sets = listCriterionSets().filter((s) => s.level === 'commune');
  for (const s of sets) $('set').append(el('option', { value: s.id, textContent: `${s.nameVi} (${s.legalBasis.number})` }));
  $('set').value = sets.find((s) => s.id === 'dak-nong/commune-ntm/2022')?.id ?? sets[0].id;
  $('region').append(el('option', { value: '', textContent: '(theo bộ tiêu chí)' }));
  for (const [code, r] of Object.entries(REGIONS)) $('region').append(el('option', { value: code, textContent: `${code} — ${r.nameVi}` }));
  const redraw = () => renderCriteria(getCriterionSet($('set').value));
  $('set').addEventListener('change', redraw);
  $('region').addEventListener('change', redraw);
  redraw();
  $('ntm-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const set = getCriterionSet($('set').value);
    try {
      renderResult(await evaluateCommune(set, formInput(set)));
    } catch (e) {
      renderError(e);
    }
  });
  $('ntm-form').dataset.ready = 'true';
}

init();
