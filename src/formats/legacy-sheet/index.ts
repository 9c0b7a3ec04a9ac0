/**
 * Legacy .xls (BIFF) and OpenDocument .ods spreadsheets, read with SheetJS ONLY inside a worker thread
 * with memory limits and a time limit (its npm release has unfixed advisories on the read path); the
 * worker hands back plain strings, which go through the same header mapping as XLSX and CSV.
 * .ods (a zip) is checked for zip bombs first. Writing these formats is not supported (use xlsx).
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { ShuyuError } from '../../core/errors.js';
import { readInputBytes } from '../input.js';
import { resolveLimits } from '../limits.js';
import type { FileInput, GlossaryFormat, GlossaryReadOptions, GlossaryReadResult } from '../types.js';
import { TableReader } from '../tabular/from-table.js';
import { TABULAR_CANNOT_HOLD } from '../tabular/to-table.js';
import { columnLetter } from '../xlsx/write.js';
import { checkZip, looksLikeZip } from '../zip-guard.js';
import { WORKER_SOURCE } from './worker-source.js';

/** Limits of the parsing worker. */
export interface SheetWorkerLimits {
  /** @default 20000 */
  timeoutMs: number;
  /** V8 old-generation heap for the worker. @default 512 */
  maxHeapMb: number;
  maxRows: number;
}

export interface PlainSheet {
  name: string;
  rows: string[][];
}

/** Parses a legacy spreadsheet in a worker thread and returns its sheets as plain strings. */
export function parseInWorker(bytes: Uint8Array, file: string, limits: SheetWorkerLimits): Promise<PlainSheet[]> {
  const xlsxPath = createRequire(import.meta.url).resolve('xlsx');
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { bytes, xlsxPath, maxRows: limits.maxRows },
      resourceLimits: { maxOldGenerationSizeMb: limits.maxHeapMb, maxYoungGenerationSizeMb: 64, stackSizeMb: 4 },
      stdout: true,
      stderr: true,
    });
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      fn();
    };
    const timer = setTimeout(
      () =>
        finish(() =>
          reject(new ShuyuError('timeout', `${file}: reading the spreadsheet took longer than ${Math.round(limits.timeoutMs / 1000)} s; refused`, { params: { file, limit: limits.timeoutMs } })),
        ),
      limits.timeoutMs,
    );
    worker.on('message', (m: { sheets?: PlainSheet[]; error?: string }) =>
      finish(() => {
        if (m.sheets) resolve(m.sheets);
        else reject(new ShuyuError('parse_error', `${file} could not be read as a spreadsheet (${m.error ?? 'unknown error'})`, { params: { file } }));
      }),
    );
    worker.on('error', (e: Error & { code?: string }) =>
      finish(() => {
        const oom = e.code === 'ERR_WORKER_OUT_OF_MEMORY' || /out of memory/i.test(e.message);
        reject(
          oom
            ? new ShuyuError('too_large', `${file}: reading the spreadsheet needed more than ${limits.maxHeapMb} MB; refused`, { params: { file, limit: limits.maxHeapMb } })
            : new ShuyuError('parse_error', `${file} could not be read as a spreadsheet (${e.message})`, { params: { file }, cause: e }),
        );
      }),
    );
    worker.on('exit', (code) =>
      finish(() => reject(new ShuyuError('parse_error', `${file}: the spreadsheet reader stopped unexpectedly (exit ${code})`, { params: { file } }))),
    );
  });
}

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Reads a .xls or .ods glossary. */
export async function readLegacySheet(input: FileInput, options: GlossaryReadOptions = {}, worker: Partial<SheetWorkerLimits> = {}): Promise<GlossaryReadResult> {
  const limits = resolveLimits(options.limits);
  const bytes = await readInputBytes(input, limits);
  if (looksLikeZip(bytes)) await checkZip(bytes, input.name, limits, 'OpenDocument spreadsheet');
  const sheets = await parseInWorker(bytes, input.name, { timeoutMs: 20_000, maxHeapMb: 512, maxRows: limits.maxRows, ...worker });
  let firstError: unknown;
  for (const sheet of sheets) {
    const headerIndex = sheet.rows.findIndex((r) => r.some((c) => c.trim() !== ''));
    if (headerIndex < 0) continue;
    let reader: TableReader;
    try {
      reader = new TableReader(sheet.rows[headerIndex]!, {
        file: input.name,
        limits,
        mapping: options.mapping,
        cellName: (col, r) => `${columnLetter(col)}${r.row}`,
      });
    } catch (e) {
      firstError ??= e;
      continue;
    }
    for (let i = headerIndex + 1; i < sheet.rows.length; i++) reader.addRow({ cells: sheet.rows[i]!, row: i + 1 });
    return reader.finish();
  }
  if (firstError) throw firstError;
  throw new ShuyuError('empty_import', `${input.name} has no worksheet with data`, { params: { file: input.name } });
}

export const legacySheetFormat: GlossaryFormat = {
  kind: 'glossary',
  id: 'xls',
  name: 'Legacy Excel (.xls) and OpenDocument (.ods) spreadsheets — read only',
  extensions: ['xls', 'ods'],
  mediaTypes: ['application/vnd.ms-excel', 'application/vnd.oasis.opendocument.spreadsheet'],
  cannotHold: [...TABULAR_CANNOT_HOLD],
  sniff(head: Uint8Array): boolean {
    if (OLE.every((b, i) => head[i] === b)) return true;
    if (!looksLikeZip(head)) return false;
    return Buffer.from(head.subarray(30, 120)).toString('latin1').startsWith('mimetypeapplication/vnd.oasis.opendocument.spreadsheet');
  },
  read(input: FileInput, options?: GlossaryReadOptions): Promise<GlossaryReadResult> {
    return readLegacySheet(input, options);
  },
};
