/**
 * The tolerant readers of office data (`ntm-rules/words`): the words and numbers communes and
 * agencies write in their spreadsheets and reports — "Đạt", "Không đạt", "Cơ bản đạt", "N/A",
 * "Chưa có số liệu", "93,5", "1.000,5", "9.200", "Tây Nguyên" — read as the evaluation reads them,
 * and the commune ids compared as the batches compare them. The same table (`USER_WORDS`) is used
 * by the evaluation and by `ntm`. `parseVerdict` and `parseDecimal` are in the main entry too.
 *
 * @example
 * import { parseVerdict, parseDecimal, idKey } from 'ntm-rules/words';
 * parseVerdict('Không đạt') // 'not-met'
 * parseDecimal('1.000,5')   // 1000.5
 * idKey(' Dak-Mol ') === idKey('dak-mol') // true
 *
 * @packageDocumentation
 * @module ntm-rules/words
 */
export { parseVerdict, parseCriterionVerdict, parseDecimal, parseCount, parseRegion, isNoDataWord, idKey, cleanId, idByName, USER_WORDS } from '../evaluate/words.js';
