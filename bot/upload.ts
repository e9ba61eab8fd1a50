/**
 * Uploads in personal chat: a `file.download.info` attachment is acknowledged at once, fetched
 * from its pre-authenticated `downloadUrl`, filed into a group (asked with a card when the
 * uploader is in several; the answer becomes their default) and submitted to the pipeline. The
 * turn ends right after the acknowledgement; everything after it is sent proactively, and the
 * summary arrives when the notify job for the document comes in.
 */
import type { Application, TurnState } from '@microsoft/teams-ai';
import { CardFactory, type Attachment } from 'botbuilder';
import { AppError, errorCode } from '../core/errors.js';
import { logger } from '../core/logger.js';
import { parseJobId } from '../core/queues.js';
import { submitDocument } from '../queue/submit.js';
import {
  addPendingUpload,
  ensurePersonalGroup,
  getBotGroup,
  getDefaultGroup,
  groupsOfMember,
  setDefaultGroup,
  takePendingUpload,
  type BotGroupRow,
} from '../store/conversations.js';
import { addUploadIntent, removeUploadIntent } from '../store/upload-intents.js';
import type { BotDeps } from './deps.js';
import { downloadFile } from './download.js';
import { INTENT_OWNER } from './upload-intents.js';
import { ackText, duplicateText, failureMessage, progressText, tooManyFilesText } from './logic/messages.js';
import { createSlots, type Slots } from './slots.js';
import { GROUP_CHAT_FILE } from './logic/welcome.js';
import { turnInfo, type TurnInfo } from './turn-info.js';

/** Teams' content type for a file sent to a bot (no constant exists in botframework-schema). */
export const FILE_DOWNLOAD_INFO = 'application/vnd.microsoft.teams.file.download.info';

const log = logger('upload');

interface FileAttachment {
  name: string;
  downloadUrl: string;
  fileType: string | null;
}

export function fileAttachments(attachments: Attachment[] | undefined): FileAttachment[] {
  return (attachments ?? [])
    .filter((a) => a.contentType === FILE_DOWNLOAD_INFO)
    .map((a) => {
      const c = (a.content ?? {}) as { downloadUrl?: string; fileType?: string };
      return { name: a.name ?? 'dokument', downloadUrl: c.downloadUrl ?? '', fileType: c.fileType ?? null };
    });
}

/** File name extensions worth fetching (channel files); what a file is, is decided from its bytes. */
export const MIME: Record<string, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  txt: 'text/plain',
};

export function registerUpload(app: Application<TurnState>, deps: BotDeps): void {
  const downloads = createSlots(deps.config.download.concurrency);
  app.activity(
    // Channel files are channel-files.ts's (registered first); this is personal chat and group chats.
    async (ctx) => ctx.activity.type === 'message' && fileAttachments(ctx.activity.attachments).length > 0,
    async (ctx) => {
      const info = turnInfo(ctx);
      if (info.kind !== 'personal') {
        // Teams gives bots files only in personal chat; say so, and how it still ends up here.
        await ctx.sendActivity(info.kind === 'groupChat' ? GROUP_CHAT_FILE : 'Skicka filen till mig i en personlig chatt, så läser jag in den.');
        return;
      }
      const files = fileAttachments(ctx.activity.attachments);
      const max = deps.config.download.maxFilesPerMessage;
      if (files.length > max)
        await ctx.sendActivity(
          tooManyFilesText(
            max,
            files.slice(max).map((f) => f.name),
          ),
        );
      for (const file of files.slice(0, max)) {
        const ack = await ctx.sendActivity(ackText(file.name));
        const ackId = ack?.id ?? '';
        // Not awaited: the HTTP turn ends now; the rest goes out proactively.
        void receive(deps, info, file, ackId, downloads).catch((err: unknown) => log.error({ err: String(err) }, 'upload failed'));
      }
    },
  );

  app.adaptiveCards.actionSubmit('chooseGroup', async (ctx, _state, data) => {
    const info = turnInfo(ctx);
    const value = data as { pendingId?: string; groupId?: string };
    const pending = await takePendingUpload(deps.db, value.pendingId ?? '', info.user.userId);
    if (!pending) {
      await ctx.sendActivity('Den uppladdningen är redan hanterad eller för gammal. Skicka filen igen om den inte kom med.');
      return;
    }
    const allowed = await uploadGroups(deps, info);
    const group = allowed.find((g) => g.id === value.groupId);
    if (!group) {
      await ctx.sendActivity('Välj en av grupperna i listan. Skicka filen igen så frågar jag på nytt.');
      return;
    }
    await setDefaultGroup(deps.db, info.user.userId, group.id);
    const ack = await ctx.sendActivity(
      `${ackText(pending.file_name)} till ${group.name}. (Nästa gång används ${group.name} direkt; skriv "byt grupp" för att ändra.)`,
    );
    const bytes = await deps.blobs.get(pending.sha256);
    void submit(deps, info, { name: pending.file_name, bytes }, group, ack?.id ?? '').catch((err: unknown) => log.error({ err: String(err) }, 'submit failed'));
  });
}

/** Groups the uploader may file into: teams/group chats they are in, else their personal group. */
async function uploadGroups(deps: BotDeps, info: TurnInfo): Promise<BotGroupRow[]> {
  await deps.rosters.refreshStale();
  const member = await groupsOfMember(deps.db, info.user);
  if (member.length > 0) return member;
  return [await ensurePersonalGroup(deps.db, { id: info.user.userId, name: info.user.name })];
}

