/**
 * Files posted in a team channel go into that team's group, with the same acknowledgement,
 * progress and summary card as a personal upload. The channel message does not carry the file:
 * it refers to it in the channel's SharePoint folder (a `reference` attachment, or only an
 * `<attachment id=…>` tag in its HTML), so the file is fetched through Microsoft Graph with the
 * app's credentials (graph-files.ts). Without them the bot asks for the file in a personal chat.
 * Files shared in a group chat (in the sender's OneDrive) go the same way into the chat's group.
 *
 * With the RSC permission ChannelMessage.Read.Group the bot receives every channel message, not
 * only those that mention it: files are read either way (that is the point), but text that does
 * not mention the bot is somebody else's conversation and gets no answer (`isChannelChatter`).
 * The turn ends at once; resolving, downloading and submitting run after it, proactively.
 */
import type { Application, TurnState } from '@microsoft/teams-ai';
import { TeamsInfo, type Activity, type Attachment, type TurnContext } from 'botbuilder';
import { errorCode } from '../core/errors.js';
import { logger } from '../core/logger.js';
import type { BotDeps } from './deps.js';
import type { ChannelFileRef, ChannelWhere, ChatWhere, FetchedFile } from './graph-files.js';
import {
  CHANNEL_FILES_NEED_GRAPH,
  CHANNEL_FILES_NO_TEAM,
  CHAT_FILES_NO_SENDER,
  channelFailureMessage,
  channelUnsupported,
  chatFailureMessage,
} from './logic/channel-messages.js';
import { GROUP_CHAT_FILE } from './logic/welcome.js';
import { ackText } from './logic/messages.js';
import { turnInfo, type TurnInfo } from './turn-info.js';
import { FILE_DOWNLOAD_INFO, MIME, submit } from './upload.js';

const log = logger('channel-files');

const ATTACHMENT_TAG = /<attachment\s+id=["']([^"']+)["']/i;

/** True when the message mentions the bot. */
export function mentionsBot(a: Partial<Activity>): boolean {
  return (a.entities ?? []).some((e) => e.type === 'mention' && (e as { mentioned?: { id?: string } }).mentioned?.id === a.recipient?.id);
}

/** File references the activity itself carries (`reference` or `file.download.info` attachments). */
export function activityFileRefs(attachments: Attachment[] | undefined): ChannelFileRef[] {
  return (attachments ?? [])
    .filter((a) => (a.contentType === 'reference' || a.contentType === FILE_DOWNLOAD_INFO) && typeof a.contentUrl === 'string' && a.contentUrl !== '')
    .map((a) => ({ name: a.name || 'dokument', url: a.contentUrl! }));
}

/** Whether a message refers to a file: an attachment reference, or an `<attachment>` tag in its HTML. */
export function refersToFile(a: Partial<Activity>): boolean {
  if (activityFileRefs(a.attachments).length > 0) return true;
  if (typeof a.text === 'string' && ATTACHMENT_TAG.test(a.text)) return true;
  return (a.attachments ?? []).some((x) => x.contentType === 'text/html' && typeof x.content === 'string' && ATTACHMENT_TAG.test(x.content));
}

/** A channel text message that neither mentions the bot nor carries a file: not for us. */
export function isChannelChatter(ctx: TurnContext, info: TurnInfo): boolean {
  const a = ctx.activity;
  return info.kind === 'channel' && a.type === 'message' && a.value === undefined && !mentionsBot(a) && !refersToFile(a);
}

const readable = (name: string) => MIME[name.split('.').pop()?.toLowerCase() ?? ''] !== undefined;

/** Where the message is, in Graph's terms; null when the team's group id cannot be found. */
async function channelWhere(ctx: TurnContext, info: TurnInfo): Promise<ChannelWhere | null> {
  const a = ctx.activity;
  const cd = (a.channelData ?? {}) as { team?: { id?: string; aadGroupId?: string }; channel?: { id?: string } };
  let teamGroupId = cd.team?.aadGroupId ?? null;
  if (!teamGroupId && cd.team?.id) {
    teamGroupId = (await TeamsInfo.getTeamDetails(ctx, cd.team.id).catch(() => null))?.aadGroupId ?? null;
  }
  const channelId = cd.channel?.id ?? cd.team?.id ?? null;
  if (!teamGroupId || !channelId || !a.id) return null;
  const root = /;messageid=(\d+)/.exec(a.conversation?.id ?? '')?.[1] ?? null;
  return { tenantId: info.tenantId, teamGroupId, channelId, messageId: a.id, rootMessageId: root };
}

