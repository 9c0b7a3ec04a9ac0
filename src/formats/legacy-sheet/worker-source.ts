/**
 * Code run inside the worker thread that parses legacy spreadsheets with SheetJS (xlsx 0.18.5, which has
 * unfixed advisories on its read path). It is a string so that it runs the same from TypeScript sources
 * (tsx, vitest) and from the compiled dist. It receives the bytes and the path of the xlsx module and
 * posts back plain data only: `{ sheets: [{ name, rows: string[][] }] }` or `{ error }`.
 */
export const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
try {
  const XLSX = require(workerData.xlsxPath);
  const wb = XLSX.read(Buffer.from(workerData.bytes), {
    type: 'buffer', dense: true, cellFormula: false, cellHTML: false, cellStyles: false,
    cellNF: false, cellDates: true, sheetStubs: false, bookVBA: false, bookFiles: false,
    sheetRows: workerData.maxRows + 1, WTF: false,
  });
  const sheets = [];
  for (const name of wb.SheetNames.slice(0, 20)) {
    const ws = wb.Sheets[name];
    if (!ws) continue;
    const rows = XLSX.utils.sheet_to_json(ws, { header: 1, raw: false, defval: '', blankrows: true });
    sheets.push({
      name: String(name),
      rows: rows.map((r) => (Array.isArray(r) ? r.map((c) => (c === null || c === undefined ? '' : String(c))) : [])),
    });
  }
  parentPort.postMessage({ sheets });
} catch (e) {
  parentPort.postMessage({ error: String((e && e.message) || e) });
}
`;
