/**
 * `ntm diff`: what changed between two versions of a criterion set.
 */
import type { Lang } from '../../requirement/format.js';
import { RegionCodeSchema } from '../../schema/common.js';
import { diffCriterionSets, type CriterionSetDiff, type RequirementChange } from '../../versions/diff.js';
import { mdCell } from '../../report/markdown.js';
import { indicatorName } from '../../report/labels.js';
import { formatDate, nameIn, sayer, textIn } from '../../messages/index.js';
import { openSink, type CliIo } from '../io.js';
import { COMMON, type OptionDecls, type PositionalDecl, parseCommandArgs, langOf, formatOf, UsageError, yearOf, type Command } from '../args.js';
import { setOf } from '../set-argument.js';

/** One line per requirement change, in the language asked for. */
function changeLines(changes: readonly RequirementChange[], lang: Lang): string[] {
  return changes.map((c) => `  ${textIn(c, lang)}   [${c.beforeSource.decision} → ${c.afterSource.decision}]`);
}

/** A diff as text (terminal) — every list the library returns, empty ones left out. */
export function diffText(d: CriterionSetDiff, lang: Lang): string {
  const say = sayer(lang);
  const lines = [
    `${d.from.id} (${formatDate(d.from.effectiveFrom, lang)}, ${d.from.fingerprint.slice(0, 12)}) → ${d.to.id} (${formatDate(d.to.effectiveFrom, lang)}, ${d.to.fingerprint.slice(0, 12)})`,
    say('diff.context', { region: d.context.region ?? '—', year: String(d.context.year ?? '—') }),
  ];
  if (d.series && !d.series.samePeriod) lines.push(say('diff.periods', { text: textIn(d.series, lang) }));
  if (d.identical) return [...lines, say('diff.identical')].join('\n');
  const section = (title: string, body: string[]): void => {
    if (body.length > 0) lines.push('', say('diff.section', { title, count: body.length }), ...body);
  };
  const r = d.requirements;
  section(say('diff.tightened'), changeLines(r.tightened, lang));
  section(say('diff.loosened'), changeLines(r.loosened, lang));
  section(say('diff.nowKnown'), changeLines(r.nowKnown, lang));
  section(say('diff.nowUnknown'), changeLines(r.nowUnknown, lang));
  section(say('diff.changed'), changeLines(r.changed, lang));
  // An indicator whose official wording is unknown gets the language's placeholder, never the other language's description.
  const presence = (p: CriterionSetDiff['indicators']['added'][number]): string =>
    `  ${p.code} ${indicatorName(p, lang)}: ${textIn(p.requirement, lang)}${p.reason ? ` (${say(`diff.reason.${p.reason}`)})` : ''}`;
  section(say('diff.indicatorsAdded'), d.indicators.added.map(presence));
  section(say('diff.indicatorsRemoved'), d.indicators.removed.map(presence));
  // The names in the run's language, unless those are the same on both sides: then the other
  // language's wording is what changed, and is shown, labelled (an arrow between two identical
  // texts says nothing).
  const rename = (x: { code: string; before: { nameVi: string | null; nameEn: string }; after: { nameVi: string | null; nameEn: string } }): string => {
    const b = indicatorName({ code: x.code, ...x.before }, lang);
    const a = indicatorName({ code: x.code, ...x.after }, lang);
    if (b !== a) return `  ${x.code}: ${b} → ${a}`;
    const other = lang === 'en' ? 'vi' : 'en';
    const none = say('diff.none');
    return `  ${say('diff.otherName', { code: x.code, before: nameIn(x.before, other) ?? none, after: nameIn(x.after, other) ?? none })}`;
  };
  section(say('diff.indicatorsRenamed'), d.indicators.renamed.map(rename));
  const field = (f: { code: string; field: string }): string => `  ${f.code}: ${f.field}`;
  section(say('diff.indicatorFields'), d.indicators.changed.map(field));
  section(say('diff.criteriaAddedRemoved'), [...d.criteria.added.map((c) => `  + ${c}`), ...d.criteria.removed.map((c) => `  - ${c}`)]);
  section(say('diff.criteriaRenamed'), d.criteria.renamed.map(rename));
  section(say('diff.criterionFields'), d.criteria.changed.map(field));
  section(say('diff.conditions'), [...d.conditions.added.map((c) => `  + ${c}`), ...d.conditions.removed.map((c) => `  - ${c}`), ...d.conditions.renamed.map(rename), ...d.conditions.changed.map(field)]);
  section(say('diff.regionOverrides'), [...d.regionOverrides.added.map((c) => `  + ${c}`), ...d.regionOverrides.removed.map((c) => `  - ${c}`), ...d.regionOverrides.changed.map(field)]);
  section(say('diff.setFields'), d.set.map((f) => `  ${f.field}`));
  return lines.join('\n');
}

const DIFF_OPTIONS = { ...COMMON, region: { type: 'string' }, year: { type: 'string' } } as const satisfies OptionDecls;
const DIFF_POSITIONALS: PositionalDecl = { min: 2, max: 2, names: '<setA> <setB> (ids or rule files)', input: 'set' };

async function diffCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, DIFF_OPTIONS, DIFF_POSITIONALS);
  const lang = langOf(values.lang);
  const format = formatOf(values.format, ['table', 'json', 'md'] as const, 'table');
  let region;
  if (values.region !== undefined) {
    const r = RegionCodeSchema.safeParse(values.region);
    if (!r.success) throw new UsageError(`--region must be one of ${RegionCodeSchema.options.join(', ')}`, `--region phải là một trong ${RegionCodeSchema.options.join(', ')}`);
    region = r.data;
  }
  const year = yearOf(values.year);
  const d = diffCriterionSets(await setOf(positionals[0]), await setOf(positionals[1]), { ...(region === undefined ? {} : { region }), ...(year === undefined ? {} : { year }) });
  const sink = openSink(io, values.out as string | undefined);
  if (format === 'json') await sink.write(JSON.stringify(d, null, 2) + '\n');
  else if (format === 'md') {
    const all = Object.values(d.requirements).flat();
    const say = sayer(lang);
    const head = (['code', 'change', 'before', 'after', 'sourceBefore', 'sourceAfter'] as const).map((k) => say(`diff.head.${k}`));
    await sink.write(
      [
        `# ${mdCell(d.from.id)} → ${mdCell(d.to.id)}`,
        '',
        // An indented code block: no fence a name could close, nothing in it read as Markdown.
        ...diffText(d, lang).split('\n').map((l) => `    ${l}`),
        '',
        `| ${head.join(' | ')} |`,
        `|${head.map(() => ' --- ').join('|')}|`,
        ...all.map((c) => `| ${[c.code, say(`diff.change.${c.change}`), textIn(c.before, lang), textIn(c.after, lang), c.beforeSource.decision, c.afterSource.decision].map(mdCell).join(' | ')} |`),
      ].join('\n') + '\n',
    );
  } else await sink.write(diffText(d, lang) + '\n');
  await sink.close();
  return 0;
}

export const diff: Command = { options: DIFF_OPTIONS, positionals: DIFF_POSITIONALS, run: diffCommand };
