/**
 * A loopback stand-in for Microsoft Graph and its token endpoint, for files posted in team
 * channels. Point the bot at it with GRAPH_LOGIN_URL = `url` and GRAPH_BASE_URL = `graphBase`.
 *
 * It serves:
 * - `POST /{tenant}/oauth2/v2.0/token` (client credentials; a wrong id or secret gets 401);
 * - `GET /v1.0/teams/{group}/channels/{channel}/messages/{id}` and `…/messages/{root}/replies/{id}`:
 *   a chatMessage whose `reference` attachments are the files given to `postFile`;
 * - `GET /v1.0/teams/{group}/channels/{channel}/filesFolder`: the channel folder and its drive;
 * - `GET /v1.0/chats/{chat}/messages/{id}` (group chats) and `GET /v1.0/users/{id}/drive` (their OneDrive);
 * - `GET /v1.0/shares/{u!base64url}/driveItem`: the item a sharing URL points to (its drive, size);
 * - `GET /v1.0/drives/{drive}/items/{item}/content`: a 302 to a pre-authenticated download URL
 *   (`/download/{key}?tempauth=…`), or the failure set with `fail(itemName, status)`.
 * Every Graph route needs the bearer token it issued. `requests` records method, path and whether
 * an Authorization header came along (the download URL must be fetched without one).
 *
 * ```ts
 * const g = await startGraphEmulator({ clientId: 'app', clientSecret: 's3cret' });
 * const ref = g.postFile({ team: 'grp-1', channel: '19:c@thread.tacv2', messageId: '1700', name: 'a.pdf', bytes });
 * // … post the channel message (id 1700) to the bot; it reads the file through g …
 * await g.close();
 * ```
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface GraphEmulator {
  url: string;
  /** GRAPH_BASE_URL for the bot. */
  graphBase: string;
  requests: Array<{ method: string; path: string; authorized: boolean; bearer: boolean }>;
  /** Puts a file in a channel's folder (or, with `drive`, somewhere else) and attaches it to a message. */
  postFile(f: { team: string; channel: string; messageId: string; name: string; bytes: Uint8Array; drive?: string }): { url: string; itemId: string };
  /** Shares a file in a group chat: it lands in `owner`'s OneDrive (or `drive`) and is attached to the message. */
  postChatFile(f: { chat: string; messageId: string; owner: string; name: string; bytes: Uint8Array; drive?: string }): { url: string; itemId: string };
  /** Makes the content of `name` answer `status` (403 forbidden, 404 gone); null clears it. */
  fail(name: string, status: number | null): void;
  /** How many tokens were issued. */
  tokensIssued(): number;
  close(): Promise<void>;
}

interface Item {
  id: string;
  name: string;
  bytes: Uint8Array;
  drive: string;
  url: string;
}

