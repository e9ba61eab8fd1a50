/**
 * Fetches a file Teams hands to the bot: a plain GET of the short-lived, pre-authenticated
 * `content.downloadUrl` (no Authorization header: the URL is the credential, and sending a bot
 * token to a file host would leak it). The URL comes from the activity, so it is untrusted:
 * only https to configured host suffixes (SharePoint/OneDrive by default), in local mode also
 * loopback http; redirects are followed by hand and each hop is checked; size and time are capped.
 */
import { AppError } from '../core/errors.js';

export interface DownloadPolicy {
  /** Host suffixes allowed over https (`sharepoint.com` allows `contoso.sharepoint.com`). */
  allowedHosts: string[];
  /** Local mode (no app id): loopback http URLs are allowed too (emulators, Agents Playground). */
  allowLoopback: boolean;
  maxBytes: number;
  timeoutMs: number;
  maxRedirects?: number;
}

export type UrlVerdict = { ok: true; url: URL } | { ok: false; reason: string };

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

function isLoopbackHost(host: string): boolean {
  return LOOPBACK.has(host) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** Decides whether the bot may fetch this URL. Pure; tested on its own. */
export function checkDownloadUrl(raw: string, policy: Pick<DownloadPolicy, 'allowedHosts' | 'allowLoopback'>): UrlVerdict {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'not a URL' };
  }
  if (url.username || url.password) return { ok: false, reason: 'credentials in URL' };
  const host = url.hostname.toLowerCase();
  if (url.protocol === 'http:' || url.protocol === 'https:') {
    if (isLoopbackHost(host)) {
      return policy.allowLoopback ? { ok: true, url } : { ok: false, reason: 'loopback host outside local mode' };
    }
  }
  if (url.protocol !== 'https:') return { ok: false, reason: `protocol ${url.protocol} not allowed` };
  // An IP literal never matches a host suffix; refuse it plainly.
  if (/^\d+\.\d+\.\d+\.\d+$/.test(host) || host.startsWith('[')) return { ok: false, reason: 'IP address hosts are not allowed' };
  const allowed = policy.allowedHosts.some((suffix) => {
    const s = suffix.toLowerCase().replace(/^\.+/, '');
    return s !== '' && (host === s || host.endsWith(`.${s}`));
  });
  return allowed ? { ok: true, url } : { ok: false, reason: `host ${host} is not an allowed file host` };
}

export interface Downloaded {
  bytes: Uint8Array;
  contentType: string | null;
}

/** Downloads with the policy. Throws AppError download-refused / too-large / download-failed. */
export async function downloadFile(rawUrl: string, policy: DownloadPolicy, fetchImpl: typeof fetch = fetch): Promise<Downloaded> {
  let verdict = checkDownloadUrl(rawUrl, policy);
  if (!verdict.ok) throw new AppError('download-refused', `Refused to download the file: ${verdict.reason}.`);
  const first = verdict.url;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), policy.timeoutMs);
  try {
    for (let hop = 0; hop <= (policy.maxRedirects ?? 3); hop++) {
      const url = verdict.url;
      let res: Response;
      try {
        res = await fetchImpl(url, { redirect: 'manual', signal: controller.signal });
      } catch (err) {
        const timedOut = controller.signal.aborted;
        throw new AppError('download-failed', timedOut ? 'The download took too long.' : 'The file could not be downloaded.', { cause: err });
      }
      if (res.status >= 300 && res.status < 400) {
        const location = res.headers.get('location');
        await res.body?.cancel().catch(() => undefined);
        if (!location) throw new AppError('download-failed', 'The file host sent a redirect without a location.');
        const next = new URL(location, url);
        // A redirect may stay on the same host only: a file host bouncing us elsewhere is refused.
        if (next.host !== first.host) throw new AppError('download-refused', `Refused a redirect to another host (${next.hostname}).`);
        verdict = checkDownloadUrl(next.toString(), policy);
        if (!verdict.ok) throw new AppError('download-refused', `Refused to follow a redirect: ${verdict.reason}.`);
        continue;
      }
      if (!res.ok) {
        await res.body?.cancel().catch(() => undefined);
        throw new AppError('download-failed', `The file host answered ${res.status}.`);
      }
      const declared = Number(res.headers.get('content-length') ?? NaN);
      if (Number.isFinite(declared) && declared > policy.maxBytes) {
        await res.body?.cancel().catch(() => undefined);
        throw new AppError('too-large', `The file is larger than ${Math.round(policy.maxBytes / 1024 / 1024)} MB.`);
      }
      const bytes = await readCapped(res, policy.maxBytes);
      return { bytes, contentType: res.headers.get('content-type') };
    }
    throw new AppError('download-failed', 'Too many redirects.');
  } finally {
    clearTimeout(timer);
  }
}

async function readCapped(res: Response, maxBytes: number): Promise<Uint8Array> {
  if (!res.body) return new Uint8Array(0);
  const reader = res.body.getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw new AppError('too-large', `The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB.`);
      }
      parts.push(value);
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('download-failed', 'The download was interrupted.', { cause: err });
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}
