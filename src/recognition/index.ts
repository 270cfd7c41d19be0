export { checkRecognition, type RecognitionOptions } from './recognition.js';
export { revocationRisk, countFromPercent, type RevocationOptions } from './revocation.js';
export { getRecognitionRules, loadRecognitionRules, calibrateRecognition, resolveRecognitionRules, RECOGNITION_RULES_ID } from './rules.js';
export { recognitionDossier, type RecognitionDossier, type DossierCriterion, type DossierIndicator, type DossierCondition, type DossierMissing } from './dossier.js';
