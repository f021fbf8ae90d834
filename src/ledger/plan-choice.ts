import type { Transaction } from 'kysely';
import type { Database } from '../db/database.js';
import type { Translator } from '../i18n/translator.js';
import { choosePlan, estatePlans, notPricedWhy, pricedFor, type EstatePlan, type PricedHousehold } from './estate-plans.js';

/** The plan a claim or collection goes to, priced for its household, or why it cannot. */
export type PlanChoice =
  | { ok: true; plan: EstatePlan }
  | { ok: false; why: 'no_plan' }
  | { ok: false; why: 'unknown'; word: string; names: string[] }
  | { ok: false; why: 'not_covered' | 'no_area'; plan: EstatePlan };

/** Resolve the fee a command names (or the estate's main plan) for one household. */
export async function choosePlanFor(tx: Transaction<Database>, estateId: number, word: string | null, household: PricedHousehold): Promise<PlanChoice> {
  return choosePlanFrom(await estatePlans(tx, estateId), word, household);
}

/** `choosePlanFor` on plans already read (`estatePlans`). */
export function choosePlanFrom(plans: readonly EstatePlan[], word: string | null, household: PricedHousehold): PlanChoice {
  const chosen = choosePlan(plans, word);
  if (chosen === null) return { ok: false, why: 'no_plan' };
  if ('unknown' in chosen) return { ok: false, why: 'unknown', word: chosen.unknown, names: plans.map((p) => p.name) };
  const priced = pricedFor(chosen.plan, household);
  if (priced) return { ok: true, plan: priced };
  return { ok: false, why: notPricedWhy(chosen.plan, household) ?? 'not_covered', plan: chosen.plan };
}

/** A plan of an estate by id, priced for one household (a correction re-prices at the entry's plan). */
export async function pricedPlan(tx: Transaction<Database>, estateId: number, planId: number, household: PricedHousehold): Promise<EstatePlan | null> {
  const plan = (await estatePlans(tx, estateId)).find((p) => p.id === planId);
  return plan ? pricedFor(plan, household) : null;
}

/** What to tell the user when no plan fits. */
export function planRefusal(t: Translator['t'], room: string, c: Exclude<PlanChoice, { ok: true }>): string {
  if (c.why === 'no_plan') return t('no_fee_plan');
  if (c.why === 'unknown') return t('plan_unknown', { word: c.word, plans: c.names.join('、') });
  return t(c.why === 'no_area' ? 'plan_no_area' : 'plan_not_covered', { room, plan: c.plan.name });
}
