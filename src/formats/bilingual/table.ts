/**
 * Bilingual tables: CSV, TSV and XLSX with a source and a target column, found by header (`source`/`target`,
 * `原文`/`译文`, language codes such as `en`/`zh-CN`, optional `id`/`key` and `note` columns) or by position
 * (first column source, second target). CSV/TSV stream (encoding detected with decodeText's rules); XLSX is
 * read with exceljs. Spreadsheet guards written by our own exports (`'=`) are removed.
 */
import { parse } from 'csv-parse';
import { loadExcelJS } from '../excel.js';
import { ShuyuError } from '../../core/errors.js';
import { normalizeLang } from '../../core/lang.js';
import { resolveLimits } from '../limits.js';
import { unneutralizeCell } from '../spreadsheet-safety.js';
import type { BilingualFormat, BilingualInfo, BilingualReadOptions, BilingualUnit, FileInput, Limits } from '../types.js';
import { inputBytes, inputChunks } from './input.js';
import { guessLang, langFromName } from './langs.js';
import { plainSegment } from './segment.js';

const SOURCE_HEADERS = new Set(['source', 'src', '原文', '源文', 'source text', 'source_text']);
const TARGET_HEADERS = new Set(['target', 'tgt', 'translation', '译文', '目标', 'target text', 'target_text']);
const ID_HEADERS = new Set(['id', 'key', 'unit', 'unit id', 'unit_id', '编号', '键']);
const NOTE_HEADERS = new Set(['note', 'notes', 'comment', '备注', '注释']);

interface Layout {
  source: number;
  target: number;
  id?: number;
  note?: number;
  sourceLang?: string;
  targetLang?: string;
  hasHeader: boolean;
}

/** Decides the column layout from the first row. */
export function tableLayout(first: string[], options: BilingualReadOptions): Layout {
  const cells = first.map((c) => c.trim());
  const lower = cells.map((c) => c.toLowerCase());
  let source = lower.findIndex((c) => SOURCE_HEADERS.has(c));
  let target = lower.findIndex((c) => TARGET_HEADERS.has(c));
  const id = lower.findIndex((c) => ID_HEADERS.has(c));
  const note = lower.findIndex((c) => NOTE_HEADERS.has(c));
  const langCols = cells.map((c) => langFromName(c));
  let sourceLang: string | undefined;
  let targetLang: string | undefined;
  const want = (l?: string) => (l ? normalizeLang(l) : undefined);
  if (source < 0 || target < 0) {
    const withLang = langCols.map((l, i) => (l ? i : -1)).filter((i) => i >= 0);
    if (withLang.length >= 2) {
      const sl = want(options.sourceLang);
      const tl = want(options.targetLang);
      source = (sl ? withLang.find((i) => langCols[i] === sl) : undefined) ?? withLang[0]!;
      target = (tl ? withLang.find((i) => langCols[i] === tl && i !== source) : undefined) ?? withLang.find((i) => i !== source)!;
      sourceLang = langCols[source];
      targetLang = langCols[target];
    }
  }
  const hasHeader = source >= 0 && target >= 0;
  if (!hasHeader) {
    return { source: 0, target: 1, hasHeader: false };
  }
  return { source, target, ...(id >= 0 ? { id } : {}), ...(note >= 0 ? { note } : {}), ...(sourceLang ? { sourceLang } : {}), ...(targetLang ? { targetLang } : {}), hasHeader };
}

