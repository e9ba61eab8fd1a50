/**
 * End to end in a real browser: the main job (`minutes start`: bot + workers) as a child process,
 * the Microsoft 365 Agents Playground pointed at its `/api/messages`, and Debian's headless
 * Chromium driven by playwright-core. A file reaches the bot the way Teams sends it (a
 * `file.download.info` attachment whose download URL a loopback server in this test serves), the
 * summary card renders; a question typed into the compose box is answered with the absent names;
 * a click on the card's "Alla åtgärder" button reaches the bot and its reply shows; the help card's
 * "Nästa möte" button (Action.Execute, an invoke) comes back as the card with the answer in it.
 *
 * The playground's current user (Alex Wilber, `user-id-0`) is in none of its mocked team or group
 * chat rosters, so the bot files the upload into that user's personal group, which is what the
 * same user then sees in personal chat.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { CHROMIUM_ARGS, findChromium } from '../helpers/chromium.js';
import { startPlayground, type Playground, type PlaygroundConfig } from '../helpers/playground.js';
import { spawnCli, waitFor, type CliProcess } from '../helpers/processes.js';
import { FIXTURES, tempDir, testEnv } from '../helpers/services.js';

const MINUTES_NAME = '2026-03-02-motesanteckning-uppdragsgrupp-barn-och-unga.pdf';
const golden = JSON.parse(fs.readFileSync(path.join(FIXTURES, MINUTES_NAME.replace(/\.pdf$/, '.facts.json')), 'utf8')) as {
  attendees: Array<{ name: string; present: boolean }>;
};
const PLAN_NAME = '2015-11-13-mal-och-handlingsplan-2016-2018.pdf';
const FIXTURE_NAMES = [MINUTES_NAME, PLAN_NAME];
/** Screenshots of what the checks look at: E2E_SCREENSHOT_DIR keeps them, else a temp dir (path printed). */
let shots: string | undefined;
function shotPath(name: string): string {
  shots ??= process.env['E2E_SCREENSHOT_DIR'] ?? tempDir('minutes-e2e-shots-');
  fs.mkdirSync(shots, { recursive: true });
  return path.join(shots, `${name}.png`);
}
const ABSENT = golden.attendees.filter((a) => !a.present).map((a) => a.name);
const PRESENT = golden.attendees.filter((a) => a.present).map((a) => a.name);

const browser = findChromium();
if (!browser.ok) console.warn(`[e2e] skipping the Agents Playground browser test: ${browser.reason}`);

let bot: CliProcess | undefined;
let dataDir: string | undefined;
let profile: string | undefined;
let playground: Playground | undefined;
let context: BrowserContext | undefined;
let page: Page;
let pg: PlaygroundConfig;
let fileServer: http.Server | undefined;
let fileUrl = '';
let fileBase = '';
const downloads: Array<{ url: string; authorization?: string }> = [];

/** The bot's messages as the playground renders them (text of each, card text included). */
function botMessages(): Locator {
  return page.locator('[aria-label="Message header"]').filter({ hasText: pg.bot.name }).locator('..');
}

async function botTexts(): Promise<string[]> {
  return botMessages().allInnerTexts();
}

/** Waits, bounded, for a bot message (at index `from` or later) whose text passes `test`. */
async function waitForBotMessage(what: string, from: number, test: (text: string) => boolean, timeoutMs = 60_000): Promise<string> {
  return waitFor(
    what,
    async () => {
      const texts = await botTexts();
      return texts.slice(from).find(test) ?? null;
    },
    timeoutMs,
    250,
  );
}

/** Sends a file the way Teams does in personal chat: a `file.download.info` attachment. */
async function uploadFile(name: string, uniqueId: string, downloadUrl = `${fileBase}${name}?tempauth=e2e`): Promise<void> {
  await playground!.sendCustomActivity(pg.personalChat.id, {
    type: 'message',
    text: '',
    from: { id: pg.currentUser.id, name: pg.currentUser.name },
    attachments: [
      {
        contentType: 'application/vnd.microsoft.teams.file.download.info',
        name,
        contentUrl: `https://contoso.sharepoint.com/personal/alexw/Documents/${name}`,
        content: { downloadUrl, uniqueId, fileType: 'pdf', etag: uniqueId },
      },
    ],
  });
}

async function ask(text: string): Promise<void> {
  const box = page.getByRole('textbox');
  await box.fill(text);
  await box.press('Enter');
}

