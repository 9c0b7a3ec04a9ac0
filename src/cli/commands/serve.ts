/** `shuyu serve [--port N] [--host H]`: the web page and HTTP API until Ctrl-C. */
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import type { CliContext } from '../context.js';
import { serveDefaults } from '../../http/server-defaults.js';

function parsePort(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 65535) throw new InvalidArgumentError('a port is a number from 0 to 65535');
  return n;
}

export function registerServe(program: Command, ctx: CliContext): void {
  const defaults = serveDefaults();
  program
    .command('serve')
    .description('start the web page and HTTP API (binds 127.0.0.1 unless --host says otherwise)')
    .option('-p, --port <port>', 'port to listen on ($PORT)', parsePort, defaults.port)
    .option('-H, --host <host>', 'address to bind ($HOST)', defaults.host)
    .action(async (opts: { port: number; host: string }) => {
      const { shutdownSignal, startServer } = await import('../../http/server.js');
      const engine = await ctx.engine();
      const running = await startServer(engine, { port: opts.port, host: opts.host });
      ctx.err(ctx.t('listening', { url: running.url, store: engine.store.description }));
      const signal = await shutdownSignal();
      ctx.err(ctx.t('shuttingDown', { signal }));
      await running.close();
    });
}
