/** Shared helpers for the check tests: the corpus glossary, the real matcher over it, and unit builders. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildMatcher } from '../../../src/core/match/index.js';
import type { Matcher, MatcherEntry } from '../../../src/core/match/types.js';
import type { CheckRunOptions, Finding } from '../../../src/core/checks/index.js';
import { runChecks } from '../../../src/core/checks/index.js';
import { readGlossaryFile } from '../../../src/service/open.js';
import { conceptResolver } from '../../../src/service/check.js';
import type { ConceptResolver } from '../../../src/core/checks/index.js';
import type { BilingualUnit } from '../../../src/formats/types.js';

export const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/check');

let cached: Promise<{ matcher: Matcher; resolve: ConceptResolver; entries: MatcherEntry[] }> | undefined;

/** The real matcher over tests/fixtures/check/corpus-glossary.yaml. */
export function corpus(): Promise<{ matcher: Matcher; resolve: ConceptResolver; entries: MatcherEntry[] }> {
  cached ??= (async () => {
    const g = await readGlossaryFile(path.join(FIXTURES, 'corpus-glossary.yaml'));
    const entries = g.concepts.map((concept) => ({ glossaryId: g.id, concept }));
    return { matcher: buildMatcher(entries), resolve: conceptResolver(entries), entries };
  })();
  return cached;
}

let n = 0;
/** An en→zh unit (or zh→en with langs swapped). */
export function unit(source: string, target: string | undefined, extra: Partial<BilingualUnit> = {}): BilingualUnit {
  n++;
  const u: BilingualUnit = { id: `u${n}`, file: 't.xlf', line: n, source: { text: source, codes: [] }, sourceLang: 'en', targetLang: 'zh-Hans', ...extra };
  if (target !== undefined) u.target = { text: target, codes: [] };
  return u;
}

/** Runs all checks (or some) over units with the corpus matcher. */
export async function check(units: BilingualUnit[], options: CheckRunOptions = {}): Promise<Finding[]> {
  const { matcher, resolve } = await corpus();
  return runChecks(units, matcher, resolve, options);
}

/** Only the findings of one check. */
export async function only(id: Finding['checkId'], units: BilingualUnit[], options: CheckRunOptions = {}): Promise<Finding[]> {
  return (await check(units, options)).filter((f) => f.checkId === id);
}
