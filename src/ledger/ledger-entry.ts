import type { Kysely, Transaction } from 'kysely';
import type { Database, PaymentKind } from '../db/database.js';

type Db = Kysely<Database> | Transaction<Database>;

/** One ledger row with where its household is and how its claim was decided. */
export interface LedgerEntry {
  id: number;
  kind: PaymentKind;
  householdId: number;
  roomCode: string;
  buildingId: number;
  zoneId: number | null;
  feePlanId: number;
  amountFen: number;
  months: number;
  method: string | null;
  memberId: number | null;
  correctsId: number | null;
  standsFen: number | null;
  standsMonths: number | null;
  note: string | null;
  decision: 'confirmed' | 'rejected' | null;
  decidedBy: number | null;
  decidedAt: Date | null;
  createdAt: Date;
}

/** A ledger row of an estate by id, or null. */
export async function loadEntry(db: Db, estateId: number, id: number): Promise<LedgerEntry | null> {
  const row = await db
    .selectFrom('payments as p')
    .innerJoin('households as h', 'h.id', 'p.household_id')
    .innerJoin('buildings as b', 'b.id', 'h.building_id')
    .leftJoin('payment_decisions as d', 'd.payment_id', 'p.id')
    .select([
      'p.id', 'p.kind', 'p.household_id as householdId', 'h.room_code as roomCode', 'b.id as buildingId', 'b.zone_id as zoneId',
      'p.fee_plan_id as feePlanId', 'p.amount_fen as amountFen', 'p.months', 'p.method', 'p.member_id as memberId',
      'p.corrects_id as correctsId', 'p.stands_fen as standsFen', 'p.stands_months as standsMonths', 'p.note',
      'd.decision', 'd.decided_by as decidedBy', 'd.decided_at as decidedAt', 'p.created_at as createdAt',
    ])
    .where('p.id', '=', id)
    .where('p.estate_id', '=', estateId)
    .executeTakeFirst();
  return row ?? null;
}

/** What an entry's chain stands at right after it: its own sum, or for a correction what it set. */
export function standing(e: Pick<LedgerEntry, 'kind' | 'amountFen' | 'months' | 'standsFen' | 'standsMonths'>): { fen: number; months: number } {
  if (e.kind === 'correction') return { fen: e.standsFen ?? 0, months: e.standsMonths ?? 0 };
  return { fen: e.amountFen, months: e.months };
}

/** The correction made to an entry, if any (there is at most one: payments_one_correction). */
export async function correctionOf(db: Db, id: number): Promise<{ id: number; standsFen: number | null } | null> {
  const row = await db.selectFrom('payments').select(['id', 'stands_fen as standsFen']).where('corrects_id', '=', id).executeTakeFirst();
  return row ?? null;
}

/** Does an entry count in the ledger (a collection or correction; a claim once confirmed)? */
export function counts(e: Pick<LedgerEntry, 'kind' | 'decision'>): boolean {
  return e.kind !== 'claim' || e.decision === 'confirmed';
}
