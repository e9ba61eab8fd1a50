/**
 * The Teams bot: a teams-ai `Application` on teams-ai's `TeamsAdapter` (Bot Framework auth from
 * MicrosoftAppId/Password/Type/TenantId; without an app id, local mode: no auth). Features register
 * themselves; the first matching route wins, so the order below matters (uploads and card buttons
 * before commands, commands before free questions).
 */
// The two classes from their own files: the package's index also loads its AI half (planners,
// gpt-tokenizer, the openai SDK: ~20 MB resident), which only the LLM path (llm-planner.ts) needs.
import type { TurnState } from '@microsoft/teams-ai';
import { Application } from '@microsoft/teams-ai/lib/Application.js';
import { TeamsAdapter } from '@microsoft/teams-ai/lib/TeamsAdapter.js';
import type { TurnContext } from 'botbuilder';
import type { Config } from '../core/config.js';
import { logger } from '../core/logger.js';
import type { QueueHandles } from '../queue/queues.js';
import type { BlobStore } from '../store/blobs.js';
import type { Db } from '../store/db.js';
import { registerAsk } from './ask.js';
import { isChannelChatter, registerChannelFiles } from './channel-files.js';
import { registerCommands } from './commands.js';
import type { BotDeps } from './deps.js';
import { createDocumentLinks, loadLinkSecret } from './document-links.js';
import { keepEntityProperties } from './entity-serialization.js';
import { createGraphFiles } from './graph-files.js';
import { createLlmAnswerer } from './llm.js';
import { registerMembership } from './membership.js';
import { ingestFinishedHandler } from './notify-consumer.js';
import { createProactiveSender } from './proactive.js';
import { registerReminderActions } from './reminder-actions.js';
import { refreshRosterInTurn, createRosters } from './rosters.js';
import { recordTurn } from './turn-info.js';
import { UploadProgress } from './upload-progress.js';
import { teamsTextFormat } from './teams-format.js';
import { registerUpload } from './upload.js';

export interface BotBase {
  config: Config;
  db: Db;
  blobs: BlobStore;
  queues: QueueHandles;
}

export interface BotApp {
  app: Application<TurnState>;
  adapter: TeamsAdapter;
  deps: BotDeps;
}

const log = logger('bot');

export function createTeamsAdapter(config: Config, isOwnLink?: (url: string) => boolean): TeamsAdapter {
  // Citation entities must reach Teams whole (entity-serialization.ts).
  keepEntityProperties();
  const { appId, appPassword, appType, tenantId } = config.bot;
  const adapter = new TeamsAdapter({
    MicrosoftAppId: appId ?? '',
    MicrosoftAppPassword: appPassword ?? '',
    MicrosoftAppType: appType,
    MicrosoftAppTenantId: tenantId ?? '',
  });
  // Every outgoing text, in a turn or proactive, as Markdown that keeps its lines (teams-format.ts).
  adapter.use(teamsTextFormat({ isOwnLink }));
  return adapter;
}

export function createBotApp(base: BotBase): BotApp {
  const { config, db } = base;
  const links = createDocumentLinks({
    secret: loadLinkSecret(config.documentLinks.secret, config.dataDir),
    ttlHours: config.documentLinks.ttlHours,
    publicBaseUrl: config.publicBaseUrl,
  });
  const adapter = createTeamsAdapter(config, (url) => links.isOwn(url));
  const appId = config.bot.appId;
  const sender = createProactiveSender(adapter, appId, db);
  const deps: BotDeps = {
    ...base,
    adapter,
    appId,
    sender,
    links,
    rosters: createRosters({ db, sender, ttlMinutes: config.rosterTtlMinutes }),
    progress: new UploadProgress(sender),
    notifyHandlers: new Map(),
    // Nothing LLM-related exists without config.llm.
    llm: config.llm ? createLlmAnswerer(config.llm, db.reader) : undefined,
    // Nothing Graph-related exists without app credentials.
    graphFiles: config.graph
      ? createGraphFiles(config.graph, {
          allowedHosts: config.download.allowedHosts,
          allowLoopback: config.bot.localMode,
          maxBytes: config.parse.maxBytes,
          timeoutMs: config.download.timeoutMs,
        })
      : undefined,
  };
  deps.notifyHandlers.set('ingest-finished', ingestFinishedHandler(deps));

  const app = new Application<TurnState>({ adapter, botAppId: appId, removeRecipientMention: true, startTypingTimer: false });

  // Teams retries a turn it thinks timed out; the same activity id must not be handled twice.
  const seen = new Map<string, number>();
  app.turn('beforeTurn', async (ctx) => {
    const key = `${ctx.activity.conversation?.id}|${ctx.activity.id}`;
    if (ctx.activity.id && ctx.activity.type === 'message') {
      if (seen.has(key)) return false;
      seen.set(key, Date.now());
      if (seen.size > 5000) for (const k of [...seen.keys()].slice(0, 2500)) seen.delete(k);
    }
    const info = await recordTurn(ctx, db);
    // With RSC the bot sees every channel message: talk that is not to the bot gets no answer.
    if (isChannelChatter(ctx, info)) return false;
    if (info.group && staleRoster(info.group.roster_refreshed_at, config.rosterTtlMinutes)) {
      await refreshRosterInTurn(ctx, db, info.group).catch((err: unknown) => log.warn({ err: String(err) }, 'roster refresh failed'));
    }
    return true;
  });

  registerMembership(app, deps);
  registerChannelFiles(app, deps);
  registerUpload(app, deps);
  registerReminderActions(app, deps);
  registerCommands(app, deps);
  registerAsk(app, deps);

  app.error(async (ctx: TurnContext, err: Error) => {
    log.error({ err: err.message, stack: err.stack, activityType: ctx.activity?.type }, 'turn failed');
    await ctx.sendActivity('Förlåt, något gick fel hos mig. Försök igen om en stund.').catch(() => undefined);
  });
  return { app, adapter, deps };
}

function staleRoster(at: Date | null, ttlMinutes: number): boolean {
  return !at || Date.now() - new Date(at).getTime() > ttlMinutes * 60_000;
}
