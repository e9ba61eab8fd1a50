#!/usr/bin/env node
/**
 * `minutes` CLI: `npm run -s minutes -- <command>`. Human messages go to stderr; stdout carries
 * only the command's output (JSON with --json), so other tools can pipe it.
 * Registering a command loads nothing heavy: each action imports what it needs when it runs, so
 * `--help` or `extract` never load the Teams SDK, BullMQ or the database drivers.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError } from 'commander';
import { loadConfig } from '../core/config.js';
import { errorCode } from '../core/errors.js';
import { setLogLevel } from '../core/log-level.js';
import { registerIngest } from './commands/ingest.js';
import { registerServe } from './commands/serve.js';
import { registerStatus } from './commands/status.js';
import { registerExtract } from './commands/extract.js';
import { registerAsk } from './commands/ask.js';
import { registerRetry } from './commands/retry.js';
import { registerReminders } from './commands/reminders.js';
import { registerExport } from './commands/export.js';
import { registerForget } from './commands/forget.js';
import type { CliContext } from './context.js';

/** LOG_LEVEL=debug or trace: unexpected errors print their stack. */
let showStacks = false;

async function main(argv: string[]): Promise<number> {
  const config = loadConfig();
  showStacks = ['debug', 'trace'].includes(config.logLevel);
  const ctx: CliContext = { config, exitCode: 0 };
  const program = new Command('minutes')
    .description('minutes-bot: ingest meeting documents, ask about them, run the bot and workers')
    .version(packageVersion(), '-V, --version', 'print the version')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) })
    .hook('preAction', () => {
      // One-shot commands log only warnings, so their stderr stays readable for people.
      const isDaemon = ['start', 'serve', 'worker'].includes(argv[2] ?? '');
      setLogLevel(isDaemon || config.logLevel !== 'info' ? config.logLevel : 'warn');
    });
  registerServe(program, ctx);
  registerIngest(program, ctx);
  registerStatus(program, ctx);
  registerExtract(program, ctx);
  registerAsk(program, ctx);
  registerRetry(program, ctx);
  registerReminders(program, ctx);
  registerExport(program, ctx);
  registerForget(program, ctx);
  await program.parseAsync(argv);
  return ctx.exitCode;
}

/** The version in package.json, found upwards from this file (cli/ from source, dist/cli/ when built). */
function packageVersion(): string {
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (!fs.existsSync(file)) continue;
    const pkg = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string; version?: string };
    if (pkg.name === 'minutes-bot') return pkg.version ?? '0.0.0';
  }
  return '0.0.0';
}

/** Exits once stdout and stderr are flushed: on a pipe, writes are asynchronous and exit() would cut them. */
function exitAfterFlush(code: number): void {
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
}

main(process.argv).then(
  (code) => {
    if (code !== -1) exitAfterFlush(code);
  },
  (err: unknown) => {
    if (err instanceof CommanderError) return exitAfterFlush(err.exitCode === 0 ? 0 : 2);
    const code = errorCode(err);
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`minutes: ${message}\n`);
    // A stack trace helps a developer, not the person at the prompt: only on request.
    if (!code && showStacks) process.stderr.write(`${err instanceof Error && err.stack ? err.stack : ''}\n`);
    else if (!code) process.stderr.write('(LOG_LEVEL=debug shows the details)\n');
    exitAfterFlush(1);
  },
);
