/**
 * Question sets over the real corpus (budgets/questions.jsonl and eval/questions/minutes.jsonl),
 * schema of the corpus README: id, doc (document number), lang, type, q, answers ([] =
 * unanswerable), match (any|all), page (1-based PDF page, null for unanswerables).
 */
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, splitOf, type DocGroup, type Split } from './corpus.js';

export interface CorpusQuestion {
  id: string;
  doc: string;
  lang: string;
  type: string;
  q: string;
  answers: string[];
  match: 'any' | 'all';
  page: number | null;
}

export interface EvalQuestion extends CorpusQuestion {
  set: Exclude<DocGroup, 'seeds'>;
  split: Split;
  /** EvalDoc id the question is about (`b03`, `m12`). */
  docId: string;
}

export const DEFAULT_MINUTES_QUESTIONS = path.join(REPO_ROOT, 'eval', 'questions', 'minutes.jsonl');

export function readJsonl<T>(file: string): T[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .map((l, i) => ({ l: l.trim(), i }))
    .filter(({ l }) => l)
    .map(({ l, i }) => {
      try {
        return JSON.parse(l) as T;
      } catch (err) {
        throw new Error(`${file}:${i + 1}: ${(err as Error).message}`);
      }
    });
}

function toEval(q: CorpusQuestion, set: EvalQuestion['set']): EvalQuestion {
  const doc = String(q.doc).padStart(2, '0');
  return { ...q, doc, match: q.match === 'all' ? 'all' : 'any', set, split: splitOf(set, doc), docId: `${set === 'budgets' ? 'b' : 'm'}${doc}` };
}

/** Both sets; a missing file gives no questions and a note saying so. */
export function loadQuestions(corpusDir: string, minutesFile = DEFAULT_MINUTES_QUESTIONS): { questions: EvalQuestion[]; notes: string[] } {
  const notes: string[] = [];
  const questions: EvalQuestion[] = [];
  const budgetFile = path.join(corpusDir, 'budgets', 'questions.jsonl');
  if (fs.existsSync(budgetFile)) questions.push(...readJsonl<CorpusQuestion>(budgetFile).map((q) => toEval(q, 'budgets')));
  else notes.push(`no budget questions at ${budgetFile}`);
  if (fs.existsSync(minutesFile)) questions.push(...readJsonl<CorpusQuestion>(minutesFile).map((q) => toEval(q, 'minutes')));
  else notes.push(`no minutes questions yet (${path.relative(REPO_ROOT, minutesFile) || minutesFile} is absent)`);
  return { questions, notes };
}
