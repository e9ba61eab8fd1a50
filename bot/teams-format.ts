/**
 * One place where the bot's outgoing text becomes Teams Markdown (bot/logic/teams-text.ts): a
 * middleware on the adapter, so every message — in a turn, proactive (continueConversation runs
 * the middleware too), sent or updated in place — keeps its line breaks and its angle brackets.
 * Text marked `textFormat: 'plain'` or `'xml'` is left alone. Links in text and cards survive only
 * when they point at the bot's own signed URLs (documents and the model are untrusted), and a
 * placeholder such as "<dokument>" in card text stays visible. Cards returned to Action.Execute
 * (in the invoke response) get the same treatment as cards in messages.
 */
import type { Activity, Middleware, TurnContext } from 'botbuilder';
import { defuseTags, neutraliseLinks, toTeamsMarkdown, type MarkdownOptions } from './logic/teams-text.js';

const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

function format(activity: Partial<Activity>, opts: MarkdownOptions): void {
  // A card returned to Action.Execute travels in the invoke response, not as a message.
  if (activity.type === 'invokeResponse') {
    const body = (activity.value as { body?: { type?: unknown; value?: unknown } } | undefined)?.body;
    if (body?.type === ADAPTIVE_CARD) neutraliseCard(body.value, opts);
    return;
  }
  if (activity.type !== undefined && activity.type !== 'message') return;
  for (const a of activity.attachments ?? []) if (a.contentType === ADAPTIVE_CARD) neutraliseCard(a.content, opts);
  if (typeof activity.text !== 'string' || activity.text === '') return;
  if (activity.textFormat === 'plain' || activity.textFormat === 'xml') return;
  activity.text = toTeamsMarkdown(activity.text, opts);
  activity.textFormat = 'markdown';
}

/** Card TextBlocks and facts render Markdown links too, and cards carry titles and quotes from documents. */
function neutraliseCard(node: unknown, opts: MarkdownOptions): void {
  if (Array.isArray(node)) {
    for (const n of node) neutraliseCard(n, opts);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const o = node as Record<string, unknown>;
  const isText = o.type === 'TextBlock' || (o.type === undefined && typeof o.title === 'string' && typeof o.value === 'string');
  for (const [k, v] of Object.entries(o)) {
    // An input's choices: the title is shown, the value is data the bot gets back as it was.
    if (k === 'choices' && Array.isArray(v)) {
      for (const c of v as Array<Record<string, unknown>>) if (c && typeof c.title === 'string') c.title = defuseTags(neutraliseLinks(c.title, opts));
      continue;
    }
    if (typeof v === 'string') {
      if (isText && (k === 'text' || k === 'title' || k === 'value')) o[k] = defuseTags(neutraliseLinks(v, opts));
    } else neutraliseCard(v, opts);
  }
}

/** The middleware; `isOwnLink` says which link targets are the bot's own (signed) URLs. */
export function teamsTextFormat(opts: MarkdownOptions = {}): Middleware {
  return {
    async onTurn(ctx: TurnContext, next: () => Promise<void>): Promise<void> {
      ctx.onSendActivities(async (_ctx, activities, nextSend) => {
        for (const a of activities) format(a, opts);
        return nextSend();
      });
      ctx.onUpdateActivity(async (_ctx, activity, nextUpdate) => {
        format(activity, opts);
        return nextUpdate();
      });
      await next();
    },
  };
}
