/**
 * Starts the web server: `npm start` (this file as the entry point) or `shuyu serve`. Reads PORT and HOST
 * (default 127.0.0.1:3000), opens the default engine, logs the URL and shuts down gracefully on SIGINT or
 * SIGTERM (stops accepting connections, then closes the store).
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Engine } from '../service/engine.js';
import { openEngine } from '../service/open.js';
import { createApp } from './app.js';
import type { AppOptions } from './app.js';
import { serveDefaults } from './server-defaults.js';

export { serveDefaults };

export interface ServeOptions extends AppOptions {
  /** @default 3000 (0 = any free port) */
  port?: number;
  /** @default 127.0.0.1 */
  host?: string;
}

export interface RunningServer {
  server: Server;
  /** `http://127.0.0.1:3000` */
  url: string;
  /** Stops accepting connections and waits for open ones (idle keep-alive connections are closed). */
  close(): Promise<void>;
}

/** Listens with the app for `engine`; rejects (e.g. EADDRINUSE) if the port cannot be bound. */
export function startServer(engine: Engine, options: ServeOptions = {}): Promise<RunningServer> {
  const defaults = serveDefaults();
  const port = options.port ?? defaults.port;
  const host = options.host ?? defaults.host;
  const app = createApp(engine, options);
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host);
    server.once('error', reject);
    server.once('listening', () => {
      server.off('error', reject);
      // Build the matcher and lookup index now, in the background, so the first lookup does not pay for them;
      // a failure here surfaces again (as a proper API error) on the first request that needs them.
      engine.warm().catch(() => undefined);
      const addr = server.address() as AddressInfo;
      const shownHost = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
      resolve({
        server,
        url: `http://${shownHost}:${addr.port}`,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((err) => (err ? fail(err) : done()));
            server.closeIdleConnections();
          }),
      });
    });
  });
}

/** Resolves when SIGINT or SIGTERM arrives (listeners removed afterwards). */
export function shutdownSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const handler = (signal: NodeJS.Signals) => {
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
      resolve(signal);
    };
    process.on('SIGINT', handler);
    process.on('SIGTERM', handler);
  });
}

async function main(): Promise<void> {
  const engine = await openEngine({});
  let running: RunningServer;
  try {
    running = await startServer(engine);
  } catch (error) {
    await engine.close();
    throw error;
  }
  console.log(`Shuyu is listening on ${running.url} (store: ${engine.store.description})`);
  const signal = await shutdownSignal();
  console.log(`${signal}: shutting down`);
  await running.close();
  await engine.close();
}

function isMainModule(): boolean {
  try {
    return process.argv[1] !== undefined && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMainModule()) {
  main().catch((error: unknown) => {
    const e = error as { code?: string; message?: string };
    console.error(`shuyu: cannot start the server: ${e.code === 'EADDRINUSE' ? 'the port is already in use' : (e.message ?? String(error))}`);
    if (process.env.SHUYU_DEBUG === '1') console.error(error);
    process.exitCode = 1;
  });
}
