/**
 * Cheap checks on a Bot Framework request before the real token validation, which fetches
 * Microsoft's signing keys over the network: a token that cannot be valid is refused without it.
 * Bot Framework and Entra ID sign with RSA (RS256); `alg: none`, HMAC (HS256, which would make a
 * public key a shared secret) and anything unreadable are refused outright.
 */
const ALGORITHMS = new Set(['RS256', 'RS384', 'RS512']);

/** Why this Authorization header cannot carry a valid token, or null when it may. */
export function tokenShapeProblem(authorization: string | undefined): string | null {
  if (!authorization) return 'no Authorization header';
  const m = /^Bearer ([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/.exec(authorization.trim());
  if (!m) return 'not a signed JWT';
  let header: { alg?: unknown };
  try {
    header = JSON.parse(Buffer.from(m[1]!, 'base64url').toString('utf8')) as { alg?: unknown };
  } catch {
    return 'unreadable token header';
  }
  return typeof header.alg === 'string' && ALGORITHMS.has(header.alg) ? null : `token algorithm ${String(header.alg)} not accepted`;
}

/**
 * A failure to reach the identity endpoints (signing keys, OpenID metadata) is ours, not the
 * caller's: answered 503 so Bot Framework retries, rather than 401.
 */
export function isUnreachable(err: unknown): boolean {
  const e = err as { name?: string; code?: string; message?: string } | null;
  if (!e) return false;
  if (e.name === 'FetchError' || e.name === 'AbortError') return true;
  return /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|socket hang up|network timeout|\.well-known|openid/i.test(`${e.code ?? ''} ${e.message ?? ''}`);
}
