/**
 * Where a command's answer goes: normally new messages in the conversation; for a help-card
 * `Action.Execute`, into the card the bot returns in the invoke response (see commands.ts).
 */
import { CardFactory, type TurnContext } from 'botbuilder';
import { sendAnswer, type RenderedAnswer } from './ask.js';

export interface Reply {
  text(text: string): Promise<void>;
  card(card: Record<string, unknown>): Promise<void>;
  /** An answer: as its message (with citations in Teams), or its plain text where only text fits. */
  answer(a: RenderedAnswer): Promise<void>;
}

/** Sends each answer as a message of its own. */
export function replyTo(ctx: TurnContext): Reply {
  return {
    async text(text) {
      await ctx.sendActivity({ text, textFormat: 'markdown' });
    },
    async card(card) {
      await ctx.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] });
    },
    async answer(a) {
      await sendAnswer(ctx, a);
    },
  };
}

/** Collects text answers (for the card); cards still go out as messages. */
export function collectingReply(ctx: TurnContext): Reply & { texts: string[] } {
  const texts: string[] = [];
  const messages = replyTo(ctx);
  return {
    texts,
    async text(text) {
      texts.push(text);
    },
    async answer(a) {
      texts.push(a.plain);
      for (const card of a.cards) await messages.card(card);
    },
    card: (card) => messages.card(card),
  };
}
