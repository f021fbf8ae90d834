import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { malformedLine } from '../src/cli/load-dot-env.js';
import { initTestDb, type TestDb } from './support/db.js';
import { runCli } from './support/run-cli.js';

describe('.env in the working directory', () => {
  let t: TestDb;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'linli-env-'));
  const dotEnv = (text: string) => writeFileSync(path.join(dir, '.env'), text);
  // Nothing from the test runner's own environment may stand in for the file.
  const clean = { DATABASE_URL: undefined, REDIS_URL: undefined, LOG_LEVEL: undefined };
  beforeAll(async () => {
    t = await initTestDb('dot_env');
    await t.db
      .insertInto('chat_groups')
      .values({ platform: 'telegram', chat_id: '-42', title: '从.env来的群', estate_id: null, zone_id: null, building_id: null, unlinked_notice_at: null })
      .execute();
  });
  afterAll(async () => {
    await t.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is loaded when present: DATABASE_URL from the file reaches that database', async () => {
    dotEnv(`# linli settings\nDATABASE_URL=${t.url}\n\nexport LOG_LEVEL=warn\n`);
    const r = await runCli(['groups'], { cwd: dir, env: clean });
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/telegram:-42\t\(not linked\)\t从\.env来的群/);
  });

  it('gives way to a variable already set in the environment', async () => {
    dotEnv(`DATABASE_URL=${t.url}\nLOG_LEVEL=shout\n`);
    const fromFile = await runCli(['groups'], { cwd: dir, env: clean });
    expect(fromFile).toMatchObject({ code: 2, stderr: 'config: LOG_LEVEL must be one of debug, info, warn, error, got "shout"\n' });
    const fromEnv = await runCli(['groups'], { cwd: dir, env: { ...clean, LOG_LEVEL: 'warn' } });
    expect(fromEnv.code).toBe(0);
    expect(fromEnv.stdout).toMatch(/telegram:-42/);
  });

  it('that is malformed stops the command with one line naming the file and the line', async () => {
    dotEnv(`DATABASE_URL=${t.url}\nthis is not a setting\nLOG_LEVEL=warn\n`);
    const r = await runCli(['groups'], { cwd: dir, env: clean });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`${path.join(dir, '.env')} line 2 is not KEY=value (a # starts a comment)\n`);
    expect(r.stdout).toBe('');
  });

  it('may hold quoted values over several lines', () => {
    expect(malformedLine('A="one\ntwo"\nB=3\n')).toBeNull();
    expect(malformedLine("A='open\nB=3\n")).toBe(1);
    expect(malformedLine('  # comment\n\nexport A = 1\r\nB-C=2')).toBe(4);
  });
});
