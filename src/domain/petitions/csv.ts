// CSV that spreadsheet programs open correctly: UTF-8 with a byte-order mark (without it Excel
// shows Persian as mojibake), CRLF line ends, RFC 4180 quoting, and cells that would start a
// formula (=, +, -, @) neutralised with a leading apostrophe (CSV injection).

export type CsvValue = string | number | null | undefined;

export const UTF8_BOM = "\ufeff";

export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  let text = value.replace(/\r\n?/g, "\n");
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  if (/[",\n]/.test(text) || text !== text.trim()) return `"${text.replace(/"/g, '""')}"`;
  return text;
}

export function csvRow(values: readonly CsvValue[]): string {
  return values.map(csvField).join(",");
}

/** The whole file: BOM, header, rows, each line ending in CRLF. */
export function csvDocument(header: readonly string[], rows: Iterable<readonly CsvValue[]>): string {
  const lines = [csvRow(header)];
  for (const row of rows) lines.push(csvRow(row));
  return `${UTF8_BOM}${lines.join("\r\n")}\r\n`;
}
