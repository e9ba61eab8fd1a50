/**
 * Reminder card actions (done, snooze, …). Placeholder: the reminders feature replaces this body.
 */
import type { Application, TurnState } from '@microsoft/teams-ai';
import type { BotDeps } from './deps.js';

export function registerReminderActions(_app: Application<TurnState>, _deps: BotDeps): void {}
