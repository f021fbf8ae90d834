import ExcelJS from 'exceljs';
import { localParts } from '../time/zoned-time.js';
import type { ArchiveSheet } from './archive.js';

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant as the estate's wall clock reads it: 2026-11-26 10:00. */
export function localStamp(at: Date, timeZone: string): string {
  const p = localParts(at, timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}`;
}

/** Write the archive's worksheets to an .xlsx file, times in the estate's time zone. */
export async function writeArchiveXlsx(file: string, sheets: ArchiveSheet[], timeZone: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'linli';
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.addRow(s.header).font = { bold: true };
    for (const r of s.rows) ws.addRow(r.map((v) => (v instanceof Date ? localStamp(v, timeZone) : v)));
    s.header.forEach((h, i) => {
      ws.getColumn(i + 1).width = Math.max(8, Math.min(40, h.length * 2 + 4));
    });
  }
  await wb.xlsx.writeFile(file);
}
