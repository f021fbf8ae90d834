import type { Kysely } from 'kysely';
import type { Database, FeeBasis } from '../db/database.js';
import { compareRoomCodes } from '../members/households.js';

/** What `linli estates fee` asks for. */
export interface FeeRequest {
  code: string;
  plan: string;
  yuan: string;
  from: string;
  perArea: boolean;
  buildings?: string;
}

/** Yuan as typed ("5", "5.5", "0.50") to fen, or null. */
export function fen(yuan: string): number | null {
  if (!/^\d{1,6}(\.\d{1,2})?$/.test(yuan)) return null;
  const [whole, cents = ''] = yuan.split('.');
  const v = Number(whole) * 100 + Number(cents.padEnd(2, '0'));
  return v > 0 ? v : null;
}

/** How a plan reads in the CLI: 卫生费 5元/月 from 2024-05, 物业费 1.2元/m²/月 from 2026-01 (buildings 1, 2). */
export function describePlan(p: { name: string; amount_fen: number; start_month: string; basis: FeeBasis }, buildings: string[]): string {
  const per = p.basis === 'area' ? '元/m²/月' : '元/月';
  return `${p.name} ${p.amount_fen / 100}${per} from ${p.start_month}${buildings.length > 0 ? ` (buildings ${buildings.join(', ')})` : ''}`;
}

/** The building codes a plan covers, in natural order (none: the whole estate). */
export async function planBuildingCodes(db: Kysely<Database>, planId: number): Promise<string[]> {
  const rows = await db.selectFrom('fee_plan_buildings as f').innerJoin('buildings as b', 'b.id', 'f.building_id').select('b.code').where('f.fee_plan_id', '=', planId).execute();
  return rows.map((r) => r.code).sort((a, b) => compareRoomCodes(a, b));
}

/**
 * `linli estates fee`: add a fee plan, or change one that has no payments yet (a plan in use
 * keeps its price, start, pricing and buildings: changing them would re-price the ledger).
 */
export async function runEstatesFee(req: FeeRequest, db: Kysely<Database>, out: (line: string) => void): Promise<number> {
  const { code, plan, yuan, from } = req;
  const amount = fen(yuan);
  if (amount === null) return (out(`"${yuan}" is not an amount in yuan (e.g. 5 or 5.50)`), 2);
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(from)) return (out(`--from must be a month as YYYY-MM, got "${from}"`), 2);
  if (!/^\S{1,20}$/.test(plan)) return (out(`the plan name must be one word of at most 20 characters, got "${plan}"`), 2);
  const estate = await db.selectFrom('estates').select('id').where('code', '=', code).executeTakeFirst();
  if (!estate) return (out(`no estate with code "${code}"`), 1);
  const basis: FeeBasis = req.perArea ? 'area' : 'household';
  const wanted = req.buildings === undefined ? [] : [...new Set(req.buildings.split(/[,，、\s]+/).filter((c) => c !== '').map((c) => c.replace(/[栋幢#]$|号楼$/, '')))];
  if (req.buildings !== undefined && wanted.length === 0) return (out('--buildings takes building codes, e.g. --buildings 1,2,8'), 2);
  const known = await db.selectFrom('buildings').select(['id', 'code']).where('estate_id', '=', estate.id).execute();
  const missing = wanted.filter((c) => !known.some((b) => b.code === c));
  if (missing.length > 0) {
    const codes = known.map((b) => b.code).sort((a, b) => compareRoomCodes(a, b));
    return (out(`no building ${missing.join(', ')} in estate ${code}; its buildings are ${codes.join(', ') || 'none yet (import the roster first)'}`), 1);
  }
  const buildingIds = wanted.map((c) => known.find((b) => b.code === c)!.id);
  const existing = await db.selectFrom('fee_plans').select(['id', 'amount_fen', 'start_month', 'basis']).where('estate_id', '=', estate.id).where('name', '=', plan).executeTakeFirst();
  const shown = describePlan({ name: plan, amount_fen: amount, start_month: from, basis }, [...wanted].sort((a, b) => compareRoomCodes(a, b)));
  if (existing) {
    const before = await planBuildingCodes(db, existing.id);
    const same = existing.amount_fen === amount && existing.start_month === from && existing.basis === basis && before.join() === [...wanted].sort((a, b) => compareRoomCodes(a, b)).join();
    if (same) return (out(`fee plan ${shown} already`), 0);
    const used = await db.selectFrom('payments').select('id').where('fee_plan_id', '=', existing.id).executeTakeFirst();
    if (used) return (out(`fee plan ${plan} already has payments; its price and start cannot change (the ledger would be re-priced)`), 1);
  }
  await db.transaction().execute(async (tx) => {
    const id = existing
      ? (await tx.updateTable('fee_plans').set({ amount_fen: amount, start_month: from, basis }).where('id', '=', existing.id).returning('id').executeTakeFirstOrThrow()).id
      : (await tx.insertInto('fee_plans').values({ estate_id: estate.id, name: plan, amount_fen: amount, start_month: from, basis }).returning('id').executeTakeFirstOrThrow()).id;
    await tx.deleteFrom('fee_plan_buildings').where('fee_plan_id', '=', id).execute();
    if (buildingIds.length > 0) await tx.insertInto('fee_plan_buildings').values(buildingIds.map((b) => ({ fee_plan_id: id, building_id: b }))).execute();
  });
  out(`fee plan ${shown} for estate ${code}${basis === 'area' ? ' (per household: rate × floor area, rounded half up to the fen)' : ''}`);
  return 0;
}
