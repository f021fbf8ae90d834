import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Locale } from '../commands/locale.js';
import type { Database, Estate, PanelParty } from '../db/database.js';
import { translator } from '../i18n/translator.js';
import { monthName } from '../time/month.js';
import { evidenceOfRound, gatherEvidence } from './evidence.js';
import { decisionWords, proposalWords } from './evidence-words.js';
import { renderRules } from './render.js';
import { openRound, type Round, unitsInScope } from './rounds.js';
import { cardOf, saveScores } from './scores.js';
import { readSheet, SheetError, sheetRows, type SheetLine, type SheetRow } from './sheet.js';

/** A panelist of an estate, found by platform user id (the identity, never a name). */
export interface SheetPanelist {
  id: number;
  party: PanelParty | null;
}

/** The panelist with this platform user id in the estate, or null. */
export async function findPanelist(tx: Transaction<Database>, estateId: number, platform: string, userId: string): Promise<SheetPanelist | null> {
  const row = await tx
    .selectFrom('members as m')
    .innerJoin('roles as r', 'r.member_id', 'm.id')
    .select(['m.id', 'r.party'])
    .where('m.platform', '=', platform)
    .where('m.platform_user_id', '=', userId)
    .where('r.estate_id', '=', estateId)
    .where('r.role', '=', 'panelist')
    .executeTakeFirst();
  return row ? { id: row.id, party: row.party as PanelParty | null } : null;
}

/**
 * The month's sheet (for a panelist, with the points they already gave): the rows and the notes
 * (title, how to fill it, the month's rules). Evidence of the month is gathered first, as `证据` does.
 */
export async function panelSheet(tx: Transaction<Database>, estate: Estate, round: Round, panelist: SheetPanelist | null, now: Date) {
  const { t } = translator(estate.locale as Locale);
  const rules = round.rules;
  const units = await unitsInScope(tx, estate.id, rules);
  if (round.status !== 'published') await gatherEvidence(tx, round, estate.time_zone, units, now);
  const evidence = await evidenceOfRound(tx, round.id);
  const rows = sheetRows(
    rules,
    await Promise.all(
      units.map(async (u) => ({
        code: u.code,
        card: panelist ? await cardOf(tx, round.id, panelist.id, u.id) : {},
        evidence: (evidence.get(u.id) ?? []).map((e) => `E${e.id} 工单T${e.ticketId} ${proposalWords(t, rules, e)} ${decisionWords(t, e)}`),
      })),
    ),
  );
  const party = panelist?.party ? t(`sc_party_${panelist.party}`) : null;
  const closes = `${Number(round.month.slice(5))}月${rules.closeDay}日`;
  const notes = [t('sc_sheet_title', { estate: estate.name, month: monthName(round.month), party, closes }), t('sc_sheet_howto'), '', ...renderRules(t, rules, round.month).split('\n')];
  return { rows, notes, rules, units: units.length };
}

/** What an import did: the units and cells taken, or that the same file was already taken. */
export type SheetImport = { already: false; rows: SheetRow[]; cells: number } | { already: true; at: Date; rows: SheetRow[] };

/** Why a sheet is not taken at all (nothing changes). */
export class SheetRefused extends Error {
  constructor(readonly problem: string) {
    super(problem);
    this.name = 'SheetRefused';
  }
}

/**
 * Take a panelist's filled sheet for `month`, by the rules of chat scoring: a panelist of the
 * estate, this month's round while it is open, units of its scope, whole points within each
 * maximum (a partial card is kept, as in the chat). All or nothing: any bad cell refuses the
 * sheet (SheetError lists them by line and column). The same file again, with nothing of theirs
 * changed since, takes effect once.
 */
export async function importSheet(tx: Transaction<Database>, estate: Estate, month: string, panelist: SheetPanelist, lines: SheetLine[], bytes: Buffer, now: Date): Promise<SheetImport> {
  const round = await openRound(tx, estate, now);
  if (!round || round.month !== month) throw new SheetRefused(`scoring for ${month} is not open: panelists score the current month until its close day`);
  // One import of a panelist's sheet at a time for the round.
  await tx.selectFrom('scoring_rounds').select('id').where('id', '=', round.id).forUpdate().execute();
  const units = new Map((await unitsInScope(tx, estate.id, round.rules)).map((u) => [u.code, u.id]));
  const rows = readSheet(round.rules, lines);
  const unknown = rows.filter((r) => !units.has(r.unit)).map((r) => `line ${r.line}, column A: ${r.unit} is not a unit scored in ${month}`);
  if (unknown.length) throw new SheetError(unknown);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const last = await tx.selectFrom('scoring_sheet_imports').selectAll().where('round_id', '=', round.id).where('panelist_id', '=', panelist.id).orderBy('id', 'desc').executeTakeFirst();
  if (last && last.sha256 === sha256) {
    const changed = await tx.selectFrom('scoring_scores').select('unit_id').where('round_id', '=', round.id).where('panelist_id', '=', panelist.id).where('source', '<>', 'sheet').where('updated_at', '>=', last.created_at).executeTakeFirst();
    if (!changed) return { already: true, at: new Date(last.created_at), rows };
  }
  let cells = 0;
  for (const r of rows) {
    await saveScores(tx, round.id, panelist.id, units.get(r.unit) as number, r.points, 'sheet', now);
    cells += Object.keys(r.points).length;
  }
  await tx.insertInto('scoring_sheet_imports').values({ round_id: round.id, panelist_id: panelist.id, sha256, units: rows.length, cells, created_at: now }).execute();
  await tx
    .insertInto('audit_log')
    .values({ estate_id: estate.id, actor_member_id: panelist.id, action: 'scoring.sheet', subject: `round ${month}`, detail: JSON.stringify({ units: rows.length, cells, sha256 }), created_at: now })
    .execute();
  return { already: false, rows, cells };
}
