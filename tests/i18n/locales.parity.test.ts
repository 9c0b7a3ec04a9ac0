/**
 * Both interface languages have the same catalogues with the same keys (checked in both directions), the
 * same {{placeholders}} per message, and errors.json has a message for every error code.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../src/core/errors.js';

const localesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../public/locales');
const LANGS = ['en', 'zh'];

function namespaces(lng: string): string[] {
  return readdirSync(path.join(localesDir, lng))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -5))
    .sort();
}

function read(lng: string, ns: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(localesDir, lng, `${ns}.json`), 'utf8')) as Record<string, unknown>;
}

/** Flattens nested catalogues to `a.b.c` → message. */
function flatten(obj: Record<string, unknown>, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(obj)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of flatten(value as Record<string, unknown>, full)) out.set(k, v);
    } else {
      out.set(full, typeof value === 'string' ? value : JSON.stringify(value));
    }
  }
  return out;
}

const placeholders = (message: string): string[] => [...message.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1]!).sort();

describe('locale catalogues', () => {
  it('en and zh have the same namespaces', () => {
    expect(namespaces('zh')).toEqual(namespaces('en'));
    expect(namespaces('en')).toEqual(expect.arrayContaining(['common', 'errors', 'lookup', 'annotate']));
  });

  for (const ns of namespaces('en')) {
    it(`${ns}.json has the same keys and placeholders in every language`, () => {
      const [base, ...others] = LANGS.map((lng) => flatten(read(lng, ns)));
      for (const other of others) {
        expect([...other!.keys()].sort()).toEqual([...base!.keys()].sort());
        for (const [key, message] of base!) {
          expect(placeholders(other!.get(key) ?? ''), `${ns}:${key}`).toEqual(placeholders(message));
          expect((other!.get(key) ?? '').trim(), `${ns}:${key} is empty`).not.toBe('');
        }
      }
    });
  }

  it('errors.json has a message for every error code, in every language', () => {
    for (const lng of LANGS) {
      const messages = read(lng, 'errors');
      for (const code of Object.keys(ERROR_CODES)) {
        expect(typeof messages[code], `${lng}/errors.json: ${code}`).toBe('string');
      }
    }
  });

  it('every panel listed in public/panels/index.js has a catalogue with a tab label', () => {
    const index = readFileSync(path.resolve(localesDir, '../panels/index.js'), 'utf8');
    const list = /export const panels = \[([^\]]*)\]/.exec(index)?.[1] ?? '';
    const panels = [...list.matchAll(/'([^']+)'/g)].map((m) => m[1]!);
    expect(panels.length).toBeGreaterThan(0);
    for (const lng of LANGS) for (const panel of panels) expect(typeof read(lng, panel).tab, `${lng}/${panel}.json tab`).toBe('string');
  });
});
