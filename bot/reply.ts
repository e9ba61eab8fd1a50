/**
 * Where a command's answer goes: normally new messages in the conversation; for a help-card
 * `Action.Execute`, into the card the bot returns in the invoke response (see commands.ts).
 */
import { CardFactory, type TurnContext } from 'botbuilder';

export interface Reply {
  text(text: string): Promise<void>;
  card(card: Record<string, unknown>): Promise<void>;
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
    card: (card) => messages.card(card),
  };
}
