import { spawn } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { startEmbeddedPostgres } from '../src/db/embedded.js';
import { reachableTempDir, runLinli, startLinli, toldLines, zeroConfig, type CliResult } from './support/linli-cli.js';
import { freePort, portOpen, redisServerBinary } from './support/services.js';

const isRoot = os.userInfo().uid === 0;
const dirs: string[] = [];
const tempDir = (p: string) => {
  const d = reachableTempDir(p);
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** The run failed with exactly one line, naming `setting`, and no stack trace. */
function expectOneLine(r: CliResult, setting: string, why: RegExp) {
  expect(r.code).toBe(1);
  const told = toldLines(r.stderr);
  expect(told, r.stderr).toHaveLength(1);
  expect(told[0]).toMatch(new RegExp(`^${setting}: `));
  expect(told[0]).toMatch(why);
  expect(r.stderr).not.toMatch(/^\s+at /m);
}

describe('start-up errors are one line naming the setting', () => {
  it('the embedded Postgres port in use names LINLI_EMBEDDED_PG_PORT', async () => {
    const port = await freePort();
    const squatter = net.createServer().listen(port, '127.0.0.1');
    try {
      const r = await runLinli(['migrate'], zeroConfig(path.join(tempDir('linli-port-'), 'data'), port));
      expectOneLine(r, 'LINLI_EMBEDDED_PG_PORT', new RegExp(`port ${port} .*in use`));
    } finally {
      squatter.close();
    }
  }, 120_000);

  it.skipIf(!isRoot)('a data directory the postgres user cannot reach names LINLI_DATA_DIR', async () => {
    const closed = tempDir('linli-closed-');
    execFileSync('chmod', ['700', closed]);
    const r = await runLinli(['migrate'], zeroConfig(path.join(closed, 'data'), await freePort()));
    expectOneLine(r, 'LINLI_DATA_DIR', /out of reach of the "postgres" user/);
  }, 120_000);

  it('an unreachable DATABASE_URL, or one naming no database, names DATABASE_URL', async () => {
    const refused = await runLinli(['migrate'], { DATABASE_URL: `postgres://postgres@127.0.0.1:${await freePort()}/linli`, REDIS_URL: '' });
    expectOneLine(refused, 'DATABASE_URL', /connection refused/);
    const base = new URL(inject('databaseUrl'));
    base.pathname = '/no_such_database_ops1';
    const missing = await runLinli(['console'], { DATABASE_URL: base.toString(), REDIS_URL: '' });
    expectOneLine(missing, 'DATABASE_URL', /no such database/);
  }, 120_000);

  it('a wrong password in DATABASE_URL names DATABASE_URL', async () => {
    // The machine's Postgres trusts everyone; the embedded one checks passwords.
    const emb = await startEmbeddedPostgres(path.join(tempDir('linli-pw-'), 'data'), await freePort(), () => {});
    try {
      const u = new URL(emb.url);
      u.password = 'wrong';
      const r = await runLinli(['console'], { DATABASE_URL: u.toString(), REDIS_URL: '' });
      expectOneLine(r, 'DATABASE_URL', /refused the password/);
    } finally {
      await emb.stop();
    }
  }, 180_000);

  it('a refused or evicting Redis names REDIS_URL', async () => {
    const base = { DATABASE_URL: inject('databaseUrl') };
    const refused = await runLinli(['console'], { ...base, REDIS_URL: `redis://127.0.0.1:${await freePort()}` });
    expectOneLine(refused, 'REDIS_URL', /cannot reach Redis .*connection refused/);
    const bin = redisServerBinary();
    if (!bin) return;
    const port = await freePort();
    const redis = spawn(bin, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--maxmemory-policy', 'allkeys-lru'], { stdio: 'ignore' });
    try {
      for (let i = 0; i < 100 && !(await portOpen(port)); i++) await new Promise((r) => setTimeout(r, 50));
      const evicting = await runLinli(['console'], { ...base, REDIS_URL: `redis://127.0.0.1:${port}` });
      expectOneLine(evicting, 'REDIS_URL', /maxmemory-policy is "allkeys-lru".*noeviction/);
    } finally {
      redis.kill();
    }
  }, 120_000);
});

describe('the embedded Postgres recovers instead of failing', () => {
  it('a stale postmaster.pid whose PID now belongs to another process is removed, and Postgres starts', async () => {
    const data = path.join(tempDir('linli-stale-'), 'data');
    const port = await freePort();
    const first = await runLinli(['migrate'], zeroConfig(data, port));
    expect(first.code, first.stderr).toBe(0);
    const pgDir = path.join(data, 'pg');
    expect(existsSync(path.join(pgDir, 'postmaster.pid'))).toBe(false);
    // A crash left the file; after a reboot its PID went to some other program of the same user
    // (Postgres itself then refuses: "lock file already exists").
    const uid = isRoot ? Number(execFileSync('id', ['-u', 'postgres']).toString()) : undefined;
    const gid = isRoot ? Number(execFileSync('id', ['-g', 'postgres']).toString()) : undefined;
    const other = spawn('sleep', ['300'], { uid, gid, stdio: 'ignore' });
    try {
      writeFileSync(path.join(pgDir, 'postmaster.pid'), `${other.pid}\n${pgDir}\n${Math.floor(Date.now() / 1000)}\n${port}\n\n127.0.0.1\n  1234567    98304\nready   \n`);
      if (uid !== undefined) execFileSync('chown', [`${uid}:${gid}`, path.join(pgDir, 'postmaster.pid')]);
      const r = await runLinli(['migrate'], zeroConfig(data, port));
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toBe('schema already up to date\n');
      expect(r.stderr).toContain(`removing a stale postmaster.pid: PID ${other.pid} is now sleep`);
    } finally {
      other.kill();
    }
  }, 180_000);

  it('a start while the previous console on the same data is still shutting down waits for it', async () => {
    const data = path.join(tempDir('linli-b2b-'), 'data');
    const port = await freePort();
    const env = zeroConfig(data, port);
    const warm = await runLinli(['console', '--demo'], env, '向大叔: 查询\n');
    expect(warm.code, warm.stderr).toBe(0);
    // The first one ends (stops Postgres) while the second starts: the second must wait, not fail.
    const a = startLinli(['console', '--demo'], env);
    a.write('向大叔: 查询');
    await a.waitFor(/^linli: /m);
    a.end();
    const b = runLinli(['console', '--demo'], env, '向大叔: 查询\n');
    const [ra, rb] = await Promise.all([a.exited, b]);
    expect(ra.code, ra.stderr).toBe(0);
    expect(rb.code, rb.stderr).toBe(0);
    expect(rb.stdout).toMatch(/^linli: /);
    expect(readFileSync(path.join(data, 'postgres.log'), 'utf8')).toContain('database system is shut down');
  }, 240_000);
});
