/**
 * Asks every corpus question through the engine the CLI's `ask` uses (answers/index.ts
 * `answerQuestion`, no LLM), in both layouts, and the seeds' own question sets with their own
 * judge (test/qa/eval.ts). `now` is fixed so a run is repeatable.
 */
import { answerQuestion, type Answer } from '../answers/index.js';
import { judge, load as loadSeedSet, SETS as SEED_SETS } from '../test/qa/eval.js';
import { findInvented, isUnanswerable, judgeAnswer, type Invented } from './qa-score.js';
import type { Layout, StoredCorpus } from './qa-store.js';
import type { EvalQuestion } from './questions.js';

/** "Today" for every question: fixed, so answers that depend on it do not drift between runs. */
export const EVAL_NOW = new Date('2026-05-04T08:00:00Z');

export interface QaRecord {
  id: string;
  layout: Layout;
  set: EvalQuestion['set'];
  split: EvalQuestion['split'];
  docId: string;
  lang: string;
  type: string;
  q: string;
  expected: string[];
  match: 'any' | 'all';
  page: number | null;
  unanswerable: boolean;
  correct: boolean;
  found: boolean;
  intent: string;
  answer: string;
  cited: Array<{ doc: string | null; page: number | null }>;
  /** A correct answerable whose citations include the gold page of the question's document. */
  pageRight: boolean;
  /** At least one citation and none of them from the question's document. */
  wrongDocument: boolean;
  invented: Invented;
  ms: number;
}

export interface SeedSetResult {
  name: string;
  n: number;
  correct: number;
  failures: Array<{ id: string; q: string; why: string; answer: string }>;
}

async function ask(store: StoredCorpus, groupId: string | undefined, question: string): Promise<{ a: Answer; ms: number }> {
  const t0 = performance.now();
  const a = await answerQuestion(store.db, { question, asker: { id: 'eval' }, groupIds: groupId ? [groupId] : [], now: EVAL_NOW });
  return { a, ms: performance.now() - t0 };
}

export async function runQuestions(store: StoredCorpus, questions: readonly EvalQuestion[], layouts: readonly Layout[]): Promise<QaRecord[]> {
  const out: QaRecord[] = [];
  for (const layout of layouts) {
    for (const q of questions) {
      const { a, ms } = await ask(store, store.groupOf[layout].get(q.docId), q.q);
      const cited = a.citations.map((c) => ({ doc: store.docOfRow.get(c.documentId) ?? null, page: c.page }));
      const unanswerable = isUnanswerable(q);
      const correct = judgeAnswer(q, a);
      const ownDoc = cited.filter((c) => c.doc === q.docId);
      out.push({
        id: q.id,
        layout,
        set: q.set,
        split: q.split,
        docId: q.docId,
        lang: q.lang,
        type: q.type,
        q: q.q,
        expected: q.answers,
        match: q.match,
        page: q.page,
        unanswerable,
        correct,
        found: a.found,
        intent: a.intent,
        answer: a.answer,
        cited,
        pageRight: correct && !unanswerable && ownDoc.some((c) => c.page === q.page),
        wrongDocument: cited.length > 0 && ownDoc.length === 0,
        invented: findInvented(
          a.answer,
          a.citations.map((c) => c.quote),
          a.citations.map((c) => c.document),
        ),
        ms,
      });
    }
  }
  return out;
}

/** test/qa/questions.jsonl and questions-holdout.jsonl over the seeds' group, judged by test/qa/eval.ts. */
export async function runSeedSets(store: StoredCorpus, seedGroupId: string | undefined): Promise<SeedSetResult[]> {
  const out: SeedSetResult[] = [];
  for (const set of SEED_SETS) {
    const items = loadSeedSet(set.file);
    const r: SeedSetResult = { name: set.name, n: items.length, correct: 0, failures: [] };
    for (const item of items) {
      const { a } = await ask(store, seedGroupId, item.q);
      const { ok, why } = judge(item, a);
      if (ok) r.correct++;
      else r.failures.push({ id: item.id, q: item.q, why, answer: a.answer });
    }
    out.push(r);
  }
  return out;
}
