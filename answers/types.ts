/**
 * Public types of the answer engine. The bot, the CLI and later integrations call
 * `answerQuestion`; the bot's LLM path renders `gatherEvidence` output.
 */

/** One question from one member. */
export interface AskRequest {
  question: string;
  asker: { id: string; name?: string | null };
  /** Only these groups are searched. Empty → nothing is found. */
  groupIds: string[];
  /** "Today" for relative questions (open items, next meeting); defaults to now. */
  now?: Date;
}

/** Where an answer comes from. */
export interface Citation {
  /** Document title, or its file name when it has no title. */
  document: string;
  documentId: string;
  page: number | null;
  /** The text the answer rests on. */
  quote: string;
}

/** One retrieved passage. */
export interface EvidencePassage {
  document: string;
  page: number | null;
  text: string;
  score: number;
}

export interface Evidence {
  /** Fact lines (one fact each, with its source), for an LLM prompt. */
  facts: string[];
  passages: EvidencePassage[];
}

export type AnswerLanguage = 'sv' | 'en';

export interface Answer {
  answer: string;
  /** False when the group's documents do not support an answer. */
  found: boolean;
  citations: Citation[];
  /** Which kind of question this was taken for (`attendance.present`, `budget.amount`, `passage`, …). */
  intent: string;
  language: AnswerLanguage;
  evidence: Evidence;
}

/** Limits for `gatherEvidence`. */
export interface EvidenceBudget {
  /** @defaultValue 5 */
  maxPassages: number;
}
