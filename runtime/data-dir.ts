/**
 * The data dir holds the originals, the embedded database, the link secret and the local API
 * token: only the bot's own user may read it. At start-up every process (bot, worker, CLI) makes it
 * 0700, fixes what an older version or a copy left readable (directories 0700, files 0600), and
 * sets its umask so whatever it creates later (PGlite's files, a private Redis' files, exports)
 * is private too.
 */
import fs from 'node:fs';
import path from 'node:path';
import { logger } from '../core/logger.js';

const log = logger('data-dir');

export function secureDataDir(dataDir: string): void {
  process.umask(0o077);
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  let fixed = 0;
  let failed = 0;
  const walk = (p: string) => {
    let st: fs.Stats;
    try {
      st = fs.lstatSync(p);
    } catch {
      return; // removed meanwhile (another process's temp file)
    }
    // A link may point anywhere (a mounted volume, a shared folder): not ours to change.
    if (st.isSymbolicLink()) return;
    const want = st.isDirectory() ? 0o700 : 0o600;
    if ((st.mode & 0o777 & ~want) !== 0) {
      try {
        fs.chmodSync(p, st.mode & 0o777 & want);
        fixed++;
      } catch {
        failed++;
      }
    }
    if (st.isDirectory()) for (const e of fs.readdirSync(p)) walk(path.join(p, e));
  };
  walk(dataDir);
  if (fixed) log.info({ dataDir, fixed }, 'made files in the data dir private to this user (0600, directories 0700)');
  if (failed) log.warn({ dataDir, failed }, 'could not make some files in the data dir private (owned by another user?)');
}
