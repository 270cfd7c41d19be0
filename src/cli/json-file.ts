/**
 * Small JSON files the commands read (what-if changes, recognition facts, province files),
 * validated, with errors at file:line:column.
 */
import type { z } from 'zod';
import type { Lang } from '../requirement/format.js';
import { NtmError, issuesFromZod } from '../errors.js';
import { parseRuleText } from '../rules/load.js';
import { FileError, readUserText } from './inputs.js';
import { parseDataJson } from './inputs.js';
import { locatedIssues } from './set-argument.js';

/** Reads a small JSON file (what-if changes, recognition facts) and validates it; errors at file:line:column. */
export async function jsonFileOf<S extends z.ZodType>(file: string, schema: S, lang: Lang): Promise<z.output<S>> {
  const text = await readUserText(file, lang);
  try {
    const data = parseRuleText(text.replace(/^\ufeff/, ''), file, 'INVALID_INPUT');
    const parsed = schema.safeParse(data);
    if (!parsed.success) throw new NtmError('INVALID_INPUT', issuesFromZod(parsed.error.issues), { file });
    return parsed.data;
  } catch (e) {
    if (e instanceof NtmError) throw new FileError(locatedIssues(file, text, e).join('\n'));
    throw e;
  }
}

/** A JSON file's text and data; unreadable or malformed files are file errors. */
export async function readJson(file: string, lang: Lang): Promise<{ text: string; data: unknown }> {
  const text = await readUserText(file, lang);
  return { text, data: parseDataJson(file, text, lang) };
}
