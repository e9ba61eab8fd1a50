/**
 * What the bot says about files posted in a team channel (fetched through Microsoft Graph). Each
 * failure says what happened and what to do; the personal-chat route always works. Plain TypeScript.
 */
import { failureMessage } from './messages.js';

/** Without Graph credentials the bot cannot read channel files at all. */
export const CHANNEL_FILES_NEED_GRAPH =
  'Skicka filen till mig i en personlig chatt, så läser jag in den. (Filer som läggs upp i en kanal kan jag läsa först när den som driver boten har gett mig läsrätt till teamets filer i Microsoft Graph; se docs/teams.md.)';

/** The team's files could not be located (no team id in the activity, or Teams would not say). */
export const CHANNEL_FILES_NO_TEAM = 'Jag hittar inte teamets filer för den här kanalen. Skicka filen till mig i en personlig chatt, så läser jag in den.';

export function channelUnsupported(names: string[]): string {
  return `${names.join(', ')}: den filtypen kan jag inte läsa. Lägg upp en PDF, ett Word-dokument (.docx) eller en textfil.`;
}

const CHANNEL_FAILURES: Record<string, string> = {
  forbidden:
    'Jag får inte läsa den i teamets filer: appen saknar läsrätt i Microsoft Graph (Files.Read.All eller Sites.Selected). Be den som driver boten om det, eller skicka filen till mig i en personlig chatt.',
  'not-found':
    'Jag hittar den inte längre: filen kan ha flyttats eller tagits bort, eller länken har gått ut. Lägg upp den i kanalen igen, eller skicka den till mig i en personlig chatt.',
  'download-refused':
    'Den ligger inte bland den här kanalens filer, så jag läser inte in den här. Ladda upp filen i kanalen, eller skicka den till mig i en personlig chatt.',
};

/** The channel-facing sentence for a channel file that could not be fetched. */
export function channelFailureMessage(fileName: string, code: string | null): string {
  const what = code ? CHANNEL_FAILURES[code] : undefined;
  return what ? `Kunde inte hämta ${fileName}. ${what}` : failureMessage(fileName, code ?? 'download-failed');
}

/** Group chats: the sender's user id is missing, so whose OneDrive holds the file is unknown. */
export const CHAT_FILES_NO_SENDER = 'Jag kan inte se vem som delade filen. Skicka den till mig i en personlig chatt och välj den här gruppchatten som grupp.';

const CHAT_FAILURES: Record<string, string> = {
  forbidden:
    'Jag får inte läsa den: appen saknar läsrätt till filer i Microsoft Graph (Files.Read.All). Be den som driver boten om det, eller skicka filen till mig i en personlig chatt.',
  'not-found': 'Jag hittar den inte längre: filen kan ha flyttats eller tagits bort. Dela den i chatten igen, eller skicka den till mig i en personlig chatt.',
  'download-refused':
    'Den ligger inte i din OneDrive (där Teams lägger filer som delas i en chatt), så jag läser inte in den här. Dela själva filen i chatten, eller skicka den till mig i en personlig chatt.',
};

/** The chat-facing sentence for a group-chat file that could not be fetched. */
export function chatFailureMessage(fileName: string, code: string | null): string {
  const what = code ? CHAT_FAILURES[code] : undefined;
  return what ? `Kunde inte hämta ${fileName}. ${what}` : failureMessage(fileName, code ?? 'download-failed');
}
