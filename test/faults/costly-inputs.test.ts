/**
 * Issue 14 #7: inputs that cost a lot. A circular page tree is a structural fault: it fails at
 * once as a damaged PDF with a clear message (it used to fail as `internal`, retried three times,
 * the uploader told to try again later). One pathological page is stopped by a page limit, not
 * after the whole file's. A 50 MB text file is refused before it is read, with a
 * clear message, and does not balloon the process.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPipeline, type Pipeline } from '../helpers/pipeline.js';
import { tempDir } from '../helpers/services.js';
import { circularPageTree, textOperatorBomb } from './hostile-pdf.js';

let p: Pipeline;
const dir = tempDir('minutes-costly-');
beforeAll(async () => {
  // A page limit well under the whole-file limit, so which one stopped a file is plain.
  p = await startPipeline('postgres', { PARSE_PAGE_TIMEOUT_MS: '3000', PARSE_TIMEOUT_MS: '60000', WORKER_CONCURRENCY: '1' });
}, 60_000);
afterAll(async () => {
  await p?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function attemptsOf(group: string): Promise<number[]> {
  const r = await p.rt.db.query<{ attempts: number }>(`SELECT d.attempts FROM documents d JOIN groups g ON g.id = d.group_id WHERE g.name = $1`, [group]);
  return r.rows.map((x) => x.attempts);
}

describe('costly inputs', () => {
  it('a circular page tree fails at once as a damaged PDF, not retried', { timeout: 60_000 }, async () => {
    const file = path.join(dir, 'protokoll-cirkel.pdf');
    fs.writeFileSync(file, circularPageTree());
    const { outcomes } = await p.ingest([file], 'cirkel');
    expect(outcomes[0]).toMatchObject({ ok: false, errorCode: 'corrupt-pdf' });
    expect(outcomes[0]!.message).toMatch(/damaged/);
    expect(await attemptsOf('cirkel')).toEqual([1]);
  });

  it('a small PDF whose one page holds two million operators is stopped by the page limit, not the file limit', { timeout: 90_000 }, async () => {
    const file = path.join(dir, 'protokoll-operatorer.pdf');
    fs.writeFileSync(file, textOperatorBomb(2_000_000));
    const { outcomes } = await p.ingest([file], 'operatorer');
    expect(outcomes[0]).toMatchObject({ ok: false, errorCode: 'parse-timeout' });
    expect(outcomes[0]!.message).toMatch(/^Reading page 1 of protokoll-operatorer\.pdf took longer than 3 s and was stopped/);
    expect(await attemptsOf('operatorer')).toEqual([1]);
  });

  it('a 48 MB single-page text file (under the 50 MB file limit) is refused as too large, once, with a clear message', { timeout: 60_000 }, async () => {
    const file = path.join(dir, 'protokoll-stor.txt');
    const line = 'Mötet öppnades och dagordningen godkändes utan ändringar av de närvarande ledamöterna. ';
    fs.writeFileSync(file, line.repeat(Math.floor((48 * 1024 * 1024) / Buffer.byteLength(line))));
    const { outcomes } = await p.ingest([file], 'stor');
    expect(outcomes[0]).toMatchObject({ ok: false, errorCode: 'too-large' });
    expect(outcomes[0]!.message).toMatch(/text/i);
    expect(await attemptsOf('stor')).toEqual([1]);
  });
});
