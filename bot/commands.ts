/**
 * Commands (`hjälp`, `dokument`, `åtgärder [namn]`, `närvaro [datum]`, `nästa möte`,
 * `budget [sökord]`, `glöm <dokument>`, `byt grupp`, `exportera [csv|ics]`, `ordförande <namn>`),
 * the help card's buttons and the summary card's buttons. Every list is scoped to the groups the
 * asker may see in this conversation.
 *
 * Help-card buttons carry `{ command }`: an `Action.Execute` (invoke, verb `cmd`) returns the help
 * card with the command's answer in it (teams-ai puts it in the invoke response; Teams replaces the
 * card for the clicker); an `Action.Submit` (`verb: 'cmd'`) answers with ordinary messages.
 */
import type { Application, TurnState } from '@microsoft/teams-ai';
import { CardFactory, type TurnContext } from 'botbuilder';
import type { BotDeps } from './deps.js';
import { answerFor, NOTHING_VISIBLE, scopeOf } from './ask.js';
import { canManageDocument } from './logic/access.js';
import { parseCommand, parseExportFormats, type Command } from './logic/commands.js';
import { groupLabel } from './logic/group-label.js';
import { HELP_COMMAND_VERB, helpCard } from './logic/help-card.js';
import { applyCorrections, correctionCard, correctionsFromForm, listActionItems, loadSummary } from './logic/summary.js';
import { getDocument, listDocuments } from '../store/documents.js';
import { forgetDocument, matchDocuments } from '../queue/forget.js';
import { setDefaultGroup } from '../store/conversations.js';
import { turnInfo } from './turn-info.js';
import { runChair } from './chair.js';
import { registerExport, runExport } from './export.js';
import { collectingReply, replyTo, type Reply } from './reply.js';

const STATUS_SV: Record<string, string> = { queued: 'väntar', parsing: 'läses', done: 'klar', failed: 'misslyckades' };

async function run(ctx: TurnContext, deps: BotDeps, cmd: Command, out: Reply = replyTo(ctx)): Promise<void> {
  const info = turnInfo(ctx);
  const en = cmd.language === 'en';
  const send = (text: string) => out.text(text);
  if (cmd.name === 'help') {
    await out.card(helpCard(cmd.language));
    return;
  }
  if (cmd.name === 'chair') {
    await runChair(deps, info, cmd.arg, cmd.language, out);
    return;
  }
  if (cmd.name === 'change-group') {
    await setDefaultGroup(deps.db, info.user.userId, null);
    await send(en ? 'Done: I will ask which group your next upload belongs to.' : 'Klart: jag frågar vilken grupp nästa uppladdning hör till.');
    return;
  }
  const groupIds = await scopeOf(ctx, deps);
  if (groupIds.length === 0) {
    await send(NOTHING_VISIBLE[cmd.language]);
    return;
  }
  switch (cmd.name) {
    case 'documents': {
      const docs = await listDocuments(deps.db, groupIds);
      if (docs.length === 0) {
        await send(en ? 'No documents yet.' : 'Inga dokument ännu.');
        return;
      }
      const kinds = new Map(
        (await deps.db.query<{ id: string; kind: string | null }>('SELECT id, kind FROM groups WHERE id = ANY($1::uuid[])', [groupIds])).rows.map((g) => [
          g.id,
          g.kind,
        ]),
      );
      const lines = docs.map((d) => {
        const name = d.title ? `${d.title} (${d.file_name})` : d.file_name;
        const status = d.status === 'done' ? '' : ` — ${STATUS_SV[d.status] ?? d.status}`;
        const where = groupIds.length > 1 ? ` [${groupLabel({ name: d.group_name, kind: kinds.get(d.group_id) }, cmd.language)}]` : '';
        return `- ${name}${d.doc_date ? `, ${d.doc_date}` : ''}${where}${status}`;
      });
      await send(`${en ? 'Documents' : 'Dokument'} (${docs.length}):\n${lines.join('\n')}`);
      return;
    }
    case 'actions': {
      const items = await listActionItems(deps.db, { groupIds, owner: cmd.arg || undefined, openOnly: true });
      await send(actionsText(items, cmd.arg, en));
      return;
    }
    case 'attendance':
      await out.answer(
        await answerFor(
          ctx,
          deps,
          en
            ? `Who attended the meeting${cmd.arg ? ` on ${cmd.arg}` : ''} and who was absent?`
            : `Vilka var närvarande${cmd.arg ? ` på mötet ${cmd.arg}` : ''}?`,
        ),
      );
      if (!en) await out.answer(await answerFor(ctx, deps, `Vilka var frånvarande${cmd.arg ? ` på mötet ${cmd.arg}` : ''}?`));
      return;
    case 'next-meeting':
      await out.answer(await answerFor(ctx, deps, en ? 'When is the next meeting?' : 'När är nästa möte?'));
      return;
    case 'budget':
      await out.answer(
        await answerFor(
          ctx,
          deps,
          cmd.arg
            ? en
              ? `How much does ${cmd.arg} cost?`
              : `Hur mycket kostar ${cmd.arg}?`
            : en
              ? 'What is the total budget?'
              : 'Vad är den totala budgeten?',
        ),
      );
      return;
    case 'forget':
      await forget(ctx, deps, cmd.arg, groupIds, en, out);
      return;
    case 'export': {
      const formats = parseExportFormats(cmd.arg);
      if (!formats) {
        await send(en ? 'Write "export", "export csv" or "export ics".' : 'Skriv "exportera", "exportera csv" eller "exportera ics".');
        return;
      }
      await runExport(deps, groupIds, formats, cmd.language, out);
      return;
    }
  }
}

