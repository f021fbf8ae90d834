import { fileURLToPath } from 'node:url';
import { SMOKE, fullScale, runBench } from './bench.js';

const USAGE = 'usage: npm run bench [-- --backend redis|postgres] [--smoke] [--no-write] [--keep]';

/** `npm run bench`: measure, print the table, and update BENCHMARKS.md. */
async function main(argv: string[]): Promise<number> {
  const i = argv.indexOf('--backend');
  const backend = i >= 0 ? argv[i + 1] : undefined;
  if (backend !== undefined && backend !== 'redis' && backend !== 'postgres') {
    process.stderr.write(USAGE + '\n');
    return 2;
  }
  const smoke = argv.includes('--smoke');
  const root = fileURLToPath(new URL('..', import.meta.url));
  const result = await runBench({
    backend,
    scale: smoke ? SMOKE : fullScale,
    databaseName: smoke ? 'linli_bench_smoke' : 'linli_bench',
    write: smoke || argv.includes('--no-write') ? null : `${root}BENCHMARKS.md`,
    profileFile: smoke ? null : `${root}.linli/bench/e2e-${backend ?? 'default'}.cpuprofile`,
    log: (l) => process.stderr.write(l + '\n'),
  });
  process.stdout.write('\n' + result.text);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => {
    process.stderr.write(`bench: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  },
);
