import { CriterionSetSchema, type CriterionSet } from '../schema/criterion-set.js';
import { NtmError, issuesFromZod } from '../errors.js';

/** Largest rule or overlay text accepted, in characters. The biggest bundled file is far below. */
export const MAX_RULE_FILE_CHARS = 5_000_000;

const validated = new WeakSet<object>();

/** Recursively freezes plain data so validated sets can be shared between results safely. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/**
 * Parses rule-file text as JSON, with a size limit. Parsing never runs code; `__proto__` keys stay
 * plain own properties and are then rejected by the strict schemas.
 */
export function parseRuleText(text: string, file?: string): unknown {
  if (text.length > MAX_RULE_FILE_CHARS) {
    throw new NtmError('INVALID_RULE_FILE', [{ code: 'too-large', path: [], message: `file has ${text.length} characters; the limit is ${MAX_RULE_FILE_CHARS}` }], file === undefined ? {} : { file });
  }
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    throw new NtmError('INVALID_RULE_FILE', [{ code: 'invalid-json', path: [], message: (e as Error).message }], file === undefined ? {} : { file });
  }
}

/**
 * Validates a criterion set (an object, or JSON text) and returns it frozen. Throws an
 * {@link NtmError} `INVALID_RULE_FILE` listing every problem with its JSON path.
 *
 * @example
 * const set = loadCriterionSet(fs.readFileSync('my-set.json', 'utf8'), { file: 'my-set.json' });
 */
export function loadCriterionSet(json: unknown, options: { file?: string } = {}): CriterionSet {
  if (typeof json === 'object' && json !== null && validated.has(json)) return json as CriterionSet;
  const data = typeof json === 'string' ? parseRuleText(json, options.file) : json;
  const parsed = CriterionSetSchema.safeParse(data);
  if (!parsed.success) {
    throw new NtmError('INVALID_RULE_FILE', issuesFromZod(parsed.error.issues), options.file === undefined ? {} : { file: options.file });
  }
  const set = deepFreeze(parsed.data);
  validated.add(set);
  return set;
}

/** True when `set` came out of {@link loadCriterionSet} (and so needs no new validation). */
export function isValidatedSet(set: unknown): set is CriterionSet {
  return typeof set === 'object' && set !== null && validated.has(set);
}
