import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pingRedis } from '../../queue/redis.js';
import { CLI_ARGS, spawnCli, waitFor, type CliProcess } from '../helpers/processes.js';
import { CORPUS_PAGES, CORPUS_PDFS, createTestDatabase, FIXTURES, testEnv } from '../helpers/services.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

async function freePort(): Promise<number> {
  const srv = net.createServer().listen(0, '127.0.0.1');
  await new Promise((r) => srv.once('listening', r));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise((r) => srv.close(r));
  return port;
}

/** Runs the CLI to completion, as `npm run -s minutes -- …` would. */
function runCli(args: string[], env: Record<string, string | undefined>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...CLI_ARGS, ...args], {
      cwd: ROOT,
      env: { PATH: process.env['PATH'], HOME: process.env['HOME'], ...env } as NodeJS.ProcessEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += String(d)));
    child.stderr.on('data', (d) => (stderr += String(d)));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('minutes CLI on the embedded database, no server running', () => {
  const env = testEnv({ LOG_LEVEL: undefined });

  it('ingest --wait ingests the corpus, status shows page counts, a second ingest adds nothing', async () => {
    const first = await runCli(['ingest', '--wait', ...CORPUS_PDFS], env);
    expect(first.stderr).not.toMatch(/FAILED/);
    expect(first.code).toBe(0);
    const status = await runCli(['status', '--json'], env);
    expect(status.code).toBe(0);
    const rows = JSON.parse(status.stdout) as Array<{ fileName: string; status: string; pages: number }>;
    expect(rows).toHaveLength(5);
    for (const r of rows) expect(r).toMatchObject({ status: 'done', pages: CORPUS_PAGES[r.fileName] });
    const again = await runCli(['ingest', '--wait', ...CORPUS_PDFS], env);
    expect(again.code).toBe(0);
    expect(again.stderr.match(/already have this/g)).toHaveLength(5);
    expect(JSON.parse((await runCli(['status', '--json'], env)).stdout)).toHaveLength(5);
  }, 180_000);

  it('ask --json answers from the default group the ingest used', async () => {
    const r = await runCli(['ask', '--json', 'Vem var frånvarande?'], env);
    expect(r.code).toBe(0);
    const a = JSON.parse(r.stdout) as { answer: string; found: boolean; citations: Array<{ document: string; page: number }> };
    expect(a.found).toBe(true);
    for (const name of ['Anna Torstensson', 'Else Thordstein']) expect(a.answer).toContain(name);
    expect(a.citations[0]!.page).toBeGreaterThan(0);
  }, 60_000);

  it('ask --questions answers each JSON line in order, and an unknown group learns nothing', async () => {
    const file = path.join(env['MINUTES_DATA_DIR']!, 'q.jsonl');
    fs.writeFileSync(file, '{"id":"a","q":"När är nästa möte?"}\n{"id":"b","q":"Who was absent?"}\n');
    const r = await runCli(['ask', '--json', '--questions', file], env);
    expect(r.code).toBe(0);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string; found: boolean; answer: string });
    expect(lines.map((l) => l.id)).toEqual(['a', 'b']);
    expect(lines[0]!.answer).toMatch(/17 april|2026-04-17/);
    // An unknown group is named as such (as export does), and nothing of other groups is printed.
    const other = await runCli(['ask', '--group', 'nobody', '--json', 'Vem var frånvarande?'], env);
    expect(other.code).toBe(1);
    expect(other.stdout).toBe('');
    expect(other.stderr).toMatch(/There is no group named "nobody"/);
    expect(other.stderr).not.toMatch(/Torstensson|\n\s+at /);
  }, 60_000);

  it('forget removes a document from status; ingest --wait of the same file then finishes and answers again', async () => {
    const name = '2026-03-02-motesanteckning-uppdragsgrupp-barn-och-unga.pdf';
    const gone = await runCli(['forget', '--json', name], env);
    expect(gone.stderr).toMatch(/forgot {2}2026-03-02/);
    expect(gone.code).toBe(0);
    expect(JSON.parse(gone.stdout)).toMatchObject({ fileName: name, blobRemoved: true });
    const rows = JSON.parse((await runCli(['status', '--json'], env)).stdout) as Array<{ fileName: string }>;
    expect(rows.map((r) => r.fileName)).not.toContain(name);
    const again = await runCli(['ingest', '--wait', CORPUS_PDFS[1]!], env);
    expect(again.stderr).toMatch(/done .*6 pages/);
    expect(again.code).toBe(0);
    const a = JSON.parse((await runCli(['ask', '--json', 'Vem var frånvarande?'], env)).stdout) as { answer: string };
    expect(a.answer).toContain('Torstensson');
    const unknown = await runCli(['forget', 'no-such-file.pdf'], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/No document called "no-such-file.pdf"/);
  }, 120_000);

  it('CLI polish: --version, export and reminders plan without --group/--now, ingest of a folder', async () => {
    const version = await runCli(['--version'], env);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toBe((JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version);
    // export uses the default group like ask and ingest; the CSV has the minutes' action items.
    const csv = await runCli(['export'], env);
    expect(csv.stderr).toBe('');
    expect(csv.code).toBe(0);
    expect(csv.stdout.split('\n').length).toBeGreaterThan(2);
    const plan = await runCli(['reminders', 'plan', '--json'], env);
    expect(plan.code).toBe(0);
    expect(Array.isArray(JSON.parse(plan.stdout))).toBe(true);
    // A folder: its documents, not its other files or subfolders.
    const dir = path.join(env['MINUTES_DATA_DIR']!, 'inbox');
    fs.mkdirSync(path.join(dir, 'sub'), { recursive: true });
    fs.copyFileSync(CORPUS_PDFS[4]!, path.join(dir, 'svar.pdf'));
    fs.copyFileSync(CORPUS_PDFS[2]!, path.join(dir, 'sub', 'nested.pdf'));
    fs.writeFileSync(path.join(dir, 'notes.png'), 'x');
    const folder = await runCli(['ingest', '--group', 'folder', '--wait', dir], env);
    expect(folder.code).toBe(0);
    expect(folder.stderr).toMatch(/done +svar\.pdf: 2 pages/);
    expect(folder.stderr).not.toMatch(/nested|notes/);
    const empty = await runCli(['ingest', path.join(dir, 'sub', 'nothing-here')], env);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toMatch(/Cannot read .*nothing-here: no such file/);
    expect(empty.stderr).not.toMatch(/\n\s+at /);
  }, 120_000);

  it('ingest --wait exits non-zero and lists each failed file with its reason', async () => {
    const bad = ['image-only-no-text-layer.pdf', 'encrypted-user-password-corpus.pdf'].map((f) => path.join(FIXTURES, 'edge', f));
    const r = await runCli(['ingest', '--group', 'bad', '--wait', ...bad], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/2 of 2 file\(s\) failed/);
    expect(r.stderr).toMatch(/image-only-no-text-layer\.pdf: \[no-text-layer\].*no text layer/);
    expect(r.stderr).toMatch(/encrypted-user-password-corpus\.pdf: \[password-protected\].*Remove the password/);
  }, 60_000);
});

