import type { Sheet } from '../books/read-table.js';
import { parseRoster } from './parse-roster-csv.js';

/** The sheet of a workbook that holds the roster: the first with households in it, else the first. */
export function rosterSheet(sheets: readonly Sheet[]): Sheet {
  return sheets.find((s) => parseRoster(s.records).rows.length > 0) ?? sheets[0] ?? { name: '', records: [] };
}
