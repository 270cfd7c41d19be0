/**
 * `ntm check`: validates a rule file, a calibration overlay, a plan or another rule file.
 */
import { NtmError } from '../../errors.js';
import { unknownParts } from '../../versions/unknowns.js';
import { parseRuleText } from '../../rules/load.js';
import { loadCriterionSet } from '../../rules/registry.js';
import { readUserText } from '../inputs.js';
import type { CliIo } from '../io.js';
import { jsonSyntaxErrorPosition } from '../json-locate.js';
import { type OptionDecls, type PositionalDecl, parseCommandArgs, langOf, type Command } from '../args.js';
import { FILE_CHECKERS } from '../rule-file-checkers.js';
import { locatedIssues } from '../set-argument.js';

const CHECK_OPTIONS = { lang: { type: 'string' } } as const satisfies OptionDecls;
const CHECK_POSITIONALS: PositionalDecl = { min: 1, max: 1, names: '<rule, overlay or plan file>', input: 'checked' };


/** Where a text stops being JSON, as `:line:column` (empty when it cannot be told). */
function jsonErrorPosition(text: string): string {
  const at = jsonSyntaxErrorPosition(text);
  return at ? `:${at.line}:${at.column}` : '';
}

async function checkCommand(args: readonly string[], io: CliIo): Promise<number> {
  const checkers = FILE_CHECKERS;
  const { values, positionals } = parseCommandArgs(args, CHECK_OPTIONS, CHECK_POSITIONALS);
  const lang = langOf(values.lang);
  const file = positionals[0]!;
  const text = await readUserText(file, lang);
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    io.err(`${file}${jsonErrorPosition(text)}: not valid JSON: ${(e as Error).message}\n`);
    return 1;
  }
  // The checks every loader applies to text (size, depth, value count, __proto__, repeated keys),
  // so `check` never passes a file that `--set` or `--overlay` would refuse.
  try {
    parseRuleText(text, file);
  } catch (e) {
    if (!(e instanceof NtmError)) throw e;
    for (const line of locatedIssues(file, text, e)) io.err(`${line}\n`);
    return 1;
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    io.err(`${file}: expected a JSON object (a criterion set, a calibration overlay or a plan)\n`);
    return 1;
  }
  const obj = data as Record<string, unknown>;
  try {
    const hook = checkers.find((h) => h.matches(obj));
    if (hook) {
      await io.out(`${file}: ok — ${hook.check(data, file)}\n`);
      return 0;
    }
    if (!('criteria' in obj) && !('patchOf' in obj)) {
      io.err(`${file}: not a criterion set${checkers.length ? `, ${checkers.map((h) => h.kind).join(', ')}` : ''}: no "criteria"\n`);
      return 1;
    }
    const set = loadCriterionSet(data, { file });
    const unknown = set.criteria.flatMap((c) => c.indicators).filter((i) => unknownParts(i.requirement, set.dimensions).length > 0).length;
    await io.out(
      `${file}: ok — criterion set ${set.id}: ${set.criteria.length} criteria, ${set.counts.encodedIndicators}/${set.counts.declaredIndicators ?? '?'} indicators encoded, ${unknown} with an unknown threshold (in some column or year)\n`,
    );
    return 0;
  } catch (e) {
    if (!(e instanceof NtmError)) throw e;
    for (const line of locatedIssues(file, text, e)) io.err(`${line}\n`);
    return 1;
  }
}

export const check: Command = { options: CHECK_OPTIONS, positionals: CHECK_POSITIONALS, run: checkCommand };