export async function startGraphEmulator(opts: { clientId: string; clientSecret: string }): Promise<GraphEmulator> {
  const requests: GraphEmulator['requests'] = [];
  const items = new Map<string, Item>();
  const byUrl = new Map<string, Item>();
  const messages = new Map<string, Item[]>();
  const downloads = new Map<string, Item>();
  const failing = new Map<string, number>();
  const tokens = new Set<string>();
  let seq = 0;
  let url = '';

  const driveOf = (team: string, channel: string) => `drive-${team}-${Buffer.from(channel).toString('hex').slice(0, 12)}`;

  const server = http.createServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://x');
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const authorized = bearer !== undefined && tokens.has(bearer);
    requests.push({ method: req.method ?? '', path: u.pathname, authorized, bearer: bearer !== undefined });
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.method === 'POST' && /^\/[^/]+\/oauth2\/v2\.0\/token$/.test(u.pathname)) {
        const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
        if (form.get('grant_type') !== 'client_credentials' || form.get('client_id') !== opts.clientId || form.get('client_secret') !== opts.clientSecret) {
          return json(401, { error: 'invalid_client' });
        }
        const t = `tok-${++seq}`;
        tokens.add(t);
        return json(200, { token_type: 'Bearer', expires_in: 3599, access_token: t });
      }
      if (req.method === 'GET' && u.pathname.startsWith('/download/')) {
        const item = downloads.get(decodeURIComponent(u.pathname.slice('/download/'.length)));
        if (!item) return json(404, { error: 'expired' });
        res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(item.bytes.length) });
        return res.end(Buffer.from(item.bytes));
      }
      if (!u.pathname.startsWith('/v1.0/')) return json(404, { error: { code: 'itemNotFound' } });
      if (!authorized) return json(401, { error: { code: 'InvalidAuthenticationToken' } });
      const p = u.pathname.slice('/v1.0'.length).split('/').map(decodeURIComponent);
      // /teams/{g}/channels/{c}/messages/{id}[/replies/{rid}]
      if (p[1] === 'teams' && p[3] === 'channels' && p[5] === 'messages') {
        const id = p[7] === 'replies' ? p[8]! : p[6]!;
        const files = messages.get(`${p[2]}|${p[4]}|${id}`);
        if (!files) return json(404, { error: { code: 'NotFound' } });
        return json(200, {
          id,
          body: { contentType: 'html', content: files.map((f) => `<attachment id="${f.id}"></attachment>`).join('') },
          attachments: files.map((f) => ({ id: f.id, contentType: 'reference', contentUrl: f.url, name: f.name })),
        });
      }
      // /chats/{chat}/messages/{id}
      if (p[1] === 'chats' && p[3] === 'messages') {
        const files = messages.get(`chat|${p[2]}|${p[4]}`);
        if (!files) return json(404, { error: { code: 'NotFound' } });
        return json(200, {
          id: p[4],
          body: { contentType: 'html', content: files.map((f) => `<attachment id="${f.id}"></attachment>`).join('') },
          attachments: files.map((f) => ({ id: f.id, contentType: 'reference', contentUrl: f.url, name: f.name })),
        });
      }
      // /users/{id}/drive: each user's OneDrive
      if (p[1] === 'users' && p[3] === 'drive' && p.length === 4) return json(200, { id: `onedrive-${p[2]}` });
      if (p[1] === 'teams' && p[3] === 'channels' && p[5] === 'filesFolder') {
        return json(200, { id: `folder-${p[4]}`, name: 'General', parentReference: { driveId: driveOf(p[2]!, p[4]!) } });
      }
      if (p[1] === 'shares' && p[3] === 'driveItem') {
        const raw = p[2]!;
        const target = raw.startsWith('u!') ? Buffer.from(raw.slice(2), 'base64url').toString('utf8') : '';
        const item = byUrl.get(target);
        if (!item) return json(404, { error: { code: 'itemNotFound' } });
        return json(200, {
          id: item.id,
          name: item.name,
          size: item.bytes.length,
          file: { mimeType: 'application/octet-stream' },
          parentReference: { driveId: item.drive },
        });
      }
      if (p[1] === 'drives' && p[3] === 'items' && p[5] === 'content') {
        const item = items.get(p[4]!);
        if (!item || item.drive !== p[2]) return json(404, { error: { code: 'itemNotFound' } });
        const status = failing.get(item.name);
        if (status) return json(status, { error: { code: status === 403 ? 'accessDenied' : 'itemNotFound' } });
        const key = `${++seq}-${item.id}`;
        downloads.set(key, item);
        res.writeHead(302, { location: `${url}/download/${encodeURIComponent(key)}?tempauth=emulated` });
        return res.end();
      }
      return json(404, { error: { code: 'UnknownRoute', path: u.pathname } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    graphBase: `${url}/v1.0`,
    requests,
    postFile({ team, channel, messageId, name, bytes, drive }) {
      const id = `item-${++seq}`;
      const item: Item = {
        id,
        name,
        bytes,
        drive: drive ?? driveOf(team, channel),
        url: `https://contoso.sharepoint.com/sites/${encodeURIComponent(team)}/Shared%20Documents/General/${encodeURIComponent(name)}`,
      };
      items.set(id, item);
      byUrl.set(item.url, item);
      const key = `${team}|${channel}|${messageId}`;
      messages.set(key, [...(messages.get(key) ?? []), item]);
      return { url: item.url, itemId: id };
    },
    postChatFile({ chat, messageId, owner, name, bytes, drive }) {
      const id = `item-${++seq}`;
      const item: Item = {
        id,
        name,
        bytes,
        drive: drive ?? `onedrive-${owner}`,
        url: `https://contoso-my.sharepoint.com/personal/${encodeURIComponent(owner)}/Documents/Microsoft%20Teams%20Chat%20Files/${encodeURIComponent(name)}`,
      };
      items.set(id, item);
      byUrl.set(item.url, item);
      const key = `chat|${chat}|${messageId}`;
      messages.set(key, [...(messages.get(key) ?? []), item]);
      return { url: item.url, itemId: id };
    },
    fail(name, status) {
      if (status === null) failing.delete(name);
      else failing.set(name, status);
    },
    tokensIssued: () => tokens.size,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
