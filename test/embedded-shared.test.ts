import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { reachableTempDir, runLinli, startLinli, toldLines, zeroConfig } from './support/linli-cli.js';
import { freePort, portOpen } from './support/services.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
async function fresh(name: string) {
  const d = reachableTempDir(`linli-${name}-`);
  dirs.push(d);
  const data = path.join(d, 'data');
  const port = await freePort();
  return { data, port, env: zeroConfig(data, port) };
}

describe('two processes on one embedded data directory', () => {
  it('a second process attaches, and whichever leaves first never stops Postgres under the other; the last one stops it', async () => {
    const { data, port, env } = await fresh('shared');
    const consoleA = startLinli(['console', '--demo'], env);
    consoleA.write('向大叔: 查询');
    await consoleA.waitFor(/^linli: /m);
    // A command run meanwhile attaches and leaves; the console goes on working.
    const migrate = await runLinli(['migrate'], env);
    expect(migrate.code, migrate.stderr).toBe(0);
    expect(migrate.stderr).toContain('leaving the embedded Postgres running for linli PID');
    // A worker attaches; then the console that started Postgres leaves first.
    const worker = startLinli(['start', '--role', 'worker'], env);
    for (let i = 0; i < 600 && !/linli running/.test(worker.stderr()); i++) await new Promise((r) => setTimeout(r, 200));
    expect(worker.stderr()).toContain('linli running (worker');
    consoleA.write('向大叔: 查询');
    await consoleA.waitFor(/^linli: .*\n(?:.*\n)*linli: /m);
    consoleA.end();
    const a = await consoleA.exited;
    expect(a.code, a.stderr).toBe(0);
    expect(await portOpen(port)).toBe(true);
    expect(worker.child.exitCode).toBeNull();
    // The worker, last to leave, drains and stops Postgres.
    worker.child.kill('SIGTERM');
    const w = await worker.exited;
    expect(w.code, w.stderr).toBe(0);
    expect(w.stderr).not.toMatch(/^\s+at /m);
    expect(await portOpen(port)).toBe(false);
    expect(existsSync(path.join(data, 'pg', 'postmaster.pid'))).toBe(false);
  }, 400_000);

  it('a second console on the same data refuses with one line, so replies go only to the console that sent the message', async () => {
    const { env } = await fresh('two-consoles');
    const first = startLinli(['console', '--demo'], env);
    first.write('向大叔: 查询');
    await first.waitFor(/^linli: /m);
    const second = await runLinli(['console', '--demo'], env, '刘雅玲: 查询\n');
    expect(second.code).toBe(1);
    expect(second.stdout).toBe('');
    expect(toldLines(second.stderr)).toEqual([expect.stringMatching(/^LINLI_DATA_DIR: another linli console \(pid \d+\) is running on this database/)]);
    // The first console got nothing of the second's, and still answers.
    first.write('向大叔: 查询');
    await first.waitFor(/^linli: .*\n(?:.*\n)*linli: /m);
    first.end();
    const r = await first.exited;
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(2);
  }, 300_000);
});

describe('SIGTERM and Ctrl-C with the embedded Postgres', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('%s in the console lets the in-flight command finish, then stops Postgres', async (signal) => {
    const { data, port, env } = await fresh(`signal-${signal}`);
    const c = startLinli(['console', '--demo'], env);
    c.write('向大叔: 查询');
    await c.waitFor(/^linli: /m);
    c.write('向大叔: 绑定 8-2-301');
    // The command is queued and running when the signal comes.
    await new Promise((r) => setTimeout(r, 300));
    c.child.kill(signal);
    const r = await c.exited;
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^linli: 已收到绑定申请 B\d+：8-2-301/m);
    expect(r.stderr).not.toMatch(/^\s+at |error/im);
    expect(await portOpen(port)).toBe(false);
    expect(existsSync(path.join(data, 'pg', 'postmaster.pid'))).toBe(false);
  }, 300_000);
});
