import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database, FeePlan, FeePlanWithBuildings } from '../db/database.js';

type Db = Kysely<Database> | Transaction<Database>;

/** A fee plan with the buildings it covers (none listed: the whole estate). */
export type EstatePlan = FeePlanWithBuildings;

/** Where a household is and how large, as pricing needs it. */
export interface PricedHousehold {
  buildingId: number;
  /** Hundredths of m², where known. */
  floorArea: number | null;
}

/** An estate's fee plans, the main one (its first, `mainFeePlan`) first; one round trip. */
export async function estatePlans(db: Db, estateId: number): Promise<EstatePlan[]> {
  return db
    .selectFrom('fee_plans as p')
    .selectAll('p')
    .select(sql<number[]>`coalesce((select array_agg(c.building_id order by c.building_id) from fee_plan_buildings c where c.fee_plan_id = p.id), '{}')`.as('buildingIds'))
    .where('p.estate_id', '=', estateId)
    .orderBy('p.id')
    .execute();
}

/** Does a plan cover a building? */
export function covers(plan: EstatePlan, buildingId: number): boolean {
  return plan.buildingIds.length === 0 || plan.buildingIds.includes(buildingId);
}

/**
 * Fen a month a household owes on a plan, or null when it cannot be priced (a per-m² plan and
 * no floor area on file). Per m²: rate (fen per m² a month) × area (hundredths of m²) / 100,
 * rounded half up to a whole fen, at least 1 fen — 1.20元/m² (120) on 86.35 m² (8635) is 120 × 8635 / 100 = 10362 fen, 103.62元 a month.
 */
export function monthlyFen(plan: Pick<FeePlan, 'amount_fen' | 'basis'>, floorArea: number | null): number | null {
  if (plan.basis !== 'area') return plan.amount_fen;
  if (floorArea === null || floorArea <= 0) return null;
  return Math.max(1, Math.floor((plan.amount_fen * floorArea + 50) / 100));
}

/**
 * The plan as one household pays it — a flat plan of its fen a month — for `balance` and
 * `monthsFor`; null when the plan does not cover the household or cannot price it.
 */
export function pricedFor<P extends EstatePlan>(plan: P, h: PricedHousehold): P | null {
  if (!covers(plan, h.buildingId)) return null;
  const fen = monthlyFen(plan, h.floorArea);
  return fen === null ? null : { ...plan, basis: 'household', amount_fen: fen };
}

/** Why a household is not charged on a plan: not covered, or (per m²) no floor area on file. */
export function notPricedWhy(plan: EstatePlan, h: PricedHousehold): 'not_covered' | 'no_area' | null {
  if (!covers(plan, h.buildingId)) return 'not_covered';
  return monthlyFen(plan, h.floorArea) === null ? 'no_area' : null;
}

/**
 * The plan a word names (物业费, 物业, 年检费): its exact name, a name the word ends with, or a
 * name that starts or ends with the word; null when none (the caller answers with the list).
 */
export function planNamed<P extends FeePlan>(plans: readonly P[], word: string): P | null {
  const w = word.trim();
  if (w === '') return null;
  return plans.find((p) => p.name === w) ?? plans.find((p) => w.endsWith(p.name)) ?? plans.find((p) => w.length >= 2 && (p.name.startsWith(w) || p.name.endsWith(w))) ?? null;
}

/** The plan a command names, else the main plan; `unknown` when it names one the estate lacks. */
export function choosePlan<P extends FeePlan>(plans: readonly P[], word: string | null): { plan: P } | { unknown: string } | null {
  if (plans.length === 0) return null;
  if (word === null) return { plan: plans[0] };
  const named = planNamed(plans, word);
  return named ? { plan: named } : { unknown: word };
}