/** Turns rows (after the layout is known) into units; languages resolved from options, header, or the text. */
async function* rowsToUnits(
  input: FileInput,
  rows: AsyncIterable<{ cells: string[]; line: number }>,
  options: BilingualReadOptions,
  info: BilingualInfo,
  limits: Limits,
): AsyncIterable<BilingualUnit> {
  let layout: Layout | undefined;
  let sourceLang: string | undefined;
  let targetLang: string | undefined;
  let pending: { cells: string[]; line: number }[] = [];
  let count = 0;
  const resolve = (): void => {
    const sample = pending.slice(0, 50);
    sourceLang = normalizeLang(options.sourceLang ?? layout!.sourceLang ?? guessLang(sample.map((r) => r.cells[layout!.source] ?? '')));
    targetLang = normalizeLang(
      options.targetLang ?? layout!.targetLang ?? (() => {
        const g = guessLang(sample.map((r) => r.cells[layout!.target] ?? ''));
        return g === sourceLang ? (sourceLang!.startsWith('zh') ? 'en' : 'zh-Hans') : g;
      })(),
    );
    info.sourceLang ??= sourceLang;
    info.targetLang ??= targetLang;
  };
  const toUnit = (r: { cells: string[]; line: number }): BilingualUnit | undefined => {
    const l = layout!;
    const src = unneutralizeCell(r.cells[l.source] ?? '');
    const tgtRaw = r.cells[l.target];
    if (!src.trim() && !(tgtRaw ?? '').trim()) return undefined;
    if (++count > limits.maxRows) {
      throw new ShuyuError('too_large', `${input.name} has more than ${limits.maxRows} rows`, { params: { file: input.name, limit: limits.maxRows } });
    }
    const u: BilingualUnit = {
      id: (l.id !== undefined ? r.cells[l.id]?.trim() : undefined) || String(r.line),
      file: input.name,
      line: r.line,
      source: plainSegment(src),
      sourceLang: sourceLang!,
      targetLang: targetLang!,
    };
    if (tgtRaw !== undefined) u.target = plainSegment(unneutralizeCell(tgtRaw));
    const note = l.note !== undefined ? r.cells[l.note]?.trim() : undefined;
    if (note) u.notes = [note];
    return u;
  };
  for await (const row of rows) {
    if (!layout) {
      layout = tableLayout(row.cells, options);
      if (layout.hasHeader) continue;
    }
    if (!sourceLang) {
      pending.push(row);
      if (pending.length < 50) continue;
      resolve();
      for (const p of pending) {
        const u = toUnit(p);
        if (u) yield u;
      }
      pending = [];
      continue;
    }
    const u = toUnit(row);
    if (u) yield u;
  }
  if (layout && !sourceLang) {
    resolve();
    for (const p of pending) {
      const u = toUnit(p);
      if (u) yield u;
    }
  }
}

async function* csvRows(input: FileInput, delimiter: string, limits: Limits, onProgress?: BilingualReadOptions['onProgress']): AsyncIterable<{ cells: string[]; line: number }> {
  const parser = parse({ delimiter, relax_column_count: true, relax_quotes: delimiter === '\t', quote: delimiter === '\t' ? null : '"', info: true, bom: true, skip_empty_lines: true });
  const feed = (async () => {
    try {
      for await (const chunk of inputChunks(input, limits, onProgress)) {
        if (!parser.write(chunk)) await new Promise<void>((r) => parser.once('drain', () => r()));
      }
      parser.end();
    } catch (e) {
      parser.destroy(e as Error);
    }
  })();
  try {
    for await (const rec of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      yield { cells: rec.record, line: rec.info.lines };
    }
  } catch (e) {
    if (e instanceof ShuyuError) throw e;
    const err = e as { message?: string; lines?: number; code?: string };
    throw new ShuyuError('parse_error', `Malformed ${delimiter === '\t' ? 'TSV' : 'CSV'}: ${err.message ?? String(e)}`, {
      params: { file: input.name, ...(err.lines ? { line: err.lines } : {}) },
      cause: e,
    });
  }
  await feed;
}

async function* xlsxRows(input: FileInput, limits: Limits): AsyncIterable<{ cells: string[]; line: number }> {
  const bytes = await inputBytes(input, limits);
  const Excel = await loadExcelJS();
  const wb = new Excel.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch (e) {
    throw new ShuyuError('parse_error', `${input.name} is not a readable XLSX workbook: ${(e as Error).message}`, { params: { file: input.name }, cause: e });
  }
  const ws = wb.worksheets[0];
  if (!ws) return;
  const rows: { cells: string[]; line: number }[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cell.text ?? '';
    });
    for (let i = 0; i < cells.length; i++) cells[i] ??= '';
    rows.push({ cells, line: rowNumber });
  });
  yield* rows;
}

function tableFormat(id: 'bilingual-csv' | 'bilingual-tsv' | 'bilingual-xlsx'): BilingualFormat {
  const ext = id.slice('bilingual-'.length);
  return {
    kind: 'bilingual',
    id,
    name: `Bilingual ${ext.toUpperCase()} (source and target columns)`,
    extensions: [ext === 'tsv' ? 'tsv' : ext, ...(ext === 'tsv' ? ['tab'] : [])],
    mediaTypes: ext === 'csv' ? ['text/csv'] : ext === 'tsv' ? ['text/tab-separated-values'] : ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    readUnits(inputs: FileInput[], options: BilingualReadOptions = {}) {
      const info: BilingualInfo = { notices: [] };
      const limits = resolveLimits(options.limits);
      async function* units(): AsyncIterable<BilingualUnit> {
        for (const input of inputs) {
          const rows = ext === 'xlsx' ? xlsxRows(input, limits) : csvRows(input, ext === 'tsv' ? '\t' : ',', limits, options.onProgress);
          yield* rowsToUnits(input, rows, options, info, limits);
        }
      }
      return { units: units(), info };
    },
  };
}

export const bilingualCsvFormat = tableFormat('bilingual-csv');
export const bilingualTsvFormat = tableFormat('bilingual-tsv');
export const bilingualXlsxFormat = tableFormat('bilingual-xlsx');
