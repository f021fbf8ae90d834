import { sql, type Transaction } from 'kysely';
import type { Database, Estate, FeePlan } from '../db/database.js';
import { householdMembersQuery, type HouseholdMember } from './household-members.js';
import { paidMonthsQuery, type HouseholdPaid } from './paid-months.js';
import { balanceOfPaid } from './paid-through.js';
import { receiptOf, type ReceiptFacts } from './receipt.js';

/** A claim just confirmed, as the confirmation read it. */
export interface ConfirmedClaim {
  id: number;
  household_id: number;
  fee_plan_id: number;
  room_code: string;
  amount_fen: number;
  months: number;
}

/**
 * A claim's receipt right after its confirmation, and the household's members to send it to: the
 * balance (which now counts the claim), a correction of it and the members in one statement. The
 * rest the confirmation knows: the plan is the estate's (`plans`, read with the command's scene),
 * the staff member's role and the moment of the decision are its own.
 */
export async function confirmedClaimReceipt(
  tx: Transaction<Database>,
  estate: Estate,
  plans: readonly FeePlan[],
  claim: ConfirmedClaim,
  decided: { byRole: ReceiptFacts['byRole']; at: Date },
  now: Date,
): Promise<{ facts: ReceiptFacts; members: HouseholdMember[] }> {
  const plan = plans.find((p) => p.id === claim.fee_plan_id) ?? (await tx.selectFrom('fee_plans').selectAll().where('id', '=', claim.fee_plan_id).executeTakeFirstOrThrow());
  const paid = paidMonthsQuery(tx, { estateId: estate.id, zoneId: null, buildingId: null }, plan.id, [claim.household_id]);
  const { rows } = await sql<{ paid: HouseholdPaid | null; correction: { fen: number | null; months: number | null } | null; members: HouseholdMember[] }>`
    select
      (select to_jsonb(x) from ${paid} x) as paid,
      (select jsonb_build_object('fen', c.stands_fen, 'months', c.stands_months) from payments c where c.corrects_id = ${claim.id}) as correction,
      coalesce((select jsonb_agg(x order by x.id) from ${householdMembersQuery(tx, claim.household_id)} x), '[]'::jsonb) as members`.execute(tx);
  const r = rows[0];
  const entry = { id: claim.id, roomCode: claim.room_code, kind: 'claim' as const, amountFen: claim.amount_fen, months: claim.months, standsFen: null, standsMonths: null };
  const bal = balanceOfPaid(estate, plan, r.paid ?? undefined, now);
  const facts = receiptOf(estate, entry, { plan: plan.name, correction: r.correction, through: bal.throughName, byRole: decided.byRole, at: decided.at });
  return { facts, members: r.members };
}
