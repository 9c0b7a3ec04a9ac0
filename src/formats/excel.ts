/**
 * exceljs loaded on first use: importing it costs ~0.6 s, which every CLI command (even `--help`) and every server
 * start would otherwise pay through the format registry. Type-only imports of 'exceljs' stay free.
 */
type ExcelModule = typeof import('exceljs');

let loading: Promise<ExcelModule> | undefined;

export function loadExcelJS(): Promise<ExcelModule> {
  loading ??= import('exceljs').then((m) => ((m as { default?: ExcelModule }).default ?? m) as ExcelModule);
  return loading;
}
