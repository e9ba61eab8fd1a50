/**
 * What the bot says when it arrives: what it does, how to give it documents where it was added,
 * and two questions to try. Pure text; membership.ts sends it once per conversation.
 */

export type WelcomeWhere = 'personal' | 'groupChat' | 'channel';

/** `channelFiles`: Microsoft Graph is configured, so files posted in a channel or group chat are read. */
export function welcomeText(where: WelcomeWhere, channelFiles: boolean): string {
  const what =
    'Hej! Jag läser mötesanteckningar, handlingsplaner och beslutsunderlag (PDF, Word eller text) och svarar på frågor om dem, med dokument och sida som källa. Jag påminner också ansvariga om åtgärder före nästa möte.';
  const tryIt = 'Prova t.ex. "Vem var frånvarande på senaste mötet?" eller "Vad ska Maria göra?". Skriv "hjälp" för alla kommandon.';
  if (where === 'personal') {
    return [what, 'Skicka ett dokument till mig här i chatten, så läser jag in det och skickar en sammanfattning.', tryIt].join('\n\n');
  }
  const upload =
    where === 'channel' && channelFiles
      ? 'Lägg upp dokument i kanalen så läser jag in dem till teamets grupp; bara teamets medlemmar får svar ur dem.'
      : where === 'groupChat' && channelFiles
        ? 'Dela dokument här i chatten och nämn mig, så läser jag in dem till chattens grupp; bara chattens medlemmar får svar ur dem.'
        : `Dokument skickar ni till mig i en personlig chatt och väljer ${where === 'channel' ? 'teamet' : 'den här gruppchatten'} som grupp; bara ${where === 'channel' ? 'teamets' : 'chattens'} medlemmar får svar ur dem.`;
  return [what, upload, `Nämn mig med en fråga, t.ex. "@minutes-bot Vem var frånvarande?". ${tryIt}`].join('\n\n');
}

/** A file posted in a group chat: Teams hands it to the bot only in a personal chat. */
export const GROUP_CHAT_FILE =
  'I en gruppchatt får jag inte filerna av Teams. Skicka filen till mig i en personlig chatt och välj den här gruppchatten som grupp, så kan alla här fråga om den.';
