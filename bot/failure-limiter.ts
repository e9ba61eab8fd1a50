/**
 * Per-address budget for requests that fail before anyone is known: bad or missing tokens (401),
 * malformed bodies (400), wrong link signatures (403). An address over its budget gets 429 until
 * its minute is up, so a flood of unauthenticated requests costs a counter lookup, not a token
 * check, a body parse and a log line each. Requests that succeed are never counted.
 */
export interface FailureLimiter {
  /** Seconds until the address may try again, or 0 when it is not blocked. */
  blockedFor(address: string, now?: number): number;
  /** Counts a failed request; true when this failure used up the budget (log it once). */
  record(address: string, now?: number): boolean;
}

const WINDOW_MS = 60_000;
/** Enough addresses for any real deployment; a spray of addresses cannot grow memory past it. */
const MAX_TRACKED = 10_000;

export function createFailureLimiter(perMinute: number): FailureLimiter {
  const seen = new Map<string, { start: number; count: number }>();
  const current = (address: string, now: number) => {
    const e = seen.get(address);
    return e && now - e.start < WINDOW_MS ? e : undefined;
  };
  return {
    blockedFor(address, now = Date.now()) {
      const e = current(address, now);
      return e && e.count >= perMinute ? Math.ceil((e.start + WINDOW_MS - now) / 1000) : 0;
    },
    record(address, now = Date.now()) {
      let e = current(address, now);
      if (!e) {
        if (seen.size >= MAX_TRACKED) {
          for (const [k, v] of seen) if (now - v.start >= WINDOW_MS) seen.delete(k);
          if (seen.size >= MAX_TRACKED) seen.delete(seen.keys().next().value!);
        }
        e = { start: now, count: 0 };
        seen.set(address, e);
      }
      e.count++;
      return e.count === perMinute;
    },
  };
}
