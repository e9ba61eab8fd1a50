/** One document's extraction scores: minutes facts where there is minutes gold, budget lines always (wrong amounts are checked everywhere). */
import type { ExtractResult, PageText } from '../core/facts.js';
import type { AnalysedFile } from './analyse-cache.js';
import type { EvalDoc } from './corpus.js';
import type { DocResult } from './figures.js';
import { positionedLineText, wholeNumberKeys } from './numbers.js';
import { scoreBudget } from './score-budget.js';
import { scoreMinutes } from './score-minutes.js';

/**
 * Whole numbers per page. A PDF page's lines are rebuilt from positions so that cells stay apart
 * (its plain text joins "192 000" and "192 000" of two columns into one run); a text page has only its text.
 */
export function pageNumberKeys(pages: readonly PageText[]): Map<number, Set<string>> {
  return new Map(pages.map((p) => [p.pageNo, wholeNumberKeys(p.lines.length > 0 ? p.lines.map((l) => positionedLineText(l.items)) : [p.text])]));
}

const EMPTY: ExtractResult = {
  document: { title: null, kind: 'other', date: null, organisation: null, language: 'sv', pages: 0 },
  attendees: [],
  actionItems: [],
  decisions: [],
  nextMeeting: null,
  budgetLines: [],
};

export function scoreDocument(doc: EvalDoc, file: AnalysedFile): DocResult {
  // A file that failed to parse scores as a document with no facts.
  const facts = file.analysis?.facts ?? EMPTY;
  const pages = file.analysis?.pages ?? [];
  return {
    id: doc.id,
    group: doc.group,
    split: doc.split,
    file: doc.file,
    sha256: file.sha256,
    error: file.error,
    pages: pages.length,
    minutes: doc.minutes ? scoreMinutes(doc.minutes, facts) : null,
    budget: { ...scoreBudget(doc.budget ?? [], facts.budgetLines, pageNumberKeys(pages)), hasGold: doc.budget !== undefined },
  };
}
