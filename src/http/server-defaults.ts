/** The server's default address from the environment (kept apart so the CLI can read it without loading Express). */

/** PORT (default 3000) and HOST (default 127.0.0.1) from the environment; an invalid PORT falls back to 3000. */
export function serveDefaults(env: NodeJS.ProcessEnv = process.env): { port: number; host: string } {
  const port = env.PORT !== undefined && env.PORT !== '' ? Number(env.PORT) : 3000;
  return { port: Number.isInteger(port) && port >= 0 && port < 65536 ? port : 3000, host: env.HOST || '127.0.0.1' };
}
