/**
 * A local stand-in for the Teams channel (the Bot Connector service), for tests that drive the
 * bot's real HTTP endpoint. Use its `url` as the activities' `serviceUrl`.
 *
 * It serves:
 * - file downloads: `serveFile(name, bytes)` returns a loopback `downloadUrl` (plain GET, like
 *   SharePoint's pre-authenticated URLs); `requests` records every GET of it;
 * - replies and proactive sends: `POST /v3/conversations/{id}/activities[/{replyToId}]`, answered
 *   with `{ id }` (fresh ids `emu-1`, `emu-2`, …);
 * - updates: `PUT /v3/conversations/{id}/activities/{activityId}`;
 * - rosters: `GET /v3/conversations/{id}/pagedmembers` and `/members` (a team id works as `id`, as
 *   `TeamsInfo.getPagedTeamMembers` uses it), from `setRoster(id, members)`;
 * - team details: `GET /v3/teams/{teamId}` (`TeamsInfo.getTeamDetails`: the team's Microsoft 365
 *   group id, which Graph calls the team id), from `setTeamDetails(teamId, details)`.
 *
 * Everything the bot sends is recorded in `sent` (in order). `waitFor(pred)` resolves with the
 * first recorded activity that matches, now or later; `messagesTo(conversationId)` lists them.
 *
 * ```ts
 * const emu = await startChannelEmulator();
 * const url = emu.serveFile('a.pdf', bytes);
 * emu.setRoster('team-1', [{ id: 'user-1', name: 'Anna', aadObjectId: 'aad-1' }]);
 * // … post activities with serviceUrl: emu.url …
 * const card = await emu.waitFor((a) => a.conversationId === 'c1' && hasCard(a.activity));
 * await emu.close();
 * ```
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedActivity {
  /** `send` (new message), `reply` (to an activity), `update` (PUT of an earlier message). */
  op: 'send' | 'reply' | 'update';
  conversationId: string;
  /** The id the emulator gave (send/reply) or the id updated (update). */
  id: string;
  replyToId?: string;
  /** The Bot Framework activity as posted. */
  activity: {
    type?: string;
    text?: string;
    attachments?: Array<{ contentType: string; content?: unknown }>;
    [k: string]: unknown;
  };
  /** Authorization header the bot sent (none in local mode). */
  authorization?: string;
  at: number;
}

export interface RosterEntry {
  id: string;
  name?: string;
  aadObjectId?: string;
  email?: string;
  userPrincipalName?: string;
  userRole?: string;
}

export interface ChannelEmulator {
  /** `http://127.0.0.1:PORT` — use as `serviceUrl`. */
  url: string;
  sent: RecordedActivity[];
  /** File GETs: path and headers. */
  requests: Array<{ path: string; authorization?: string }>;
  serveFile(name: string, bytes: Uint8Array, contentType?: string): string;
  setRoster(conversationOrTeamId: string, members: RosterEntry[]): void;
  setTeamDetails(teamId: string, details: { name?: string; aadGroupId: string }): void;
  /** Makes sends/replies/updates into a conversation fail with this HTTP status (e.g. 403). */
  failConversation(conversationId: string, status: number | null): void;
  waitFor(pred: (a: RecordedActivity) => boolean, timeoutMs?: number): Promise<RecordedActivity>;
  messagesTo(conversationId: string): RecordedActivity[];
  /** The latest text of a message, following updates (PUTs) of its id. */
  latestText(conversationId: string, id: string): string | undefined;
  close(): Promise<void>;
}

