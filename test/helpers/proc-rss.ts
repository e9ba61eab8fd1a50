/**
 * Resident memory of a process tree, read from /proc (Linux): how the tests and the benchmarks
 * see what a sandboxed parser child really uses, not what V8 thinks its heap is.
 */
import fs from 'node:fs';

/** Pids whose parent chain leads to `root` (not including it). */
export function descendants(root: number): number[] {
  const parentOf = new Map<number, number>();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command name may contain spaces and parentheses: fields start after the last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parentOf.set(Number(name), Number(fields[1]));
    } catch {
      /* exited meanwhile */
    }
  }
  const out: number[] = [];
  const frontier = [root];
  while (frontier.length) {
    const p = frontier.pop()!;
    for (const [pid, ppid] of parentOf) {
      if (ppid === p) {
        out.push(pid);
        frontier.push(pid);
      }
    }
  }
  return out;
}

/** Current RSS (VmRSS) of one process in MB, or 0 when it is gone. */
export function rssMb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** Samples the largest single-process RSS among `root`'s descendants until stopped. */
export function sampleChildRss(root: number, everyMs = 50): { stop(): { peakMb: number; samples: number } } {
  let peakMb = 0;
  let samples = 0;
  const timer = setInterval(() => {
    samples++;
    for (const pid of descendants(root)) peakMb = Math.max(peakMb, rssMb(pid));
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      return { peakMb, samples };
    },
  };
}
