/** The Teams app package: manifest placeholders, bot settings, command lists and icon sizes. */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildManifest } from '../../appPackage/build.js';
import { zip } from '../../appPackage/zip.js';

const template = fs.readFileSync('appPackage/manifest.json', 'utf8');

function pngSize(file: string): [number, number] {
  const b = fs.readFileSync(file);
  expect(b.subarray(1, 4).toString()).toBe('PNG');
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

describe('appPackage', () => {
  it('fills the bot id and domain and declares files, scopes and commands', () => {
    const m = buildManifest(template, { botId: 'b0t-1d', publicBaseUrl: 'https://bot.example.org/' }) as {
      id: string;
      manifestVersion: string;
      validDomains: string[];
      bots: Array<{
        botId: string;
        scopes: string[];
        supportsFiles: boolean;
        commandLists: Array<{ scopes: string[]; commands: Array<{ title: string; description: string }> }>;
      }>;
    };
    expect(m.id).toBe('b0t-1d');
    expect(m.validDomains).toEqual(['bot.example.org']);
    const bot = m.bots[0]!;
    expect(bot.botId).toBe('b0t-1d');
    expect(bot.supportsFiles).toBe(true);
    expect(bot.scopes.sort()).toEqual(['groupChat', 'personal', 'team']);
    for (const list of bot.commandLists) {
      expect(list.commands.length).toBeLessThanOrEqual(10);
      for (const c of list.commands) {
        expect(c.title.length).toBeLessThanOrEqual(32);
        expect(c.description.length).toBeLessThanOrEqual(128);
      }
      expect(list.commands.map((c) => c.title)).toEqual(
        expect.arrayContaining(['hjälp', 'dokument', 'åtgärder', 'närvaro', 'nästa möte', 'budget', 'glöm', 'exportera']),
      );
    }
    // Channel files: the bot sees channel messages without a mention (resource-specific consent of
    // the team's owner) and reads the files through Graph with its own app registration.
    const rsc = m as unknown as {
      webApplicationInfo: { id: string; resource: string };
      authorization: { permissions: { resourceSpecific: Array<{ name: string; type: string }> } };
    };
    expect(rsc.webApplicationInfo.id).toBe('b0t-1d');
    expect(rsc.webApplicationInfo.resource).not.toBe('');
    expect(rsc.authorization.permissions.resourceSpecific).toContainEqual({ name: 'ChannelMessage.Read.Group', type: 'Application' });
    // The chair is a group's: the command works in teams and group chats only.
    const teamList = bot.commandLists.find((l) => l.scopes.includes('team'))!;
    expect(teamList.scopes).toContain('groupChat');
    expect(teamList.commands.map((c) => c.title)).toContain('ordförande');
  });

  it('has icons of the sizes Teams requires', () => {
    expect(pngSize('appPackage/color.png')).toEqual([192, 192]);
    expect(pngSize('appPackage/outline.png')).toEqual([32, 32]);
  });

  it('writes a zip with a central directory listing every entry', () => {
    const z = zip([
      { name: 'a.txt', data: Buffer.from('hello') },
      { name: 'b.txt', data: Buffer.from('world') },
    ]);
    expect(z.readUInt32LE(0)).toBe(0x04034b50);
    const end = z.subarray(z.length - 22);
    expect(end.readUInt32LE(0)).toBe(0x06054b50);
    expect(end.readUInt16LE(10)).toBe(2);
  });
});
