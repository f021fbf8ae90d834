import { fileURLToPath } from 'node:url';
import { SMOKE, fullScale, quickScale, runBench } from './bench.js';

const USAGE = 'usage: npm run bench [-- --backend redis|postgres] [--smoke | --quick] [--without group-commit,auto-pipelining] [--no-write] [--keep]';

/** `npm run bench`: measure, print the table, and update BENCHMARKS.md. */
async function main(argv: string[]): Promise<number> {
  const i = argv.indexOf('--backend');
  const backend = i >= 0 ? argv[i + 1] : undefined;
  if (backend !== undefined && backend !== 'redis' && backend !== 'postgres') {
    process.stderr.write(USAGE + '\n');
    return 2;
  }
  const smoke = argv.includes('--smoke');
  // --quick: the pipeline's measurements only, fewer commands, nothing written: alternate it before/after a change.
  const quick = !smoke && argv.includes('--quick');
  const w = argv.indexOf('--without');
  const without = w >= 0 ? (argv[w + 1] ?? '').split(',') : [];
  const root = fileURLToPath(new URL('..', import.meta.url));
  const result = await runBench({
    backend,
    scale: smoke ? SMOKE : quick ? quickScale : fullScale,
    databaseName: smoke ? 'linli_bench_smoke' : quick ? 'linli_bench_quick' : 'linli_bench',
    quick,
    without: { groupCommit: without.includes('group-commit'), autoPipelining: without.includes('auto-pipelining') },
    write: smoke || quick || argv.includes('--no-write') ? null : `${root}BENCHMARKS.md`,
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
