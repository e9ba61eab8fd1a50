/**
 * Runs the worker's pure pipeline (parsers/analyse.ts `analyseDocument`: bytes → pages → facts +
 * passages) once per file, with an on-disk cache under eval/results/cache (git-ignored). The cache
 * key is the file's sha256 plus a parser version: a hash of every source file under parsers/ and
 * core/ and of the installed pdf-parse / pdfjs-dist versions, so any change to extraction
 * invalidates it without anyone remembering to.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../core/config.js';
import { analyseDocument, type Analysis } from '../parsers/analyse.js';
import { REPO_ROOT } from './corpus.js';

export const CACHE_ROOT = path.join(REPO_ROOT, 'eval', 'results', 'cache');

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? listFiles(p) : [p];
  });
}

function packageVersion(name: string): string {
  const file = path.join(REPO_ROOT, 'node_modules', name, 'package.json');
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version : 'none';
}

export function parserVersion(): string {
  const h = createHash('sha256');
  const files = ['parsers', 'core'].flatMap((d) => listFiles(path.join(REPO_ROOT, d))).sort();
  for (const f of files) {
    h.update(path.relative(REPO_ROOT, f));
    h.update(fs.readFileSync(f));
  }
  h.update(`pdf-parse@${packageVersion('pdf-parse')} pdfjs-dist@${packageVersion('pdfjs-dist')}`);
  return h.digest('hex').slice(0, 16);
}

/** The worker's parse limits (core/config.ts); its defaults when the environment holds a bad setting. */
function parseLimits(): { maxBytes: number; maxPages: number } {
  try {
    const { parse } = loadConfig({ ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });
    return { maxBytes: parse.maxBytes, maxPages: parse.maxPages };
  } catch {
    return { maxBytes: 50 * 1024 * 1024, maxPages: 2000 };
  }
}

export interface AnalysedFile {
  sha256: string;
  analysis: Analysis | null;
  /** The pipeline's error (code and message), as the worker would record it. */
  error: { code: string; message: string } | null;
  cached: boolean;
}

export class AnalysisCache {
  private readonly dir: string | null;
  private readonly limits: { maxBytes: number; maxPages: number };

  constructor(useDisk: boolean) {
    this.dir = useDisk ? path.join(CACHE_ROOT, `analysis-${parserVersion()}`) : null;
    this.limits = parseLimits();
    if (this.dir) {
      fs.mkdirSync(this.dir, { recursive: true });
      // Only the current version is worth keeping.
      for (const old of fs.readdirSync(CACHE_ROOT)) {
        if (old !== path.basename(this.dir)) fs.rmSync(path.join(CACHE_ROOT, old), { recursive: true, force: true });
      }
    }
  }

  async analyse(file: string): Promise<AnalysedFile> {
    const bytes = new Uint8Array(fs.readFileSync(file));
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const cacheFile = this.dir ? path.join(this.dir, `${sha256}.json`) : null;
    if (cacheFile && fs.existsSync(cacheFile)) {
      const hit = JSON.parse(fs.readFileSync(cacheFile, 'utf8')) as Omit<AnalysedFile, 'cached'>;
      return { ...hit, cached: true };
    }
    let out: Omit<AnalysedFile, 'cached'>;
    try {
      out = { sha256, analysis: await analyseDocument(bytes, path.basename(file), this.limits), error: null };
    } catch (err) {
      const code = (err as { code?: string }).code ?? 'internal';
      out = { sha256, analysis: null, error: { code, message: err instanceof Error ? err.message : String(err) } };
    }
    if (cacheFile) {
      // A cache that cannot be written (another run pruned this version's folder) costs only time.
      try {
        const tmp = `${cacheFile}.${process.pid}.tmp`;
        fs.writeFileSync(tmp, JSON.stringify(out));
        fs.renameSync(tmp, cacheFile);
      } catch {
        /* parse again next time */
      }
    }
    return { ...out, cached: false };
  }
}
