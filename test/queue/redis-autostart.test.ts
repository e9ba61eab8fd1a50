import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureRedis } from '../../queue/redis-autostart.js';
import { pingRedis } from '../../queue/redis.js';
import { tempDir } from '../helpers/services.js';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

/** The process group id, from /proc/<pid>/stat (field 5, after the parenthesised command). */
function processGroupOf(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
}

describe('Redis for the main job', () => {
  it('starts a private redis-server with AOF under the data dir when none answers', async () => {
    const url = `redis://127.0.0.1:${await freePort()}`;
    const dir = tempDir();
    expect(await pingRedis(url)).toBe(false);
    const handle = await ensureRedis(url, dir, true);
    try {
      expect(handle.stop).toBeDefined();
      expect(await pingRedis(url)).toBe(true);
      expect(fs.existsSync(path.join(dir, 'redis'))).toBe(true);
      // Its own process group: Ctrl-C (SIGINT to the terminal's foreground group) must not reach it.
      expect(processGroupOf(handle.pid!)).toBe(handle.pid);
      expect(processGroupOf(handle.pid!)).not.toBe(processGroupOf(process.pid));
    } finally {
      await handle.stop?.();
    }
    expect(await pingRedis(url)).toBe(false);
  });

  it('uses a Redis that already answers, and starts nothing', async () => {
    const handle = await ensureRedis(process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379', tempDir(), true);
    expect(handle.stop).toBeUndefined();
  });

  it('says how to get Redis when it may not start one', async () => {
    const url = `redis://127.0.0.1:${await freePort()}`;
    await expect(ensureRedis(url, tempDir(), false)).rejects.toThrow(/apt-get install redis-server.*docker compose up -d redis/);
    // Not ours to start (not 127.0.0.1/localhost), and the password never reaches the message.
    const remote = `redis://:secret@127.0.0.2:${await freePort()}`;
    await expect(ensureRedis(remote, tempDir(), true)).rejects.toThrow(/redis:\/\/:\*\*\*@127\.0\.0\.2/);
  });
});
