/**
 * `ntm by-current-commune`: results of before the 2025 reorganisation (2022-2025 tables) shown by
 * the commune that exists now, each predecessor with its own status — no merged status.
 */
import type { Lang } from '../requirement/format.js';
import { COMMUNE_STATUS_TEXT } from '../report/index.js';
import { getReorganisation, resultsByCurrentUnit, type ReorganisedView } from '../reorganisation/index.js';
import { collectEvaluation, dateOf, formatOf, langOf, parseCommandArgs, setOf, textTable, yearOf, jsonFileHeader, COMMON, DATA_FILE, type Command, type OptionDecls } from './commands.js';
import { setInForceOn } from './version-commands.js';
import { openSink, type CliIo } from './io.js';

/**
 * The view as text: one line per old unit under its current commune, then what the view does not claim.
 *
 * @example reorganisedText(resultsByCurrentUnit(entries), 'vi')
 */
export function reorganisedText(view: ReorganisedView, lang: Lang): string {
  const r = getReorganisation(view.reorganisationId);
  const head = lang === 'vi' ? ['Xã hiện nay', 'Đơn vị trước sắp xếp', 'Năm', 'Bộ tiêu chí', 'Kết quả', 'Đạt', 'Chưa', '?'] : ['Commune now', 'Unit before', 'Year', 'Set', 'Result', 'Met', 'Not', '?'];
  const n = (x: number | null) => (x === null ? '' : String(x));
  const rows: string[][] = [];
  for (const u of view.units) {
    let first = true;
    for (const p of u.predecessors) {
      const name = lang === 'vi' ? p.nameVi : p.nameEn;
      const unit = first ? (lang === 'vi' ? u.unit.nameVi : u.unit.nameEn) : '';
      first = false;
      if (p.results.length === 0) {
        const none = p.kind === 'township' ? (lang === 'vi' ? 'thị trấn: không đánh giá' : 'township: not assessed') : lang === 'vi' ? 'không có kết quả' : 'no result';
        rows.push([unit, name, '', '', none, '', '', '']);
        continue;
      }
      p.results.forEach((x, i) => rows.push([i === 0 ? unit : '', i === 0 ? name : '', String(x.year), x.setId, COMMUNE_STATUS_TEXT[lang][x.status], n(x.criteriaMet), n(x.criteriaNotMet), n(x.criteriaUndetermined)]));
    }
  }
  const lines = [
    lang === 'vi'
      ? `${r.nameVi} — ${r.legalBasis.number}, từ ${view.effectiveFrom}; ${r.province.nameVi}`
      : `${r.nameEn} — ${r.legalBasis.number}, from ${view.effectiveFrom}; ${r.province.nameEn}`,
    lang === 'vi'
      ? `(ánh xạ theo tệp dữ liệu trích ${r.legalBasis.number}; độ tin cậy: ${r.units[0]!.source.confidence})`
      : `(mapping from data files citing ${r.legalBasis.number}; confidence: ${r.units[0]!.source.confidence})`,
    '',
    textTable(head, rows),
    '',
    lang === 'vi'
      ? 'Không có kết quả gộp cho xã mới: xã sau sắp xếp được rà soát, đánh giá lại theo bộ tiêu chí đang có hiệu lực.'
      : 'No merged result for a new commune: merged communes are re-reviewed under the set in force.',
  ];
  for (const u of view.unmatched) lines.push(lang === 'vi' ? `Không thuộc các xã trên: ${u.name ?? u.communeId} (dòng ${u.index + 1})` : `Not covered by the reorganisation: ${u.name ?? u.communeId} (entry ${u.index + 1})`);
  return lines.join('\n') + '\n';
}

const OPTIONS = { ...COMMON, set: { type: 'string', input: 'set' }, 'as-of': { type: 'string' }, year: { type: 'string' } } as const satisfies OptionDecls;

async function byCurrentCommuneCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, OPTIONS, DATA_FILE);
  const file = positionals[0]!;
  const lang = langOf(values.lang);
  const format = formatOf(values.format, ['table', 'json'] as const, 'table');
  const asOf = dateOf(values['as-of'], '--as-of');
  const year = yearOf(values.year);
  const setArg = values.set ?? (await jsonFileHeader(file)).set;
  const set = asOf === undefined ? await setOf(setArg, lang) : await setInForceOn(setArg, asOf, io, lang);
  const { entries, errors } = await collectEvaluation(file, set, { lang, ...(year === undefined ? {} : { year }) }, io);
  const view = resultsByCurrentUnit(entries);
  const sink = openSink(io, values.out as string | undefined);
  await sink.write(format === 'json' ? JSON.stringify(view, null, 2) + '\n' : reorganisedText(view, lang));
  await sink.close();
  return errors > 0 ? 1 : 0;
}

const HELP = `ntm by-current-commune <file> [--set <id>] [--as-of <date>] [--year <yyyy>] [--format table|json] [--lang vi|en] [--out <file>]

Evaluates a data file of communes of before the July 2025 reorganisation (e.g. the 2023 table
of Đắk Song district) and shows the results by the commune that exists now (lam-dong/
reorganisation-2025: Đắk Song = Đắk Môl + Đắk Hòa; Đức An = thị trấn Đức An + Đắk N'Drung +
Nam Bình; Thuận Hạnh = Thuận Hà + Thuận Hạnh; Trường Xuân = Nâm N'Jang + Trường Xuân). Each
former unit keeps its own result; no merged result is made up.
`;

/** The reorganisation commands, by name. */
export const REORGANISATION_COMMANDS: Record<string, Command> = {
  'by-current-commune': { summary: 'old (2022-2025) results shown by the commune that exists now', help: HELP, options: OPTIONS, positionals: DATA_FILE, run: byCurrentCommuneCommand },
};
