export { checkRecognition, type RecognitionOptions } from './recognition.js';
export { revocationRisk, countFromPercent, type RevocationOptions } from './revocation.js';
export { getRecognitionRules, loadRecognitionRules, calibrateRecognition, resolveRecognitionRules, RECOGNITION_RULES_ID } from './rules.js';
