/** `shuyu serve`: listens on the loopback address, serves the page and API, and stops cleanly on SIGTERM. */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURE_YAML, REPO, tempDir } from './run.js';

const tmp = tempDir();
afterAll(() => tmp.remove());

describe('shuyu serve', () => {
  it('serves the API on 127.0.0.1 and shuts down gracefully on SIGTERM', async () => {
    const g = tmp.write('test.yaml', FIXTURE_YAML);
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO, 'src/cli/main.ts'), 'serve', '--port', '0', '-g', g], {
      cwd: REPO,
      env: { ...process.env, NO_COLOR: '1', SHUYU_LANG: 'en' },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 600_000,
    });
    let stderr = '';
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        child.stderr.on('data', (b: Buffer) => {
          stderr += b.toString('utf8');
          const m = /listening on (http:\/\/[^\s]+)/.exec(stderr);
          if (m) resolve(m[1]!);
        });
        child.on('close', () => reject(new Error(`exited early: ${stderr}`)));
      });
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const health = await (await fetch(`${url}/api/health`)).json();
      expect(health).toMatchObject({ ok: true, store: 'memory' });
      const lookup = await (await fetch(`${url}/api/lookup?q=ckgz`)).json();
      expect(lookup.results[0].pair).toEqual({ zh: '出口管制', en: 'export controls' });
      expect((await fetch(`${url}/`)).status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(stderr).toContain('SIGTERM: shutting down');
  }, 600_000);
});
