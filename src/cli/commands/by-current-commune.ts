/**
 * `ntm by-current-commune`: old (2022-2025) results shown by the commune that exists now.
 */
import type { Lang } from '../../requirement/format.js';
import { COMMUNE_STATUS_TEXT } from '../../report/index.js';
import { sayer } from '../../messages/index.js';
import { getReorganisation, resultsByCurrentUnit, type ReorganisedView } from '../../reorganisation/index.js';
import { openSink, type CliIo } from '../io.js';
import { COMMON, type OptionDecls, parseCommandArgs, DATA_FILE, langOf, formatOf, dateOf, yearOf, type Command } from '../args.js';
import { jsonFileHeader, collectEvaluation } from '../batch.js';
import { setOf } from '../set-argument.js';
import { setInForceOn } from '../set-versions.js';
import { textTable } from '../text-table.js';

/**
 * The view as text: one line per old unit under its current commune, then what the view does not claim.
 *
 * @example reorganisedText(resultsByCurrentUnit(entries), 'vi')
 */
export function reorganisedText(view: ReorganisedView, lang: Lang): string {
  const r = getReorganisation(view.reorganisationId);
  const say = sayer(lang);
  const head = [say('reorganisation.head.now'), say('reorganisation.head.before'), say('reorganisation.head.year'), say('reorganisation.head.set'), say('reorganisation.head.result'), say('reorganisation.head.met'), say('reorganisation.head.notMet'), '?'];
  const n = (x: number | null) => (x === null ? '' : String(x));
  const rows: string[][] = [];
  for (const u of view.units) {
    let first = true;
    for (const p of u.predecessors) {
      const name = lang === 'vi' ? p.nameVi : p.nameEn;
      const unit = first ? (lang === 'vi' ? u.unit.nameVi : u.unit.nameEn) : '';
      first = false;
      if (p.results.length === 0) {
        const none = say(p.kind === 'township' ? 'reorganisation.township' : 'reorganisation.noResult');
        rows.push([unit, name, '', '', none, '', '', '']);
        continue;
      }
      p.results.forEach((x, i) => rows.push([i === 0 ? unit : '', i === 0 ? name : '', String(x.year), x.setId, COMMUNE_STATUS_TEXT[lang][x.status], n(x.criteriaMet), n(x.criteriaNotMet), n(x.criteriaUndetermined)]));
    }
  }
  const lines = [
    say('reorganisation.title', { name: lang === 'vi' ? r.nameVi : r.nameEn, decision: r.legalBasis.number, from: view.effectiveFrom, province: lang === 'vi' ? r.province.nameVi : r.province.nameEn }),
    say('reorganisation.mapping', { decision: r.legalBasis.number, confidence: say(`reorganisation.confidence.${r.units[0]!.source.confidence}`) }),
    '',
    textTable(head, rows),
    '',
    say('reorganisation.noMerged'),
  ];
  for (const u of view.unmatched) lines.push(say('reorganisation.unmatched', { name: u.name ?? u.communeId ?? '—', entry: u.index + 1 }));
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

export const byCurrentCommune: Command = { options: OPTIONS, positionals: DATA_FILE, run: byCurrentCommuneCommand };
