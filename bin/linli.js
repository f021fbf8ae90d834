#!/usr/bin/env node
// Runs the TypeScript CLI through tsx's loader, so there is no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli.ts');
try {
  process.exitCode = await main(process.argv.slice(2));
} catch (e) {
  // One line, never a stack trace: a StartupError names the setting to change (LOG_LEVEL=debug adds the stack).
  const setting = e && typeof e === 'object' && 'setting' in e;
  process.stderr.write(`${setting ? '' : 'linli: '}${e instanceof Error ? e.message : String(e)}\n`);
  if (process.env.LOG_LEVEL === 'debug' && e instanceof Error) process.stderr.write(`${e.stack}\n`);
  process.exitCode = 1;
}
// Open handles (a pool, a timer) must not keep a finished command alive.
setImmediate(() => process.exit(process.exitCode ?? 0));
