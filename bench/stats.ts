/** Small statistics and timing helpers for the benchmarks. */
import fs from 'node:fs';
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export function round(n: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t = performance.now();
  const value = await fn();
  return { ms: performance.now() - t, value };
}

/** One result row: a section, a name, numbers. */
export interface Row {
  section: string;
  name: string;
  [metric: string]: string | number | boolean | null;
}

/**
 * Peak RSS of this process (VmHWM, kept by the kernel: exact even while PGlite's WASM holds the
 * event loop, when a sampling timer would not run), in MB; null off Linux.
 */
export function peakRssMb(): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : null;
  } catch {
    return null;
  }
}

/** Starts a new peak (VmHWM := current RSS) by writing 5 to /proc/self/clear_refs; false if it cannot. */
export function resetPeakRss(): boolean {
  try {
    fs.writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

export function rssNowMb(): number {
  return Math.round(process.memoryUsage.rss() / 2 ** 20);
}
