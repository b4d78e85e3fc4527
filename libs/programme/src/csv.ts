// CSV for spreadsheets: UTF-8 with a byte order mark (Excel then reads it as UTF-8), and every cell
// that a spreadsheet would run as a formula (starting =, +, -, @, tab or carriage return) made text
// by a leading apostrophe (OWASP's CSV injection advice). Plain TypeScript around csv-stringify.
import { stringify } from 'csv-stringify/sync';

export type CsvValue = string | number | boolean | Date | null;

export interface CsvColumn<Row> {
  header: string;
  value: (row: Row) => CsvValue;
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell as text a spreadsheet shows as written. */
export function csvCell(value: CsvValue): string {
  if (value === null) return '';
  const text = value instanceof Date ? value.toISOString() : typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function toCsv<Row>(rows: readonly Row[], columns: readonly CsvColumn<Row>[]): string {
  return stringify(
    rows.map((row) => columns.map((column) => csvCell(column.value(row)))),
    { bom: true, header: true, columns: columns.map((column) => column.header), record_delimiter: 'windows' },
  );
}
