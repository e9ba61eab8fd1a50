import fs from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { AppError } from '../../core/errors.js';
import type { ExtractResult } from '../../core/facts.js';
import type { CliContext } from '../context.js';

/** `extract --json FILE`: facts of one file; no queue or database. Exactly one JSON object on stdout. */
export function registerExtract(program: Command, ctx: CliContext): void {
  program
    .command('extract')
    .description('print the facts of one file (PDF, DOCX or TXT); no queue or database needed')
    .option('--json', 'print the facts as one JSON object')
    .argument('<file>')
    .action(async (file: string, opts: { json?: boolean }) => {
      let bytes: Buffer;
      try {
        bytes = await fs.readFile(file);
      } catch (err) {
        throw new AppError('not-found', `Cannot read ${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
      }
      const { threads, parallelMinPages, maxMemoryMb } = ctx.config.parse;
      const { pageParallelReader, prestartHelpers } = await import('../../workers/page-parallel.js');
      // A large PDF's helper threads start loading pdf.js while this thread loads the analysis and pdf.js.
      prestartHelpers(bytes, { threads, minPages: parallelMinPages, heapMb: maxMemoryMb });
      const { extractDocument } = await import('../../parsers/analyse.js');
      const readPdf = pageParallelReader({ fileName: path.basename(file), threads, minPages: parallelMinPages, heapMb: maxMemoryMb });
      const facts: ExtractResult = await extractDocument(bytes, path.basename(file), ctx.config.parse, readPdf);
      process.stdout.write(opts.json ? `${JSON.stringify(facts)}\n` : formatFacts(facts));
    });
}

function formatFacts(f: ExtractResult): string {
  const d = f.document;
  const out = [`${d.title ?? '(untitled)'} — ${d.kind}, ${d.date ?? 'no date'}, ${d.organisation ?? ''} (${d.pages} pages, ${d.language})`];
  const present = f.attendees.filter((a) => a.present).map((a) => a.name);
  const absent = f.attendees.filter((a) => !a.present).map((a) => a.name);
  if (present.length) out.push(`Present: ${present.join(', ')}`);
  if (absent.length) out.push(`Absent: ${absent.join(', ')}`);
  for (const a of f.actionItems) out.push(`Action: ${a.owners.join(', ') || '?'}: ${a.task}${a.due ? ` (by ${a.due})` : ''} [p. ${a.page ?? '?'}]`);
  for (const x of f.decisions) out.push(`Decision: ${x.text} [p. ${x.page ?? '?'}]`);
  if (f.nextMeeting) out.push(`Next meeting: ${f.nextMeeting.date ?? ''} ${f.nextMeeting.text}`);
  for (const b of f.budgetLines)
    out.push(`Budget: ${b.label}: ${b.amountSek.toLocaleString('sv-SE')} kr (${b.kind}${b.period ? `, ${b.period}` : ''}) [p. ${b.page ?? '?'}]`);
  return `${out.join('\n')}\n`;
}
