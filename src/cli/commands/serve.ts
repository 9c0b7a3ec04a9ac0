/** `shuyu serve [--port N] [--host H]`: the web page and HTTP API until Ctrl-C. */
import type { Command } from 'commander';
import { port } from '../arguments.js';
import type { CliContext } from '../context.js';
import { serveDefaults } from '../../http/server-defaults.js';

export function registerServe(program: Command, ctx: CliContext): void {
  const defaults = serveDefaults();
  program
    .command('serve')
    .description(ctx.t('cli-help:serve.description'))
    .option('-p, --port <port>', ctx.t('cli-help:serve.port'), port(ctx.t), defaults.port)
    .option('-H, --host <host>', ctx.t('cli-help:serve.host'), defaults.host)
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
