import { foldText } from '../text/fold-text.js';
import type { ScoringRules } from './rules.js';

/** One filled row of a month's sheet: a unit and the points given (blank cells left out). */
export interface SheetRow {
  line: number;
  unit: string;
  points: Record<string, number>;
}

/** A cell as read from a file: text, a number, or something a score cannot be (a date, an error). */
export type SheetCell = string | number | null | { invalid: string };

/** A row of cells as read from a file, with its 1-based line (the spreadsheet's row number). */
export interface SheetLine {
  line: number;
  cells: SheetCell[];
}

/** A sheet that cannot be taken as it is: every problem found, each naming its line and column. */
export class SheetError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'SheetError';
  }
}

/** The header of the unit column. */
export const UNIT_HEADER = '单元';
/** The header of the evidence column, shown for reference and never read back. */
export const EVIDENCE_HEADER = '证据（仅供参考，不用填）';

/** Spreadsheet column letters: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/**
 * The month's sheet for one panelist, as rows of cells: a header (unit, each criterion with its
 * maximum, evidence), then one row per unit with the points the panelist already gave (blank
 * where none) and the unit's evidence of the month as text.
 */
export function sheetRows(rules: ScoringRules, units: { code: string; card: Record<string, number>; evidence: string[] }[]): (string | number | null)[][] {
  const header = [UNIT_HEADER, ...rules.criteria.map((c) => `${c.name}(${c.maxPoints})`), EVIDENCE_HEADER];
  return [header, ...units.map((u) => [u.code, ...rules.criteria.map((c) => u.card[c.key] ?? null), u.evidence.join('；') || null])];
}

function cellText(cell: SheetCell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return String(cell);
  if (typeof cell === 'string') return foldText(cell).trim();
  return cell.invalid;
}

/**
 * Read a filled sheet back. Columns are found by their header (any order; a criterion by its name
 * or a short word, with or without "(max)"; the evidence column and blank headers are ignored);
 * each cell is a whole number within its criterion's maximum, or blank. Every problem is
 * collected, with its line and column, and the sheet is refused as a whole (SheetError).
 */
export function readSheet(rules: ScoringRules, lines: SheetLine[]): SheetRow[] {
  const problems: string[] = [];
  const at = (line: number, col: number, what: string) => problems.push(`line ${line}, column ${columnLetter(col)}${what}`);
  const [head, ...body] = lines;
  const header = (head?.cells ?? []).map(cellText);
  const headLine = head?.line ?? 1;
  if (header[0] !== UNIT_HEADER) throw new SheetError([`line ${headLine}, column A: the first column must be ${UNIT_HEADER}, not "${header[0] ?? ''}"`]);
  const columns: { col: number; key: string; name: string; max: number }[] = [];
  for (const [col, h] of header.entries()) {
    if (col === 0 || h === '' || h.startsWith('证据')) continue;
    const name = h.replace(/[(（]\d+[)）]$/, '').trim();
    const c = rules.criteria.find((x) => x.key === name || x.name === name || x.words.includes(name));
    if (!c) at(headLine, col, `: "${h}" is not a criterion (${rules.criteria.map((x) => x.name).join('、')})`);
    else if (columns.some((x) => x.key === c.key)) at(headLine, col, `: ${c.name} is a second time`);
    else columns.push({ col, key: c.key, name: c.name, max: c.maxPoints });
  }
  if (problems.length) throw new SheetError(problems);
  const out: SheetRow[] = [];
  const seen = new Map<string, number>();
  for (const { line, cells } of body) {
    const unit = cellText(cells[0]);
    if (cells.every((c) => cellText(c) === '')) continue;
    if (unit === '') {
      at(line, 0, ': the unit is missing');
      continue;
    }
    if (seen.has(unit)) at(line, 0, `: ${unit} is already on line ${seen.get(unit)}`);
    seen.set(unit, line);
    const points: Record<string, number> = {};
    for (const c of columns) {
      const cell = cells[c.col];
      const text = cellText(cell);
      if (text === '') continue;
      const n = typeof cell === 'number' ? cell : /^\d{1,4}$/.test(text) ? Number(text) : Number.NaN;
      if (!Number.isInteger(n) || n < 0) at(line, c.col, ` (${c.name}, ${unit}): "${text}" is not a whole number of points`);
      else if (n > c.max) at(line, c.col, ` (${c.name}, ${unit}): ${n} is more than the maximum ${c.max}`);
      else points[c.key] = n;
    }
    // A unit left blank is not scored by this sheet (its evidence text alone is no score).
    if (Object.keys(points).length > 0) out.push({ line, unit, points });
  }
  if (problems.length) throw new SheetError(problems);
  return out;
}
