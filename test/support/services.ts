import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** True when something accepts TCP connections on host:port. */
export function portOpen(port: number, host = '127.0.0.1', timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect({ port, host });
    const done = (ok: boolean) => {
      s.destroy();
      resolve(ok);
    };
    s.setTimeout(timeoutMs, () => done(false));
    s.once('connect', () => done(true));
    s.once('error', () => done(false));
  });
}

/** A free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.once('error', reject);
  });
}

/** Find redis-server on PATH or in the usual places. */
export function redisServerBinary(): string | null {
  for (const dir of [...(process.env.PATH ?? '').split(':'), '/usr/bin', '/usr/local/bin', '/usr/sbin']) {
    const p = path.join(dir, 'redis-server');
    if (dir && existsSync(p)) return p;
  }
  return null;
}

/** A private redis-server (no persistence) on a free port, for tests that restart or kill it. */
export async function startPrivateRedis(port?: number): Promise<{ url: string; port: number; stop(): Promise<void> }> {
  const bin = redisServerBinary();
  if (!bin) throw new Error('redis-server is not installed: install Redis (apt install redis-server) or set REDIS_URL');
  const p = port ?? (await freePort());
  const child = spawn(bin, ['--port', String(p), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', os.tmpdir()], {
    stdio: 'ignore',
  });
  for (let i = 0; i < 100 && !(await portOpen(p)); i++) await new Promise((r) => setTimeout(r, 50));
  return {
    url: `redis://127.0.0.1:${p}`,
    port: p,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      }),
  };
}

export { pgReachable } from '../../src/db/pg-reachable.js';
