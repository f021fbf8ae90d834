import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_CHAT_ID, consoleUserId } from '../src/adapters/console/identity.js';
import { seedDemoEstate } from '../src/demo/seed-demo-estate.js';
import type { Database } from '../src/db/database.js';
import type { Kysely } from 'kysely';
import { clearDatabase, initTestDb, type TestDb } from './support/db.js';

const NOW = new Date('2026-11-20T04:00:00Z'); // 2026-11-20 12:00 in Shanghai
let t: TestDb;
let estateId: number;

beforeAll(async () => {
  t = await initTestDb('demo_estate');
  const r = await seedDemoEstate(t.db, NOW);
  expect(r.created).toBe(true);
  estateId = r.estateId;
});
afterAll(() => t.destroy());

async function counts(db: Kysely<Database>): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of ['estates', 'zones', 'buildings', 'units', 'households', 'members', 'roles', 'chat_groups', 'fee_plans', 'payments', 'payment_decisions'] as const) {
    const { rows } = await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(db);
    out[table] = Number(rows[0].n);
  }
  return out;
}

/** Paid-through month of every household, by the ledger semantics: collections count, claims only when confirmed. */
async function paidThrough(db: Kysely<Database>): Promise<Map<string, number>> {
  const plan = await db.selectFrom('fee_plans').select('start_month').where('estate_id', '=', estateId).executeTakeFirstOrThrow();
  const [y, m] = plan.start_month.split('-').map(Number);
  const start = y * 12 + (m - 1);
  const { rows } = await sql<{ room_code: string; months: string }>`
    select h.room_code, coalesce(sum(p.months) filter (
      where p.kind = 'collection' or (p.kind = 'claim' and d.decision = 'confirmed')), 0) as months
    from households h
    left join payments p on p.household_id = h.id
    left join payment_decisions d on d.payment_id = p.id
    where h.estate_id = ${estateId}
    group by h.room_code`.execute(db);
  return new Map(rows.map((r) => [r.room_code, start + Number(r.months) - 1]));
}