export function registerChannelFiles(app: Application<TurnState>, deps: BotDeps): void {
  app.activity(
    async (ctx) => ctx.activity.type === 'message' && ['channel', 'groupChat'].includes(turnInfo(ctx).kind) && refersToFile(ctx.activity),
    async (ctx) => {
      const info = turnInfo(ctx);
      if (info.kind === 'groupChat') return chatFile(ctx, deps, info);
      const mentioned = mentionsBot(ctx.activity);
      const fromActivity = activityFileRefs(ctx.activity.attachments);
      if (!deps.graphFiles) {
        // Without RSC the bot only sees messages that mention it; with it, a file alone is no request.
        if (mentioned || fromActivity.some((f) => readable(f.name))) await ctx.sendActivity(CHANNEL_FILES_NEED_GRAPH);
        return;
      }
      const where = await channelWhere(ctx, info);
      if (!where || !info.group) {
        if (mentioned) await ctx.sendActivity(CHANNEL_FILES_NO_TEAM);
        return;
      }
      const graph = deps.graphFiles;
      const source: FileSource = {
        list: () => graph.messageFiles(where),
        download: (file) => graph.download(file, where),
        failure: channelFailureMessage,
      };
      // Not awaited: the HTTP turn ends now; everything else goes out proactively.
      void receiveFiles(deps, info, source, fromActivity, mentioned).catch((err: unknown) =>
        log.error({ err: err instanceof Error ? err.message : String(err) }, 'channel file failed'),
      );
    },
  );
}

/**
 * A file shared in a group chat lives in the sender's OneDrive; with Graph credentials it is read
 * from there (only from there) into the chat's group. Without them, the personal-chat route.
 * Without RSC for chats the bot sees only messages that mention it, so every one gets an answer.
 */
async function chatFile(ctx: TurnContext, deps: BotDeps, info: TurnInfo): Promise<void> {
  const a = ctx.activity;
  if (!deps.graphFiles) {
    await ctx.sendActivity(GROUP_CHAT_FILE);
    return;
  }
  const senderAadId = a.from?.aadObjectId;
  if (!senderAadId || !info.group || !a.id || !a.conversation?.id) {
    await ctx.sendActivity(CHAT_FILES_NO_SENDER);
    return;
  }
  const graph = deps.graphFiles;
  const where: ChatWhere = { tenantId: info.tenantId, chatId: a.conversation.id, messageId: a.id, senderAadId };
  const source: FileSource = {
    list: () => graph.chatMessageFiles(where),
    download: (file) => graph.downloadChatFile(file, where),
    failure: chatFailureMessage,
  };
  void receiveFiles(deps, info, source, activityFileRefs(a.attachments), true).catch((err: unknown) =>
    log.error({ err: err instanceof Error ? err.message : String(err) }, 'chat file failed'),
  );
}

/** Where a message's files come from: listing them, fetching one, and what to say when that fails. */
interface FileSource {
  list(): Promise<ChannelFileRef[]>;
  download(file: ChannelFileRef): Promise<FetchedFile>;
  failure(fileName: string, code: string | null): string;
}

async function receiveFiles(deps: BotDeps, info: TurnInfo, source: FileSource, fromActivity: ChannelFileRef[], mentioned: boolean): Promise<void> {
  const say = (text: string) => deps.sender.send(info.refId, { text });
  let files = fromActivity;
  if (files.length === 0) {
    try {
      files = await source.list();
    } catch (err) {
      log.warn({ code: errorCode(err), err: err instanceof Error ? err.message : String(err) }, 'could not read the message');
      if (mentioned || errorCode(err) === 'forbidden') await say(source.failure('filen', errorCode(err)));
      return;
    }
  }
  const unreadable = files.filter((f) => !readable(f.name));
  if (unreadable.length && mentioned) await say(channelUnsupported(unreadable.map((f) => f.name)));
  for (const file of files.filter((f) => readable(f.name))) {
    const ack = await deps.sender.send(info.refId, { text: ackText(file.name) });
    let fetched: FetchedFile;
    try {
      fetched = await source.download(file);
    } catch (err) {
      const code = errorCode(err);
      log.warn({ code, err: err instanceof Error ? err.message : String(err) }, 'channel file not fetched');
      // The acknowledgement becomes the reason; the other files go on.
      const text = source.failure(file.name, code);
      await (ack.id ? deps.sender.update(info.refId, ack.id, { text }) : say(text).then(() => undefined));
      continue;
    }
    // From here on exactly as a personal upload: progress in the acknowledgement, then the summary card.
    await submit(deps, info, { name: fetched.name, bytes: fetched.bytes }, info.group!, ack.id);
  }
}
