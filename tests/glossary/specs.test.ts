/**
 * Every built-in glossary (glossary/*.yaml) tests itself, prh-style: each concept's `specs.match` sentences must
 * produce a match of that concept and its `specs.noMatch` sentences must not. The real reader and the real matcher
 * over the WHOLE glossary are used, in the default leftmost-longest mode a translator sees, so a wrong entry
 * (a bad variant, a missing boundary, a term swallowed by another concept) fails CI.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseGlossaryYaml } from '../../src/formats/glossary-yaml.js';
import { buildMatcher } from '../../src/core/match/index.js';

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../glossary');
const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f));

describe('built-in glossaries', () => {
  it('exist', () => expect(files.length).toBeGreaterThan(0));

  for (const file of files) {
    describe(file, () => {
      const { glossary, warnings } = parseGlossaryYaml(readFileSync(path.join(dir, file), 'utf8'), file);
      const matcher = buildMatcher(glossary.concepts.map((concept) => ({ glossaryId: glossary.id, concept })));

      it('reads without warnings', () => expect(warnings).toEqual([]));

      it('has preferred zh-Hans and en terms, a definition and specs in every concept', () => {
        const problems: string[] = [];
        for (const c of glossary.concepts) {
          for (const lang of ['zh-Hans', 'en']) {
            if (!c.terms.some((t) => t.lang === lang && t.status === 'preferred')) problems.push(`${c.id}: no preferred ${lang} term`);
          }
          if (!c.definitions.en) problems.push(`${c.id}: no English definition`);
          if (!c.specs?.match?.length) problems.push(`${c.id}: no match spec`);
        }
        expect(problems).toEqual([]);
      });

      it('passes every spec of every concept', () => {
        const failures: string[] = [];
        for (const c of glossary.concepts) {
          for (const sentence of c.specs?.match ?? []) {
            const found = matcher.find(sentence).some((m) => m.conceptId === c.id);
            if (!found) {
              const got = matcher.find(sentence).map((m) => `${m.text}→${m.conceptId}`).join(', ') || 'nothing';
              failures.push(`${c.id}: should match in "${sentence}" (found ${got})`);
            }
          }
          for (const sentence of c.specs?.noMatch ?? []) {
            const hit = matcher.find(sentence, { overlapping: true }).find((m) => m.conceptId === c.id);
            if (hit) failures.push(`${c.id}: must not match in "${sentence}" (matched "${hit.text}" at ${hit.start})`);
          }
        }
        expect(failures).toEqual([]);
      });
    });
  }
});
