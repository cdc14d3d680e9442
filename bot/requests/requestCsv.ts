/** A CSV file Excel opens with Turkish characters: UTF-8 with a BOM, ";" between fields (Turkish Excel's list separator), CRLF. */
export function toCsv(header: string, rows: string[][]): string {
  return `\uFEFF${[header, ...rows.map((row) => row.map(csvField).join(';'))].join('\r\n')}\r\n`;
}

function csvField(value: string): string {
  // A leading = + - @ would be a formula in Excel; quote-and-prefix keeps it text.
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) || safe !== value ? `"${safe.replace(/"/g, '""')}"` : safe;
}
