/**
 * Runs the real, compiled parse sandbox (dist/workers/parse.sandbox.js: worker threads, heap cap, time
 * limit) on one file in this process and prints its peak RSS (this process includes the threads) as
 * JSON. Plain JavaScript so that nothing but the built code is loaded.
 * Usage: node bench/sandbox-child.mjs FILE [maxMemoryMb]
 */
const { default: parse } = await import('../dist/workers/parse.sandbox.js');

const file = process.argv[2];
const maxMemoryMb = Number(process.argv[3] ?? 768);
const before = process.resourceUsage().maxRSS;
const t = performance.now();
const job = {
  data: {
    documentId: 'bench',
    sha256: 'bench',
    fileName: 'bench.pdf',
    blobPath: file,
    limits: { maxBytes: 200 * 1024 * 1024, maxPages: 5000, timeoutMs: 600_000, maxMemoryMb },
  },
  updateProgress: async () => undefined,
};
const result = await parse(job);
process.stdout.write(
  JSON.stringify({
    pages: result.pages.length,
    ms: Math.round(performance.now() - t),
    parseMs: Math.round(result.parseMs),
    extractMs: Math.round(result.extractMs),
    startRssMb: Math.round(before / 1024),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  }) + '\n',
);
process.exit(0);
