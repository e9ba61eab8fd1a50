import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import { AppError } from '../../core/errors.js';
import type { SubmittedFile } from '../../runtime/operations.js';
import type { RunningWorkers } from '../../workers/run-workers.js';
import type { WaitItem } from '../wait-for-jobs.js';
import type { CliContext } from '../context.js';

export function registerIngest(program: Command, ctx: CliContext): void {
  program
    .command('ingest')
    .description('queue files for parsing (PDF, DOCX, TXT; a folder: its documents); with --wait, wait and report each file')
    .option('--group <name>', 'the group the documents belong to', ctx.config.defaultGroup)
    .option('--wait', 'wait until every file is parsed; exit non-zero if any failed')
    .argument('<files...>', 'files, or folders whose .pdf, .docx and .txt files to ingest')
    .action(async (args: string[], opts: { group: string; wait?: boolean }) => {
      const files = expandFolders(args);
      if (files.length === 0) throw new AppError('not-found', `No .pdf, .docx or .txt files in ${args.join(', ')}.`);
      const [{ producerConnection }, { ensureRedis }, { openQueues }, { openStoreAccess }, { waitForJobs }] = await Promise.all([
        import('../../queue/redis.js'),
        import('../../queue/redis-autostart.js'),
        import('../../queue/queues.js'),
        import('../store-access.js'),
        import('../wait-for-jobs.js'),
      ]);
      const redis = await ensureRedis(ctx.config.redisUrl, ctx.config.dataDir, ctx.config.redisAutostart);
      const access = await openStoreAccess(ctx.config);
      let workers: RunningWorkers | undefined;
      const connection = producerConnection(redis.url);
      connection.on('error', () => undefined);
      const queues = openQueues(connection, ctx.config.queuePrefix);
      try {
        const uploader = { id: `cli:${os.userInfo().username}`, name: os.userInfo().username };
        const submitted = await access.call('submitFiles', { group: opts.group, files: files.map((f) => path.resolve(f)), uploader });
        for (const s of submitted) process.stderr.write(`${describeSubmit(s)}\n`);
        if (!opts.wait) {
          ctx.exitCode = submitted.some((s) => s.status === 'rejected') ? 1 : 0;
          return;
        }
        const pending: WaitItem[] = submitted
          .filter((s) => s.jobId && (s.status !== 'duplicate' || s.existingStatus === 'queued' || s.existingStatus === 'parsing'))
          .map((s) => ({ file: s.file, jobId: s.jobId! }));
        // Nobody to do the work? Then we do it here, with the same sandboxed workers.
        if (pending.length && access.runtime && (await queues.parse.getWorkersCount()) === 0) {
          const { runWorkers } = await import('../../workers/run-workers.js');
          workers = runWorkers({ config: ctx.config, db: access.runtime.db, queues: access.runtime.queues });
        }
        const outcomes = await waitForJobs(queues, redis.url, pending, Boolean(process.stderr.isTTY));
        const failed = outcomes.filter((o) => !o.ok);
        for (const o of outcomes) {
          process.stderr.write(o.ok ? `done    ${path.basename(o.file)}: ${o.pages} pages\n` : `FAILED  ${path.basename(o.file)}: ${o.message}\n`);
        }
        const rejected = submitted.filter((s) => s.status === 'rejected');
        if (failed.length || rejected.length) {
          process.stderr.write(`\n${failed.length + rejected.length} of ${files.length} file(s) failed:\n`);
          for (const o of failed) process.stderr.write(`  ${o.file}: [${o.errorCode}] ${o.message}\n`);
          for (const s of rejected) process.stderr.write(`  ${s.file}: [${s.errorCode}] ${s.message}\n`);
          ctx.exitCode = 1;
        }
      } finally {
        await workers?.close();
        await queues.close();
        connection.disconnect();
        await access.close();
        await redis.stop?.();
      }
    });
}

function describeSubmit(s: SubmittedFile): string {
  const name = path.basename(s.file);
  switch (s.status) {
    case 'queued':
      return `queued  ${name}`;
    case 'requeued':
      return `retry   ${name} (it had failed before)`;
    case 'duplicate':
      return `same    ${name}: already have this, uploaded by ${s.uploadedBy} on ${s.uploadedAt?.slice(0, 10)} (${s.existingStatus}${s.pages ? `, ${s.pages} pages` : ''})`;
    case 'rejected':
      return `FAILED  ${name}: ${s.message}`;
  }
}

const DOCUMENT_EXTENSIONS = /\.(pdf|docx|txt)$/i;

/** A folder stands for its documents (not its subfolders, not hidden files), in name order; files stay as given. */
export function expandFolders(args: string[]): string[] {
  return args.flatMap((arg) => {
    let isDir = false;
    try {
      isDir = fs.statSync(arg).isDirectory();
    } catch {
      return [arg]; // missing: reported per file, as before
    }
    if (!isDir) return [arg];
    return fs
      .readdirSync(arg, { withFileTypes: true })
      .filter((e) => e.isFile() && !e.name.startsWith('.') && DOCUMENT_EXTENSIONS.test(e.name))
      .map((e) => path.join(arg, e.name))
      .sort();
  });
}
