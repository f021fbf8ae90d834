import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../src/db/migrate.js';
import { initTestDb, type TestDb } from './support/db.js';

let t: TestDb;
beforeAll(async () => {
  t = await initTestDb('migrations');
});
afterAll(() => t.destroy());

describe('migrations', () => {
  it('run again is a no-op', async () => {
    expect(await migrateToLatest(t.db)).toEqual([]);
  });

  it('keep the ledger append-only', async () => {
    const estate = await t.db.insertInto('estates').values({ code: 'e1', name: 'E' }).returning('id').executeTakeFirstOrThrow();
    const b = await t.db.insertInto('buildings').values({ estate_id: estate.id, code: '1', zone_id: null }).returning('id').executeTakeFirstOrThrow();
    const h = await t.db
      .insertInto('households')
      .values({ estate_id: estate.id, building_id: b.id, unit_id: null, room: '101', room_code: '1-101', resident_name: null, phone: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    const plan = await t.db.insertInto('fee_plans').values({ estate_id: estate.id, name: '卫生费', amount_fen: 500, start_month: '2024-05' }).returning('id').executeTakeFirstOrThrow();
    const p = await t.db
      .insertInto('payments')
      .values({ estate_id: estate.id, household_id: h.id, fee_plan_id: plan.id, kind: 'collection', amount_fen: 6000, months: 12, method: null, member_id: null, corrects_id: null, source_key: 'k1', created_at: new Date() })
      .returning('id')
      .executeTakeFirstOrThrow();
    await expect(t.db.updateTable('payments').set({ amount_fen: 1 }).where('id', '=', p.id).execute()).rejects.toThrow(/append-only/);
    await expect(t.db.deleteFrom('payments').where('id', '=', p.id).execute()).rejects.toThrow(/append-only/);
    const { rows } = await sql<{ amount_fen: number }>`select amount_fen from payments`.execute(t.db);
    expect(rows).toEqual([{ amount_fen: 6000 }]);
  });
});
