/**
 * `ntm targets`: whether the plan's targets are reached.
 */
import type { CommuneInput } from '../../schema/input.js';
import { evaluateTargets, populationByCommune } from '../../plan/targets.js';
import { REPORT_TEXT } from '../../report/labels.js';
import { mdCell } from '../../report/markdown.js';
import { openSink, type CliIo } from '../io.js';
import { COMMON, PLAN_OPTION, SET_OPTION, type OptionDecls, type PositionalDecl, parseCommandArgs, langOf, formatOf, yearOf, UsageError, type Command } from '../args.js';
import { jsonFileHeader, collectEvaluation } from '../batch.js';
import { planOf, setInForce, targetLine } from '../plan-context.js';
import { setOf } from '../set-argument.js';

const TARGETS_OPTIONS = {
  ...COMMON,
  plan: PLAN_OPTION,
  set: SET_OPTION,
  year: { type: 'string' },
  baseline: { type: 'string', input: 'baseline' },
  'baseline-set': SET_OPTION,
  advanced: { type: 'string', input: 'advanced' },
  'advanced-set': SET_OPTION,
  figure: { type: 'string', multiple: true },
} as const satisfies OptionDecls;
const TARGETS_POSITIONALS: PositionalDecl = { min: 1, max: 1, names: '<file> (the plan year’s data: .json, .csv or .xlsx)', input: 'data' };

async function targetsCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, TARGETS_OPTIONS, TARGETS_POSITIONALS);
  const lang = langOf(values.lang);
  const format = formatOf(values.format, ['table', 'json', 'md'] as const, 'table');
  const file = positionals[0]!;
  const header = await jsonFileHeader(file);
  const plan = await planOf(values.plan, header.plan, lang);
  const set = await setOf(values.set ?? header.set);
  const year = yearOf(values.year);
  const current = await collectEvaluation(file, set, { lang, ...(year === undefined ? {} : { year }) }, io);
  let errors = current.errors;
  const extra = async (f: unknown, setArg: unknown, fallbackSet: string): Promise<Awaited<ReturnType<typeof collectEvaluation>> | undefined> => {
    if (typeof f !== 'string') return undefined;
    const h = await jsonFileHeader(f);
    const r = await collectEvaluation(f, await setOf(setArg ?? h.set ?? fallbackSet), { lang }, io);
    errors += r.errors;
    return r;
  };
  const baseline = await extra(values.baseline, values['baseline-set'], set.id);
  const advancedSetId = plan.targets.find((t) => t.kind === 'advanced-criteria')?.setId;
  const advanced = await extra(values.advanced, values['advanced-set'], advancedSetId ? setInForce(advancedSetId, plan.year) : set.id);
  const figures: Record<string, number> = {};
  for (const f of (values.figure as unknown as string[] | undefined) ?? []) {
    const m = /^([a-z0-9-]+)=([\d.,]+)$/.exec(f);
    if (!m) throw new UsageError(`--figure must be <target id>=<number>, got "${f}"`, `--figure phải có dạng <mã chỉ tiêu kế hoạch>=<số>, nhận được "${f}"`);
    figures[m[1]!] = Number(m[2]!.replace(',', '.'));
  }
  const population = populationByCommune(current.inputs.filter((i): i is CommuneInput => typeof (i as CommuneInput | undefined)?.population === 'number'));
  const outcomes = evaluateTargets(plan, {
    current: current.entries,
    ...(baseline ? { baseline: baseline.entries } : {}),
    ...(advanced ? { advanced: advanced.entries } : {}),
    district: { population, ...(Object.keys(figures).length ? { figures } : {}) },
  });
  const sink = openSink(io, values.out as string | undefined);
  if (format === 'json') await sink.write(JSON.stringify(outcomes, null, 2) + '\n');
  else {
    const t = REPORT_TEXT[lang];
    const lines = outcomes.map((o) => targetLine(o, lang));
    const head = [t.commune, t.target, t.status, t.detail];
    const rows = lines.map((l) => [l.communeId ?? '—', l.label, t.targetStatus[l.status], l.detail]);
    if (format === 'md') await sink.write([`| ${head.join(' | ')} |`, `|${head.map(() => ' --- ').join('|')}|`, ...rows.map((r) => `| ${r.map(mdCell).join(' | ')} |`)].join('\n') + '\n');
    else await sink.write(rows.map((r) => `${r[2]!.padEnd(14)} ${r[0]!.padEnd(12)} ${r[1]}\n${' '.repeat(28)}${r[3]}`).join('\n') + '\n');
  }
  await sink.close();
  return errors > 0 ? 1 : 0;
}

export const targets: Command = { options: TARGETS_OPTIONS, positionals: TARGETS_POSITIONALS, run: targetsCommand };
