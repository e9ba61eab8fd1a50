/**
 * Links back to stored originals: `GET /documents/:id?exp=…&sig=…`, an HMAC-signed, expiring
 * token, so a summary card can open the file without a sign-in and without exposing other files.
 * Without DOCUMENT_LINK_SECRET a random secret is kept in the data dir (links survive restarts).
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Express } from 'express';
import type { BlobStore } from '../store/blobs.js';
import type { Queryable } from '../store/db.js';
import { getDocument } from '../store/documents.js';

export interface DocumentLinks {
  /** A signed URL for a document, or null when no base URL is known yet. */
  urlFor(documentId: string): string | null;
  verify(documentId: string, exp: string, sig: string, now?: number): boolean;
  /**
   * Records the bot's base URL when PUBLIC_BASE_URL is not set: the local-mode listen address, or
   * the host of an authenticated Bot Framework activity; never an unauthenticated request's.
   */
  learnBaseUrl(url: string): void;
  /**
   * A signed, expiring URL for another bot route (`/exports/…`). The signature covers the whole
   * path, so changing any part of it (another group, another format) voids the link.
   */
  urlForPath(pathname: string): { url: string; expiresAt: Date } | null;
  verifyPath(pathname: string, exp: string, sig: string, now?: number): boolean;
  /** Whether a URL is one of ours: under the base URL, with a valid signature for its path. */
  isOwn(url: string): boolean;
}

export function loadLinkSecret(configured: string | undefined, dataDir: string): string {
  if (configured) return configured;
  const file = path.join(dataDir, 'document-link.secret');
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    const secret = randomBytes(32).toString('hex');
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(file, secret, { mode: 0o600 });
    return secret;
  }
}

export function createDocumentLinks(opts: { secret: string; ttlHours: number; publicBaseUrl: string | undefined }): DocumentLinks {
  let base = opts.publicBaseUrl?.replace(/\/+$/, '');
  const sign = (id: string, exp: string) => createHmac('sha256', opts.secret).update(`${id}.${exp}`).digest('base64url');
  // A distinct prefix: a document link's signature never passes as a path link's, nor the reverse.
  const signPath = (pathname: string, exp: string) => createHmac('sha256', opts.secret).update(`path:${pathname}.${exp}`).digest('base64url');
  const check = (want: string, exp: string, sig: string, now: number) => {
    if (!/^\d{1,12}$/.test(exp) || Number(exp) * 1000 < now) return false;
    const a = Buffer.from(want);
    const b = Buffer.from(sig);
    return a.length === b.length && timingSafeEqual(a, b);
  };
  return {
    urlFor(documentId) {
      if (!base) return null;
      const exp = String(Math.floor(Date.now() / 1000) + opts.ttlHours * 3600);
      return `${base}/documents/${documentId}?exp=${exp}&sig=${sign(documentId, exp)}`;
    },
    verify(documentId, exp, sig, now = Date.now()) {
      if (!/^\d{1,12}$/.test(exp) || Number(exp) * 1000 < now) return false;
      const want = Buffer.from(sign(documentId, exp));
      const got = Buffer.from(sig);
      return want.length === got.length && timingSafeEqual(want, got);
    },
    learnBaseUrl(url) {
      if (!opts.publicBaseUrl) base = url.replace(/\/+$/, '');
    },
    urlForPath(pathname) {
      if (!base) return null;
      const expSeconds = Math.floor(Date.now() / 1000) + opts.ttlHours * 3600;
      const exp = String(expSeconds);
      return { url: `${base}${pathname}?exp=${exp}&sig=${signPath(pathname, exp)}`, expiresAt: new Date(expSeconds * 1000) };
    },
    verifyPath(pathname, exp, sig, now = Date.now()) {
      return check(signPath(pathname, exp), exp, sig, now);
    },
    isOwn(raw) {
      if (!base || !raw.startsWith(`${base}/`)) return false;
      let u: URL;
      try {
        u = new URL(raw);
      } catch {
        return false;
      }
      const exp = u.searchParams.get('exp') ?? '';
      const sig = u.searchParams.get('sig') ?? '';
      const doc = /^\/documents\/([0-9a-f-]{36})$/i.exec(u.pathname);
      return doc ? this.verify(doc[1]!, exp, sig) : this.verifyPath(u.pathname, exp, sig);
    },
  };
}

/**
 * The type an original is served with. Rows written before types were sniffed may carry whatever
 * the download server said (`text/html`, `image/svg+xml`): only the parsed types pass through.
 */
const SERVED_TYPES = new Set(['application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document']);
function servedType(stored: string | null): string {
  const base = (stored ?? '').split(';')[0]!.trim().toLowerCase();
  if (SERVED_TYPES.has(base)) return base;
  if (base === 'text/plain') return 'text/plain; charset=utf-8';
  return 'application/octet-stream';
}

/** Serves the original file of a document to holders of a valid link. */
export function mountDocumentRoute(app: Express, deps: { db: Queryable; blobs: BlobStore; links: DocumentLinks }): void {
  app.get('/documents/:id', async (req, res) => {
    const id = req.params.id;
    const exp = typeof req.query.exp === 'string' ? req.query.exp : '';
    const sig = typeof req.query.sig === 'string' ? req.query.sig : '';
    if (!/^[0-9a-f-]{36}$/i.test(id) || !deps.links.verify(id, exp, sig)) {
      res.status(403).type('text/plain').send('This link is not valid or has expired. Ask the bot for the document again.');
      return;
    }
    const doc = await getDocument(deps.db, id);
    if (!doc) {
      res.status(404).type('text/plain').send('The document has been removed.');
      return;
    }
    try {
      const bytes = await deps.blobs.get(doc.sha256);
      const type = servedType(doc.mime_type);
      const pdf = type === 'application/pdf';
      res.setHeader('Content-Type', type);
      // Only a PDF opens in the browser (citations link to its pages); anything else is a download.
      res.setHeader('Content-Disposition', `${pdf ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(doc.file_name)}`);
      res.setHeader('X-Content-Type-Options', 'nosniff');
      // Browsers' PDF viewers count as plugins: a PDF needs object-src; nothing else runs anything.
      res.setHeader(
        'Content-Security-Policy',
        pdf ? "default-src 'none'; object-src 'self'; frame-ancestors 'none'" : "default-src 'none'; frame-ancestors 'none'; sandbox",
      );
      res.send(bytes);
    } catch {
      res.status(404).type('text/plain').send('The stored file is missing.');
    }
  });
}