describe('minutes extract --json', () => {
  it('prints exactly one JSON object on stdout', async () => {
    const r = await runCli(['extract', '--json', CORPUS_PDFS[1]!], testEnv());
    expect(r.code).toBe(0);
    const facts = JSON.parse(r.stdout) as { document: { kind: string; date: string; pages: number }; attendees: unknown[] };
    expect(facts.document).toMatchObject({ kind: 'minutes', date: '2026-03-02', pages: 6 });
    expect(facts.attendees).toHaveLength(14);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
  }, 60_000);

  it('dates a meeting from the file name as the worker does ("den 4 april" in a file named 2024-…)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'extract-name-'));
    const file = path.join(dir, '2024-04-protokoll.txt');
    fs.writeFileSync(file, ['Protokoll fört vid styrelsemöte torsdagen den 4 april', '', 'Närvarande: Anna Berg, Per Holm'].join('\n'));
    try {
      const r = await runCli(['extract', '--json', file], testEnv());
      expect(r.code).toBe(0);
      expect((JSON.parse(r.stdout) as { document: { date: string | null } }).document.date).toBe('2024-04-04');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('delivers a large JSON object whole through a pipe (no cut at 64 KiB)', async () => {
    const r = await runCli(['extract', '--json', CORPUS_PDFS[0]!], testEnv());
    expect(r.code).toBe(0);
    expect(r.stdout.length).toBeGreaterThan(65_536);
    const facts = JSON.parse(r.stdout) as { budgetLines: unknown[] };
    expect(facts.budgetLines.length).toBeGreaterThan(100);
  }, 60_000);

  it('exits non-zero with the human message on stderr for bad input', async () => {
    const r = await runCli(['extract', '--json', path.join(FIXTURES, 'edge', 'truncated-first-half-of-motesanteckning.pdf')], testEnv());
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/damaged or incomplete/);
    const missing = await runCli(['extract', '--json', '/nonexistent.pdf'], testEnv());
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/no such file/);
    expect(missing.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);
});

describe('minutes forget on Postgres, no server running', () => {
  let db: { url: string; drop: () => Promise<void> } | undefined;
  afterAll(async () => {
    await db?.drop();
  });

  it('forget then ingest --wait of the same file finishes and answers again', async () => {
    db = await createTestDatabase();
    const env = testEnv({ LOG_LEVEL: undefined, DATABASE_URL: db.url });
    const name = '2026-03-02-motesanteckning-uppdragsgrupp-barn-och-unga.pdf';
    const first = await runCli(['ingest', '--wait', CORPUS_PDFS[1]!], env);
    expect(first.stderr).toMatch(/done .*6 pages/);
    const gone = await runCli(['forget', '--json', name], env);
    expect(gone.code).toBe(0);
    expect(JSON.parse(gone.stdout)).toMatchObject({ fileName: name, blobRemoved: true });
    expect(JSON.parse((await runCli(['status', '--json'], env)).stdout)).toEqual([]);
    // The finished jobs of the first read derive their ids from (group, sha256): a second read of
    // the same bytes must not be taken for one of them and wait forever.
    const again = await runCli(['ingest', '--wait', CORPUS_PDFS[1]!], env);
    expect(again.stderr).toMatch(/done .*6 pages/);
    expect(again.code).toBe(0);
    const a = JSON.parse((await runCli(['ask', '--json', 'Vem var frånvarande?'], env)).stdout) as { answer: string; found: boolean };
    expect(a.found).toBe(true);
    expect(a.answer).toContain('Torstensson');
  }, 120_000);

  it('keeps the original while another group still has the same file, and removes it with the last', async () => {
    const env = testEnv({ LOG_LEVEL: undefined, DATABASE_URL: db!.url });
    const name = '2026-03-02-motesanteckning-uppdragsgrupp-barn-och-unga.pdf';
    expect((await runCli(['ingest', '--group', 'andra', '--wait', CORPUS_PDFS[1]!], env)).stderr).toMatch(/done .*6 pages/);
    const first = await runCli(['forget', '--json', '--group', 'default', name], env);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ fileName: name, blobRemoved: false });
    expect(first.stderr).toMatch(/the original stays, another document shares it/);
    // The other group's copy still answers, and its original is still stored.
    const sha = createHash('sha256').update(fs.readFileSync(CORPUS_PDFS[1]!)).digest('hex');
    const blob = path.join(env['MINUTES_DATA_DIR']!, 'blobs', sha.slice(0, 2), `${sha}.bin`);
    expect(fs.existsSync(blob)).toBe(true);
    const other = JSON.parse((await runCli(['ask', '--group', 'andra', '--json', 'Vem var frånvarande?'], env)).stdout) as { answer: string };
    expect(other.answer).toContain('Torstensson');
    const rows = JSON.parse((await runCli(['status', '--json'], env)).stdout) as Array<{ group: string; fileName: string }>;
    expect(rows.map((r) => `${r.group}/${r.fileName}`)).toEqual([`andra/${name}`]);
    const last = await runCli(['forget', '--json', '--group', 'andra', name], env);
    expect(JSON.parse(last.stdout)).toMatchObject({ fileName: name, blobRemoved: true });
    expect(fs.existsSync(blob)).toBe(false);
    expect(JSON.parse((await runCli(['status', '--json'], env)).stdout)).toEqual([]);
  }, 120_000);
});