function actionsText(items: Awaited<ReturnType<typeof listActionItems>>, owner: string, en: boolean): string {
  if (items.length === 0)
    return owner ? (en ? `No open action items for ${owner}.` : `Inga öppna åtgärder för ${owner}.`) : en ? 'No open action items.' : 'Inga öppna åtgärder.';
  const lines = items.slice(0, 30).map((a) => {
    const who = a.owners.length ? a.owners.join(', ') : en ? 'no owner' : 'ansvarig saknas';
    const due = a.due ?? a.dueText;
    return `- ${a.task} — ${who}${due ? (en ? `, due ${due}` : `, senast ${due}`) : ''}${a.corrected ? (en ? ' (corrected)' : ' (rättad)') : ''} (${a.document}${a.page ? `, s. ${a.page}` : ''})`;
  });
  const head = en ? `Open action items${owner ? ` for ${owner}` : ''} (${items.length}):` : `Öppna åtgärder${owner ? ` för ${owner}` : ''} (${items.length}):`;
  return [head, ...lines, ...(items.length > 30 ? [`… +${items.length - 30}`] : [])].join('\n');
}

async function forget(ctx: TurnContext, deps: BotDeps, arg: string, groupIds: string[], en: boolean, out: Reply): Promise<void> {
  const info = turnInfo(ctx);
  if (!arg) {
    await out.text(en ? 'Which document? Write: forget <file name or title>.' : 'Vilket dokument? Skriv: glöm <filnamn eller titel>.');
    return;
  }
  const matches = matchDocuments(await listDocuments(deps.db, groupIds), arg);
  if (matches.length === 0) {
    await out.text(
      en
        ? `I find no document called "${arg}". Write "documents" to see the list.`
        : `Jag hittar inget dokument som heter "${arg}". Skriv "dokument" för att se listan.`,
    );
    return;
  }
  if (matches.length > 1) {
    await out.text(
      (en ? 'Several documents match; write the whole file name:\n' : 'Flera dokument passar; skriv hela filnamnet:\n') +
        matches.map((d) => `- ${d.file_name}`).join('\n'),
    );
    return;
  }
  const doc = matches[0]!;
  if (!(await canManageDocument(deps.db, doc, info.user))) {
    await out.text(
      en ? 'Only the person who uploaded it or the group’s owners can remove it.' : 'Bara den som laddade upp dokumentet eller gruppens ägare kan ta bort det.',
    );
    return;
  }
  await forgetDocument(deps, doc);
  await out.text(en ? `Removed ${doc.file_name} and everything taken from it.` : `Borttaget: ${doc.file_name} och allt som hämtats ur det.`);
}

