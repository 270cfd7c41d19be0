import type { z } from 'zod';
import { CommuneInputSchema, type CommuneInput } from '../schema/input.js';
import { NtmError, issuesFromZod } from '../errors.js';
import { boundedIssues, inputErrorOf, nonPlainEntryIssues } from './input-guard.js';

/**
 * Checks data of unknown shape (parsed JSON, a form, a spreadsheet row) against
 * {@link CommuneInputSchema} and returns it typed as a {@link CommuneInput}, to pass to
 * `evaluateCommune` and the other entry points. Throws an {@link NtmError} `INVALID_INPUT` with
 * every problem at its JSON path, as the evaluation does (which checks its input again at run
 * time, and also checks the codes and values against the set).
 *
 * @example
 * const input = parseCommuneInput(JSON.parse(text)); // CommuneInput, or throws INVALID_INPUT
 * await evaluateCommune('dak-nong/commune-ntm/2022', input);
 * @example
 * parseCommuneInput({ comuneId: 'x', year: 2023 }) // throws: issues at $.communeId (missing) and $ (unknown key "comuneId")
 */
export function parseCommuneInput(raw: unknown): CommuneInput {
  return checkedCommuneInput(raw);
}

/**
 * {@link CommuneInputSchema}'s reading of an input, with what the schema lets through refused:
 * indicator entries that are objects of another kind (a boxed number, a date), and inputs whose
 * reading throws (as `INVALID_INPUT` at the path that failed). The one parse every path uses.
 */
export function checkedCommuneInput(raw: unknown): z.output<typeof CommuneInputSchema> {
  try {
    const odd = nonPlainEntryIssues(raw);
    const parsed = CommuneInputSchema.safeParse(raw);
    if (parsed.success && odd.length === 0) return parsed.data;
    // A boxed number or a date is said as such; the schema's words about its keys would mislead.
    const prefix = (a: readonly (string | number)[], b: readonly (string | number)[]): boolean => a.every((p, i) => b[i] === p);
    const within = (path: readonly (string | number)[]): boolean => odd.some((o) => prefix(o.path, path) || (path.length >= 2 && prefix(path.slice(0, 2), o.path)));
    throw new NtmError('INVALID_INPUT', boundedIssues([...odd, ...(parsed.success ? [] : issuesFromZod(parsed.error.issues).filter((i) => !within(i.path)))]));
  } catch (e) {
    throw inputErrorOf(e, raw);
  }
}
