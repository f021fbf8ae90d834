import { spawn } from 'node:child_process';
import path from 'node:path';
import { inject, it, expect } from 'vitest';

// The soak of `npm run chaos`, short: a few dozen commands while workers die and Redis crashes
// (the Postgres outage of the full soak is left out here; test/reliability/long-outage.test.ts has one).
it('loses nothing and doubles nothing while workers are killed and Redis crashes (short soak)', async () => {
  const root = path.resolve(import.meta.dirname, '../..');
  const out = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'test/chaos/run.ts', '--commands', '40', '--seed', '7', '--pg-outage', '0', '--quiet'], {
      cwd: root,
      env: { ...process.env, TEST_DATABASE_URL: inject('databaseUrl') },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b) => (stdout += b));
    child.stderr.on('data', (b) => (stderr += b));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
  const stats = Object.fromEntries(out.stdout.trim().split('\n').map((l) => l.split(': ')).map(([k, v]) => [k, Number(v)]));
  expect(stats, out.stderr.slice(-2000)).toMatchObject({ 'commands sent': 40, 'effects recorded': 40, lost: 0, doubled: 0, replies: 40 });
  expect(out.code).toBe(0);
}, 60_000);
