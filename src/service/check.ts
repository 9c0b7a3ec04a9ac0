/**
 * Use case: check translated files against glossaries. Files are grouped into read sets (one XLIFF/TMX/table
 * per set, i18next locales together, .txt pairs), units are streamed through the checks one at a time (memory
 * stays flat in file size: only findings and the cross-unit bookkeeping are kept), then — when a segment occurs
 * more than once — read a second time for the texts of the repeated segments, then waivers are applied.
 */
import { CHECK_IDS, CheckRun, SEVERITIES, SEVERITY_RANK, applyWaivers, conceptIndex } from '../core/checks/index.js';
import type { CheckId, CheckRunOptions, ConceptResolver, Finding, Severity, Waiver } from '../core/checks/index.js';
import type { Matcher, MatcherEntry } from '../core/match/types.js';
import { ShuyuError } from '../core/errors.js';
import { normalizeLang } from '../core/lang.js';
import { planReads } from '../formats/bilingual/index.js';
import { readHead } from '../formats/input.js';
import type { FileInput, FormatWarning, Limits } from '../formats/types.js';
import { packageVersion } from '../i18n/project.js';
import type { Engine } from './engine.js';

/** What to check and how. */
export interface CheckRequest {
  /** Files to check (folders are expanded by the caller). */
  inputs: FileInput[];
  /** Glossaries to use (default: all). */
  glossaryIds?: string[];
  /** Override the languages the files declare. */
  sourceLang?: string;
  targetLang?: string;
  /** Force a bilingual reader (`xliff`, `tmx`, `bilingual-csv`, `i18next`, `text-pair` …). */
  format?: string;
  options?: CheckRunOptions;
  waivers?: Waiver[];
  limits?: Partial<Limits>;
  /** Progress: units done so far, and bytes of the current file. */
  onProgress?: (p: { file: string; units: number; bytesDone?: number; bytesTotal?: number }) => void;
}

/** One file (or read set) in the report. */
export interface CheckedFile {
  name: string;
  format: string;
  units: number;
  sourceLang?: string;
  targetLang?: string;
}

/** The result of a check run: stable shape, documented by docs/check-report.schema.json. */
export interface CheckReport {
  schemaVersion: 1;
  tool: { name: 'shuyu'; version: string };
  createdAt: string;
  glossaries: string[];
  files: CheckedFile[];
  summary: {
    units: number;
    findings: number;
    waived: number;
    byCheck: Record<CheckId, number>;
    bySeverity: Record<Severity, number>;
  };
  findings: Finding[];
  /** Things that are not term errors: keys present on one side only, line-count mismatches. */
  notices: FormatWarning[];
  /** Waivers that matched no finding (probably fixed: remove them). */
  staleWaivers: Waiver[];
}

/** Builds the concept resolver over matcher entries (once per glossary set, like the matcher). */
export function conceptResolver(entries: Iterable<MatcherEntry>): ConceptResolver {
  return conceptIndex(entries);
}

