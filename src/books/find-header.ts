import { cleanText } from '../text/clean-text.js';
import { foldText } from '../text/fold-text.js';
import type { CsvRecord } from './parse-csv.js';

/** How far down a sheet the header may be: title rows (聚心苑小区住户花名册（2026年）) sit above it. */
export const HEADER_SEARCH_ROWS = 10;

/** A header cell folded to a lookup key: lower case, simplified, half-width, no spaces, brackets or units. */
export function headerKey(cell: string): string {
  return foldText(cleanText(cell))
    .replace(/[\s_*()（）:：/／、·.]/g, '')
    .replace(/(㎡|m2|平方米|平米)$/, '');
}

/**
 * The first record among the first HEADER_SEARCH_ROWS that names every `required` field, with
 * its column map (first column of each field). Null when there is none.
 */
export function findHeader<F extends string>(
  records: readonly CsvRecord[],
  lookup: ReadonlyMap<string, F>,
  required: readonly F[],
): { index: number; columns: Map<F, number> } | null {
  for (let index = 0; index < Math.min(records.length, HEADER_SEARCH_ROWS); index++) {
    const columns = new Map<F, number>();
    const cells = records[index].cells;
    for (let i = 0; i < cells.length; i++) {
      const f = lookup.get(headerKey(cells[i]));
      if (f !== undefined && !columns.has(f)) columns.set(f, i);
    }
    if (required.every((f) => columns.has(f))) return { index, columns };
  }
  return null;
}
