/**
 * `exportera [csv|ics]` / `export [csv|ics]`: the open action items of the conversation's group as
 * a download card with signed, expiring links (`GET /exports/:groupId.(csv|ics)?exp=…&sig=…`),
 * scoped like every command: a team or group chat gets its own group; personal chat the groups
 * the user may see, with a question card when there are several. The route serves the live
 * export (reminders/export.ts) to holders of a valid link; the signature covers group and format.
 */
import type { Application, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import type { Express } from 'express';
import { logger } from '../core/logger.js';
import { loadExport, toCsv, toIcs } from '../reminders/export.js';
import type { Queryable } from '../store/db.js';
import { getBotGroup } from '../store/conversations.js';
import { getGroup } from '../store/groups.js';
import { scopeOf } from './ask.js';
import type { BotDeps } from './deps.js';
import type { DocumentLinks } from './document-links.js';
import type { ExportFormat } from './logic/commands.js';
import { EXPORT_GROUP_VERB, exportCard, exportGroupQuestion } from './logic/export-card.js';
import { groupLabel } from './logic/group-label.js';
import { replyTo, type Reply } from './reply.js';

const log = logger('export');

export const exportPath = (groupId: string, format: ExportFormat) => `/exports/${groupId}.${format}`;

/** Sends the download card for one group (the caller has checked the asker may see it). */
async function sendExport(deps: BotDeps, groupId: string, formats: ExportFormat[], language: 'sv' | 'en', out: Reply): Promise<void> {
  const en = language === 'en';
  const data = await loadExport(deps.db, groupId, new Date(), deps.config.reminders.timezone);
  const signed = formats.map((format) => ({ format, link: deps.links.urlForPath(exportPath(groupId, format)) }));
  if (signed.some((s) => !s.link)) {
    await out.text(
      en
        ? 'I cannot make download links yet: my public address is not known. Try again in a moment.'
        : 'Jag kan inte göra nedladdningslänkar ännu: min publika adress är okänd. Försök igen om en stund.',
    );
    return;
  }
  const group = await getBotGroup(deps.db, groupId);
  await out.card(
    exportCard({
      // A personal group's stored name carries the user's id: show "din personliga samling" instead.
      groupName: group ? groupLabel(group, language) : data.groupName,
      openItems: data.items.length,
      datedItems: data.items.filter((i) => i.due).length,
      hasNextMeeting: data.nextMeeting !== null,
      links: signed.map((s) => ({ format: s.format, url: s.link!.url })),
      expiresAt: signed[0]!.link!.expiresAt,
      language,
      timezone: deps.config.reminders.timezone,
    }),
  );
}

/** The command: `groupIds` are the groups the asker may see here (never empty). */
export async function runExport(deps: BotDeps, groupIds: string[], formats: ExportFormat[], language: 'sv' | 'en', out: Reply): Promise<void> {
  if (groupIds.length === 1) {
    await sendExport(deps, groupIds[0]!, formats, language, out);
    return;
  }
  const groups = (
    await deps.db.query<{ id: string; name: string; kind: string | null }>('SELECT id, name, kind FROM groups WHERE id = ANY($1::uuid[]) ORDER BY name', [
      groupIds,
    ])
  ).rows;
  await out.card(
    exportGroupQuestion(
      groups.map((g) => ({ id: g.id, name: groupLabel(g, language) })),
      formats,
      language,
    ),
  );
}

function formatsOf(v: unknown): ExportFormat[] {
  const list = Array.isArray(v) ? v.filter((f): f is ExportFormat => f === 'csv' || f === 'ics') : [];
  return list.length ? [...new Set(list)] : ['csv', 'ics'];
}

export function registerExport(app: Application<TurnState>, deps: BotDeps): void {
  app.adaptiveCards.actionSubmit(EXPORT_GROUP_VERB, async (ctx: TurnContext, _state, data) => {
    const value = data as { groupId?: unknown; formats?: unknown; language?: unknown };
    const language = value.language === 'en' ? 'en' : 'sv';
    // The choice is checked again: a card's data is the client's word, not ours.
    const groupIds = await scopeOf(ctx, deps);
    if (typeof value.groupId !== 'string' || !groupIds.includes(value.groupId)) {
      await ctx.sendActivity(language === 'en' ? 'Pick one of the groups in the list.' : 'Välj en av grupperna i listan.');
      return;
    }
    await sendExport(deps, value.groupId, formatsOf(value.formats), language, replyTo(ctx));
  });
}

const CONTENT_TYPES: Record<ExportFormat, string> = { csv: 'text/csv; charset=utf-8', ics: 'text/calendar; charset=utf-8' };

/** `GET /exports/:groupId.(csv|ics)?exp=…&sig=…`: the group's open action items, built at download time. */
export function mountExportRoute(app: Express, deps: { db: Queryable; links: DocumentLinks; timezone: string }): void {
  app.get('/exports/:file', async (req, res) => {
    const m = /^([0-9a-f-]{36})\.(csv|ics)$/i.exec(req.params.file);
    const exp = typeof req.query.exp === 'string' ? req.query.exp : '';
    const sig = typeof req.query.sig === 'string' ? req.query.sig : '';
    if (!m || !deps.links.verifyPath(exportPath(m[1]!, m[2] as ExportFormat), exp, sig)) {
      res.status(403).type('text/plain').send('This link is not valid or has expired. Ask the bot to export again.');
      return;
    }
    const groupId = m[1]!;
    const format = m[2] as ExportFormat;
    try {
      if (!(await getGroup(deps.db, groupId))) {
        res.status(404).type('text/plain').send('The group no longer exists.');
        return;
      }
      const now = new Date();
      const data = await loadExport(deps.db, groupId, now, deps.timezone);
      const day = now.toLocaleDateString('sv-SE', { timeZone: deps.timezone });
      const group = await getBotGroup(deps.db, groupId);
      const label = group?.kind === 'personal' ? 'personliga' : data.groupName;
      const name = `åtgärder-${label}-${day}.${format}`.replace(/[\\/:*?"<>|\r\n]+/g, '_');
      // The Excel dialect (';', BOM): people open the download in Excel with Swedish settings.
      const body = format === 'csv' ? toCsv(data, 'excel') : toIcs(data, { now, timezone: deps.timezone });
      res.setHeader('Content-Type', CONTENT_TYPES[format]);
      res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`);
      res.setHeader('Cache-Control', 'private, no-store');
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.send(body);
    } catch (err) {
      log.error({ err: err instanceof Error ? err.message : String(err) }, 'export failed');
      res.status(500).type('text/plain').send('The export failed. Try again in a moment.');
    }
  });
}
