/**
 * Issue 14 #7: inputs that cost a lot. A circular page tree is a structural fault: it fails at
 * once as a damaged PDF with a clear message (it used to fail as `internal`, retried three times,
 * the uploader told to try again later). A 50 MB text file is refused before it is read, with a
 * clear message, and does not balloon the process.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPipeline, type Pipeline } from '../helpers/pipeline.js';
import { tempDir } from '../helpers/services.js';
import { circularPageTree } from './hostile-pdf.js';

let p: Pipeline;
const dir = tempDir('minutes-costly-');
beforeAll(async () => {
  p = await startPipeline('postgres');
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
