import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/database.js';
import type { Translator } from '../i18n/translator.js';
import { balance } from '../ledger/balance.js';
import { estatePlans, pricedFor } from '../ledger/estate-plans.js';
import { paidMonthsByHousehold, type Scope } from '../ledger/paid-months.js';
import { monthName } from '../time/month.js';
import { countedMoney } from '../ledger/counted-money.js';

type Db = Kysely<Database> | Transaction<Database>;

/** One plan besides the main one, in a notice's scope: sums and counts only, no rooms, no names. */
export interface PlanSummary {
  name: string;
  weekFen: number;
  /** Households charged on the plan in scope, and of them those paid up this month. */
  paid: number;
  total: number;
  behindHouseholds: number;
  behindFen: number;
}

/**
 * The estate's other plans (物业费, 停车费 … after the main one) for a notice's scope over
 * [from, to): each over the households it charges, priced per household (per m² at its area).
 */
export async function otherPlanSummaries(db: Db, scope: Scope, from: Date, to: Date, month: string): Promise<PlanSummary[]> {
  const plans = (await estatePlans(db, scope.estateId)).slice(1);
  const out: PlanSummary[] = [];
  for (const plan of plans) {
    const rows = await paidMonthsByHousehold(db as Kysely<Database>, scope, plan.id);
    const s: PlanSummary = { name: plan.name, weekFen: 0, paid: 0, total: 0, behindHouseholds: 0, behindFen: 0 };
    for (const r of rows) {
      const priced = pricedFor(plan, r);
      if (!priced) continue;
      const bal = balance(priced, r.paidMonths, month, r.creditFen);
      s.total += 1;
      if (bal.owedMonths === 0) s.paid += 1;
      else {
        s.behindHouseholds += 1;
        s.behindFen += bal.owedFen;
      }
    }
    s.weekFen = (await countedMoney(db, scope, plan.id, from, to)).reduce((sum, r) => sum + r.fen, 0);
    if (s.total > 0) out.push(s);
  }
  return out;
}

/** A notice's lines for the other plans: one short block each. */
export function planSummaryLines(plans: PlanSummary[], month: string, t: Translator['t']): string[] {
  return plans.flatMap((p) => [
    '',
    t('unpaid_plan', { plan: p.name }),
    t('notice_rate', { month: monthName(month), paid: p.paid, total: p.total }),
    t('notice_plan_money', { week: p.weekFen }),
    t('notice_behind', { households: p.behindHouseholds, fen: p.behindFen }),
  ]);
}
