/**
 * The log level chosen at start-up, kept apart from the logger so that setting it does not load pino:
 * a command that never logs (`--help`, `extract`) never pays for it. `logger()` reads it when it
 * creates the root logger.
 */
let level: string | undefined;

export function setLogLevel(l: string): void {
  level = l;
}

export function configuredLogLevel(): string | undefined {
  return level;
}
