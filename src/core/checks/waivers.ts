/**
 * Waivers: findings someone accepted, recorded in a YAML or JSON file next to the translations. Each names the
 * check, optionally the unit id/key, term and file, and why, who and when. Waived findings are reported as
 * waived and do not fail the run; waivers that matched nothing are reported as stale.
 */
import { z } from 'zod';
import { ShuyuError } from '../errors.js';
import type { ErrorDetail } from '../errors.js';
import { CHECK_IDS } from './types.js';
import type { Finding, Waiver } from './types.js';

const waiverSchema = z
  .object({
    check: z.enum(CHECK_IDS, { error: `check must be one of ${CHECK_IDS.join(', ')}` }),
    unit: z.string().min(1).optional(),
    key: z.string().min(1).optional(),
    term: z.string().min(1).optional(),
    file: z.string().min(1).optional(),
    reason: z.string().trim().min(1, 'reason is required'),
    author: z.string().trim().min(1, 'author is required'),
    date: z.union([z.string(), z.date()]).transform((d) => (d instanceof Date ? d.toISOString().slice(0, 10) : d)).pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}/, 'date must be YYYY-MM-DD')),
  })
  .strict();

/** Validates parsed waiver data (`{ waivers: [...] }` or a bare list); throws 'invalid_input' listing every problem. */
export function parseWaivers(data: unknown, file = 'waivers'): Waiver[] {
  const list = Array.isArray(data) ? data : (data as { waivers?: unknown } | null)?.waivers;
  if (!Array.isArray(list)) {
    throw new ShuyuError('invalid_input', `${file}: expected a list of waivers (or { waivers: [...] })`, { params: { file } });
  }
  const problems: ErrorDetail[] = [];
  const out: Waiver[] = [];
  list.forEach((item, i) => {
    const r = waiverSchema.safeParse(item);
    if (!r.success) {
      for (const issue of r.error.issues) problems.push({ message: `waivers[${i}]${issue.path.length ? `.${issue.path.join('.')}` : ''}: ${issue.message}`, file, path: `waivers[${i}]` });
      return;
    }
    const { key, unit, ...rest } = r.data;
    const w: Waiver = { ...rest };
    const u = unit ?? key;
    if (u) w.unit = u;
    out.push(w);
  });
  if (problems.length) throw new ShuyuError('invalid_input', `${file}: ${problems[0]!.message}`, { params: { file }, details: problems });
  return out;
}

/** Does the waiver cover the finding? Unit `*` or absent = any; grouped findings match on any location. */
export function waiverCovers(w: Waiver, f: Finding): boolean {
  if (w.check !== f.checkId) return false;
  if (w.term !== undefined && w.term !== f.term && w.term !== f.params.term) return false;
  const locs = f.locations?.length ? f.locations : [{ file: f.file, unitId: f.unitId }];
  return locs.some(
    (l) => (w.unit === undefined || w.unit === '*' || w.unit === l.unitId) && (w.file === undefined || l.file === w.file || l.file.endsWith(`/${w.file}`) || l.file.endsWith(w.file)),
  );
}

/** Marks covered findings as waived; returns the waivers that matched nothing. */
export function applyWaivers(findings: Finding[], waivers: Waiver[]): Waiver[] {
  const used = new Set<Waiver>();
  for (const f of findings) {
    const w = waivers.find((x) => waiverCovers(x, f));
    if (w) {
      f.waived = w;
      used.add(w);
    }
  }
  return waivers.filter((w) => !used.has(w));
}

/** A waiver entry for a finding (the HTML report offers these for copying into the waiver file). */
export function waiverFor(f: Finding, author = '', date = new Date().toISOString().slice(0, 10)): Waiver {
  return {
    check: f.checkId,
    ...(f.locations?.length ? {} : { unit: f.unitId }),
    ...(f.term ? { term: f.term } : {}),
    reason: '',
    author,
    date,
  };
}
