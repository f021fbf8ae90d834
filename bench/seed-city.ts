import { sql, type Kysely } from 'kysely';
import type { Database } from '../src/db/database.js';
import { monthFromIndex, monthIndex, currentMonth } from '../src/time/month.js';

/** Size of the generated city. */
export interface CitySize {
  estates: number;
  /** Households per estate: buildings of 3 units × 5 floors × 3 rooms (45 each). */
  households: number;
  /** Months of ledger history, ending this month. */
  months: number;
}

/** What the load generator needs to know about the city (ids only). */
export interface City {
  households: Array<{ id: number; buildingId: number; zoneId: number }>;
  /** Claims nobody has decided yet: material for 确认 P<n>. */
  pendingClaims: Array<{ id: number; buildingId: number; zoneId: number }>;
  estateIds: number[];
  rows: { households: number; payments: number; groups: number; members: number };
  seconds: number;
}

/** Chat id of a building's group (Telegram group ids are negative). */
export const groupChatId = (buildingId: number) => `-100${buildingId}`;
/** Platform user id of the resident bound to a household. */
export const residentId = (householdId: number) => `u${householdId}`;
/** Platform user id of a zone's grid worker. */
export const gridWorkerId = (zoneId: number) => `gw${zoneId}`;

const ZONES = 5;

/**
 * Generate a city in the database with set-based SQL (insert … select over generate_series):
 * estates, zones, buildings, units, households, one bound resident per household, a grid worker
 * per zone, an admin per estate, a linked group per building, and `months` of fee ledger
 * (collections and decided claims), plus undecided claims for confirmations.
 */