describe('seedDemoEstate', () => {
  it('builds 聚心苑: 7 zones of 3 buildings, 900+ households with units', async () => {
    const estate = await t.db.selectFrom('estates').selectAll().where('id', '=', estateId).executeTakeFirstOrThrow();
    expect(estate).toMatchObject({ code: 'juxinyuan', name: '聚心苑', time_zone: 'Asia/Shanghai' });
    const zones = await t.db.selectFrom('zones').select(['id', 'code', 'name']).where('estate_id', '=', estateId).orderBy('code').execute();
    expect(zones.map((z) => z.name)).toEqual(['第一片区', '第二片区', '第三片区', '第四片区', '第五片区', '第六片区', '第七片区']);
    const buildings = await t.db.selectFrom('buildings').innerJoin('zones', 'zones.id', 'buildings.zone_id')
      .select(['buildings.code as b', 'zones.code as z']).where('buildings.estate_id', '=', estateId).execute();
    expect(buildings).toHaveLength(21);
    for (const b of buildings) expect(b.z).toBe(String(Math.ceil(Number(b.b) / 3)));
    expect(buildings.filter((b) => b.z === '3').map((b) => b.b).sort()).toEqual(['7', '8', '9']);

    const units = await t.db.selectFrom('units').select(['building_id', sql<number>`count(*)::int`.as('n')]).groupBy('building_id').execute();
    expect(units).toHaveLength(21);
    for (const u of units) expect([2, 3]).toContain(u.n);

    const households = await t.db.selectFrom('households').selectAll().where('estate_id', '=', estateId).execute();
    expect(households.length).toBeGreaterThanOrEqual(900);
    for (const h of households) {
      expect(h.unit_id).not.toBeNull();
      expect(h.room_code).toMatch(/^\d{1,2}-\d-[1-6]0[1-3]$/);
      expect(h.room_code.endsWith(`-${h.room}`)).toBe(true);
    }
    const h8 = households.find((h) => h.room_code === '8-2-301');
    expect(h8).toBeDefined();
    expect(households.filter((h) => h.resident_name !== null && /^1[3-9]\d{9}$/.test(h.phone ?? '')).length).toBeGreaterThan(800);
  });

  it('has a 卫生费 plan of 500 fen a month from 2024-05', async () => {
    const plans = await t.db.selectFrom('fee_plans').select(['name', 'amount_fen', 'start_month']).execute();
    expect(plans).toEqual([{ name: '卫生费', amount_fen: 500, start_month: '2024-05' }]);
  });

  it('gives the people their roles, and 向大叔 none', async () => {
    const rows = await t.db
      .selectFrom('members')
      .leftJoin('roles', 'roles.member_id', 'members.id')
      .leftJoin('zones', 'zones.id', 'roles.zone_id')
      .leftJoin('buildings', 'buildings.id', 'roles.building_id')
      .select(['members.display_name', 'members.platform', 'members.platform_user_id', 'roles.role', 'zones.code as zone', 'buildings.code as building'])
      .execute();
    for (const r of rows) {
      expect(r.platform).toBe('console');
      expect(r.platform_user_id).toBe(consoleUserId(r.display_name!));
    }
    const of = (name: string) => rows.filter((r) => r.display_name === name);
    expect(of('刘雅玲')).toMatchObject([{ role: 'grid_worker', zone: '3', building: null }]);
    expect(of('戴红霞')).toMatchObject([{ role: 'admin', zone: null, building: null }]);
    expect(of('周阿姨')).toMatchObject([{ role: 'head', zone: null, building: '8' }]);
    expect(of('向大叔')).toMatchObject([{ role: null }]);
    const gridZones = rows.filter((r) => r.role === 'grid_worker').map((r) => r.zone).sort();
    expect(gridZones).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect(await t.db.selectFrom('bindings').selectAll().execute()).toEqual([]);
  });

  it('links the console group to the whole estate', async () => {
    const groups = await t.db.selectFrom('chat_groups').selectAll().execute();
    expect(groups).toMatchObject([{ platform: 'console', chat_id: CONSOLE_CHAT_ID, title: '聚心苑业主群', estate_id: estateId, zone_id: null, building_id: null }]);
  });

  it('has a collection history: past, 6 or 12 months, no claims, 8-2-301 untouched', async () => {
    const payments = await t.db.selectFrom('payments').selectAll().execute();
    expect(payments.length).toBeGreaterThan(900);
    for (const p of payments) {
      expect(p.kind).toBe('collection');
      expect(p.member_id).toBeNull();
      expect([6, 12]).toContain(p.months);
      expect(p.amount_fen).toBe(p.months * 500);
      expect(['现金', '微信']).toContain(p.method);
      expect(p.created_at.getTime()).toBeLessThan(NOW.getTime());
      expect(p.created_at.getTime()).toBeGreaterThanOrEqual(Date.parse('2024-04-30T16:00:00Z'));
    }
    const h8 = await t.db.selectFrom('households').select('id').where('room_code', '=', '8-2-301').executeTakeFirstOrThrow();
    expect(payments.filter((p) => p.household_id === h8.id)).toEqual([]);
  });

  it('leaves some households up to date, some behind, some well behind, a few never paid', async () => {
    const current = 2026 * 12 + 10; // November 2026 in Shanghai
    const start = 2024 * 12 + 4;
    const through = [...(await paidThrough(t.db)).values()];
    const upToDate = through.filter((m) => m >= current).length;
    const behind = through.filter((m) => m < current).length;
    const wellBehind = through.filter((m) => m < current - 8).length;
    const never = through.filter((m) => m === start - 1).length;
    expect(upToDate).toBeGreaterThan(200);
    expect(behind).toBeGreaterThan(200);
    expect(wellBehind).toBeGreaterThan(50);
    expect(never).toBeGreaterThan(5);
    expect(never).toBeLessThan(100);
  });

  it('is deterministic and seeds once, even when two callers race', async () => {
    const before = await counts(t.db);
    const [a, b] = await Promise.all([seedDemoEstate(t.db, NOW), seedDemoEstate(t.db, NOW)]);
    expect(a).toEqual({ estateId, created: false });
    expect(b).toEqual({ estateId, created: false });
    expect(await counts(t.db)).toEqual(before);

    // From empty again (same schema: see clearDatabase), two racing callers seed exactly once,
    // and the same seed gives the same history row for row.
    const ledger = (db: Kysely<Database>) =>
      db.selectFrom('payments').innerJoin('households', 'households.id', 'payments.household_id')
        .select(['room_code', 'months', 'method', 'payments.created_at', 'resident_name', 'phone']).orderBy('payments.id').execute();
    const first = await ledger(t.db);
    await clearDatabase(t.db);
    const results = await Promise.all([seedDemoEstate(t.db, NOW), seedDemoEstate(t.db, NOW)]);
    expect(results.map((r) => r.created).sort()).toEqual([false, true]);
    expect(results[0].estateId).toBe(results[1].estateId);
    expect(await counts(t.db)).toEqual(before);
    expect(await ledger(t.db)).toEqual(first);
  });
});
