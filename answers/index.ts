/** The answer engine's public surface. */
export { answerQuestion, askMany, gatherEvidence } from './engine.js';
export { detectIntent, type Intent } from './intent.js';
export { detectLanguage } from './language.js';
export { namesItsSource } from './format.js';
export { formatAmount } from './text.js';
export type { Answer, AnswerLanguage, AskRequest, Citation, Evidence, EvidenceBudget, EvidencePassage } from './types.js';
