/**
 * Every file in tests/fixtures/hostile/ (entity tricks, zip bombs, truncated and mis-encoded files, huge
 * cells …) must end in a clean ShuyuError with the expected code, naming the file and — for text and XML —
 * the line (or the spreadsheet row), never a crash, a hang or a silent partial import.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ShuyuError } from '../../src/core/errors.js';
import { readGlossary } from '../../src/formats/registry.js';
import type { GlossaryReadOptions } from '../../src/formats/types.js';

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/hostile');
const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as {
  files: Record<string, { code: string; where: 'line' | 'row' | 'none'; minDetails?: number; options?: GlossaryReadOptions }>;
};
const corpus = readdirSync(dir).filter((f) => !/\.(ts|json|md)$/.test(f));

describe('hostile corpus', () => {
  it('lists every file of the corpus in the manifest (and nothing more)', () => {
    expect(corpus.sort()).toEqual(Object.keys(manifest.files).sort());
  });

  for (const file of corpus) {
    const expected = manifest.files[file];
    it(`${file} → ${expected?.code ?? '?'}`, async () => {
      expect(expected).toBeDefined();
      const t0 = Date.now();
      const error = await readGlossary({ name: file, path: path.join(dir, file) }, expected!.options ?? {}).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error, 'must fail').toBeInstanceOf(ShuyuError);
      const e = error as ShuyuError;
      expect(e.code).toBe(expected!.code);
      expect(e.params.file).toBe(file);
      expect(e.message.length).toBeGreaterThan(10);
      if (expected!.where === 'line') expect(e.params.line, e.message).toBeGreaterThanOrEqual(1);
      if (expected!.where === 'row') expect(e.params.row ?? e.details[0]?.row, e.message).toBeGreaterThanOrEqual(1);
      if (expected!.minDetails) expect(e.details.length).toBeGreaterThanOrEqual(expected!.minDetails);
      expect(Date.now() - t0).toBeLessThan(30_000);
    });
  }

  it('reports all bad rows of a CSV together, each with row and cell', async () => {
    const e = (await readGlossary({ name: 'bad-rows.csv', path: path.join(dir, 'bad-rows.csv') }).catch((x: unknown) => x)) as ShuyuError;
    expect(e.details.map((d) => [d.row, d.cell])).toEqual([
      [3, '"en status"'],
      [4, '"en part of speech"'],
      [5, '"en status"'],
      [5, undefined],
    ]);
    expect(e.details[0]!.message).toContain('unknown status "maybe"');
    expect(e.message).toContain('nothing was imported');
  });
});
