/**
 * Files posted in a team channel (or shared in a group chat: see `downloadChatFile`), read through Microsoft Graph with the app's own credentials
 * (client credentials flow). Teams gives a bot file bytes only in personal chat; in a channel the
 * message only refers to a file in the channel's SharePoint folder.
 *
 * - token: `POST {login}/{tenant}/oauth2/v2.0/token` (scope `https://graph.microsoft.com/.default`),
 *   cached per tenant until a minute before it expires;
 * - which files: the message's `reference` attachments, from the activity when it carries them,
 *   else `GET /teams/{group}/channels/{channel}/messages/{id}` (or `…/messages/{root}/replies/{id}`
 *   for a reply), which the RSC permission ChannelMessage.Read.Group allows;
 * - where they may come from: only the channel's own files folder
 *   (`GET /teams/{group}/channels/{channel}/filesFolder` → its drive). A reference elsewhere (another
 *   team's site, someone's OneDrive) is refused: the app's Files.Read.All reaches every site, and a
 *   pasted link must not pull another team's document into this team's group;
 * - metadata and size first: `GET /shares/u!{base64url(url)}/driveItem`, then
 *   `GET /drives/{drive}/items/{item}/content`, whose redirect to a pre-authenticated SharePoint URL
 *   is fetched without the token by bot/download.ts (allowed hosts, size and time caps).
 * Failures are AppErrors: `forbidden` (Graph refused: consent or permission missing), `not-found`
 * (the file or message is gone or the link expired), `download-refused` (not in the channel's
 * files), `too-large`, `download-failed` (anything else).
 */
import { AppError } from '../core/errors.js';
import type { GraphConfig } from '../core/config.js';
import { logger } from '../core/logger.js';
import { downloadFile, type DownloadPolicy } from './download.js';

const log = logger('graph-files');

export interface ChannelFileRef {
  name: string;
  /** The file's SharePoint URL (`contentUrl` of a `reference` attachment). */
  url: string;
}

export interface ChannelWhere {
  tenantId: string | null;
  /** The team's Microsoft 365 group id (Graph's team id). */
  teamGroupId: string;
  channelId: string;
  messageId: string;
  /** The thread's first message, when the file came in a reply. */
  rootMessageId: string | null;
}

/** A group-chat message: its files live in the sender's OneDrive ("Microsoft Teams Chat Files"). */
export interface ChatWhere {
  tenantId: string | null;
  chatId: string;
  messageId: string;
  /** The sender's Entra object id: only files in their own OneDrive are read. */
  senderAadId: string;
}

export type FetchedFile = { name: string; bytes: Uint8Array; contentType: string | null };

export interface GraphFiles {
  /** The files a channel message refers to. */
  messageFiles(where: ChannelWhere): Promise<ChannelFileRef[]>;
  /** One file's bytes, if it lives in the channel's files folder. */
  download(file: ChannelFileRef, where: ChannelWhere): Promise<FetchedFile>;
  /** The files a group-chat message refers to (`GET /chats/{chat}/messages/{id}`). */
  chatMessageFiles(where: ChatWhere): Promise<ChannelFileRef[]>;
  /**
   * One file of a group-chat message, if it lives in the sender's own OneDrive: a link pasted into
   * the chat that points at a team site or someone else's files is refused, as in channels.
   */
  downloadChatFile(file: ChannelFileRef, where: ChatWhere): Promise<FetchedFile>;
}

const MAX_JSON_BYTES = 1024 * 1024;

/** `u!` + base64url of the URL: Graph's encoding of a sharing URL for `/shares/{id}`. */
export function shareId(url: string): string {
  return `u!${Buffer.from(url, 'utf8').toString('base64url')}`;
}

function statusError(status: number, what: string): AppError {
  if (status === 401 || status === 403) return new AppError('forbidden', `Microsoft Graph refused ${what} (${status}).`);
  if (status === 404 || status === 410) return new AppError('not-found', `Microsoft Graph has no ${what} (${status}).`);
  return new AppError('download-failed', `Microsoft Graph answered ${status} for ${what}.`);
}

