import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const USAGE = 'usage: npm run console-runs -- [--runs N] [--keep]';
const BIN = fileURLToPath(new URL('../bin/linli.js', import.meta.url));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.once('error', reject);
  });
}

/** One zero-config console run: `printf '向大叔: 查询\n' | linli console --demo`. */
function consoleRun(env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
  const t0 = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'console', '--demo'], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr, ms: Date.now() - t0 }));
    child.stdin.end('向大叔: 查询\n');
  });
}

/**
 * `npm run console-runs -- --runs 100`: N back-to-back zero-config console invocations on one data
 * directory (kept across runs, as a user's is), reporting how many failed and why.
 */
async function main(argv: string[]): Promise<number> {
  const i = argv.indexOf('--runs');
  const runs = i >= 0 ? Number(argv[i + 1]) : 100;
  if (!Number.isInteger(runs) || runs < 1) {
    process.stderr.write(USAGE + '\n');
    return 2;
  }
  // Not under /root and not mode 700: as root, the embedded Postgres runs as the postgres user.
  const dir = mkdtempSync(path.join('/tmp', 'linli-console-runs-'));
  chmodSync(dir, 0o755);
  const env = { ...process.env, LINLI_DATA_DIR: path.join(dir, 'data'), LINLI_EMBEDDED_PG_PORT: String(await freePort()), DATABASE_URL: '', REDIS_URL: '', LOG_LEVEL: 'warn' };
  const failures = new Map<string, number>();
  const times: number[] = [];
  try {
    for (let n = 1; n <= runs; n++) {
      const r = await consoleRun(env);
      times.push(r.ms);
      const ok = r.code === 0 && /^linli: /.test(r.stdout);
      if (!ok) {
        const why = (r.stderr.trim().split('\n').pop() || `exit ${r.code}, no reply`).slice(0, 300);
        failures.set(why, (failures.get(why) ?? 0) + 1);
      }
      process.stderr.write(`run ${n}/${runs}: ${ok ? 'ok' : 'FAILED'} (${(r.ms / 1000).toFixed(1)} s)\n`);
    }
  } finally {
    if (!argv.includes('--keep')) rmSync(dir, { recursive: true, force: true });
  }
  const failed = [...failures.values()].reduce((a, b) => a + b, 0);
  times.sort((a, b) => a - b);
  process.stdout.write(`${failed} of ${runs} runs failed; median ${(times[Math.floor(times.length / 2)] / 1000).toFixed(1)} s, slowest ${(times[times.length - 1] / 1000).toFixed(1)} s\n`);
  for (const [why, count] of failures) process.stdout.write(`  ${count} × ${why}\n`);
  return failed === 0 ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => {
    process.stderr.write(`console-runs: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);
