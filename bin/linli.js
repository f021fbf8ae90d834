#!/usr/bin/env node
// Runs the TypeScript CLI through tsx's loader, so there is no build step.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/cli.ts');
process.exitCode = await runCli(process.argv.slice(2));
// Open handles (a pool, a timer) must not keep a finished command alive.
setImmediate(() => process.exit(process.exitCode ?? 0));
