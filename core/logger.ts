import pino, { type Logger } from 'pino';
import { configuredLogLevel, setLogLevel } from './log-level.js';

export type { Logger };

/** Keys whose values never reach a log line (secrets, tokens, download URLs that embed credentials). */
const REDACT = [
  'password',
  'apiKey',
  'token',
  'authorization',
  'downloadUrl',
  '*.password',
  '*.apiKey',
  '*.token',
  '*.authorization',
  '*.downloadUrl',
  'headers.authorization',
  'MicrosoftAppPassword',
  '*.MicrosoftAppPassword',
];

let root: Logger | undefined;

/**
 * The single logging factory. Logs go to stderr as JSON lines, so stdout stays clean for
 * CLI output (`extract --json`). Call `configureLogger` once at start-up; `logger(scope)` anywhere.
 */
export function configureLogger(level: string): Logger {
  setLogLevel(level);
  root = pino({ level, redact: { paths: REDACT, censor: '[redacted]' }, base: { pid: process.pid } }, pino.destination(2));
  return root;
}

export function logger(scope: string): Logger {
  const level = configuredLogLevel();
  root ??= level ? configureLogger(level) : pino({ level: 'info', redact: { paths: REDACT, censor: '[redacted]' } }, pino.destination(2));
  return root.child({ scope });
}
