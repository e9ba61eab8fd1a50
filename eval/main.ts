/**
 * `npm run eval`: extraction and QA figures on the real corpus (../shared/corpus/real), dev and
 * test side by side, plus the seeds. Not a test; see eval/README.md.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { AnalysisCache, parserVersion, type AnalysedFile } from './analyse-cache.js';
import { findCorpusDir, loadRealDocs, loadSeedDocs, REPO_ROOT, type EvalDoc } from './corpus.js';
import { extractionMissLines, inventedLines, perDocumentLines, qaFailureLines, seedFailureLines, wrongAmountLines } from './details.js';
import { extractionFigures, qaFigures, type DocResult } from './figures.js';
import { checkFloors, FLOORS_FILE, readFloors } from './floors.js';
import { runQuestions, runSeedSets, type QaRecord, type SeedSetResult } from './qa-run.js';
import { storeCorpus } from './qa-store.js';
import { loadQuestions } from './questions.js';
import { extractionTable, pct, qaTable } from './report.js';
import { scoreDocument } from './score-document.js';

const USAGE = `npm run eval -- [--only extraction|qa] [--docs 01,b03,m12,seeds] [--verbose] [--json PATH]
                 [--check-floors] [--no-cache] [--minutes-questions FILE]`;

const { values: opt } = parseArgs({
  options: {
    only: { type: 'string' },
    docs: { type: 'string' },
    verbose: { type: 'boolean', default: false },
    json: { type: 'string' },
    'check-floors': { type: 'boolean', default: false },
    'no-cache': { type: 'boolean', default: false },
    'minutes-questions': { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});

if (opt.help) {
  console.log(USAGE);
  process.exit(0);
}
if (opt.only && !['extraction', 'qa'].includes(opt.only)) {
  console.error(`--only takes extraction or qa\n${USAGE}`);
  process.exit(2);
}
if (opt['check-floors'] && opt.docs) {
  console.error('--check-floors needs the whole corpus; drop --docs.');
  process.exit(2);
}

const started = performance.now();
const { dir: corpusDir, tried } = findCorpusDir();
if (!corpusDir) {
  console.log(`eval: skipped, no real corpus found (looked in ${tried.join(', ')}; set CORPUS_REAL_DIR)`);
  process.exit(0);
}

/** `--docs 01,b03,m12,seeds`: a bare number selects that minutes and that budget document. */
function selected(doc: EvalDoc): boolean {
  if (!opt.docs) return true;
  const want = opt.docs.split(',').map((s) => s.trim().toLowerCase());
  if (doc.group === 'seeds') return want.includes('seeds') || want.includes(doc.id);
  return want.includes(doc.id) || want.includes(doc.num) || want.includes(String(Number(doc.num)));
}

const docs = [...loadRealDocs(corpusDir), ...loadSeedDocs()].filter(selected);
const cache = new AnalysisCache(!opt['no-cache']);
const analysed: Array<{ doc: EvalDoc; file: AnalysedFile; sizeBytes: number }> = [];
const tParse = performance.now();
for (const doc of docs) {
  if (process.stderr.isTTY) process.stderr.write(`\r  analysing ${doc.id} (${analysed.length + 1}/${docs.length}) `);
  analysed.push({ doc, file: await cache.analyse(doc.file), sizeBytes: fs.statSync(doc.file).size });
}
if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
const parseMs = performance.now() - tParse;
const cachedCount = analysed.filter((a) => a.file.cached).length;

const out: string[] = [];
const say = (s = '') => out.push(s);
say(
  `minutes-bot eval · corpus ${corpusDir} · parser ${parserVersion()} · ${docs.length} documents (${cachedCount} from cache, analysis ${(parseMs / 1000).toFixed(1)} s)`,
);

const splits = ['dev', 'test'] as const;
const results: Record<string, unknown> = { corpusDir, parserVersion: parserVersion(), startedAt: new Date().toISOString(), options: opt };
/** What the floors check: the test split, plus the seeds' own question sets (they must not drop either). */
const testFigures: { extraction?: unknown; qa?: Record<string, unknown>; seedsQa?: Record<string, number> } = {};

// ── extraction ──
let docResults: DocResult[] = [];
if (opt.only !== 'qa') {
  docResults = analysed.map(({ doc, file }) => scoreDocument(doc, file));
  const cols = [...splits, 'seeds' as const]
    .map((s) => ({ name: s, f: extractionFigures(docResults.filter((d) => d.split === s)), n: docResults.filter((d) => d.split === s).length }))
    .filter((c) => c.n > 0);
  say();
  say(extractionTable(cols));
  const wrong = wrongAmountLines(docResults);
  say(`\nWrong amounts (${wrong.length}): label = same label on the page has other gold amounts; not-whole = digits not a whole number on the page`);
  out.push(...wrong);
  if (opt.verbose || opt.docs) {
    say('\nPer document:');
    out.push(...perDocumentLines(docResults));
  }
  if (opt.verbose) {
    say('\nExtraction misses per document:');
    out.push(...extractionMissLines(docResults));
  }
  results.extraction = { bySplit: Object.fromEntries(cols.map((c) => [c.name, c.f])), documents: docResults };
  testFigures.extraction = cols.find((c) => c.name === 'test')?.f;
}

