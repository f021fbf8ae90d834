import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/database.js';
import { COUNTED_AT } from './counted.js';
import type { Scope } from './paid-months.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Counted money (collections and corrections at once, claims once confirmed) in [from, to), in scope. */
export async function countedMoney(db: Db, scope: Scope, planId: number, from: Date, to: Date) {
  return db
    .selectFrom('payments as p')
    .innerJoin('households as h', 'h.id', 'p.household_id')
    .innerJoin('buildings as b', 'b.id', 'h.building_id')
    .leftJoin('payment_decisions as d', 'd.payment_id', 'p.id')
    .where('p.fee_plan_id', '=', planId)
    .where('h.estate_id', '=', scope.estateId)
    .where('p.estate_id', '=', scope.estateId)
    .$if(scope.zoneId !== null, (q) => q.where('b.zone_id', '=', scope.zoneId!))
    .$if(scope.buildingId !== null, (q) => q.where('b.id', '=', scope.buildingId!))
    .where(sql<boolean>`${COUNTED_AT} >= ${from} and ${COUNTED_AT} < ${to}`)
    .select(['h.room_code as room', sql<number>`sum(p.amount_fen)::int`.as('fen')])
    .groupBy('h.room_code')
    .execute();
}