describe('the CLI while the main job owns the embedded database', () => {
  let main: CliProcess | undefined;
  afterAll(async () => {
    main?.kill('SIGTERM');
    await main?.exited;
  });

  it('ingests and reports through the main job, which shuts down cleanly on SIGTERM', async () => {
    const env = testEnv({ LOG_LEVEL: 'info' });
    main = spawnCli(['start'], env);
    await waitFor('the main job', async () => /running on http/.test(main!.output()), 60_000);
    const port = Number(/localhost:(\d+)/.exec(main.output())![1]);
    expect(main.output()).toMatch(/Local mode \(no MicrosoftAppId, no authentication\): listening on 127\.0\.0\.1 only/);
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
    const r = await runCli(['ingest', '--wait', CORPUS_PDFS[4]!], env);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/done .*2 pages/);
    const status = JSON.parse((await runCli(['status', '--json'], env)).stdout) as Array<{ status: string }>;
    expect(status).toEqual([expect.objectContaining({ status: 'done', pages: 2 })]);
    main.kill('SIGTERM');
    expect(await main.exited).toBe(0);
    main = undefined;
  }, 120_000);
});

describe('the main job and Redis', () => {
  let redisPid: number | undefined;
  afterAll(() => {
    // A failed run must not leave its private Redis behind (it runs in its own process group).
    if (redisPid)
      try {
        process.kill(redisPid, 'SIGKILL');
      } catch {
        /* stopped */
      }
  });

  it('honours REDIS_AUTOSTART=false, and says so plainly when the port is taken', async () => {
    const port = await freePort();
    const noRedis = await runCli(['start'], testEnv({ REDIS_URL: `redis://127.0.0.1:${port}`, REDIS_AUTOSTART: 'false' }));
    expect(noRedis.code).toBe(1);
    expect(noRedis.stderr).toMatch(/apt-get install redis-server/);
    expect(await pingRedis(`redis://127.0.0.1:${port}`)).toBe(false);
    const taken = net.createServer().listen(0, '127.0.0.1');
    await new Promise((r) => taken.once('listening', r));
    try {
      const busy = await runCli(['start'], testEnv({ PORT: String((taken.address() as net.AddressInfo).port) }));
      expect(busy.code).toBe(1);
      expect(busy.stderr).toMatch(/Port \d+ on 127\.0\.0\.1 is already in use/);
      expect(busy.stderr).not.toMatch(/\n\s+at /);
    } finally {
      taken.close();
    }
  }, 60_000);

  it('logs the private Redis it starts, keeps it out of Ctrl-C, and stops it after the workers', async () => {
    const url = `redis://127.0.0.1:${await freePort()}`;
    const main = spawnCli(['start'], testEnv({ REDIS_URL: url, REDIS_AUTOSTART: 'true', LOG_LEVEL: 'info' }));
    await waitFor('the main job', async () => /running on http|minutes: /.test(main.output()), 60_000);
    const started = /"pid":(\d+)[^\n]*started a private redis-server/.exec(main.output());
    expect(started, main.output()).not.toBeNull();
    redisPid = Number(started![1]);
    // Ctrl-C in a terminal: SIGINT to the whole foreground process group.
    main.kill('SIGINT');
    expect(await main.exited).toBe(0);
    const out = main.output();
    expect(out).not.toMatch(/ECONNREFUSED/);
    expect(out.indexOf('workers closed')).toBeGreaterThan(-1);
    expect(out.indexOf('private redis-server stopped')).toBeGreaterThan(out.indexOf('workers closed'));
    expect(await pingRedis(url)).toBe(false);
    redisPid = undefined;
  }, 90_000);
});
