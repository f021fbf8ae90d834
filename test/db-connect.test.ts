import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initTestDb, type TestDb } from './support/db.js';

let t: TestDb;
beforeAll(async () => {
  t = await initTestDb('db_connect');
});
afterAll(() => t.destroy());

describe('the database pool', () => {
  it('survives its connection being killed in the middle of a transaction: the transaction fails, the process does not', async () => {
    const uncaught: unknown[] = [];
    const onUncaught = (e: unknown) => uncaught.push(e);
    process.on('uncaughtException', onUncaught);
    try {
      const attempt = t.db.transaction().execute(async (tx) => {
        const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(tx);
        // Another session ends this one while the transaction sits between two queries.
        await sql`select pg_terminate_backend(${rows[0].pid})`.execute(t.db);
        await new Promise((r) => setTimeout(r, 200));
        await sql`select 1`.execute(tx);
      });
      await expect(attempt).rejects.toThrow();
      await new Promise((r) => setTimeout(r, 100));
      expect(uncaught).toEqual([]);
      // The pool goes on with a fresh connection.
      const { rows } = await sql<{ one: number }>`select 1 as one`.execute(t.db);
      expect(rows).toEqual([{ one: 1 }]);
    } finally {
      process.off('uncaughtException', onUncaught);
    }
  });
});
