/** What every fact handler receives and returns. */
import type { Queryable } from '../store/db.js';
import { documentNames } from '../store/answer-queries.js';
import type { DateMention } from './dates.js';
import { docName } from './format.js';
import type { AnswerLanguage, Citation } from './types.js';

export interface HandlerContext {
  db: Queryable;
  question: string;
  groupIds: string[];
  lang: AnswerLanguage;
  now: Date;
  /** Known people/units the question names. */
  names: string[];
  /** Name-like words that match nobody. */
  unknownNames: string[];
  date: DateMention | null;
}

/** A handler's answer; `null` from a handler means "not a fact question after all: try the text". */
export interface HandlerResult {
  found: boolean;
  answer: string;
  citations: Citation[];
  /** One line per fact used, with its source, for the LLM path. */
  facts: string[];
}

/** Builds citations, looking up document names in one query. */
export async function citeAll(ctx: HandlerContext, items: Array<{ documentId: string; page: number | null; quote: string }>): Promise<Citation[]> {
  const names = await documentNames(
    ctx.db,
    ctx.groupIds,
    items.map((i) => i.documentId),
  );
  return items.map((i) => ({ document: docName(names.get(i.documentId)), documentId: i.documentId, page: i.page, quote: i.quote }));
}
