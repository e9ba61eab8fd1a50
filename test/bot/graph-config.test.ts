/** Microsoft Graph settings (core/config.ts) and the sharing-URL encoding Graph expects (bot/graph-files.ts). */
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../core/config.js';
import { shareId } from '../../bot/graph-files.js';

describe('Graph configuration', () => {
  it('is off without credentials, and reuses the bot registration when it has a secret', () => {
    expect(loadConfig({}).graph).toBeUndefined();
    expect(loadConfig({ MicrosoftAppId: 'app', MicrosoftAppType: 'UserAssignedMSI' }).graph).toBeUndefined();
    expect(loadConfig({ MicrosoftAppId: 'app', MicrosoftAppPassword: 'pw', MicrosoftAppTenantId: 'tenant' }).graph).toEqual({
      clientId: 'app',
      clientSecret: 'pw',
      tenantId: 'tenant',
      baseUrl: 'https://graph.microsoft.com/v1.0',
      loginUrl: 'https://login.microsoftonline.com',
    });
  });

  it('takes its own app registration and endpoints, loopback http only for emulators', () => {
    const g = loadConfig({
      GRAPH_CLIENT_ID: 'g',
      GRAPH_CLIENT_SECRET: 's',
      GRAPH_BASE_URL: 'http://127.0.0.1:9/v1.0/',
      GRAPH_LOGIN_URL: 'http://localhost:9',
    }).graph!;
    expect(g).toMatchObject({ clientId: 'g', clientSecret: 's', tenantId: undefined, baseUrl: 'http://127.0.0.1:9/v1.0', loginUrl: 'http://localhost:9' });
  });

  it('refuses credentials sent in the clear or half a pair, naming the keys', () => {
    const message = (env: Record<string, string>) => {
      try {
        loadConfig(env);
        return '';
      } catch (err) {
        return (err as Error).message;
      }
    };
    expect(message({ GRAPH_BASE_URL: 'http://graph.example.org/v1.0' })).toMatch(/GRAPH_BASE_URL/);
    expect(message({ GRAPH_LOGIN_URL: 'not a url' })).toMatch(/GRAPH_LOGIN_URL/);
    expect(message({ GRAPH_CLIENT_ID: 'g' })).toMatch(/GRAPH_CLIENT_ID and GRAPH_CLIENT_SECRET/);
  });
});

describe('sharing URLs for /shares/{id}', () => {
  it('are "u!" and the unpadded base64url of the URL', () => {
    const url = 'https://contoso.sharepoint.com/sites/Team/Shared Documents/General/Protokoll ÅÄÖ.pdf';
    const id = shareId(url);
    expect(id.startsWith('u!')).toBe(true);
    expect(id).not.toMatch(/[+/=]/);
    expect(Buffer.from(id.slice(2), 'base64url').toString('utf8')).toBe(url);
  });
});
