/**
 * Uploads that a dead process was receiving. `receive` writes an intent before downloading and
 * removes it once the user has an outcome; an intent whose process is gone is an upload lost
 * mid-way (killed, crashed, restarted). At start-up and every minute the bot tells its uploader,
 * in the acknowledgement message, to send the file again (the download URL has expired by then
 * and is never stored: it is a credential).
 */
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { logger } from '../core/logger.js';
import { takeOrphanIntents, type UploadIntentRow } from '../store/upload-intents.js';
import type { BotDeps } from './deps.js';
import { interruptedText } from './logic/messages.js';

const log = logger('upload');

/** This process: `hostname:pid:instance` (a container restart reuses the pid, never the instance). */
export const INTENT_OWNER = `${os.hostname()}:${process.pid}:${randomUUID()}`;

/** Another host's intent is surely dead after this long: downloads time out well before. */
const FOREIGN_AFTER_MS = 10 * 60_000;

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function isOrphan(row: UploadIntentRow, now: number): boolean {
  const [host, pid] = row.owner.split(':');
  if (host === os.hostname()) return Number(pid) === process.pid || !pidAlive(Number(pid));
  return now - new Date(row.created_at).getTime() > FOREIGN_AFTER_MS;
}

export async function reportInterruptedUploads(deps: BotDeps): Promise<number> {
  const now = Date.now();
  const rows = await takeOrphanIntents(deps.db, INTENT_OWNER, (r) => isOrphan(r, now));
  for (const row of rows) {
    const text = interruptedText(row.file_name);
    try {
      if (row.ack_activity_id) await deps.sender.update(row.conversation_ref_id, row.ack_activity_id, { text });
      else await deps.sender.send(row.conversation_ref_id, { text });
    } catch (err) {
      log.warn({ err: err instanceof Error ? err.message : String(err) }, 'could not tell an uploader that the upload was interrupted');
    }
  }
  if (rows.length) log.warn({ uploads: rows.length }, 'told uploaders that uploads interrupted by a restart must be sent again');
  return rows.length;
}

/** Sweeps now and every minute; returns a stop function. */
export function startInterruptedUploadSweep(deps: BotDeps): () => void {
  const sweep = () => void reportInterruptedUploads(deps).catch((err: unknown) => log.warn({ err: String(err) }, 'interrupted-upload sweep failed'));
  sweep();
  const timer = setInterval(sweep, 60_000);
  timer.unref();
  return () => clearInterval(timer);
}
