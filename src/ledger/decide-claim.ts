import { sql, type Transaction } from 'kysely';
import type { Database, PaymentKind } from '../db/database.js';
import { claimDuplicateQuery, REPEAT_WINDOW_MS } from './duplicate-guard.js';

/** A ledger entry a 确认/驳回 names, with where its household is. */
export interface ClaimToDecide {
  id: number;
  kind: PaymentKind;
  amount_fen: number;
  months: number;
  fee_plan_id: number;
  household_id: number;
  created_at: Date;
  room_code: string;
  building_id: number;
  zone_id: number | null;
  /** Its household's row is locked: a claim this staff member may decide. */
  locked: boolean;
}

/**
 * An estate's ledger entry by id, in one statement with the lock a decision needs: its
 * household's row lock (lockHousehold's) is taken when the entry is a claim the staff member may
 * decide (`reach`, from manageReach) — and only then, as before the decision.
 */
export async function claimToDecide(
  tx: Transaction<Database>,
  estateId: number,
  id: number,
  reach: { all: boolean; zoneIds: number[] },
): Promise<ClaimToDecide | null> {
  const { rows } = await sql<ClaimToDecide>`
    with c as (
      select p.id, p.kind, p.amount_fen, p.months, p.fee_plan_id, p.household_id, p.created_at, h.room_code, b.id as building_id, b.zone_id
      from payments p join households h on h.id = p.household_id join buildings b on b.id = h.building_id
      where p.id = ${id} and p.estate_id = ${estateId}
    ),
    l as materialized (
      select h.id from households h join c on c.household_id = h.id
      where c.kind = 'claim' and (${reach.all}::boolean or c.zone_id = any(${reach.zoneIds}::int[]))
      for update of h
    )
    select c.*, exists (select 1 from l) as locked from c`.execute(tx);
  return rows[0] ?? null;
}

/** What deciding a claim came to. */
export type ClaimDecision =
  | { kind: 'decided' }
  | { kind: 'already'; decision: 'confirmed' | 'rejected' }
  /** Held back: a collection (`dup`) may be this same money; the same 确认 again is the yes. */
  | { kind: 'held'; dup: { id: number; fen: number } };

/** Who decides a claim, how, and what the audit log records of it. */
export interface DecisionOf {
  estateId: number;
  memberId: number;
  decision: 'confirmed' | 'rejected';
  reason: string | null;
  now: Date;
  /** The command's key: a held confirmation's source, and in the audit record as ctx.audit puts it. */
  key: string;
  ref: string;
}

/**
 * Record a decision on a claim in one statement, its household locked (claimToDecide). A
 * confirmation of a claim still undecided first looks for a collection for the room in the last
 * days that may be the same money (issue 18 item 4): found, it is held back and asked about,
 * unless this is the yes to that question within 30 minutes (the hold is then spent). The
 * primary key on payment_id makes the first decision the only one, even under races; the audit
 * record (as ctx.audit writes it) goes with the decision.
 */
export async function decideClaim(tx: Transaction<Database>, claim: ClaimToDecide, d: DecisionOf): Promise<ClaimDecision> {
  const dupQuery = claimDuplicateQuery(tx, { householdId: claim.household_id, planId: claim.fee_plan_id, claimCreatedAt: claim.created_at, now: d.now });
  const action = d.decision === 'confirmed' ? 'payment.confirm' : 'payment.reject';
  const detail = JSON.stringify({ reason: d.reason, key: d.key });
  const { rows } = await sql<{ dup: { id: number; fen: number } | null; inserted: string | null; prior: 'confirmed' | 'rejected' | null }>`
    with dup as (
      select * from ${dupQuery} x
      where ${d.decision === 'confirmed'}::boolean and not exists (select 1 from payment_decisions where payment_id = ${claim.id})
    ),
    held as (
      update ledger_holds set used_at = ${d.now}
      where member_id = ${d.memberId} and kind = 'confirm' and payment_id = ${claim.id} and used_at is null
        and created_at > ${new Date(d.now.getTime() - REPEAT_WINDOW_MS)} and exists (select 1 from dup)
      returning id
    ),
    hold as (
      insert into ledger_holds (estate_id, member_id, kind, household_id, fee_plan_id, amount_fen, months, method, payment_id, duplicate_of, source_key, created_at, used_at)
      select ${d.estateId}::int, ${d.memberId}::int, 'confirm', ${claim.household_id}::int, ${claim.fee_plan_id}::int, ${claim.amount_fen}::int, ${claim.months}::int,
        null, ${claim.id}::int, dup.id, ${d.key}::text, ${d.now}::timestamptz, null
      from dup where not exists (select 1 from held)
    ),
    ins as (
      insert into payment_decisions (payment_id, decision, decided_by, reason, decided_at)
      select ${claim.id}::int, ${d.decision}::text, ${d.memberId}::int, ${d.reason}::text, ${d.now}::timestamptz
      where not exists (select 1 from dup) or exists (select 1 from held)
      on conflict (payment_id) do nothing
      returning decision
    ),
    audit as (
      insert into audit_log (estate_id, actor_member_id, action, subject, detail, created_at)
      select ${d.estateId}::int, ${d.memberId}::int, ${action}::text, ${d.ref}::text, ${detail}::jsonb, ${d.now}::timestamptz from ins
    )
    select
      (select jsonb_build_object('id', dup.id, 'fen', dup.fen) from dup where not exists (select 1 from held)) as dup,
      (select decision from ins) as inserted,
      (select decision from payment_decisions where payment_id = ${claim.id}) as prior`.execute(tx);
  const r = rows[0];
  if (r.dup) return { kind: 'held', dup: r.dup };
  if (r.inserted) return { kind: 'decided' };
  // Decided by someone else: this statement's snapshot may predate that decision, so read it again.
  const prior = r.prior ?? (await tx.selectFrom('payment_decisions').select('decision').where('payment_id', '=', claim.id).executeTakeFirstOrThrow()).decision;
  return { kind: 'already', decision: prior };
}
