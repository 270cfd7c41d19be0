import { CommuneInputSchema, type CommuneInput } from '../schema/input.js';
import { NtmError, issuesFromZod } from '../errors.js';

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
  const parsed = CommuneInputSchema.safeParse(raw);
  if (!parsed.success) throw new NtmError('INVALID_INPUT', issuesFromZod(parsed.error.issues));
  return parsed.data;
}
