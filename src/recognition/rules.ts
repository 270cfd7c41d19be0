import { RecognitionRulesSchema, type RecognitionRules } from '../schema/recognition.js';
import type { LeafSpec } from '../schema/requirement.js';
import { NtmError, issue } from '../errors.js';
import { dataFileLoader } from '../rules/load.js';
import { bundledRegistry, type BundledFile } from '../rules/bundled.js';
import { FILES as RECOGNITION_FILES } from '../rules/manifest/recognition.js';

const BUNDLED: Readonly<Record<string, BundledFile>> = RECOGNITION_FILES;

/** The id of 18/2022/QĐ-TTg as amended by 03/2024/QĐ-TTg. */
export const AMENDED_RECOGNITION_RULES_ID = 'national/recognition/2024';

/**
 * The recognition rules a commune's results of `year` are checked under: 18/2022/QĐ-TTg as
 * amended by 03/2024/QĐ-TTg from the results year the amendment is read to govern (2024; the day
 * it took effect is not in the project's sources), 18/2022 as issued before.
 *
 * @example recognitionRulesIdFor(2023) // 'national/recognition/2022'
 * @example recognitionRulesIdFor(2025) // 'national/recognition/2024'
 */
export function recognitionRulesIdFor(year: number): string {
  const amended = getRecognitionRules(AMENDED_RECOGNITION_RULES_ID);
  return amended.amendment !== undefined && year >= amended.amendment.appliesFromYear ? AMENDED_RECOGNITION_RULES_ID : RECOGNITION_RULES_ID;
}

const files = dataFileLoader(RecognitionRulesSchema, 'INVALID_RULE_FILE');
const bundled = bundledRegistry(BUNDLED, files.load, 'id', 'INVALID_RULE_FILE');

/** The id of the bundled recognition and revocation rules (18/2022/QĐ-TTg). */
export const RECOGNITION_RULES_ID = 'national/recognition/2022';

/**
 * Validates recognition rules (an object or JSON text) and returns them frozen; problems throw
 * `INVALID_RULE_FILE` with every JSON path.
 *
 * @example loadRecognitionRules(JSON.parse(text), { file: 'recognition.json' }).commune.conditions.length // 4
 */
export function loadRecognitionRules(json: unknown, options: { file?: string } = {}): RecognitionRules {
  return files.load(json, options);
}

/**
 * The bundled recognition and revocation rules of 18/2022/QĐ-TTg.
 *
 * @example getRecognitionRules().decision.number // '18/2022/QĐ-TTg'
 */
export function getRecognitionRules(id: string = RECOGNITION_RULES_ID): RecognitionRules {
  const rules = bundled.get(id);
  if (!rules) throw new NtmError('INVALID_ARGUMENT', [issue('unknown-rules', [], { id, known: bundled.ids() })]);
  return rules;
}

/** Rules given as an id or an object (validated once). */
export function resolveRecognitionRules(rules: string | RecognitionRules | undefined): RecognitionRules {
  if (rules === undefined || typeof rules === 'string') return getRecognitionRules(rules);
  return loadRecognitionRules(rules);
}

/**
 * Recognition rules with the commune satisfaction level filled in from the text that states it
 * (the Fatherland Front's survey guidance, a provincial rule): a new validated rules object with
 * its own `id` and `derivedFrom`. The requirement must cite its source.
 *
 * @example
 * calibrateRecognition({ id: 'dak-nong/recognition/2023', satisfaction: {
 *   kind: 'compare', operator: '>=', value: <from the guidance>,
 *   source: { decision: '…', confidence: 'verified' } } })
 */
export function calibrateRecognition(overlay: { id: string; base?: string | RecognitionRules; satisfaction: LeafSpec }): RecognitionRules {
  const base = resolveRecognitionRules(overlay.base);
  const conditions = base.commune.conditions.map((c) => (c.kind === 'satisfaction' ? { ...c, requirement: overlay.satisfaction } : c));
  return loadRecognitionRules({ ...structuredClone(base), id: overlay.id, derivedFrom: base.id, commune: { ...structuredClone(base.commune), conditions: structuredClone(conditions) } });
}
