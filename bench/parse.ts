/**
 * Parse and extract throughput in pages per second, one core, against Debian's `pdftotext -layout`
 * on the same files in the same run. Each file is read once to warm up, then timed `reps` times
 * with the three readers interleaved; the best time of each counts (shared machines are noisy).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { analyseDocument } from '../parsers/analyse.js';
import { parseDocument } from '../parsers/parse-document.js';
import { round, type Row } from './stats.js';

const LIMITS = { maxBytes: 200 * 1024 * 1024, maxPages: 5000 };

export function hasPdftotext(): boolean {
  return spawnSync('pdftotext', ['-v'], { stdio: 'ignore' }).status === 0;
}

export async function benchParse(files: string[], reps: number): Promise<Row[]> {
  const rows: Row[] = [];
  const havePoppler = hasPdftotext();
  if (!havePoppler) console.warn('pdftotext is missing: install it with `apt-get install -y poppler-utils` (Debian/Ubuntu) to compare.');
  const totals = { pages: 0, parse: 0, analyse: 0, poppler: 0 };
  for (const file of files) {
    const bytes = new Uint8Array(fs.readFileSync(file));
    const name = path.basename(file);
    const warm = await parseDocument(bytes, name, LIMITS);
    const pages = warm.pages.length;
    await analyseDocument(bytes, name, LIMITS);
    let parseMs = Infinity;
    let analyseMs = Infinity;
    let popplerMs = Infinity;
    for (let r = 0; r < reps; r++) {
      let t = performance.now();
      await parseDocument(bytes, name, LIMITS);
      parseMs = Math.min(parseMs, performance.now() - t);
      t = performance.now();
      await analyseDocument(bytes, name, LIMITS);
      analyseMs = Math.min(analyseMs, performance.now() - t);
      if (havePoppler) {
        t = performance.now();
        const res = spawnSync('pdftotext', ['-layout', file, '-'], { stdio: ['ignore', 'ignore', 'ignore'] });
        popplerMs = Math.min(popplerMs, performance.now() - t);
        if (res.status !== 0) throw new Error(`pdftotext failed on ${name}`);
      }
    }
    const n = pages;
    totals.pages += n;
    totals.parse += parseMs;
    totals.analyse += analyseMs;
    totals.poppler += popplerMs;
    rows.push(throughputRow(name, pages, n, parseMs, analyseMs, havePoppler ? popplerMs : null));
  }
  rows.push(throughputRow('ALL FILES', totals.pages, totals.pages, totals.parse, totals.analyse, havePoppler ? totals.poppler : null));
  return rows;
}

function throughputRow(name: string, pages: number, n: number, parseMs: number, analyseMs: number, popplerMs: number | null): Row {
  const pps = (ms: number) => round((n / ms) * 1000, 1);
  const analysePps = pps(analyseMs);
  const popplerPps = popplerMs === null ? null : pps(popplerMs);
  return {
    section: 'parse',
    name,
    pages,
    parsePagesPerS: pps(parseMs),
    parseExtractPagesPerS: analysePps,
    pdftotextPagesPerS: popplerPps,
    ratioVsPdftotext: popplerPps ? round(analysePps / popplerPps, 2) : null,
    extractShare: round((analyseMs - parseMs) / analyseMs, 2),
  };
}
