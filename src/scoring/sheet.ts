import type { ScoringRules } from './rules.js';

/** One filled row of a month's sheet: a unit and the points given (blank cells left out). */
export interface SheetRow {
  line: number;
  unit: string;
  points: Record<string, number>;
}

/** A sheet that cannot be read as it is, with the line to look at. */
export class SheetError extends Error {
  constructor(
    readonly line: number,
    readonly problem: string,
  ) {
    super(`line ${line}: ${problem}`);
    this.name = 'SheetError';
  }
}

const UNIT_HEADER = '单元';

/** The month's blank sheet as CSV (UTF-8 with BOM, so Excel opens the Chinese right): one row per unit. */
export function buildSheet(rules: ScoringRules, units: string[]): string {
  const header = [UNIT_HEADER, ...rules.criteria.map((c) => `${c.name}(${c.maxPoints})`)];
  const rows = units.map((u) => [u, ...rules.criteria.map(() => '')]);
  return `\uFEFF${[header, ...rows].map((r) => r.join(',')).join('\r\n')}\r\n`;
}

/** Read a filled sheet back: columns by their header (any order), whole points within each maximum. */
export function readSheet(rules: ScoringRules, text: string): SheetRow[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = (lines[0] ?? '').split(',').map((h) => h.trim().replace(/^"|"$/g, ''));
  if (header[0] !== UNIT_HEADER) throw new SheetError(1, `the first column must be ${UNIT_HEADER}`);
  const columns = header.slice(1).map((h, i) => {
    const name = h.replace(/\(\d+\)$/, '');
    const c = rules.criteria.find((x) => x.name === name || x.words.includes(name));
    if (!c) throw new SheetError(1, `column ${i + 2} "${h}" is not a criterion`);
    return c;
  });
  const out: SheetRow[] = [];
  lines.slice(1).forEach((raw, i) => {
    const line = i + 2;
    const cells = raw.split(',').map((x) => x.trim().replace(/^"|"$/g, ''));
    if (cells.every((c) => c === '')) return;
    const points: Record<string, number> = {};
    columns.forEach((c, j) => {
      const cell = cells[j + 1] ?? '';
      if (cell === '') return;
      if (!/^\d{1,4}$/.test(cell) || Number(cell) > c.maxPoints) throw new SheetError(line, `${c.name} "${cell}" is not a whole number from 0 to ${c.maxPoints}`);
      points[c.key] = Number(cell);
    });
    out.push({ line, unit: cells[0], points });
  });
  return out;
}
