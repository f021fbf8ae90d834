import { promises as fs } from 'node:fs';
import type { Kysely } from 'kysely';
import type { Database, Estate } from '../db/database.js';
import { findPanelist, importSheet, panelSheet } from '../scoring/panel-sheet.js';
import { ensureRound, unitsInScope } from '../scoring/rounds.js';
import { cardOf } from '../scoring/scores.js';
import { isXlsx, readSheetFile, toCsv, writeSheetXlsx } from '../scoring/sheet-file.js';
import { isComplete } from '../scoring/unit-score.js';
import type { ScoringRequest } from './scoring-args.js';

type SheetRequest = Extract<ScoringRequest, { sub: 'sheet' | 'import-sheet' }>;

/**
 * `linli scoring sheet` writes the month's sheet (.xlsx or CSV by the file name), for a panelist
 * with their points so far; `linli scoring import-sheet` takes a filled one back and prints what
 * was recorded, unit by unit, for the panelist to check. Returns the exit code, or a refusal.
 */
export async function runSheetCommand(req: SheetRequest, db: Kysely<Database>, estate: Estate, out: (line: string) => void, now: Date): Promise<number | string> {
  const who = req.panelist;
  const panelist = who === null ? null : await db.transaction().execute((tx) => findPanelist(tx, estate.id, who.platform, who.userId));
  if (who !== null && panelist === null) return `${who.platform}:${who.userId} is not a panelist of ${estate.code}`;
  if (req.sub === 'sheet') {
    const sheet = await db.transaction().execute(async (tx) => panelSheet(tx, estate, await ensureRound(tx, estate, req.month, now), panelist, now));
    if (isXlsx(req.file)) await writeSheetXlsx(req.file, sheet.rules, sheet.rows, sheet.notes);
    else await fs.writeFile(req.file, toCsv(sheet.rows));
    out(`${req.file}: ${sheet.units} units × ${sheet.rows[0].length - 2} criteria for ${req.month}${isXlsx(req.file) ? '' : ' (CSV)'}`);
    return 0;
  }
  if (panelist === null) return 'give --panelist platform:user-id';
  const { lines, bytes } = await readSheetFile(req.file);
  const done = await db.transaction().execute((tx) => importSheet(tx, estate, req.month, panelist, lines, bytes, now));
  if (done.already) {
    out(`${req.file} was already imported (${done.at.toISOString()}); nothing changed`);
    return 0;
  }
  out(`${req.file}: ${done.cells} scores for ${done.rows.length} units recorded for ${req.month}`);
  // The panelist's whole card per unit, as the chat repeats it, and what is still missing.
  const round = await ensureRound(db, estate, req.month, now);
  const missing: string[] = [];
  for (const u of await unitsInScope(db, estate.id, round.rules)) {
    const card = await cardOf(db, round.id, panelist.id, u.id);
    const complete = isComplete(round.rules, { panelistId: panelist.id, points: card });
    if (!complete) missing.push(u.code);
    if (!done.rows.some((r) => r.unit === u.code)) continue;
    const line = round.rules.criteria.map((c) => `${c.name}${card[c.key] ?? '–'}`).join(' ');
    out(`  ${u.code}  ${line}${complete ? `  = ${round.rules.criteria.reduce((s, c) => s + card[c.key], 0)}` : ''}`);
  }
  out(missing.length ? `still to score: ${missing.join(', ')}` : 'every unit of the month is scored');
  return 0;
}
