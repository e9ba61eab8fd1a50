/** The download URL policy (pure) and the downloader against a loopback file host. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDownloadUrl, downloadFile, type DownloadPolicy } from '../../bot/download.js';

const hosts = ['sharepoint.com', 'onedrive.com', 'svc.ms'];
const prod = { allowedHosts: hosts, allowLoopback: false };
const local = { allowedHosts: hosts, allowLoopback: true };

describe('checkDownloadUrl', () => {
  it('allows https to configured host suffixes', () => {
    expect(checkDownloadUrl('https://contoso.sharepoint.com/personal/x/_layouts/15/download.aspx?UniqueId=1&tempauth=abc', prod).ok).toBe(true);
    expect(checkDownloadUrl('https://sharepoint.com/a', prod).ok).toBe(true);
    expect(checkDownloadUrl('https://contoso-my.sharepoint.com:443/a', prod).ok).toBe(true);
  });
  it('refuses look-alike hosts, other hosts, http and other protocols', () => {
    for (const u of [
      'https://evilsharepoint.com/a',
      'https://sharepoint.com.evil.net/a',
      'https://example.org/file.pdf',
      'http://contoso.sharepoint.com/a',
      'ftp://contoso.sharepoint.com/a',
      'file:///etc/passwd',
      'https://user:pw@contoso.sharepoint.com/a',
      'https://10.0.0.5/a',
      'not a url',
    ]) {
      expect(checkDownloadUrl(u, local).ok, u).toBe(false);
      expect(checkDownloadUrl(u, prod).ok, u).toBe(false);
    }
    expect(checkDownloadUrl('https://[::1]/a', prod).ok).toBe(false);
  });
  it('allows loopback http only in local mode', () => {
    for (const u of ['http://127.0.0.1:3000/f', 'http://localhost:56150/_connector/f', 'http://[::1]:8080/f']) {
      expect(checkDownloadUrl(u, local).ok, u).toBe(true);
      expect(checkDownloadUrl(u, prod).ok, u).toBe(false);
    }
    expect(checkDownloadUrl('http://169.254.169.254/latest/meta-data', local).ok).toBe(false);
  });
});

describe('downloadFile', () => {
  let server: http.Server;
  let base = '';
  const hits: Array<{ url: string; auth?: string }> = [];
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      hits.push({ url: req.url ?? '', auth: req.headers.authorization });
      if (req.url === '/ok') return void res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.4 hello');
      if (req.url === '/big') return void res.writeHead(200).end(Buffer.alloc(2048));
      if (req.url === '/same-host-redirect') return void res.writeHead(302, { location: '/ok' }).end();
      if (req.url === '/other-host-redirect') return void res.writeHead(302, { location: 'http://localhost:1/ok' }).end();
      if (req.url === '/slow') return void setTimeout(() => res.writeHead(200).end('late'), 3000);
      res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));
  const policy: DownloadPolicy = { allowedHosts: [], allowLoopback: true, maxBytes: 1024, timeoutMs: 1000 };

  it('fetches with a plain GET (no Authorization header)', async () => {
    const r = await downloadFile(`${base}/ok`, policy);
    expect(Buffer.from(r.bytes).toString()).toBe('%PDF-1.4 hello');
    expect(r.contentType).toBe('application/pdf');
    expect(hits.at(-1)!.auth).toBeUndefined();
  });
  it('follows a redirect on the same host, refuses one to another host', async () => {
    expect(Buffer.from((await downloadFile(`${base}/same-host-redirect`, policy)).bytes).toString()).toBe('%PDF-1.4 hello');
    await expect(downloadFile(`${base}/other-host-redirect`, policy)).rejects.toMatchObject({ code: 'download-refused' });
  });
  it('enforces the size limit and the timeout', async () => {
    await expect(downloadFile(`${base}/big`, policy)).rejects.toMatchObject({ code: 'too-large' });
    await expect(downloadFile(`${base}/slow`, policy)).rejects.toMatchObject({ code: 'download-failed' });
  });
  it('refuses a loopback URL outside local mode without fetching it', async () => {
    const n = hits.length;
    await expect(downloadFile(`${base}/ok`, { ...policy, allowLoopback: false })).rejects.toMatchObject({ code: 'download-refused' });
    expect(hits.length).toBe(n);
  });
});
