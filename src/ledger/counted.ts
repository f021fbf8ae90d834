import { sql } from 'kysely';

// The ledger's one rule, for queries over `payments as p` left-joined to `payment_decisions as d`:
// a collection or correction counts when it is made; a claim counts once it is confirmed, from
// the moment of its confirmation. A credit (补贴) is never money collected: it counts in fen
// towards what is owed (CREDIT_FEN). Every query that counts money or months uses these.

/** True for a ledger row that counts. */
export const IS_COUNTED = sql<boolean>`(p.kind <> 'claim' or d.decision = 'confirmed')`;

/** When a ledger row started to count (null while it does not). */
export const COUNTED_AT = sql<Date | null>`(case when p.kind = 'credit' then null when p.kind <> 'claim' then p.created_at when d.decision = 'confirmed' then d.decided_at end)`;

/** Fen of credit a ledger row gives (a credit's correction is a credit of the opposite sign). */
export const CREDIT_FEN = sql<number>`(case when p.kind = 'credit' then p.amount_fen else 0 end)`;
