import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { SMOKE, runBench } from '../bench/bench.js';

// A tiny run of `npm run bench`, so the benchmark does not rot. It judges no figures.
describe('bench smoke run', () => {
  it('runs every measurement end to end and prints the table', async () => {
    const r = await runBench({
      backend: 'redis',
      scale: SMOKE,
      databaseName: `linli_bench_smoke_${process.pid}`,
      serverUrl: inject('databaseUrl'),
      redisUrl: inject('redisUrl'),
      write: null,
      profileFile: null,
      log: () => {},
    });
    expect(r.e2ePerSecond).toBeGreaterThan(0);
    expect(r.latency?.missing).toBe(0);
    expect(r.text).toMatch(/CPU per command .* ms/);
    expect(r.text).toMatch(/latency message → reply .* at 50 cmd\/s offered/);
    expect(r.text).toMatch(/ceiling: raw BullMQ/);
    expect(r.text).toMatch(/outbound: .* 0 violations/);
    expect(r.markdown).toMatch(/Where the time goes/);
  }, 60_000);
});
