import type { Config } from '../core/config.js';

export interface CliContext {
  config: Config;
  /** Process exit code once the command returns; -1 keeps a daemon running. */
  exitCode: number;
}
