import fs from 'node:fs/promises';
import type { Command } from 'commander';
import { AppError } from '../../core/errors.js';
import type { CliAnswer } from '../../runtime/operations.js';
import type { CliContext } from '../context.js';

interface QuestionLine {
  id: string;
  q: string;
}

/**
 * `ask [--group NAME] --json "QUESTION"` → one JSON object;
 * `ask --json --questions FILE` (JSON lines {id, q}) → one JSON line per question, in order.
 */
export function registerAsk(program: Command, ctx: CliContext): void {
  program
    .command('ask')
    .description("answer a question from the group's documents, with sources")
    .option('--group <name>', 'the group whose documents to search', ctx.config.defaultGroup)
    .option('--json', 'print JSON')
    .option('--questions <file>', 'JSON lines {"id","q"}: answer each, one JSON line per question')
    .argument('[question...]')
    .action(async (words: string[], opts: { group: string; json?: boolean; questions?: string }) => {
      const lines = opts.questions ? await readQuestions(opts.questions) : null;
      const question = words.join(' ').trim();
      if (!lines && !question) throw new AppError('bad-input', 'Give a question, e.g.: minutes ask "Vem var frånvarande?"');
      const { openStoreAccess } = await import('../store-access.js');
      const access = await openStoreAccess(ctx.config);
      try {
        const questions = lines ? lines.map((l) => l.q) : [question];
        const answers = await access.call('ask', { group: opts.group, questions });
        if (lines) {
          for (const [i, a] of answers.entries()) process.stdout.write(`${JSON.stringify({ id: lines[i]!.id, ...a })}\n`);
        } else {
          const { namesItsSource } = await import('../../answers/index.js');
          process.stdout.write(opts.json ? `${JSON.stringify(answers[0])}\n` : formatAnswer(answers[0]!, namesItsSource));
        }
      } finally {
        await access.close();
      }
    });
}

async function readQuestions(file: string): Promise<QuestionLine[]> {
  const text = await fs.readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) => {
    throw new AppError('bad-input', `Cannot read ${file}: ${err.code === 'ENOENT' ? 'no such file' : err.message}`);
  });
  return text
    .split('\n')
    .map((l, i) => [l.trim(), i + 1] as const)
    .filter(([l]) => l !== '')
    .map(([l, n]) => {
      let v: unknown;
      try {
        v = JSON.parse(l);
      } catch {
        throw new AppError('bad-input', `${file}:${n} is not JSON. Each line must be {"id": "...", "q": "..."}.`);
      }
      const o = v as Partial<QuestionLine>;
      if (typeof o.q !== 'string' || o.q.trim() === '') throw new AppError('bad-input', `${file}:${n} has no "q" (the question).`);
      return { id: String(o.id ?? n), q: o.q };
    });
}

/** The answer as the engine wrote it; a sources line only when it names none itself. */
function formatAnswer(a: CliAnswer, namesItsSource: (answer: string) => boolean): string {
  if (namesItsSource(a.answer) || a.citations.length === 0) return `${a.answer}\n`;
  const sources = a.citations.map((c) => `${c.document}${c.page ? `, s. ${c.page}` : ''}`);
  return `${a.answer}\nKälla: ${[...new Set(sources)].join('; ')}\n`;
}
