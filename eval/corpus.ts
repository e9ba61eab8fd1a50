/**
 * Where the real corpus lives, which documents it holds, their split and their gold, normalised to
 * one shape for the real minutes and the seeds (test/fixtures/*.facts.json / *.budget.json).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const FIXTURES_DIR = path.join(REPO_ROOT, 'test', 'fixtures');

/** `CORPUS_REAL_DIR`, else `../shared/corpus/real` beside the repository, else `/work/shared/corpus/real`; null when none exists. */
export function findCorpusDir(env: NodeJS.ProcessEnv = process.env, root = REPO_ROOT): { dir: string | null; tried: string[] } {
  const tried = env.CORPUS_REAL_DIR ? [path.resolve(env.CORPUS_REAL_DIR)] : [path.resolve(root, '..', 'shared', 'corpus', 'real'), '/work/shared/corpus/real'];
  const dir = tried.find((d) => fs.existsSync(path.join(d, 'minutes')) || fs.existsSync(path.join(d, 'budgets'))) ?? null;
  return { dir, tried };
}

export type Split = 'dev' | 'test' | 'seeds';
export type DocGroup = 'minutes' | 'budgets' | 'seeds';

/** Fixed for everyone by the corpus README: minutes whose number is a multiple of 3, budgets 03, 06, 09. */
export function splitOf(group: DocGroup, num: string): Split {
  if (group === 'seeds') return 'seeds';
  const n = Number(num);
  if (group === 'minutes') return n % 3 === 0 ? 'test' : 'dev';
  return [3, 6, 9].includes(n) ? 'test' : 'dev';
}

/** Gold facts of a minutes-like document, one shape for the real gold and the seeds' golden files. */
export interface MinutesGold {
  date: string | null;
  attendees: string[];
  absent: string[];
  chair: string[];
  secretary: string[];
  actions: GoldAction[];
  decisionsCount: number;
  nextMeeting: string | null;
}

export interface GoldAction {
  owners: string[];
  task: string;
  due: string | null;
  /** Real gold: a verbatim span of at most 12 words. */
  evidence?: string;
  /** Seeds: words the task must contain. */
  taskContains?: string[];
}

export interface GoldBudgetLine {
  label: string;
  amountSek: number;
  amountText: string;
  kind: string;
  period: string | null;
  page: number | null;
  column?: string | null;
}

export interface EvalDoc {
  /** `m03`, `b03`, `s1` … */
  id: string;
  group: DocGroup;
  /** Number as in the corpus (`03`), or the seed's file base name. */
  num: string;
  split: Split;
  file: string;
  minutes?: MinutesGold;
  budget?: GoldBudgetLine[];
}

interface RealMinutesJson {
  date: string | null;
  attendees: string[];
  absent: string[];
  chair: string | null;
  secretary: string | null;
  action_items: Array<{ owners: string[]; task: string; due: string | null; evidence: string }>;
  decisions_count: number;
  next_meeting: string | null;
}

interface RealBudgetJson {
  budget_lines: Array<{ label: string; amount_sek: number; amount_text: string; kind: string; period: string | null; page: number; column?: string }>;
}

const readJson = <T>(file: string): T => JSON.parse(fs.readFileSync(file, 'utf8')) as T;

export function loadRealDocs(dir: string): EvalDoc[] {
  const docs: EvalDoc[] = [];
  const minutesDir = path.join(dir, 'minutes');
  if (fs.existsSync(minutesDir)) {
    for (const f of fs.readdirSync(minutesDir).sort()) {
      const m = /^(\d+)\.(pdf|txt|md)$/.exec(f);
      if (!m) continue;
      const num = m[1]!;
      const goldFile = path.join(minutesDir, `${num}.json`);
      const g = fs.existsSync(goldFile) ? readJson<RealMinutesJson>(goldFile) : null;
      docs.push({
        id: `m${num}`,
        group: 'minutes',
        num,
        split: splitOf('minutes', num),
        file: path.join(minutesDir, f),
        minutes: g
          ? {
              date: g.date,
              attendees: g.attendees,
              absent: g.absent,
              chair: g.chair ? [g.chair] : [],
              secretary: g.secretary ? [g.secretary] : [],
              actions: g.action_items.map((a) => ({ owners: a.owners, task: a.task, due: a.due, evidence: a.evidence })),
              decisionsCount: g.decisions_count,
              nextMeeting: g.next_meeting,
            }
          : undefined,
      });
    }
  }
  const budgetDir = path.join(dir, 'budgets');
  if (fs.existsSync(budgetDir)) {
    for (const f of fs.readdirSync(budgetDir).sort()) {
      const m = /^(\d+)\.pdf$/.exec(f);
      if (!m) continue;
      const num = m[1]!;
      const goldFile = path.join(budgetDir, `${num}.json`);
      const g = fs.existsSync(goldFile) ? readJson<RealBudgetJson>(goldFile) : null;
      docs.push({
        id: `b${num}`,
        group: 'budgets',
        num,
        split: splitOf('budgets', num),
        file: path.join(budgetDir, f),
        budget: g?.budget_lines.map((b) => ({
          label: b.label,
          amountSek: b.amount_sek,
          amountText: b.amount_text,
          kind: b.kind,
          period: b.period,
          page: b.page,
          column: b.column ?? null,
        })),
      });
    }
  }
  return docs;
}

interface SeedFactsJson {
  source: string;
  document: { date: string | null };
  attendees: Array<{ name: string; present: boolean; flags: string[] }>;
  actionItems: Array<{ owners: string[]; taskContains: string[]; due: string | null }>;
  decisions: unknown[];
  nextMeeting: { date: string | null } | null;
}

interface SeedBudgetJson {
  budgetLines: Array<{ label: string; amountSek: number; amountText: string; kind: string; period: string | null; page: number | null }>;
}

/** The five seed PDFs with their golden files, as a third group. */
export function loadSeedDocs(fixturesDir = FIXTURES_DIR): EvalDoc[] {
  const out: EvalDoc[] = [];
  const factsFiles = fs
    .readdirSync(fixturesDir)
    .filter((f) => f.endsWith('.facts.json'))
    .sort();
  factsFiles.forEach((f, i) => {
    const g = readJson<SeedFactsJson>(path.join(fixturesDir, f));
    const base = f.replace(/\.facts\.json$/, '');
    const budgetFile = path.join(fixturesDir, `${base}.budget.json`);
    const b = fs.existsSync(budgetFile) ? readJson<SeedBudgetJson>(budgetFile) : null;
    const flagged = (flag: string) => g.attendees.filter((a) => a.flags.includes(flag)).map((a) => a.name);
    out.push({
      id: `s${i + 1}`,
      group: 'seeds',
      num: base,
      split: 'seeds',
      file: path.join(fixturesDir, g.source),
      minutes: {
        date: g.document.date,
        attendees: g.attendees.filter((a) => a.present).map((a) => a.name),
        absent: g.attendees.filter((a) => !a.present).map((a) => a.name),
        chair: flagged('chair'),
        secretary: flagged('secretary'),
        actions: g.actionItems.map((a) => ({ owners: a.owners, task: a.taskContains.join(' … '), due: a.due, taskContains: a.taskContains })),
        decisionsCount: g.decisions.length,
        nextMeeting: g.nextMeeting?.date ?? null,
      },
      budget: b?.budgetLines.map((l) => ({ label: l.label, amountSek: l.amountSek, amountText: l.amountText, kind: l.kind, period: l.period, page: l.page })),
    });
  });
  return out;
}