export async function startChannelEmulator(): Promise<ChannelEmulator> {
  const sent: RecordedActivity[] = [];
  const requests: ChannelEmulator['requests'] = [];
  const files = new Map<string, { bytes: Uint8Array; contentType: string }>();
  const rosters = new Map<string, RosterEntry[]>();
  const teams = new Map<string, { name?: string; aadGroupId: string }>();
  const failing = new Map<string, number>();
  const waiters: Array<{ pred: (a: RecordedActivity) => boolean; resolve: (a: RecordedActivity) => void }> = [];
  let seq = 0;

  const record = (a: RecordedActivity) => {
    sent.push(a);
    for (const w of [...waiters]) {
      if (w.pred(a)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(a);
      }
    }
  };

  const server = http.createServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://x');
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.method === 'GET' && u.pathname.startsWith('/files/')) {
      requests.push({ path: u.pathname, authorization: req.headers.authorization });
      const f = files.get(decodeURIComponent(u.pathname.slice('/files/'.length)));
      if (!f) return json(404, { error: 'no such file' });
      res.writeHead(200, { 'content-type': f.contentType, 'content-length': String(f.bytes.length) });
      res.end(Buffer.from(f.bytes));
      return;
    }
    const team = /^\/v3\/teams\/([^/]+)$/.exec(u.pathname);
    if (req.method === 'GET' && team) {
      const id = decodeURIComponent(team[1]!);
      const details = teams.get(id);
      return details ? json(200, { id, ...details }) : json(404, { error: { code: 'TeamNotFound' } });
    }
    const m = /^\/v3\/conversations\/([^/]+)(?:\/(activities|pagedmembers|members)(?:\/([^/]+))?)?$/.exec(u.pathname);
    if (!m) return json(404, { error: `unknown route ${req.method} ${u.pathname}` });
    const conversationId = decodeURIComponent(m[1]!);
    const what = m[2];
    const sub = m[3] ? decodeURIComponent(m[3]) : undefined;
    if (req.method === 'GET' && what === 'pagedmembers') {
      const members = rosters.get(conversationId);
      if (!members) return json(404, { error: { code: 'ConversationNotFound' } });
      return json(200, { members });
    }
    if (req.method === 'GET' && what === 'members') {
      const members = rosters.get(conversationId);
      if (!members) return json(404, { error: { code: 'ConversationNotFound' } });
      if (sub) {
        const one = members.find((x) => x.id === sub);
        return one ? json(200, one) : json(404, { error: { code: 'MemberNotFound' } });
      }
      return json(200, members);
    }
    if (what !== 'activities' || (req.method !== 'POST' && req.method !== 'PUT')) return json(404, { error: 'unsupported' });
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const fail = failing.get(conversationId);
      if (fail) return json(fail, { error: { code: 'Forbidden', message: 'emulated failure' } });
      let activity: RecordedActivity['activity'] = {};
      try {
        activity = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
      } catch {
        return json(400, { error: 'bad json' });
      }
      if (req.method === 'PUT') {
        record({ op: 'update', conversationId, id: sub ?? '', activity, authorization: req.headers.authorization, at: Date.now() });
        return json(200, { id: sub });
      }
      const id = `emu-${++seq}`;
      record({ op: sub ? 'reply' : 'send', conversationId, id, replyToId: sub, activity, authorization: req.headers.authorization, at: Date.now() });
      return json(200, { id });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    sent,
    requests,
    serveFile(name, bytes, contentType = 'application/octet-stream') {
      const key = `${++seq}-${name}`;
      files.set(key, { bytes, contentType });
      return `${url}/files/${encodeURIComponent(key)}`;
    },
    setRoster(id, members) {
      rosters.set(id, members);
    },
    setTeamDetails(id, details) {
      teams.set(id, details);
    },
    failConversation(id, status) {
      if (status === null) failing.delete(id);
      else failing.set(id, status);
    },
    waitFor(pred, timeoutMs = 30_000) {
      const found = sent.find(pred);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const w = { pred, resolve: (a: RecordedActivity) => (clearTimeout(timer), resolve(a)) };
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(w), 1);
          const recent = sent
            .slice(-8)
            .map((a) => `${a.op} ${a.conversationId}: ${a.activity.text ?? a.activity.type ?? ''}${a.activity.attachments ? ' [card]' : ''}`)
            .join('\n');
          reject(new Error(`channel emulator: nothing matched within ${timeoutMs} ms. Last activities:\n${recent}`));
        }, timeoutMs);
        waiters.push(w);
      });
    },
    messagesTo(conversationId) {
      return sent.filter((a) => a.conversationId === conversationId);
    },
    latestText(conversationId, id) {
      const mine = sent.filter((a) => a.conversationId === conversationId && a.id === id);
      return mine[mine.length - 1]?.activity.text;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