async function receive(deps: BotDeps, info: TurnInfo, file: FileAttachment, ackId: string, downloads: Slots): Promise<void> {
  // Durable before the download: if this process dies before the user has an outcome, the next
  // start finds the intent and tells them to send the file again (upload-intents.ts).
  const intent = await addUploadIntent(deps.db, { conversationRefId: info.refId, ackActivityId: ackId || null, fileName: file.name, owner: INTENT_OWNER });
  try {
    await receiveFile(deps, info, file, ackId, downloads);
  } finally {
    await removeUploadIntent(deps.db, intent).catch((err: unknown) => log.warn({ err: String(err) }, 'could not remove an upload intent'));
  }
}

async function receiveFile(deps: BotDeps, info: TurnInfo, file: FileAttachment, ackId: string, downloads: Slots): Promise<void> {
  const say = (text: string) => (ackId ? deps.sender.update(info.refId, ackId, { text }) : deps.sender.send(info.refId, { text }).then(() => undefined));
  let bytes: Uint8Array;
  try {
    // A few at a time: each download holds its file in memory until it is stored.
    ({ bytes } = await downloads.run(() =>
      downloadFile(file.downloadUrl, {
        allowedHosts: deps.config.download.allowedHosts,
        allowLoopback: deps.config.bot.localMode,
        maxBytes: deps.config.parse.maxBytes,
        timeoutMs: deps.config.download.timeoutMs,
      }),
    ));
  } catch (err) {
    log.warn({ code: errorCode(err), err: err instanceof Error ? err.message : String(err) }, 'download failed');
    await say(failureMessage(file.name, errorCode(err) ?? 'download-failed'));
    return;
  }
  const groups = await uploadGroups(deps, info);
  const preferred = await getDefaultGroup(deps.db, info.user.userId);
  const group = groups.length === 1 ? groups[0]! : groups.find((g) => g.id === preferred);
  if (group) {
    await submit(deps, info, { name: file.name, bytes }, group, ackId);
    return;
  }
  // Several groups and no default: keep the bytes (the URL expires) and ask.
  const sha = await deps.blobs.put(bytes);
  const pending = await addPendingUpload(deps.db, {
    userId: info.user.userId,
    userName: info.user.name,
    conversationRefId: info.refId,
    fileName: file.name,
    // The type is decided from the bytes when the document is submitted.
    mimeType: null,
    sha256: sha,
  });
  const card = CardFactory.adaptiveCard({
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [
      { type: 'TextBlock', text: `Vilken grupp hör ${file.name} till?`, weight: 'Bolder', wrap: true },
      {
        type: 'Input.ChoiceSet',
        id: 'groupId',
        style: 'expanded',
        isRequired: true,
        value: groups[0]!.id,
        choices: groups.map((g) => ({ title: g.name, value: g.id })),
      },
    ],
    actions: [{ type: 'Action.Submit', title: 'Spara i gruppen', data: { verb: 'chooseGroup', pendingId: pending.id } }],
  });
  await deps.sender.send(info.refId, { attachments: [card] });
  if (ackId) await deps.sender.update(info.refId, ackId, { text: `${ackText(file.name)} Välj grupp nedan.` });
}

export async function submit(deps: BotDeps, info: TurnInfo, file: { name: string; bytes: Uint8Array }, group: BotGroupRow, ackId: string): Promise<void> {
  const groupName = group.kind === 'personal' ? null : group.name;
  if (ackId) deps.progress.start({ refId: info.refId, ackId, fileName: file.name, groupName });
  const say = (text: string) => (ackId ? deps.progress.say(ackId, text) : deps.sender.send(info.refId, { text }).then(() => undefined));
  try {
    const outcome = await submitDocument(
      { db: deps.db, blobs: deps.blobs, queues: deps.queues, parseLimits: deps.config.parse },
      {
        groupId: group.id,
        fileName: file.name,
        bytes: file.bytes,
        uploader: { id: info.user.userId, name: info.user.name, conversationRefId: info.refId, activityId: ackId || null },
      },
    );
    if (outcome.status === 'duplicate') {
      await say(duplicateText(file.name, outcome.existing, groupName, info.user.userId));
      if (ackId) await deps.progress.finish(ackId);
      return;
    }
    if (ackId) {
      deps.progress.bindJob(ackId, parseJobId(group.id, outcome.existing.sha256));
      await deps.progress.say(ackId, progressText(file.name, groupName, null));
    }
  } catch (err) {
    log.error({ err: err instanceof Error ? err.message : String(err) }, 'submit failed');
    const code = errorCode(err);
    await say(code && code !== 'internal' ? failureMessage(file.name, code) : `Kunde inte ta emot ${file.name} just nu. Försök igen om en stund.`);
    if (ackId) await deps.progress.finish(ackId);
    if (!(err instanceof AppError)) throw err;
  }
}

/** Used by the notify handler: the group's display name for messages (null for personal groups). */
export async function groupLabel(deps: BotDeps, groupId: string): Promise<string | null> {
  const g = await getBotGroup(deps.db, groupId);
  return g && g.kind !== 'personal' ? g.name : null;
}
