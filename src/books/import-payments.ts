import type { Insertable, Kysely, Transaction } from 'kysely';
import type { Database, FeePlan, PaymentsTable } from '../db/database.js';
import { estatePlans, notPricedWhy, pricedFor } from '../ledger/estate-plans.js';
import { monthsFor } from '../ledger/fee-plan.js';
import type { Sheet } from './read-table.js';
import { type PaymentInput, parsePaymentRows } from './parse-payment-rows.js';
import type { RowIssue, RowReason } from './row-reason.js';

/** What a history import did: rows booked, rows already booked by an earlier import, rows refused. */
export interface PaymentsImportResult {
  added: number;
  unchanged: number;
  errors: RowIssue[];
}

const CHUNK = 500;
const MONTHS_REASON = { need_amount: 'books_amount_bad', not_whole_months: 'books_amount_months', period_mismatch: 'books_period_mismatch', months_invalid: 'books_months_bad' } as const;

/** The sheet of a workbook that holds payments: the first with a 房号 and a 金额 column. */
export function paymentSheet(sheets: readonly Sheet[], timeZone: string): { rows: PaymentInput[]; errors: RowIssue[] } | null {
  for (const s of sheets) {
    const parsed = parsePaymentRows(s.records, timeZone);
    if (parsed !== null) return parsed;
  }
  return null;
}

/**
 * Appends a payment history (an Excel 台账, or linli export's second sheet) to an estate's
 * ledger in one transaction. Each row has a stable import key (its ref, else its content), so
 * importing the same file again books nothing; a bad row is reported by line and the rest is
 * booked. A row names its plan or falls to the estate's main plan. Rows are never updated.
 */
export async function importPayments(db: Kysely<Database>, estate: { id: number }, input: { rows: PaymentInput[]; errors: RowIssue[] }): Promise<PaymentsImportResult> {
  const errors = [...input.errors];
  const result = await db.transaction().execute(async (trx) => {
    const households = new Map(
      (await trx.selectFrom('households').select(['id', 'room_code', 'building_id', 'floor_area']).where('estate_id', '=', estate.id).execute()).map((h) => [h.room_code, h]),
    );
    const plans = await estatePlans(trx, estate.id);
    const byName = new Map(plans.map((p) => [p.name, p]));
    const main = plans[0] ?? null;
    const keyOf = (r: PaymentInput) => `import-${estate.id}-${r.key}`;
    const existing = new Map<string, number>();
    const keys = input.rows.map(keyOf);
    for (let i = 0; i < keys.length; i += CHUNK) {
      const found = await trx.selectFrom('payments').select(['id', 'source_key']).where('source_key', 'in', keys.slice(i, i + CHUNK)).execute();
      for (const f of found) existing.set(f.source_key!, f.id);
    }

    const refIds = new Map<string, number>();
    let added = 0;
    let unchanged = 0;
    let batch: { row: PaymentInput; values: Insertable<PaymentsTable> }[] = [];
    const flush = async () => {
      added += await insertBatch(trx, batch, refIds);
      batch = [];
    };
    for (const row of input.rows) {
      const refuse = (reason: RowReason) => errors.push({ line: row.line, reason });
      const household = households.get(row.roomCode);
      if (household === undefined) {
        refuse({ key: 'books_room_unknown', p: { room: row.roomCode } });
        continue;
      }
      const plan = row.plan === null ? main : (byName.get(row.plan) ?? null);
      if (plan === null) {
        refuse(row.plan === null || plans.length === 0 ? { key: 'books_no_plan' } : { key: 'books_plan_unknown', p: { plan: row.plan, list: plans.map((p) => p.name).join(', ') } });
        continue;
      }
      const done = existing.get(keyOf(row));
      if (done !== undefined) {
        unchanged++;
        if (row.ref !== null) refIds.set(row.ref, done);
        continue;
      }
      // A plan as this household pays it: per m² at its floor area; a plan that does not cover it, or cannot price it, takes no row.
      const priced = pricedFor(plan, { buildingId: household.building_id, floorArea: household.floor_area });
      if (priced === null) {
        refuse({ key: notPricedWhy(plan, { buildingId: household.building_id, floorArea: household.floor_area }) === 'no_area' ? 'books_plan_no_area' : 'books_plan_not_covered', p: { plan: plan.name, room: row.roomCode } });
        continue;
      }
      const sums = amounts(priced, row);
      if ('key' in sums) {
        refuse(sums);
        continue;
      }
      let correctsId: number | null = null;
      if (row.corrects !== null) {
        await flush();
        correctsId = refIds.get(row.corrects) ?? null;
        if (correctsId === null) {
          refuse({ key: 'books_corrects_unknown', p: { ref: row.corrects } });
          continue;
        }
      }
      batch.push({
        row,
        values: {
          estate_id: estate.id, household_id: household.id, fee_plan_id: plan.id, kind: row.kind, amount_fen: sums.amountFen, months: sums.months,
          method: row.method, member_id: null, corrects_id: correctsId, source_key: keyOf(row), created_at: row.at,
          stands_fen: row.standsFen, stands_months: row.standsMonths, note: row.note, collector: row.collector,
        },
      });
      if (batch.length >= CHUNK || correctsId !== null) await flush();
    }
    await flush();
    return { added, unchanged };
  });
  errors.sort((a, b) => a.line - b.line);
  return { ...result, errors };
}

/** A row's fen and months: a collection or claim must be whole months of its plan; a correction or credit is taken as written. */
function amounts(plan: FeePlan, row: PaymentInput): { amountFen: number; months: number } | RowReason {
  if (row.kind === 'correction' || row.kind === 'credit') {
    if (row.amountFen === null) return { key: 'books_amount_bad' };
    return { amountFen: row.amountFen, months: row.months ?? 0 };
  }
  const m = monthsFor(plan, row.amountFen, row.months);
  return m.ok ? { amountFen: m.amountFen, months: m.months } : { key: MONTHS_REASON[m.reason] };
}

/** Inserts rows (and the decisions of claims), remembering the new ids of rows that have a ref. */
async function insertBatch(trx: Transaction<Database>, batch: { row: PaymentInput; values: Insertable<PaymentsTable> }[], refIds: Map<string, number>): Promise<number> {
  if (batch.length === 0) return 0;
  const inserted = await trx
    .insertInto('payments')
    .values(batch.map((b) => b.values))
    .onConflict((oc) => oc.column('source_key').doNothing())
    .returning(['id', 'source_key'])
    .execute();
  const idOf = new Map(inserted.map((r) => [r.source_key, r.id]));
  const decisions = [];
  for (const { row, values } of batch) {
    const id = idOf.get(values.source_key ?? null);
    if (id === undefined) continue;
    if (row.ref !== null) refIds.set(row.ref, id);
    if (row.kind === 'claim' && row.status !== 'pending' && row.status !== null) {
      decisions.push({ payment_id: id, decision: row.status, decided_by: null, reason: null, decided_at: row.decidedAt ?? row.at });
    }
  }
  if (decisions.length > 0) await trx.insertInto('payment_decisions').values(decisions).execute();
  return inserted.length;
}
