/**
 * Formula-injection defence for every spreadsheet we write (CSV, TSV, XLSX, reports).
 * Excel (and LibreOffice, Google Sheets) treat a cell starting with = + - @ as a formula, also in their
 * full-width forms ＝ ＋ － ＠, and after a leading tab or carriage return. Such cells get a leading
 * apostrophe-free guard: a single quote is visible in CSV, so we prefix U+0027 only where the OWASP
 * guidance says to, and readers strip it again (unneutralizeCell) so a round trip is lossless.
 */
const DANGEROUS_START = /^[=+\-@\uFF1D\uFF0B\uFF0D\uFF20\t\r]/;

/** Text that starts with apostrophes followed by a dangerous character (`'=x`, `''+1`). */
const QUOTED_DANGER = /^'+[=+\-@\uFF1D\uFF0B\uFF0D\uFF20\t\r]/;

/**
 * Returns the text with a leading `'` when a spreadsheet would evaluate it as a formula. Text that
 * already looks neutralised (`'=x`) gets one more `'`, so that unneutralizeCell restores it exactly.
 */
export function neutralizeCell(value: string): string {
  return DANGEROUS_START.test(value) || QUOTED_DANGER.test(value) ? `'${value}` : value;
}

/** Inverse of neutralizeCell for values we wrote ourselves: `'=SUM(A1)` → `=SUM(A1)`, `''=x` → `'=x`. */
export function unneutralizeCell(value: string): string {
  return QUOTED_DANGER.test(value) ? value.slice(1) : value;
}

export function isDangerousCell(value: string): boolean {
  return DANGEROUS_START.test(value);
}
