import type { Kysely, Transaction } from 'kysely';
import { cleanText } from '../text/clean-text.js';
import { foldText } from '../text/fold-text.js';
import { findRoomCode } from '../text/room-code.js';
import type { Database } from '../db/database.js';
import { zonedTime } from '../time/zoned-time.js';
import type { Round, ScoredUnit } from './rounds.js';
import type { ScoringRules } from './rules.js';
import { readUnitCode, unitOfRoom } from '../text/unit-code.js';
import type { DecidedEvidence } from './unit-score.js';

type Db = Kysely<Database> | Transaction<Database>;

/** The local month [from, to) as instants. */
export function monthWindow(month: string, timeZone: string): { from: Date; to: Date } {
  const [y, m] = month.split('-').map(Number);
  return { from: zonedTime(y, m, 1, 0, 0, timeZone), to: zonedTime(y, m + 1, 1, 0, 0, timeZone) };
}

/** The unit a complaint names: a room code (8-2-301) or a unit (8栋2单元), else null. */
export function unitInText(text: string): string | null {
  const folded = foldText(cleanText(text));
  const room = findRoomCode(folded)?.room;
  const ofRoom = room ? unitOfRoom(room) : null;
  if (ofRoom) return ofRoom;
  // 8栋2单元楼道 reads as room 2 of building 8 to the room finder: look for the unit itself.
  for (let i = 0; i < folded.length; i++) {
    if (i > 0 && /\d/.test(folded[i - 1])) continue;
    const hit = readUnitCode(folded.slice(i, i + 16));
    if (hit) return hit.code;
  }
  return null;
}

/** What a ticket proposes under the rules: a veto, a deduction, an exempt deduction, or nothing. */
export function proposalFor(rules: ScoringRules, category: string, text: string): Pick<DecidedEvidence, 'proposal' | 'item' | 'points'> | null {
  const veto = rules.vetoes.find((v) => v.ticketCategory === category);
  if (veto) return { proposal: 'veto', item: veto.key, points: 0 };
  const d = rules.deductions.find((x) => x.ticketCategory === category);
  if (!d) return null;
  const folded = foldText(cleanText(text));
  const exempt = rules.exemptions.some((e) => e.words.some((w) => folded.includes(w)));
  return exempt ? { proposal: 'exempt', item: d.criterion, points: 0 } : { proposal: 'deduction', item: d.criterion, points: d.points };
}

/**
 * Put the month's tickets beside their units as evidence (once each): the unit named in the
 * complaint, else the reporter's bound household's unit in the ticket's building. Tickets that
 * name no unit are not evidence. Nothing is decided here.
 */
export async function gatherEvidence(tx: Transaction<Database>, round: Round, timeZone: string, units: ScoredUnit[], now: Date): Promise<void> {
  const rules = round.rules;
  const categories = [...rules.vetoes.map((v) => v.ticketCategory), ...rules.deductions.map((d) => d.ticketCategory)];
  if (categories.length === 0 || units.length === 0) return;
  const { from, to } = monthWindow(round.month, timeZone);
  const tickets = await tx
    .selectFrom('tickets')
    .select(['id', 'category', 'text', 'building_id', 'reporter_member_id'])
    .where('estate_id', '=', round.estate_id)
    .where('category', 'in', categories)
    .where('created_at', '>=', from)
    .where('created_at', '<', to)
    .orderBy('id')
    .execute();
  const byCode = new Map(units.map((u) => [u.code, u]));
  for (const t of tickets) {
    let unit = (() => {
      const code = unitInText(t.text);
      return code ? byCode.get(code) : undefined;
    })();
    if (!unit && t.building_id !== null) {
      const home = await tx
        .selectFrom('bindings as bi')
        .innerJoin('households as h', 'h.id', 'bi.household_id')
        .select('h.unit_id')
        .where('bi.member_id', '=', t.reporter_member_id)
        .where('bi.status', '=', 'confirmed')
        .where('h.building_id', '=', t.building_id)
        .orderBy('bi.id')
        .executeTakeFirst();
      unit = units.find((u) => u.id === home?.unit_id);
    }
    const proposal = proposalFor(rules, t.category, t.text);
    if (!unit || !proposal) continue;
    await tx
      .insertInto('scoring_evidence')
      .values({ round_id: round.id, unit_id: unit.id, ticket_id: t.id, ...proposal, created_at: now })
      .onConflict((c) => c.columns(['round_id', 'ticket_id']).doNothing())
      .execute();
  }
}

/** A round's evidence, by unit, as the arithmetic takes it. */
export async function evidenceOfRound(db: Db, roundId: number): Promise<Map<number, (DecidedEvidence & { ticketId: number; reason: string | null })[]>> {
  const rows = await db.selectFrom('scoring_evidence').selectAll().where('round_id', '=', roundId).orderBy('id').execute();
  const out = new Map<number, (DecidedEvidence & { ticketId: number; reason: string | null })[]>();
  for (const r of rows) {
    out.set(r.unit_id, [...(out.get(r.unit_id) ?? []), { id: r.id, proposal: r.proposal, item: r.item, points: r.points, decision: r.decision, ticketId: r.ticket_id, reason: r.reason }]);
  }
  return out;
}

/** The panel's decision on one piece of evidence, with its reason; a later decision replaces it (audited by the caller). */
export async function decideEvidence(tx: Transaction<Database>, id: number, decision: 'confirmed' | 'dismissed', reason: string, memberId: number, now: Date): Promise<void> {
  await tx.updateTable('scoring_evidence').set({ decision, reason, decided_by: memberId, decided_at: now }).where('id', '=', id).execute();
}
