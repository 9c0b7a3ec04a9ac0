import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { htmlReport, jsonReport, sarifReport, textReport, xlsxReport } from '../../../src/formats/reports/index.js';
import { checkWithMatcher } from '../../../src/service/check.js';
import { FIXTURES, corpus } from '../../core/checks/helpers.js';
import type { CheckReport } from '../../../src/service/check.js';

async function dirty(): Promise<CheckReport> {
  const { matcher, resolve } = await corpus();
  return checkWithMatcher(matcher, resolve, ['corpus'], { inputs: [{ name: 'dirty.tsv', path: path.join(FIXTURES, 'dirty.tsv') }] });
}

/** A report whose texts are hostile: markup and formulas. */
async function hostile(): Promise<CheckReport> {
  const { matcher, resolve } = await corpus();
  const tsv = 'id\ten\tzh-CN\n=cmd|calc\t<script>alert(1)</script> data centers\t=HYPERLINK("x")<img src=x onerror=alert(1)>\n';
  return checkWithMatcher(matcher, resolve, ['corpus'], { inputs: [{ name: 'x<y>.tsv', bytes: new TextEncoder().encode(tsv) }] });
}

describe('check reports', () => {
  it('text: one block per finding with marked terms and a summary', async () => {
    const text = textReport(await dirty());
    expect(text).toContain('dirty.tsv:3 [p002] error forbidden-term: “国安” is a forbidden term: use 国家安全');
    expect(text).toContain('target: 出口管制保护«国安»。');
    expect(text).toMatch(/103 units checked, 12 findings \(0 waived\)/);
  });

  it('json: schemaVersion 1, a message per finding, stable key order', async () => {
    const doc = JSON.parse(jsonReport(await dirty()));
    expect(Object.keys(doc)).toEqual(['schemaVersion', 'tool', 'createdAt', 'glossaries', 'files', 'summary', 'findings', 'notices', 'staleWaivers']);
    expect(doc.findings[0]).toHaveProperty('message');
  });

  it('html: self-contained, filters, highlights, everything escaped', async () => {
    const html = htmlReport(await hostile());
    expect(html).not.toMatch(/<script>alert|<img src=x/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; <mark>data centers</mark>');
    expect(html).not.toMatch(/(src|href)=["']?(https?:)?\/\//);
    expect(html).not.toMatch(/<link /);
    const d = htmlReport(await dirty());
    expect(d).toContain('id="f-check"');
    expect(d).toContain('id="f-term"');
    expect(d).toContain('<mark>国安</mark>');
  });

  it('xlsx: one row per finding (per location for grouped ones), formulas neutralised', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await xlsxReport(await hostile())) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const cells: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => cells.push(String(c.value))));
    expect(cells.some((c) => c.startsWith('='))).toBe(false);
    expect(cells).toContain("'=cmd|calc");
    const d = new ExcelJS.Workbook();
    await d.xlsx.load(Buffer.from(await xlsxReport(await dirty())) as unknown as ArrayBuffer);
    // 7 per-unit findings + locations of the grouped ones (6 + 5 + 8 + 2 + 2)
    expect(d.worksheets[0]!.rowCount - 1).toBe(7 + 6 + 5 + 8 + 2 + 2);
  });

  it('sarif: 2.1.0 with one rule per check and related locations for grouped findings', async () => {
    const log = JSON.parse(sarifReport(await dirty()));
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0].tool.driver.rules).toHaveLength(6);
    const grouped = log.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'inconsistent-term');
    expect(grouped.relatedLocations.length).toBeGreaterThan(1);
    expect(log.runs[0].results[0].locations[0].physicalLocation).toMatchObject({ artifactLocation: { uri: 'dirty.tsv' }, region: { startLine: 3 } });
  });
});
