/** Returns one CSV field, quoted when it holds a comma, quote, or line break (RFC 4180). */
export function csvField(value: string | number | null | undefined): string {
  const s = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * Returns a CSV document: a byte-order mark (so Excel and WPS read the UTF-8 Chinese correctly),
 * a header row, then one row per record, CRLF line ends.
 */
export function toCsv(header: string[], rows: Array<Array<string | number | null | undefined>>): string {
  return '\uFEFF' + [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
