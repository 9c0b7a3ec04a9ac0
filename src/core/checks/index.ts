/**
 * The one registry of terminology checks and the run that drives them: units in (streamed), findings out.
 * Each check has a stable id, a default severity and messages in public/locales/{en,zh}/check.json
 * (`findings.<id>…`, `checks.<id>`). Pure: the caller supplies the matcher and a concept resolver.
 */
import type { BilingualUnit } from '../../formats/types.js';
import { ALLOWED_STATUSES } from '../model.js';
import type { TermStatus } from '../model.js';
import type { Matcher } from '../match/types.js';
import { analyseUnit } from './analyse.js';
import { UnitTable } from './compact.js';
import type { ConceptResolver } from './concepts.js';
import { forbiddenTerm } from './forbidden-term.js';
import { inconsistentSegment } from './inconsistent-segment.js';
import { inconsistentTerm } from './inconsistent-term.js';
import { missingTerm } from './missing-term.js';
import { termCount } from './term-count.js';
import type { Check, CheckContext, CheckId, CheckInstance, CheckRunOptions, Finding, Severity } from './types.js';
import { untranslated } from './untranslated.js';

export * from './types.js';
export { analyseUnit } from './analyse.js';
export { conceptIndex, conceptKey } from './concepts.js';
export type { ConceptRef, ConceptResolver } from './concepts.js';
export { applyWaivers, parseWaivers, waiverCovers, waiverFor } from './waivers.js';

/** Every check, in report order. */
export const checks: readonly Check[] = [missingTerm, forbiddenTerm, inconsistentTerm, inconsistentSegment, termCount, untranslated];

/** The check with this id. */
export function getCheck(id: string): Check | undefined {
  return checks.find((c) => c.id === id);
}

function conceptOptions(options: CheckRunOptions, key: string) {
  if (!options.concepts) return undefined;
  const [glossaryId, conceptId] = key.split('\u0000') as [string, string];
  return options.concepts[`${glossaryId}:${conceptId}`] ?? options.concepts[conceptId];
}

/** Builds the context the checks consult (options resolved once). */
export function checkContext(options: CheckRunOptions = {}): CheckContext {
  const allowedDefault: readonly TermStatus[] = options.allowedStatuses ?? ALLOWED_STATUSES;
  return {
    options,
    maxLocations: options.maxLocations ?? 1000,
    units: new UnitTable(),
    enabled(check: CheckId, key?: string) {
      if (options.checks?.[check] === false) return false;
      if (key) {
        const c = conceptOptions(options, key)?.checks?.[check];
        if (c !== undefined) return c;
      }
      return true;
    },
    allowed(key: string) {
      return conceptOptions(options, key)?.allowedStatuses ?? allowedDefault;
    },
    severity(check: CheckId): Severity {
      return options.severities?.[check] ?? getCheck(check)!.severity;
    },
  };
}

/** A running set of checks: feed units one by one, then finish. Memory does not hold the units. */
export class CheckRun {
  private readonly instances: CheckInstance[];
  private readonly ctx: CheckContext;
  unitCount = 0;

  constructor(
    private readonly matcher: Matcher,
    private readonly resolve: ConceptResolver,
    options: CheckRunOptions = {},
  ) {
    this.ctx = checkContext(options);
    this.instances = checks.filter((c) => options.checks?.[c.id] !== false).map((c) => c.create(this.ctx));
  }

  private out: Finding[] = [];
  private readonly emit = (f: Finding): void => {
    this.out.push(f);
  };

  /** Checks one unit; returns its findings (grouped findings come from finish()). */
  unit(u: BilingualUnit): Finding[] {
    this.unitCount++;
    const out: Finding[] = (this.out = []);
    const a = analyseUnit(u, this.matcher, this.resolve);
    for (const i of this.instances) i.unit?.(a, this.emit);
    return out;
  }

  /**
   * With the `replay` option: whether finish() needs the units fed again (through replay(), every unit, in the
   * order unit() saw them) — only when a grouped finding needs a text the run did not keep.
   */
  needsReplay(): boolean {
    for (const i of this.instances) if (i.wantsReplay?.()) return true;
    return false;
  }

  /** Feeds a unit of the second pass (cheap: no matching; only the units that were asked for do any work). */
  replay(u: BilingualUnit): void {
    for (const i of this.instances) i.replay?.(u);
  }

  /** Findings that need the whole run (inconsistencies). */
  finish(): Finding[] {
    const out: Finding[] = [];
    for (const i of this.instances) i.finish?.((f) => out.push(f));
    return out;
  }
}

/** Runs every enabled check over units held in memory (tests, small inputs); `replay` needs an array. */
export function runChecks(units: Iterable<BilingualUnit>, matcher: Matcher, resolve: ConceptResolver, options: CheckRunOptions = {}): Finding[] {
  const replayable = Array.isArray(units);
  const run = new CheckRun(matcher, resolve, replayable ? options : { ...options, replay: false });
  const out: Finding[] = [];
  for (const u of units) out.push(...run.unit(u));
  if (run.needsReplay()) for (const u of units) run.replay(u);
  out.push(...run.finish());
  return out;
}
