import { describe, expect, it } from 'vitest';
import { welcomeText } from '../../bot/logic/welcome.js';

describe('the welcome', () => {
  it('in a personal chat says what the bot does, to send a document here, and what to ask', () => {
    const t = welcomeText('personal', false);
    expect(t).toMatch(/^Hej! Jag läser mötesanteckningar/);
    expect(t).toMatch(/Skicka ett dokument till mig här i chatten/);
    expect(t).toMatch(/Vem var frånvarande/);
    expect(t).toMatch(/"hjälp"/);
  });

  it('in a team says files can be posted in the channel only when Graph is configured', () => {
    expect(welcomeText('channel', true)).toMatch(/Lägg upp dokument i kanalen/);
    expect(welcomeText('channel', false)).toMatch(/personlig chatt och väljer teamet som grupp/);
    expect(welcomeText('groupChat', true)).toMatch(/Dela dokument här i chatten och nämn mig/);
    expect(welcomeText('groupChat', false)).toMatch(/personlig chatt och väljer den här gruppchatten som grupp/);
    for (const w of ['channel', 'groupChat'] as const) expect(welcomeText(w, false)).toMatch(/@minutes-bot/);
  });
});
