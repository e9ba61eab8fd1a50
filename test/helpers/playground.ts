/**
 * Runs the Microsoft 365 Agents Playground (`@microsoft/m365agentsplayground`) as a child process
 * pointed at a bot, and talks to its (undocumented) internal routes: the config with the mocked
 * users and chats, and custom activities (the only way to send a file: the UI has no attach button).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { waitFor } from './processes.js';

export interface Playground {
  port: number;
  url: string;
  output(): string;
  /** The playground's mocked tenant: current user, personal chat id, bot name. */
  config(): Promise<PlaygroundConfig>;
  /** Posts an activity as if the current user sent it in `conversationId`, via the custom-activity route. */
  sendCustomActivity(conversationId: string, fields: Record<string, unknown>): Promise<void>;
  stop(): Promise<void>;
}

export interface PlaygroundConfig {
  bot: { id: string; name: string };
  currentUser: { id: string; name: string };
  personalChat: { id: string; name: string };
}

export async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((resolve, reject) => srv.once('error', reject).listen(0, '127.0.0.1', resolve));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise((r) => srv.close(r));
  return port;
}

function playgroundCli(): string {
  const pkg = createRequire(import.meta.url).resolve('@microsoft/m365agentsplayground/package.json');
  return path.join(path.dirname(pkg), 'cli.js');
}

export async function startPlayground(botEndpoint: string, timeoutMs = 60_000): Promise<Playground> {
  const wanted = await freePort();
  const child: ChildProcess = spawn(process.execPath, [playgroundCli(), '--disable-telemetry', '-p', String(wanted), '-e', botEndpoint], {
    // TEAMSAPPTESTER_BROWSER=none: do not open a browser of its own.
    env: { PATH: process.env['PATH'], HOME: process.env['HOME'], TEAMSAPPTESTER_BROWSER: 'none' } as NodeJS.ProcessEnv,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += String(d)));
  child.stderr!.on('data', (d) => (out += String(d)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const kill = () => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      /* already gone */
    }
  };
  let port: number;
  try {
    // It falls back to a random port when the one asked for is taken: read the one it chose.
    port = await waitFor(
      'the Agents Playground to listen',
      async () => {
        if (child.exitCode !== null) throw new Error(`the Agents Playground exited (${child.exitCode}):\n${out}`);
        const m = /Listening on (\d+)/.exec(out);
        return m ? Number(m[1]) : null;
      },
      timeoutMs,
    );
  } catch (err) {
    kill();
    throw err;
  }
  const url = `http://127.0.0.1:${port}`;
  const fetchOk = async (route: string, init?: RequestInit) => {
    const res = await fetch(`${url}${route}`, { ...init, signal: AbortSignal.timeout(15_000) });
    if (!res.ok) throw new Error(`playground ${init?.method ?? 'GET'} ${route}: ${res.status} ${await res.text()}`);
    return res;
  };
  return {
    port,
    url,
    output: () => out,
    async config() {
      const body = (await (await fetchOk('/_internal/v1/config')).json()) as { config: PlaygroundConfig };
      return body.config;
    },
    async sendCustomActivity(conversationId, fields) {
      // The template carries what the playground would send itself: ids, service URL, tenant.
      const template = (await (await fetchOk(`/_internal/v1/customActivities/template?conversationId=${encodeURIComponent(conversationId)}`)).json()) as Record<
        string,
        unknown
      >;
      await fetchOk('/_internal/v1/customActivities', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...template, ...fields }),
      });
    },
    async stop() {
      kill();
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    },
  };
}
