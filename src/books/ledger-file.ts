import ExcelJS from 'exceljs';
import type { PaymentKind } from '../db/database.js';
import type { LedgerGrid } from './ledger-grid.js';
import type { LedgerRow } from './ledger-rows.js';
import { formatLocalStamp } from './local-stamp.js';

// The 台账 as a file: the grid a grid worker keeps (sheet 1) and every ledger row (sheet 2).
// Headers are the Chinese ones a 台账 has; import-payments reads sheet 2 back.

/** Ledger kinds as the sheet writes them. */
export const KIND_WORDS: Record<PaymentKind, string> = { collection: '收费', claim: '申报', correction: '冲正', credit: '补贴' };
/** A claim's status as the sheet writes it. */
export const STATUS_WORDS = { confirmed: '已确认', rejected: '已驳回', pending: '待确认' } as const;
const MARK = { paid: '已交', unpaid: '未交' } as const;

export const GRID_SHEET = '台账';
export const ROWS_SHEET = '缴费记录';
export const ROW_HEADER = ['编号', '房号', '片区', '收费项目', '类型', '状态', '金额(元)', '月数', '缴费时间', '确认时间', '方式', '收费人', '更正编号', '更正后金额(元)', '更正后月数', '备注'];

type Cell = string | number | null;
const yuanNumber = (fen: number | null) => (fen === null ? null : fen / 100);

/** The grid's header and rows as cells. */
export function gridCells(g: LedgerGrid): Cell[][] {
  const header: Cell[] = ['房号', '片区', '姓名', '收费项目', ...g.months, '缴至', '欠费(元)'];
  return [header, ...g.rows.map((r) => [r.roomCode, r.zone, r.name, r.plan, ...r.months.map((m) => (m === null ? null : MARK[m])), r.through, yuanNumber(r.owedFen)])];
}

/** Every ledger row as cells, times on the estate's wall clock. */
export function rowCells(rows: readonly LedgerRow[], timeZone: string): Cell[][] {
  return [
    ROW_HEADER,
    ...rows.map((r) => [
      r.ref, r.roomCode, r.zone, r.plan, KIND_WORDS[r.kind], r.status === null ? null : STATUS_WORDS[r.status], yuanNumber(r.amountFen), r.months,
      formatLocalStamp(r.at, timeZone), r.decidedAt === null ? null : formatLocalStamp(r.decidedAt, timeZone), r.method, r.collector, r.corrects,
      yuanNumber(r.standsFen), r.standsMonths, r.note,
    ]),
  ];
}

/** An .xlsx of the two sheets, each with a frozen header row and filters on every column. */
export async function ledgerXlsx(grid: Cell[][], rows: Cell[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const [name, cells, widths] of [[GRID_SHEET, grid, 12], [ROWS_SHEET, rows, 14]] as const) {
    const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1, xSplit: name === GRID_SHEET ? 1 : 0 }] });
    for (const r of cells) ws.addRow(r);
    ws.getRow(1).font = { bold: true };
    ws.columns.forEach((c) => {
      c.width = widths;
    });
    const width = cells[0]?.length ?? 1;
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, cells.length), column: width } };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** CSV in UTF-8 with a BOM, so Chinese Excel opens it as Chinese. */
export function toCsv(cells: Cell[][]): Buffer {
  const quote = (c: Cell) => {
    const s = c === null ? '' : String(c);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return Buffer.from(`\uFEFF${cells.map((r) => r.map(quote).join(',')).join('\r\n')}\r\n`, 'utf8');
}