// ── QA ──
let qaRecords: QaRecord[] = [];
let seedSets: SeedSetResult[] = [];
if (opt.only !== 'extraction') {
  const { questions: all, notes } = loadQuestions(corpusDir, opt['minutes-questions'] ? path.resolve(opt['minutes-questions']) : undefined);
  const ids = new Set(docs.map((d) => d.id));
  const questions = all.filter((q) => ids.has(q.docId));
  const orphans = opt.docs ? [] : all.filter((q) => !ids.has(q.docId));
  if (orphans.length) notes.push(`${orphans.length} questions name a document the corpus lacks: ${orphans.map((q) => `${q.id}→${q.docId}`).join(', ')}`);
  const store = await storeCorpus(analysed.map(({ doc, file, sizeBytes }) => ({ doc, sha256: file.sha256, sizeBytes, analysis: file.analysis })));
  const tQa = performance.now();
  try {
    qaRecords = await runQuestions(store, questions, ['primary', 'crowded']);
    const seedGroup = store.groupOf.primary.get(docs.find((d) => d.group === 'seeds')?.id ?? '');
    if (seedGroup) seedSets = await runSeedSets(store, seedGroup);
  } finally {
    await store.db.close();
  }
  const qaMs = performance.now() - tQa;
  const cols = (['primary', 'crowded'] as const).flatMap((layout) =>
    splits.map((split) => ({ layout, split, name: `${layout} ${split}`, f: qaFigures(qaRecords.filter((r) => r.layout === layout && r.split === split)) })),
  );
  say();
  for (const n of notes) say(`note: ${n}`);
  say(
    `questions: ${questions.length} (${questions.filter((q) => q.set === 'budgets').length} budgets, ${questions.filter((q) => q.set === 'minutes').length} minutes); database ${(store.openMs / 1000).toFixed(1)} s, ingest ${(store.ingestMs / 1000).toFixed(1)} s, questions ${(qaMs / 1000).toFixed(1)} s`,
  );
  say(qaTable(cols));
  if (seedSets.length) say(`\nSEEDS QA (test/qa, own judge)  ${seedSets.map((s) => `${s.name} ${s.correct}/${s.n} ${pct(s.correct / s.n)}`).join('   ')}`);
  const invented = inventedLines(qaRecords);
  say(`\nInvented amounts/names in answers (${invented.length} answers):`);
  out.push(...invented);
  if (opt.verbose) {
    say('\nQA failures (FAIL = wrong; PAGE = right but the gold page is not cited):');
    out.push(...qaFailureLines(qaRecords));
    if (seedSets.some((s) => s.failures.length)) {
      say('\nSeeds QA failures:');
      out.push(...seedFailureLines(seedSets));
    }
  }
  const bySplit = Object.fromEntries(cols.map((c) => [c.name, c.f]));
  results.qa = { notes, bySplit, seeds: seedSets, questions: qaRecords };
  testFigures.qa = Object.fromEntries(cols.filter((c) => c.split === 'test').map((c) => [c.layout, c.f]));
  if (seedSets.length) testFigures.seedsQa = Object.fromEntries(seedSets.map((x) => [x.name, x.correct / Math.max(1, x.n)]));
}

const elapsed = (performance.now() - started) / 1000;
say(`\ntotal ${elapsed.toFixed(1)} s`);
results.elapsedSeconds = elapsed;
results.testFigures = testFigures;

// ── floors ──
let failed = false;
if (opt['check-floors']) {
  const checks = checkFloors(readFloors(), testFigures);
  results.floors = checks;
  say(`\nFloors (test split and the seeds' QA sets, ${path.relative(REPO_ROOT, FLOORS_FILE)}):`);
  for (const c of checks) {
    const v = c.value === null ? 'none' : Number.isInteger(c.value) ? String(c.value) : c.value.toFixed(4);
    const status = c.skipped ? 'skip' : c.ok ? 'ok  ' : 'FAIL';
    say(`  ${status} ${c.key} = ${c.skipped ? 'not measured' : v} (${c.bound} ${c.limit})`);
    if (!c.ok) failed = true;
  }
}

console.log(out.join('\n'));
const resultsDir = path.join(REPO_ROOT, 'eval', 'results');
fs.mkdirSync(resultsDir, { recursive: true });
const json = JSON.stringify(results, null, 1);
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
fs.writeFileSync(path.join(resultsDir, `${stamp}.json`), json);
fs.writeFileSync(path.join(resultsDir, 'latest.json'), json);
// Keep the newest runs only; the folder is git-ignored but should not grow without bound.
const KEEP_RUNS = 30;
const runs = fs
  .readdirSync(resultsDir)
  .filter((f) => /^\d{4}-.*\.json$/.test(f))
  .sort();
for (const old of runs.slice(0, Math.max(0, runs.length - KEEP_RUNS))) fs.rmSync(path.join(resultsDir, old));
if (opt.json) fs.writeFileSync(path.resolve(opt.json), json);
if (failed) {
  console.error('eval: a test-split figure failed its floor (see "Floors" above).');
  process.exit(1);
}