async function readJson(res: Response): Promise<unknown> {
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > MAX_JSON_BYTES) throw new AppError('download-failed', 'Microsoft Graph sent an oversized answer.');
  const text = await res.text();
  if (text.length > MAX_JSON_BYTES) throw new AppError('download-failed', 'Microsoft Graph sent an oversized answer.');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError('download-failed', 'Microsoft Graph sent something that is not JSON.');
  }
}

async function readCapped(res: Response, maxBytes: number): Promise<Uint8Array> {
  const tooLarge = () => new AppError('too-large', `The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB.`);
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await res.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  const parts: Uint8Array[] = [];
  let total = 0;
  const reader = res.body?.getReader();
  try {
    for (;;) {
      if (!reader) break;
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge();
      }
      parts.push(value);
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('download-failed', 'The download was interrupted.', { cause: err });
  }
  return Buffer.concat(parts);
}

export function createGraphFiles(cfg: GraphConfig, policy: DownloadPolicy, fetchImpl: typeof fetch = fetch): GraphFiles {
  const tokens = new Map<string, { token: string; until: number }>();
  const folderDrives = new Map<string, string>();

  async function call(input: string, init: RequestInit, what: string): Promise<Response> {
    try {
      return await fetchImpl(input, { ...init, signal: AbortSignal.timeout(policy.timeoutMs) });
    } catch (err) {
      throw new AppError('download-failed', `Microsoft Graph did not answer for ${what}.`, { cause: err });
    }
  }

  async function token(tenant: string): Promise<string> {
    const cached = tokens.get(tenant);
    if (cached && cached.until > Date.now()) return cached.token;
    const body = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: cfg.clientId,
      client_secret: cfg.clientSecret,
      scope: `${new URL(cfg.baseUrl).origin}/.default`,
    });
    const res = await call(
      `${cfg.loginUrl}/${encodeURIComponent(tenant)}/oauth2/v2.0/token`,
      { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body },
      'a token',
    );
    if (!res.ok) {
      await res.body?.cancel().catch(() => undefined);
      // 400/401 from the token endpoint: wrong id or secret, or the app is not in that tenant.
      throw new AppError(res.status < 500 ? 'forbidden' : 'download-failed', `The token endpoint answered ${res.status}.`);
    }
    const t = (await readJson(res)) as { access_token?: unknown; expires_in?: unknown };
    if (typeof t.access_token !== 'string') throw new AppError('download-failed', 'The token endpoint sent no access token.');
    const seconds = typeof t.expires_in === 'number' ? t.expires_in : Number(t.expires_in ?? 3600);
    tokens.set(tenant, { token: t.access_token, until: Date.now() + Math.max(0, seconds - 60) * 1000 });
    return t.access_token;
  }

  async function get(where: { tenantId: string | null }, path: string, what: string): Promise<unknown> {
    const tenant = cfg.tenantId ?? where.tenantId;
    if (!tenant) throw new AppError('forbidden', 'No tenant is known for Microsoft Graph.');
    const res = await call(`${cfg.baseUrl}${path}`, { headers: { authorization: `Bearer ${await token(tenant)}`, accept: 'application/json' } }, what);
    if (!res.ok) {
      await res.body?.cancel().catch(() => undefined);
      throw statusError(res.status, what);
    }
    return readJson(res);
  }

  const channelPath = (w: ChannelWhere) => `/teams/${encodeURIComponent(w.teamGroupId)}/channels/${encodeURIComponent(w.channelId)}`;

  async function channelDrive(where: ChannelWhere): Promise<string> {
    const key = `${where.teamGroupId}|${where.channelId}`;
    const known = folderDrives.get(key);
    if (known) return known;
    const folder = (await get(where, `${channelPath(where)}/filesFolder`, "the channel's files folder")) as { parentReference?: { driveId?: unknown } };
    const driveId = folder.parentReference?.driveId;
    if (typeof driveId !== 'string' || !driveId) throw new AppError('download-failed', "The channel's files folder has no drive.");
    folderDrives.set(key, driveId);
    return driveId;
  }

  return {
    async messageFiles(where) {
      const id = encodeURIComponent(where.messageId);
      const path =
        where.rootMessageId && where.rootMessageId !== where.messageId
          ? `${channelPath(where)}/messages/${encodeURIComponent(where.rootMessageId)}/replies/${id}`
          : `${channelPath(where)}/messages/${id}`;
      return referencesOf(await get(where, path, 'the channel message'));
    },

    async download(file, where) {
      return fetchFromDrive(file, await channelDrive(where), where);
    },

    async chatMessageFiles(where) {
      const path = `/chats/${encodeURIComponent(where.chatId)}/messages/${encodeURIComponent(where.messageId)}`;
      return referencesOf(await get(where, path, 'the chat message'));
    },

    async downloadChatFile(file, where) {
      const drive = (await get(where, `/users/${encodeURIComponent(where.senderAadId)}/drive?$select=id`, "the sender's OneDrive")) as { id?: unknown };
      if (typeof drive.id !== 'string' || !drive.id) throw new AppError('download-failed', 'The sender has no OneDrive.');
      return fetchFromDrive(file, drive.id, where, "The file is not in the sender's OneDrive.");
    },
  };

  /** The item a sharing URL points to, if it is in `drive`: metadata and size first, then the bytes. */
  async function fetchFromDrive(
    file: ChannelFileRef,
    drive: string,
    where: { tenantId: string | null },
    elsewhere = "The file is not in this channel's files.",
  ): Promise<FetchedFile> {
    const item = (await get(where, `/shares/${shareId(file.url)}/driveItem?$select=id,name,size,file,parentReference`, 'the file')) as {
      id?: unknown;
      name?: unknown;
      size?: unknown;
      parentReference?: { driveId?: unknown };
    };
    if (item.parentReference?.driveId !== drive || typeof item.id !== 'string') {
      throw new AppError('download-refused', elsewhere);
    }
    if (typeof item.size === 'number' && item.size > policy.maxBytes) {
      throw new AppError('too-large', `The file is larger than ${Math.round(policy.maxBytes / 1024 / 1024)} MB.`);
    }
    const tenant = (cfg.tenantId ?? where.tenantId)!;
    const res = await call(
      `${cfg.baseUrl}/drives/${encodeURIComponent(drive)}/items/${encodeURIComponent(item.id)}/content`,
      { headers: { authorization: `Bearer ${await token(tenant)}` }, redirect: 'manual' },
      'the file content',
    );
    const name = typeof item.name === 'string' && item.name ? item.name : file.name;
    if (res.status >= 300 && res.status < 400) {
      const location = res.headers.get('location');
      await res.body?.cancel().catch(() => undefined);
      if (!location) throw new AppError('download-failed', 'Microsoft Graph sent a redirect without a location.');
      // The pre-authenticated download URL: fetched without our token, with the upload guards.
      const { bytes, contentType } = await downloadFile(new URL(location, cfg.baseUrl).toString(), policy, fetchImpl);
      return { name, bytes, contentType };
    }
    if (!res.ok) {
      await res.body?.cancel().catch(() => undefined);
      throw statusError(res.status, 'the file content');
    }
    // Graph may also stream the bytes itself: the same size cap, read as it arrives.
    log.debug({ status: res.status }, 'file content without a redirect');
    return { name, bytes: await readCapped(res, policy.maxBytes), contentType: res.headers.get('content-type') };
  }
}

/** The `reference` attachments of a Graph chatMessage (channel or chat). */
function referencesOf(message: unknown): ChannelFileRef[] {
  const m = message as { attachments?: Array<{ contentType?: unknown; contentUrl?: unknown; name?: unknown }> };
  return (m.attachments ?? [])
    .filter((a) => a.contentType === 'reference' && typeof a.contentUrl === 'string' && a.contentUrl !== '')
    .map((a) => ({ url: a.contentUrl as string, name: typeof a.name === 'string' && a.name ? a.name : 'dokument' }));
}
