import { promises as fs } from 'node:fs';
import ExcelJS from 'exceljs';
import { decodeText } from '../books/decode-text.js';
import { parseCsv } from '../books/parse-csv.js';
import type { ScoringRules } from './rules.js';
import type { SheetCell, SheetLine } from './sheet.js';

/** The name of the worksheet panelists fill. */
export const SCORES_WORKSHEET = '评分';

/** A file that is neither a readable .xlsx nor a .csv. */
export class SheetFileError extends Error {
  constructor(readonly file: string, readonly problem: string) {
    super(`${file}: ${problem}`);
    this.name = 'SheetFileError';
  }
}

/** True when the file name asks for a spreadsheet (.xlsx) rather than CSV. */
export function isXlsx(file: string): boolean {
  return /\.xlsx$/i.test(file);
}

function csvCell(v: string | number | null): string {
  const s = v === null ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Rows of cells as CSV: UTF-8 with a BOM (so Excel shows the Chinese), CRLF, quoted where needed. */
export function toCsv(rows: (string | number | null)[][]): string {
  return `\uFEFF${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/**
 * The sheet as an .xlsx workbook: the score worksheet (criteria cells limited to whole numbers
 * within their maximum, header and unit column frozen) and a worksheet of notes for the panelist.
 */
export async function writeSheetXlsx(file: string, rules: ScoringRules, rows: (string | number | null)[][], notes: string[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'linli';
  const ws = wb.addWorksheet(SCORES_WORKSHEET, { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] });
  for (const r of rows) ws.addRow(r);
  ws.getRow(1).font = { bold: true };
  ws.getColumn(1).width = 10;
  rules.criteria.forEach((c, i) => {
    const col = ws.getColumn(i + 2);
    col.width = 14;
    for (let n = 2; n <= rows.length; n++) {
      ws.getCell(n, i + 2).dataValidation = {
        type: 'whole', operator: 'between', allowBlank: true, formulae: [0, c.maxPoints], showErrorMessage: true, errorTitle: c.name, error: `0–${c.maxPoints}`,
      };
    }
  });
  ws.getColumn(rules.criteria.length + 2).width = 60;
  const info = wb.addWorksheet('说明');
  for (const n of notes) info.addRow([n]);
  info.getColumn(1).width = 90;
  await wb.xlsx.writeFile(file);
}

function xlsxCell(v: ExcelJS.CellValue): SheetCell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  if (typeof v === 'object' && 'formula' in v) return xlsxCell((v as { result?: ExcelJS.CellValue }).result ?? null);
  if (typeof v === 'object' && 'text' in v) return String((v as { text: unknown }).text);
  if (v instanceof Date) return { invalid: 'a date' };
  return { invalid: String(v) };
}

/** Read a filled sheet (.xlsx: the score worksheet, else the first; otherwise CSV) as lines of cells. */
export async function readSheetFile(file: string): Promise<{ lines: SheetLine[]; bytes: Buffer }> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch (e) {
    throw new SheetFileError(file, `cannot read it (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  // An .xlsx is a zip: "PK" whatever the file is called.
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    } catch {
      throw new SheetFileError(file, 'not a readable .xlsx workbook');
    }
    const ws = wb.getWorksheet(SCORES_WORKSHEET) ?? wb.worksheets[0];
    if (!ws) throw new SheetFileError(file, 'the workbook has no worksheet');
    const lines: SheetLine[] = [];
    ws.eachRow({ includeEmpty: false }, (row, n) => {
      const cells: SheetCell[] = [];
      for (let c = 1; c <= row.cellCount; c++) cells.push(xlsxCell(row.getCell(c).value));
      lines.push({ line: n, cells });
    });
    return { lines, bytes };
  }
  if (isXlsx(file)) throw new SheetFileError(file, 'not a readable .xlsx workbook');
  return { lines: parseCsv(decodeText(bytes).text).map((r) => ({ line: r.line, cells: r.cells })), bytes };
}
