import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { currentMonth } from '../time/month.js';
import { gridCells, ledgerXlsx, rowCells, toCsv } from './ledger-file.js';
import { ledgerGrid } from './ledger-grid.js';
import { ledgerRows } from './ledger-rows.js';

/** What to export: a zone (or the estate), months 'YYYY-MM', and the file's form. */
export interface ExportOptions {
  zoneId: number | null;
  from: string | null;
  to: string | null;
  /** xlsx: both sheets; csv-grid / csv-rows: one sheet as CSV. */
  format: 'xlsx' | 'csv-grid' | 'csv-rows';
}

/**
 * The 台账 of an estate as a staff file (it holds residents' names: never for a group): the grid
 * (one row per household and plan, each month paid or not, paid through, arrears as of now) and
 * every ledger row, corrections included. Returns the file's bytes and what it holds.
 */
export async function exportLedger(
  db: Kysely<Database>,
  estate: { id: number; time_zone: string },
  o: ExportOptions,
  now: Date,
): Promise<{ buffer: Buffer; households: number; rows: number }> {
  const scope = { estateId: estate.id, zoneId: o.zoneId, from: o.from, to: o.to };
  const grid = o.format === 'csv-rows' ? null : await ledgerGrid(db, scope, currentMonth(now, estate.time_zone));
  const rows = o.format === 'csv-grid' ? null : await ledgerRows(db, { ...scope, timeZone: estate.time_zone });
  const households = grid === null ? 0 : new Set(grid.rows.map((r) => r.roomCode)).size;
  const count = rows?.length ?? 0;
  if (o.format === 'csv-grid') return { buffer: toCsv(gridCells(grid!)), households, rows: count };
  if (o.format === 'csv-rows') return { buffer: toCsv(rowCells(rows!, estate.time_zone)), households, rows: count };
  return { buffer: await ledgerXlsx(gridCells(grid!), rowCells(rows!, estate.time_zone)), households, rows: count };
}