describe.skipIf(!browser.ok)('the bot in the Microsoft 365 Agents Playground, in headless Chromium', () => {
  beforeAll(async () => {
    // Serves fixtures the way SharePoint's pre-authenticated download URL does: a plain GET.
    fileServer = http.createServer((req, res) => {
      downloads.push({ url: req.url ?? '', authorization: req.headers.authorization });
      const name = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname.replace(/^\/download\//, ''));
      if (!req.url?.startsWith('/download/') || !FIXTURE_NAMES.includes(name)) return void res.writeHead(404).end();
      const bytes = fs.readFileSync(path.join(FIXTURES, name));
      res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': bytes.length }).end(bytes);
    });
    await new Promise<void>((resolve) => fileServer!.listen(0, '127.0.0.1', resolve));
    fileBase = `http://127.0.0.1:${(fileServer.address() as { port: number }).port}/download/`;
    fileUrl = `${fileBase}${MINUTES_NAME}?tempauth=e2e`;

    // No MicrosoftAppId: local mode (no Bot Framework auth, loopback downloads allowed), as with the playground.
    const env = testEnv({ LOG_LEVEL: 'info', PORT: '0' });
    dataDir = env['MINUTES_DATA_DIR'];
    bot = spawnCli(['start'], env);
    await waitFor(
      'the main job to listen',
      async () => {
        if (bot!.child.exitCode !== null) throw new Error(`the main job exited (${bot!.child.exitCode}):\n${bot!.output()}`);
        return /running on http:\/\/localhost:\d+/.test(bot!.output());
        // Bounded, not a timing check: a busy shared machine can take a minute or more to start it.
      },
      150_000,
    );
    const botPort = Number(/running on http:\/\/localhost:(\d+)/.exec(bot.output())![1]);
    await waitFor('the main job to be ready', async () => (await fetch(`http://127.0.0.1:${botPort}/readyz`).catch(() => null))?.status === 200, 30_000);

    playground = await startPlayground(`http://127.0.0.1:${botPort}/api/messages`);
    pg = await playground.config();

    // A fresh profile each run: nothing carried over between runs, and Playwright owns --user-data-dir.
    profile = tempDir('minutes-e2e-chromium-');
    context = await chromium.launchPersistentContext(profile, {
      executablePath: browser.ok ? browser.path : undefined,
      headless: true,
      args: CHROMIUM_ARGS,
      timeout: 60_000,
    });
    context.setDefaultTimeout(30_000);
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto(playground.url, { timeout: 60_000 });
    await page.getByRole('treeitem', { name: pg.personalChat.name }).click();
    await page.getByRole('textbox').waitFor({ state: 'visible' });
  }, 300_000);

  afterAll(async () => {
    await context?.close().catch(() => undefined);
    await playground?.stop();
    if (bot) {
      bot.kill('SIGTERM');
      await Promise.race([bot.exited, new Promise((r) => setTimeout(r, 15_000))]);
      bot.kill('SIGKILL');
    }
    await new Promise((r) => (fileServer ? fileServer.close(r) : r(undefined)));
    for (const dir of [profile, dataDir]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  /** On failure: a screenshot and the tails of both processes' output, printed with their paths. */
  function reportFailure(name: string) {
    onTestFailed(async () => {
      const dir = tempDir('minutes-e2e-failure-');
      const shot = path.join(dir, `${name}.png`);
      await page?.screenshot({ path: shot, fullPage: true }).catch(() => undefined);
      fs.writeFileSync(path.join(dir, 'bot.log'), bot?.output() ?? '');
      fs.writeFileSync(path.join(dir, 'playground.log'), playground?.output() ?? '');
      console.error(`[e2e] ${name} failed; screenshot: ${shot}; logs: ${dir}/bot.log, ${dir}/playground.log`);
    });
  }

  it('an uploaded file is acknowledged, updated in place to done, and summarised in a card with the absent people', async () => {
    reportFailure('upload');
    const before = (await botTexts()).length;
    await uploadFile(MINUTES_NAME, 'e2e-1', fileUrl);
    // If the user is in several groups the bot asks which one first: answer with its card button.
    const card = await waitForBotMessage('the summary card (or the group question)', before, (t) => /Frånvarande \(\d+\)|Vilken grupp hör/.test(t), 90_000);
    if (/Vilken grupp hör/.test(card)) await page.getByRole('button', { name: 'Spara i gruppen' }).last().click();
    const summary = await waitForBotMessage('the summary card', before, (t) => /Frånvarande \(\d+\)/.test(t), 90_000);
    expect(summary).toMatch(/Frånvarande \(6\)/);
    for (const name of [...ABSENT, ...PRESENT]) expect(summary).toContain(name);
    expect(summary).toContain('2026-03-02');
    await expect.poll(() => page.getByRole('button', { name: 'Alla åtgärder' }).count()).toBe(1);
    // The acknowledgement was updated in place (the playground renders updateActivity).
    await waitForBotMessage('the acknowledgement to say done', before, (t) => /Klart: 2026-03-02-motesanteckning.* är inläst/.test(t), 30_000);
    // The bot fetched the download URL itself, with a plain GET and no token.
    expect(downloads.map((d) => d.url)).toContain(new URL(fileUrl).pathname + new URL(fileUrl).search);
    expect(downloads.every((d) => d.authorization === undefined)).toBe(true);
  }, 150_000);

  it('answers "Vem var frånvarande?" typed into the compose box with the six absent names and a source', async () => {
    reportFailure('question');
    const before = (await botTexts()).length;
    const box = page.getByRole('textbox');
    await box.fill('Vem var frånvarande?');
    await box.press('Enter');
    const answer = await waitForBotMessage('the answer', before, (t) => ABSENT.some((n) => t.includes(n)), 60_000);
    expect(ABSENT).toHaveLength(6);
    for (const name of ABSENT) expect(answer).toContain(name);
    for (const name of PRESENT) expect(answer).not.toContain(name);
    expect(answer).toMatch(/Källa: .*s\. \d/);
    // Numbered citations: the playground turns each "[n]" that has a citation entity into a reference button.
    const message = botMessages().filter({ hasText: ABSENT[0]! }).last();
    const citations = message.locator('.fai-Citation');
    await expect.poll(() => citations.count()).toBeGreaterThan(0);
    expect(await citations.first().innerText()).toBe('1');
    expect(await message.innerText()).not.toMatch(/\[\d+\]/);
    // Opening the reference shows the document and page, linking to the signed document at that page.
    await citations.first().click();
    const link = page.locator('a[href*="/documents/"][href*="#page="]').first();
    await link.waitFor({ state: 'visible' });
    expect(await link.getAttribute('href')).toMatch(/\/documents\/[0-9a-f-]{36}\?exp=\d+&sig=[^#]+#page=1$/);
    const shot = shotPath('answer-with-citations');
    await page.screenshot({ path: shot });
    console.log(`[e2e] screenshot of the answer with its citation open: ${shot}`);
    await page.keyboard.press('Escape');
  }, 90_000);

  it('a click on the card button "Alla åtgärder" reaches the bot, and its list of action items shows', async () => {
    reportFailure('card-button');
    const summary = (await botTexts()).find((t) => /Frånvarande \(\d+\)/.test(t)) ?? '';
    const onCard = /Åtgärder \((\d+)\)/.exec(summary);
    expect(onCard, 'the summary card counts its action items').not.toBeNull();
    const before = (await botTexts()).length;
    await page.getByRole('button', { name: 'Alla åtgärder' }).click();
    // The reply is a new message "Åtgärder (N):" (the card's heading has no colon).
    const reply = await waitForBotMessage('the action-item list', before, (t) => /Åtgärder \(\d+\):/.test(t), 60_000);
    // The list and the card agree on how many items the document has.
    expect(/Åtgärder \((\d+)\):/.exec(reply)![1]).toBe(onCard![1]);
    expect(Number(onCard![1])).toBeGreaterThan(0);
  }, 90_000);

  it('the help card\'s Action.Execute button "Nästa möte" is answered in the card itself', async () => {
    reportFailure('help-execute');
    const before = (await botTexts()).length;
    const box = page.getByRole('textbox');
    await box.fill('hjälp');
    await box.press('Enter');
    const help = await waitForBotMessage('the help card', before, (t) => /Det här kan jag/.test(t) && /exportera/.test(t), 60_000);
    // Placeholders in angle brackets stay visible in cards too (not taken for HTML and dropped).
    // (The bot puts an invisible word joiner after "<"; a reader sees the placeholder as written.)
    expect(help.replace(/\u2060/g, '')).toContain('glöm <dokument>');
    expect(help.replace(/\u2060/g, '')).toContain('ordförande <namn>');
    const texts = await botTexts();
    const index = texts.map((t) => /Det här kan jag/.test(t)).lastIndexOf(true);
    const helpCards = (await botTexts()).filter((t) => /Det här kan jag/.test(t)).length;
    expect(await page.getByRole('button', { name: 'Öppna åtgärder' }).count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Nästa möte' }).last().click();
    // Execute returns the card in the invoke response; the playground shows it in place of the old one.
    const answered = await waitForBotMessage('the help card with the answer', index, (t) => /Svar: nästa möte/.test(t), 60_000);
    expect(answered).toMatch(/2026-04-17|17 april/);
    expect(answered).toContain('Det här kan jag');
    // Replaced, not added: still as many help cards as before the click.
    expect((await botTexts()).filter((t) => /Det här kan jag/.test(t))).toHaveLength(helpCards);
  }, 90_000);

  it('a bulleted answer keeps one line per item, and a placeholder in angle brackets stays visible', async () => {
    reportFailure('lines');
    let before = (await botTexts()).length;
    await ask('Vilka åtgärder finns?');
    const list = await waitForBotMessage(
      'the list of action items',
      before,
      (t) => /uppgifter \(\d+\)(?: \(och \d+ till\))?:/.test(t) && /Källa:/.test(t),
      60_000,
    );
    const lines = list
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    const heading = /uppgifter \((\d+)\)(?: \(och (\d+) till\))?:$/;
    const head = lines.findIndex((l) => heading.test(l));
    expect(head).toBeGreaterThanOrEqual(0);
    const [, total, more] = heading.exec(lines[head]!)!;
    expect(Number(total)).toBeGreaterThan(3);
    // Heading, one line per listed item (the list stops at its cap and says how many more), then the source on its own line.
    const n = Number(total) - Number(more ?? 0);
    for (const item of lines.slice(head + 1, head + 1 + n)) expect(item).not.toMatch(/Källa:|uppgifter \(/);
    expect(lines[head + 1 + n]).toMatch(/^Källa: /);
    await botMessages()
      .filter({ hasText: lines[head]! })
      .last()
      .screenshot({ path: shotPath('bulleted-answer') });
    console.log(`[e2e] screenshot of a bulleted answer: ${shotPath('bulleted-answer')}`);

    before = (await botTexts()).length;
    await ask('glöm');
    const hint = await waitForBotMessage('the forget hint', before, (t) => /Vilket dokument\?/.test(t), 60_000);
    expect(hint).toContain('glöm <filnamn eller titel>');
  }, 120_000);

  it('a budget question is followed by a chart card of the table its answer cites', async () => {
    reportFailure('budget-chart');
    let before = (await botTexts()).length;
    await uploadFile(PLAN_NAME, 'e2e-2');
    // The plan's summary card carries its own chart: cost by area.
    const summary = await waitForBotMessage('the plan summary with its chart', before, (t) => /Kostnad per område/.test(t), 180_000);
    expect(summary).toMatch(/Äldre: 9 317 640 kr/);
    const summaryCard = botMessages().filter({ hasText: 'Kostnad per område' }).last();
    // The chart itself renders in the card: an SVG with one slice per area.
    expect(await summaryCard.locator('.ac-adaptiveCard svg path').count()).toBeGreaterThanOrEqual(7);
    await summaryCard.screenshot({ path: shotPath('summary-with-chart') });
    console.log(`[e2e] screenshot of the plan's summary card with its chart: ${shotPath('summary-with-chart')}`);
    before = (await botTexts()).length;
    await ask('Hur mycket kostar Hallandsbarometern 2016?');
    await waitForBotMessage('the answer', before, (t) => /375 000 kr/.test(t), 60_000);
    const chart = await waitForBotMessage('the chart card', before, (t) => /Kostnader – Ekonomi 2016 – Gemensamt/.test(t), 60_000);
    // The numbers as text for screen readers, the cited amount among them.
    expect(chart).toMatch(/B Projektledare: 375 000 kr/);
    const card = botMessages().filter({ hasText: 'Kostnader – Ekonomi 2016 – Gemensamt' }).last();
    // The chart itself renders (an SVG pie, a slice per cost line), not only its text.
    expect(await card.locator('.ac-adaptiveCard svg path').count()).toBeGreaterThanOrEqual(4);
    await card.scrollIntoViewIfNeeded();
    await card.screenshot({ path: shotPath('budget-chart') });
    console.log(`[e2e] screenshot of the budget chart card: ${shotPath('budget-chart')}`);
  }, 300_000);
});
