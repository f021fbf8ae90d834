import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { Redis } from 'ioredis';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { appTables } from '../src/backup/app-tables.js';
import { restoreBackup } from '../src/backup/restore-backup.js';
import { createDb } from '../src/db/connect.js';
import { startEmbeddedPostgres, type EmbeddedDb } from '../src/db/embedded.js';
import { initTestDb, type TestDb } from './support/db.js';
import { runCli } from './support/run-cli.js';
import { freePort } from './support/services.js';

/** Every row of every application table, in key order, as node-pg reads it. */
async function snapshot(url: string): Promise<Record<string, unknown[]>> {
  const db = createDb(url, { max: 1 });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const out: Record<string, unknown[]> = {};
    for (const t of await appTables(db)) {
      const order = t.key.length ? t.key.map((k) => `"${k}"`).join(', ') : `r::text`;
      out[t.name] = (await client.query(`select * from "${t.name}" r order by ${order}`)).rows;
    }
    return out;
  } finally {
    await client.end();
    await db.destroy();
  }
}

describe('linli backup and restore', () => {
  const dir = mkdtempSync(path.join('/tmp', 'linli-backup-'));
  const file = path.join(dir, 'nightly.jsonl.gz');
  const prefix = `t-backup-${process.pid}`;
  let emb: EmbeddedDb;
  let target: string;
  let admin: pg.Client;
  // Its own name per run: two checkouts running the suite at once must not restore into each other's database.
  const restoreDb = `t_restore_${process.pid}`;

  beforeAll(async () => {
    // As root the embedded server runs as the postgres user, who must reach the directory.
    chmodSync(dir, 0o755);
    emb = await startEmbeddedPostgres(path.join(dir, 'data'), await freePort(), () => {});
    const base = new URL(inject('databaseUrl'));
    admin = new pg.Client({ connectionString: base.toString() });
    await admin.connect();
    await admin.query(`drop database if exists ${restoreDb}`);
    await admin.query(`create database ${restoreDb}`);
    base.pathname = `/${restoreDb}`;
    target = base.toString();
  }, 90_000);
  afterAll(async () => {
    await emb?.stop();
    await admin?.query(`drop database if exists ${restoreDb} with (force)`);
    await admin?.end();
    rmSync(dir, { recursive: true, force: true });
    const r = new Redis(inject('redisUrl'));
    const keys = await r.keys(`${prefix}:*`);
    if (keys.length) await r.del(...keys);
    r.disconnect();
  });

  it('copies a Postgres 18 estate with its activity into an empty Postgres 15, row for row', async () => {
    const env = { DATABASE_URL: emb.url, REDIS_URL: inject('redisUrl'), LINLI_QUEUE_PREFIX: prefix };
    const talk = await runCli(['console', '--demo'], {
      env,
      input: '向大叔: 绑定 8-2-301\n向大叔: 投诉 8栋楼道堆放杂物\n刘雅玲: 收费 8-1-101 5\n向大叔: 查询\n',
    });
    expect(talk.code).toBe(0);
    expect(talk.stdout).toMatch(/已收到绑定申请 B\d+/);
    expect((await runCli(['invite', 'juxinyuan', '--role', 'admin'], { env })).code).toBe(0);

    const backup = await runCli(['backup', file], { env });
    expect(backup.stderr).toBe('');
    expect(backup.stdout).toMatch(/^backup .*nightly\.jsonl\.gz: \d+ rows in \d+ tables, sha256 [0-9a-f]{64}\n$/);
    const header = JSON.parse(gunzipSync(readFileSync(file)).toString('utf8').split('\n')[0]);
    expect(header).toMatchObject({ format: 'linli-backup', version: 1, postgres: expect.stringMatching(/^18\./) });
    expect(header.tables.find((t: { name: string }) => t.name === 'payments').rows).toBeGreaterThan(100);

    const restore = await runCli(['restore', file], { env: { DATABASE_URL: target } });
    expect(restore.stderr).toBe('');
    expect(restore.stdout).toMatch(/^restored .*: \d+ rows in \d+ tables \(migration 2026-/);
    const [from, to] = [await snapshot(emb.url), await snapshot(target)];
    expect((await admin.query('show server_version')).rows[0].server_version).toMatch(/^15\./);
    expect(Object.keys(to)).toEqual(Object.keys(from));
    for (const name of Object.keys(from)) expect({ name, rows: to[name] }).toEqual({ name, rows: from[name] });
    expect(from.tickets).toHaveLength(1);
    expect(from.bindings).toHaveLength(1);
    expect(from.invitations).toHaveLength(1);
    expect(from.outbox.length).toBeGreaterThanOrEqual(4);
  }, 120_000);

  it('keeps the ledger append-only after the restore, and new ids follow the restored ones', async () => {
    const db = createDb(target, { max: 1 });
    try {
      await expect(sql`update payments set amount_fen = 1`.execute(db)).rejects.toThrow(/append-only/);
      await expect(sql`delete from audit_log`.execute(db)).rejects.toThrow(/append-only/);
      const max = await sql<{ id: number }>`select max(id) as id from estates`.execute(db);
      const row = await db
        .insertInto('estates')
        .values({ code: 'after-restore', name: '新', time_zone: 'Asia/Shanghai' })
        .returning('id')
        .executeTakeFirstOrThrow();
      expect(row.id).toBe(max.rows[0].id + 1);
    } finally {
      await db.destroy();
    }
  });

  it('refuses, in one line, to restore into a database that holds rows', async () => {
    const again = await runCli(['restore', file], { env: { DATABASE_URL: target } });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^restore refused: this database is not empty \(table \w+ has rows\); restore into a new, migrated database\n$/);
  });

  describe('a damaged or mismatched file restores nothing', () => {
    let t: TestDb;
    beforeAll(async () => {
      t = await initTestDb('backup_damaged');
    });
    afterAll(() => t.destroy());
    const rewrite = (name: string, edit: (lines: string[]) => void) => {
      const lines = gunzipSync(readFileSync(file)).toString('utf8').split('\n');
      edit(lines);
      const out = path.join(dir, name);
      writeFileSync(out, gzipSync(lines.join('\n')));
      return out;
    };
    const count = async () => (await sql<{ n: string }>`select count(*) as n from households`.execute(t.db)).rows[0].n;

    it('a changed row fails the checksum', async () => {
      const bad = rewrite('changed.gz', (lines) => {
        const i = lines.findIndex((l) => l.includes('"amount_fen":500'));
        lines[i] = lines[i].replace('"amount_fen":500', '"amount_fen":50000');
      });
      await expect(restoreBackup(t.db, bad)).rejects.toThrow(/damaged \(checksum mismatch\); nothing was restored/);
      expect(await count()).toBe('0');
    });

    it('a cut-off file is named as damaged', async () => {
      const cut = path.join(dir, 'cut.gz');
      const whole = readFileSync(file);
      writeFileSync(cut, whole.subarray(0, Math.floor(whole.length / 2)));
      await expect(restoreBackup(t.db, cut)).rejects.toThrow(/cut\.gz is damaged or not a linli backup .*nothing was restored|truncated/);
      await expect(restoreBackup(t.db, path.join(dir, 'missing.gz'))).rejects.toThrow(/cannot read .*missing\.gz: ENOENT/);
      expect(await count()).toBe('0');
    });

    it('a backup of another migration level is refused', async () => {
      const other = rewrite('other.gz', (lines) => {
        const h = JSON.parse(lines[0]);
        h.migrations.pop();
        lines[0] = JSON.stringify(h);
      });
      await expect(restoreBackup(t.db, other)).rejects.toThrow(
        /^restore refused: the backup is at migration \S+, this database at \S+; restore with the linli version that wrote the backup$/,
      );
    });
  });
});

void os;