/** A document from a card button, if the clicker may see it here. */
async function visibleDocument(ctx: TurnContext, deps: BotDeps, documentId: unknown) {
  if (typeof documentId !== 'string') return null;
  const doc = await getDocument(deps.db, documentId);
  if (!doc) return null;
  const groupIds = await scopeOf(ctx, deps);
  return groupIds.includes(doc.group_id) ? doc : null;
}

export function registerCommands(app: Application<TurnState>, deps: BotDeps): void {
  app.activity(
    async (ctx) => ctx.activity.type === 'message' && typeof ctx.activity.text === 'string' && parseCommand(ctx.activity.text) !== null,
    async (ctx) => run(ctx, deps, parseCommand(ctx.activity.text)!),
  );

  // Help-card buttons. An unknown command gets the help again rather than silence.
  app.adaptiveCards.actionExecute<{ command?: unknown }>(HELP_COMMAND_VERB, async (ctx, _state, data) => {
    const cmd = typeof data.command === 'string' ? parseCommand(data.command) : null;
    if (!cmd || cmd.name === 'help') return helpCard(cmd?.language ?? 'sv') as never;
    const out = collectingReply(ctx);
    await run(ctx, deps, cmd, out);
    const text = out.texts.join('\n\n') || (cmd.language === 'en' ? 'Done; see the message below.' : 'Klart; se meddelandet nedan.');
    return helpCard(cmd.language, { command: typeof data.command === 'string' ? data.command : '', text }) as never;
  });
  app.adaptiveCards.actionSubmit(HELP_COMMAND_VERB, async (ctx, _state, data) => {
    const command = (data as { command?: unknown }).command;
    const cmd = typeof command === 'string' ? parseCommand(command) : null;
    await run(ctx, deps, cmd ?? { name: 'help', arg: '', language: 'sv' });
  });
  registerExport(app, deps);

  app.adaptiveCards.actionSubmit('allActions', async (ctx, _state, data) => {
    const doc = await visibleDocument(ctx, deps, (data as { documentId?: unknown }).documentId);
    if (!doc) {
      await ctx.sendActivity('Det dokumentet finns inte längre, eller så kan du inte se det här.');
      return;
    }
    const items = await listActionItems(deps.db, { documentIds: [doc.id] });
    await ctx.sendActivity({ text: actionsText(items, '', false).replace('Öppna åtgärder', 'Åtgärder'), textFormat: 'markdown' });
  });

  app.adaptiveCards.actionSubmit('correctSummary', async (ctx, _state, data) => {
    const doc = await visibleDocument(ctx, deps, (data as { documentId?: unknown }).documentId);
    if (!doc || !(await canManageDocument(deps.db, doc, turnInfo(ctx).user))) {
      await ctx.sendActivity('Bara den som laddade upp dokumentet eller gruppens ägare kan rätta sammanfattningen.');
      return;
    }
    const summary = await loadSummary(deps.db, doc.id);
    if (summary) await ctx.sendActivity({ attachments: [CardFactory.adaptiveCard(correctionCard(summary))] });
  });

  app.adaptiveCards.actionSubmit('saveCorrections', async (ctx, _state, data) => {
    const info = turnInfo(ctx);
    const doc = await visibleDocument(ctx, deps, (data as { documentId?: unknown }).documentId);
    if (!doc || !(await canManageDocument(deps.db, doc, info.user))) {
      await ctx.sendActivity('Bara den som laddade upp dokumentet eller gruppens ägare kan rätta sammanfattningen.');
      return;
    }
    const summary = await loadSummary(deps.db, doc.id);
    if (!summary) return;
    const changes = correctionsFromForm(summary, data as Record<string, unknown>);
    const n = await applyCorrections(deps.db, doc.id, changes, info.user.name ?? info.user.userId);
    if (n === 0) {
      await ctx.sendActivity('Inget ändrades.');
      return;
    }
    const items = await listActionItems(deps.db, { documentIds: [doc.id] });
    await ctx.sendActivity({
      text: `Sparat ${n} ${n === 1 ? 'rättelse' : 'rättelser'}. Rättelserna gäller i alla svar och listor.\n${actionsText(items, '', false).replace('Öppna åtgärder', 'Åtgärder')}`,
      textFormat: 'markdown',
    });
  });
}
