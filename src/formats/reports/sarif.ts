/**
 * SARIF 2.1.0 report, so code hosts can show findings inline: one rule per check, one result per finding
 * (file + line + unit id as logical location; grouped findings list every location as relatedLocations),
 * waived findings carry an external suppression with the waiver's reason.
 */
import { checks } from '../../core/checks/index.js';
import type { Finding, FindingLocation } from '../../core/checks/types.js';
import type { CheckReport } from '../../service/check.js';
import { findingMessage, t } from './messages.js';
import type { ReportLang } from './messages.js';

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

function uri(file: string): string {
  return file
    .replace(/\\/g, '/')
    .split('/')
    .map((p) => encodeURIComponent(p))
    .join('/');
}

function location(l: FindingLocation | Finding, id?: number) {
  return {
    ...(id !== undefined ? { id } : {}),
    physicalLocation: {
      artifactLocation: { uri: uri(l.file) },
      ...(l.line !== undefined ? { region: { startLine: l.line } } : {}),
    },
    logicalLocations: [{ fullyQualifiedName: l.part ? `${l.part}/${l.unitId}` : l.unitId, kind: 'resource' }],
  };
}

/** The report as a SARIF 2.1.0 log. */
export function sarifReport(report: CheckReport, options: { lang?: ReportLang } = {}): string {
  const lang = options.lang ?? 'en';
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'shuyu',
            version: report.tool.version,
            rules: checks.map((c) => ({
              id: c.id,
              name: c.id.replace(/(^|-)(\w)/g, (_, __, ch: string) => ch.toUpperCase()),
              shortDescription: { text: t(lang, c.descriptionKey) },
              defaultConfiguration: { level: LEVEL[c.severity] },
            })),
          },
        },
        results: report.findings.map((f) => ({
          ruleId: f.checkId,
          ruleIndex: checks.findIndex((c) => c.id === f.checkId),
          level: LEVEL[f.severity],
          message: { text: findingMessage(f, lang) },
          locations: [location(f)],
          ...(f.locations && f.locations.length > 1 ? { relatedLocations: f.locations.map((l, i) => ({ ...location(l, i), message: { text: l.variant ?? '' } })) } : {}),
          partialFingerprints: { 'shuyu/v1': [f.checkId, f.file, f.unitId, f.term ?? '', f.conceptId ?? ''].join('|') },
          ...(f.waived ? { suppressions: [{ kind: 'external', status: 'accepted', justification: `${f.waived.reason} (${f.waived.author}, ${f.waived.date})` }] } : {}),
          properties: { term: f.term ?? null, expected: f.expected ?? [], conceptId: f.conceptId ?? null, source: f.source ?? null, target: f.target ?? null },
        })),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
