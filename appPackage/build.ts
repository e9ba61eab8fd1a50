/**
 * Builds the Teams app package (`npm run package:teams`): fills manifest.json's placeholders
 * from the configuration (MicrosoftAppId → BOT_ID, PUBLIC_BASE_URL → developer URLs and
 * validDomains), checks the icons, and zips manifest.json, color.png and outline.png into
 * `appPackage/build/minutes-bot.zip`, ready to sideload in Teams.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../core/config.js';
import { writeIcons } from './icons.js';
import { zip } from './zip.js';

const DIR = path.dirname(fileURLToPath(import.meta.url));

export function buildManifest(template: string, vars: { botId: string; publicBaseUrl: string }): Record<string, unknown> {
  const base = vars.publicBaseUrl.replace(/\/+$/, '');
  const domain = new URL(base).host;
  const filled = template.replaceAll('${{BOT_ID}}', vars.botId).replaceAll('${{PUBLIC_BASE_URL}}', base).replaceAll('${{BOT_DOMAIN}}', domain);
  const left = /\$\{\{[A-Z_]+\}\}/.exec(filled);
  if (left) throw new Error(`manifest.json still has a placeholder: ${left[0]}`);
  return JSON.parse(filled) as Record<string, unknown>;
}

export function buildPackage(outFile = path.join(DIR, 'build', 'minutes-bot.zip')): string {
  const config = loadConfig();
  const botId = config.bot.appId;
  if (!botId) throw new Error('Set MicrosoftAppId (the Azure Bot’s Microsoft App ID) to build the Teams package.');
  if (!config.publicBaseUrl?.startsWith('https://'))
    throw new Error('Set PUBLIC_BASE_URL to the bot’s public https address (the one whose /api/messages the Azure Bot calls).');
  const manifest = buildManifest(fs.readFileSync(path.join(DIR, 'manifest.json'), 'utf8'), { botId, publicBaseUrl: config.publicBaseUrl });
  if (!fs.existsSync(path.join(DIR, 'color.png')) || !fs.existsSync(path.join(DIR, 'outline.png'))) writeIcons(DIR);
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(
    outFile,
    zip([
      { name: 'manifest.json', data: Buffer.from(JSON.stringify(manifest, null, 2)) },
      { name: 'color.png', data: fs.readFileSync(path.join(DIR, 'color.png')) },
      { name: 'outline.png', data: fs.readFileSync(path.join(DIR, 'outline.png')) },
    ]),
  );
  return outFile;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    process.stdout.write(`${buildPackage()}\n`);
  } catch (err) {
    process.stderr.write(`package:teams: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  }
}
