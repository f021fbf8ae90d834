import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../src/db/connect.js';
import type { Database } from '../src/db/database.js';
import { initTestDb, type TestDb } from './support/db.js';

// The statements a worker runs again and again are prepared once per connection (Postgres parses
// and plans them once); a schema change under a prepared statement costs one failed run, not more.
describe('prepared hot statements (real Postgres)', () => {
  let t: TestDb;
  let db: Kysely<Database>;
  beforeAll(async () => {
    t = await initTestDb('db_prepared');
    db = createDb(t.baseUrl, { max: 1, schema: t.schema });
    await sql`create table prep_probe (id int primary key, a text)`.execute(db);
    await sql`insert into prep_probe values (1, 'x')`.execute(db);
  });
  afterAll(async () => {
    await db.destroy();
    await t.destroy();
  });

  const read = (id: number) => db.selectFrom('prep_probe' as never).selectAll().where('id' as never, '=', id as never).execute() as Promise<Record<string, unknown>[]>;
  const preparedHere = async () => (await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(db)).rows.map((r) => r.statement);

  it('prepares a statement from its second run, and answers the same', async () => {
    expect(await read(1)).toEqual([{ id: 1, a: 'x' }]);
    expect((await preparedHere()).some((s) => s.includes('prep_probe'))).toBe(false);
    expect(await read(1)).toEqual([{ id: 1, a: 'x' }]);
    expect(await read(2)).toEqual([]);
    expect((await preparedHere()).filter((s) => s.includes('prep_probe'))).toHaveLength(1);
  });

  it('after a column is added under it, at most one run fails and the next sees the new column', async () => {
    await read(1);
    await read(1);
    await sql`alter table prep_probe add column b int default 7`.execute(db);
    const first = await read(1).then(
      (rows) => rows,
      (e: Error) => e,
    );
    if (first instanceof Error) expect(first.message).toMatch(/cached plan/);
    expect(await read(1)).toEqual([{ id: 1, a: 'x', b: 7 }]);
  });

  it('the same inside transactions, where the failed run aborts its transaction', async () => {
    const inTx = () => db.transaction().execute((tx) => tx.selectFrom('prep_probe' as never).selectAll().where('id' as never, '=', 1 as never).execute());
    await inTx();
    await inTx();
    await sql`alter table prep_probe add column c int default 8`.execute(db);
    const first = await inTx().then(
      (rows) => rows,
      (e: Error) => e,
    );
    if (first instanceof Error) expect(first.message).toMatch(/cached plan/);
    expect(await inTx()).toEqual([{ id: 1, a: 'x', b: 7, c: 8 }]);
    expect(await inTx()).toEqual([{ id: 1, a: 'x', b: 7, c: 8 }]);
  });

  it('can be switched off (a pooler that cannot keep prepared statements)', async () => {
    const plain = createDb(t.baseUrl, { max: 1, schema: t.schema, prepare: false });
    try {
      for (let i = 0; i < 3; i++) await plain.selectFrom('prep_probe' as never).selectAll().execute();
      const rows = (await sql<{ n: string }>`select count(*) as n from pg_prepared_statements`.execute(plain)).rows;
      expect(rows).toEqual([{ n: '0' }]);
    } finally {
      await plain.destroy();
    }
  });
});