/** Runs the checks with a given matcher and resolver (the engine-free core of checkFiles; benchmarks use it). */
export async function checkWithMatcher(matcher: Matcher, resolve: ConceptResolver, glossaries: string[], req: CheckRequest): Promise<CheckReport> {
  const heads = await Promise.all(req.inputs.map(async (input) => ({ input, head: await readHead(input) })));
  const sets = planReads(heads, req.format);
  // the inputs are files or bytes, so they can be read a second time: the run keeps hashes, not segment texts
  const run = new CheckRun(matcher, resolve, { replay: true, ...req.options });
  const readOptions = {
    ...(req.sourceLang ? { sourceLang: normalizeLang(req.sourceLang) } : {}),
    ...(req.targetLang ? { targetLang: normalizeLang(req.targetLang) } : {}),
    ...(req.limits ? { limits: req.limits } : {}),
  };
  const findings: Finding[] = [];
  const notices: FormatWarning[] = [];
  const files: CheckedFile[] = [];
  let total = 0;
  for (const set of sets) {
    const name = set.inputs.map((i) => i.name).join(' + ');
    let bytesDone: number | undefined;
    let bytesTotal: number | undefined;
    const { units, info } = set.format.readUnits(set.inputs, {
      ...readOptions,
      onProgress: (d, t) => {
        bytesDone = d;
        bytesTotal = t;
      },
    });
    let n = 0;
    for await (const unit of units) {
      n++;
      total++;
      for (const f of run.unit(unit)) findings.push(f);
      if (req.onProgress && (n & 255) === 0) req.onProgress({ file: name, units: total, ...(bytesDone !== undefined ? { bytesDone } : {}), ...(bytesTotal !== undefined ? { bytesTotal } : {}) });
    }
    notices.push(...info.notices);
    files.push({ name, format: set.format.id, units: n, ...(info.sourceLang ? { sourceLang: info.sourceLang } : {}), ...(info.targetLang ? { targetLang: info.targetLang } : {}) });
  }
  // second pass, only when a segment occurs more than once: the texts of the repeated segments (no matching)
  if (run.needsReplay()) {
    for (const set of sets) for await (const unit of set.format.readUnits(set.inputs, readOptions).units) run.replay(unit);
  }
  findings.push(...run.finish());
  const staleWaivers = req.waivers?.length ? applyWaivers(findings, req.waivers) : [];
  return buildReport(glossaries, files, total, findings, notices, staleWaivers);
}

function buildReport(glossaries: string[], files: CheckedFile[], units: number, findings: Finding[], notices: FormatWarning[], staleWaivers: Waiver[]): CheckReport {
  const byCheck = Object.fromEntries(CHECK_IDS.map((id) => [id, 0])) as Record<CheckId, number>;
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  let waived = 0;
  for (const f of findings) {
    if (f.waived) {
      waived++;
      continue;
    }
    byCheck[f.checkId]++;
    bySeverity[f.severity]++;
  }
  return {
    schemaVersion: 1,
    tool: { name: 'shuyu', version: packageVersion() },
    createdAt: new Date().toISOString(),
    glossaries,
    files,
    summary: { units, findings: findings.length - waived, waived, byCheck, bySeverity },
    findings,
    notices,
    staleWaivers,
  };
}

/**
 * The concept resolver of each matcher the engine hands out: built once per glossary set like the matcher (the
 * engine makes a new matcher when a glossary changes), so a server checking file after file neither reads the
 * concepts again nor rebuilds the per-term tables the checks read.
 */
const resolvers = new WeakMap<Matcher, Promise<ConceptResolver>>();

async function resolverFor(engine: Engine, matcher: Matcher, ids: string[]): Promise<ConceptResolver> {
  let r = resolvers.get(matcher);
  if (!r) {
    r = (async () => {
      const entries: MatcherEntry[] = [];
      for await (const e of engine.entries(ids)) entries.push(e);
      return conceptResolver(entries);
    })();
    resolvers.set(matcher, r);
    r.catch(() => resolvers.delete(matcher));
  }
  return r;
}

/** Checks files against the engine's glossaries (all, or req.glossaryIds). */
export async function checkFiles(engine: Engine, req: CheckRequest): Promise<CheckReport> {
  if (req.inputs.length === 0) throw new ShuyuError('usage', 'Nothing to check: give one or more files or folders');
  const ids = await engine.resolveGlossaries(req.glossaryIds);
  const matcher = await engine.matcher(ids);
  return checkWithMatcher(matcher, await resolverFor(engine, matcher, ids), ids, req);
}

/** `--fail-on` levels. */
export type FailOn = Severity | 'never';

/** True when a non-waived finding is at or above the fail-on level. */
export function reportFails(report: CheckReport, failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  const min = SEVERITY_RANK[failOn];
  return report.findings.some((f) => !f.waived && SEVERITY_RANK[f.severity] >= min);
}
