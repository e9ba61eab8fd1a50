/**
 * Content-addressed store for original files: `<dataDir>/blobs/ab/abcdef….bin`. Files are written
 * before any parsing starts, so no upload is lost even if every later step fails.
 */
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export class BlobStore {
  constructor(private readonly root: string) {}

  pathOf(hash: string): string {
    if (!/^[0-9a-f]{64}$/.test(hash)) throw new Error(`Not a sha256: ${hash}`);
    return path.join(this.root, hash.slice(0, 2), `${hash}.bin`);
  }

  /** Stores bytes (atomically: temp file + rename); returns their hash. Idempotent. */
  async put(bytes: Uint8Array): Promise<string> {
    const hash = sha256(bytes);
    const target = this.pathOf(hash);
    try {
      await fs.access(target);
      return hash;
    } catch {
      /* not stored yet */
    }
    await fs.mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
    // Unique per call: the same bytes submitted twice in one millisecond (ten identical uploads at
    // once) must not share a temp file, or one rename finds it gone.
    const tmp = `${target}.${process.pid}.${randomUUID()}.tmp`;
    // Originals are private to the bot's user, whatever the umask.
    await fs.writeFile(tmp, bytes, { mode: 0o600 });
    await fs.rename(tmp, target);
    return hash;
  }

  async get(hash: string): Promise<Buffer> {
    return fs.readFile(this.pathOf(hash));
  }
}
