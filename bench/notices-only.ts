/**
 * The notices phase of `npm run bench`, alone: seed the city (its own database, dropped after),
 * then build the weekly notice of every linked group of every estate, and print total time, time
 * per estate and peak memory. Nothing is written to BENCHMARKS.md.
 *
 *   npx tsx bench/notices-only.ts [--estates N] [--households N] [--months N] [--keep]
 *
 * Defaults are the full bench's city (100 estates × 900 households × 24 months). Uses the same
 * database server as the bench (DATABASE_URL or the local one), database `linli_bench_notices`.
 */
import { FULL } from './bench.js';
import { openBenchEnv } from './environment.js';
import { runNotices } from './notices.js';
import { f0, f1 } from './report.js';
import { seedCity } from './seed-city.js';

/** The bench's clock (the same instant as bench/bench.ts). */
const NOW = new Date('2026-11-20T12:00:00Z');

function num(argv: string[], flag: string, dflt: number): number {
  const i = argv.indexOf(flag);
  return i >= 0 ? Number(argv[i + 1]) : dflt;
}

async function main(argv: string[]): Promise<void> {
  const city = {
    estates: num(argv, '--estates', FULL.city.estates),
    households: num(argv, '--households', FULL.city.households),
    months: num(argv, '--months', FULL.city.months),
  };
  const log = (l: string) => process.stderr.write(l + '\n');
  const env = await openBenchEnv({ backend: 'redis', databaseName: 'linli_bench_notices', poolSize: FULL.poolSize, keep: argv.includes('--keep'), log });
  try {
    log(`seeding ${city.estates} estates × ${city.households} households × ${city.months} months`);
    const seeded = await seedCity(env.db, city, NOW);
    log(`  ${f0(seeded.rows.households)} households, ${f0(seeded.rows.payments)} payments, ${f0(seeded.rows.groups)} groups in ${f1(seeded.seconds)} s`);
    const n = await runNotices(env.db, seeded.estateIds, NOW);
    process.stdout.write(
      `notices: ${f1(n.totalSeconds)} s total; ${f1(n.perEstateMs.mean)} ms/estate (p50 ${f1(n.perEstateMs.p50)}, max ${f1(n.perEstateMs.max)}); ` +
        `peak RSS ${f0(n.peakRssMb)} MB, heap ${f0(n.peakHeapMb)} MB; ${f0(n.households)} households\n  ${n.what}\n`,
    );
  } finally {
    await env.close();
  }
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (e) => {
    process.stderr.write(`notices-only: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  },
);
