import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import ical from 'node-ical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlannedReminder } from '../../reminders/types.js';
import type { Db } from '../../store/db.js';
import { listOpenItems } from '../../store/reminders.js';
import { CLI_ARGS } from '../helpers/processes.js';
import { TEST_DATABASE_URL, testEnv } from '../helpers/services.js';
import { closeTestDb, openTestDb, seedMinutes } from './helpers.js';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '..', '..');

describe('CLI: reminders plan, export', () => {
  let db: Db;
  let groupName: string;
  let groupId: string;
  let env: Record<string, string | undefined>;
  beforeAll(async () => {
    db = await openTestDb('postgres');
    ({ groupId, groupName } = await seedMinutes(db, 'Uppdragsgrupp Barn och unga'));
    const schema = (await db.query<{ s: string }>('SELECT current_schema() AS s')).rows[0]!.s;
    env = {
      PATH: process.env['PATH'],
      HOME: process.env['HOME'],
      ...testEnv({ DATABASE_URL: `${TEST_DATABASE_URL}?options=${encodeURIComponent(`-c search_path=${schema},public`)}` }),
    };
  });
  afterAll(async () => {
    await closeTestDb(db);
  });
  const cli = (...args: string[]) => run(process.execPath, [...CLI_ARGS, ...args], { cwd: ROOT, env: env as NodeJS.ProcessEnv });

  it('reminders plan --json prints the chair digest of 2026-04-14 and sends nothing', async () => {
    const { stdout } = await cli('reminders', 'plan', '--now', '2026-04-14T08:00:00+02:00', '--group', groupName, '--json');
    const plan = JSON.parse(stdout) as PlannedReminder[];
    expect(plan.map((p) => p.kind)).toEqual(['chair-digest']);
    expect(plan[0]!.recipient.userId).toBe('29:simon');
    expect(plan[0]!.items).toHaveLength((await listOpenItems(db, groupId)).length);
    const sends = await db.query('SELECT 1 FROM reminder_sends');
    expect(sends.rows).toEqual([]);
  });

  it('export --format csv|ics prints to stdout; an unknown group fails with a message', async () => {
    const csv = (await cli('export', '--group', groupName, '--format', 'csv')).stdout;
    // Swedish Excel by default: a BOM, ';' between fields; csv-comma is plain RFC 4180 for tools.
    expect(csv.split('\r\n')[0]).toMatch(/^\uFEFFid;uppgift;ansvariga;klart_senast/);
    const plain = (await cli('export', '--group', groupName, '--format', 'csv-comma')).stdout;
    expect(plain.split('\r\n')[0]).toMatch(/^id,uppgift,ansvariga,klart_senast/);
    const ics = (await cli('export', '--group', groupName, '--format', 'ics')).stdout;
    const events = Object.values(ical.sync.parseICS(ics)).filter((c) => c?.type === 'VEVENT');
    const dated = (await listOpenItems(db, groupId)).filter((i) => i.due);
    expect(events).toHaveLength(dated.length + 1);
    await expect(cli('export', '--group', 'No such group', '--format', 'csv')).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('No such group'),
    });
  });
});