export async function seedCity(db: Kysely<Database>, size: CitySize, now: Date): Promise<City> {
  const t0 = performance.now();
  const buildings = Math.max(1, Math.round(size.households / 45));
  const startMonth = monthFromIndex(monthIndex(currentMonth(now, 'Asia/Shanghai')) - size.months + 1);
  const run = (q: ReturnType<typeof sql>) => q.execute(db);
  const superuser = (await sql<{ s: boolean }>`select rolsuper as s from pg_roles where rolname = current_user`.execute(db)).rows[0]?.s;
  await db.transaction().execute(async (tx) => {
    const x = (q: ReturnType<typeof sql>) => q.execute(tx);
    // The generated rows are consistent by construction: skip per-row foreign-key triggers where allowed.
    if (superuser) await x(sql`set local session_replication_role = replica`);
    await x(sql`insert into estates (code, name) select 'bench-' || e, '小区' || e from generate_series(1, ${size.estates}::int) e`);
    await x(sql`insert into zones (estate_id, code, name) select es.id, z::text, '第' || z || '片区' from estates es, generate_series(1, ${ZONES}::int) z`);
    await x(sql`insert into buildings (estate_id, zone_id, code)
      select es.id, zo.id, b::text from estates es cross join generate_series(1, ${buildings}::int) b
      join zones zo on zo.estate_id = es.id and zo.code = (((b - 1) % ${ZONES}::int) + 1)::text`);
    await x(sql`insert into units (building_id, code) select bu.id, u::text from buildings bu, generate_series(1, 3) u`);
    await x(sql`insert into households (estate_id, building_id, unit_id, room, room_code, resident_name, phone)
      select bu.estate_id, bu.id, un.id, (f * 100 + r)::text, bu.code || '-' || un.code || '-' || (f * 100 + r), '住户', null
      from buildings bu join units un on un.building_id = bu.id, generate_series(1, 5) f, generate_series(1, 3) r`);
    await x(sql`insert into fee_plans (estate_id, name, amount_fen, start_month) select id, '卫生费', 500, ${startMonth} from estates`);
    await x(sql`insert into members (platform, platform_user_id) select 'telegram', 'u' || id from households`);
    await x(sql`insert into members (platform, platform_user_id) select 'telegram', 'gw' || id from zones`);
    await x(sql`insert into members (platform, platform_user_id) select 'telegram', 'ad' || id from estates`);
    await x(sql`insert into roles (member_id, estate_id, role, zone_id)
      select m.id, z.estate_id, 'grid_worker', z.id from zones z join members m on m.platform = 'telegram' and m.platform_user_id = 'gw' || z.id`);
    await x(sql`insert into roles (member_id, estate_id, role)
      select m.id, e.id, 'admin' from estates e join members m on m.platform = 'telegram' and m.platform_user_id = 'ad' || e.id`);
    await x(sql`insert into bindings (member_id, household_id, status, created_at, decided_at)
      select m.id, h.id, 'confirmed', ${now}, ${now} from households h join members m on m.platform = 'telegram' and m.platform_user_id = 'u' || h.id`);
    await x(sql`insert into chat_groups (platform, chat_id, title, estate_id, zone_id, building_id)
      select 'telegram', '-100' || bu.id, bu.code || '栋住户群', bu.estate_id, bu.zone_id, bu.id from buildings bu`);
    // History: 0–3 payments per household (a quarter never paid), of 3, 6 or 12 months,
    // spread over the months; one in five was a resident's claim, later decided.
    await x(sql`insert into payments (estate_id, household_id, fee_plan_id, kind, amount_fen, months, method, created_at)
      select h.estate_id, h.id, fp.id,
        case when (h.id + g) % 5 = 0 then 'claim' else 'collection' end,
        500 * m.months, m.months,
        case when (h.id + g) % 5 = 0 then null else 'cash' end,
        ${now}::timestamptz - make_interval(months => greatest(0, ${size.months}::int - 1 - (g - 1) * (${size.months}::int / 3)), days => h.id % 28)
      from households h
      join fee_plans fp on fp.estate_id = h.estate_id
      cross join lateral generate_series(1, h.id % 4) g
      cross join lateral (select (array[3, 6, 6, 12])[((h.id * 7 + g) % 4) + 1] as months) m`);
    await x(sql`insert into payment_decisions (payment_id, decision, decided_at)
      select id, case when id % 20 = 0 then 'rejected' else 'confirmed' end, created_at + interval '1 day' from payments where kind = 'claim'`);
    // Undecided claims (a fifth of households): what 确认 P<n> in the load decides.
    await x(sql`insert into payments (estate_id, household_id, fee_plan_id, kind, amount_fen, months, member_id, created_at)
      select h.estate_id, h.id, fp.id, 'claim', 6000, 12, m.id, ${now}::timestamptz - interval '1 day'
      from households h join fee_plans fp on fp.estate_id = h.estate_id
      join members m on m.platform = 'telegram' and m.platform_user_id = 'u' || h.id
      where h.id % 5 = 1`);
  });
  await run(sql`analyze`);
  const households = await db
    .selectFrom('households as h')
    .innerJoin('buildings as b', 'b.id', 'h.building_id')
    .select(['h.id', 'h.building_id as buildingId', 'b.zone_id as zoneId'])
    .orderBy('h.id')
    .execute();
  const pendingClaims = await db
    .selectFrom('payments as p')
    .innerJoin('households as h', 'h.id', 'p.household_id')
    .innerJoin('buildings as b', 'b.id', 'h.building_id')
    .leftJoin('payment_decisions as d', 'd.payment_id', 'p.id')
    .where('p.kind', '=', 'claim')
    .where('d.payment_id', 'is', null)
    .select(['p.id', 'h.building_id as buildingId', 'b.zone_id as zoneId'])
    .orderBy('p.id')
    .execute();
  const count = async (table: 'payments' | 'chat_groups' | 'members') =>
    Number((await db.selectFrom(table).select((e) => e.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
  const estates = await db.selectFrom('estates').select('id').orderBy('id').execute();
  return {
    households: households.map((h) => ({ id: h.id, buildingId: h.buildingId, zoneId: h.zoneId! })),
    pendingClaims: pendingClaims.map((p) => ({ id: p.id, buildingId: p.buildingId, zoneId: p.zoneId! })),
    estateIds: estates.map((e) => e.id),
    rows: { households: households.length, payments: await count('payments'), groups: await count('chat_groups'), members: await count('members') },
    seconds: (performance.now() - t0) / 1000,
  };
}
