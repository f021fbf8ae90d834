import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runConsoleCommand } from '../src/cli/console-command.js';
import { runEstatesCommand } from '../src/cli/estates-command.js';
import { runGroupsCommand } from '../src/cli/groups-command.js';
import { runImportCommand } from '../src/cli/import-command.js';
import { runInviteCommand } from '../src/cli/invite-command.js';
import { runStartCommand } from '../src/cli/start-command.js';
import { loadConfig } from '../src/config.js';
import { DEMO_ESTATE_CODE, seedDemoEstate } from '../src/demo/seed-demo-estate.js';
import { silentLogger } from '../src/log.js';
import { initTestDb, type TestDb } from './support/db.js';
import { runCli } from './support/run-cli.js';

/** Lines a command printed, and its exit code. */
type Ran = { code: number; text: string };

const STACK = /\n\s+at /;

describe('strict command lines', () => {
  let t: TestDb;
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'linli-flags-'));
  const capture = async (fn: (out: (l: string) => void) => Promise<number>): Promise<Ran> => {
    const lines: string[] = [];
    const code = await fn((l) => lines.push(l));
    return { code, text: lines.join('\n') };
  };
  const groups = (...a: string[]) => capture((o) => runGroupsCommand(a, t.db, o));
  const estates = (...a: string[]) => capture((o) => runEstatesCommand(a, t.db, o));
  const invite = (...a: string[]) => capture((o) => runInviteCommand(a, t.db, o));
  const importer = (...a: string[]) => capture((o) => runImportCommand(a, t.db, o));
  const terminal = async (fn: (io: Parameters<typeof runConsoleCommand>[3]) => Promise<number>): Promise<Ran> => {
    let text = '';
    const sink = {
      write: (s: string) => {
        text += s;
        return true;
      },
    };
    const code = await fn({ stdin: process.stdin, stdout: sink, stderr: sink });
    return { code, text: text.trimEnd() };
  };
  // Parsing fails before anything opens, so no database or adapter is reached.
  const config = loadConfig({ DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
  const start = (...a: string[]) =>
    terminal((io) =>
      runStartCommand(a, config, silentLogger, io, async () => {
        throw new Error('adapters must not load for a refused command line');
      }),
    );
  const consoleCmd = (...a: string[]) => terminal((io) => runConsoleCommand(a, config, silentLogger, io));

  beforeAll(async () => {
    t = await initTestDb('cli_flags');
    await seedDemoEstate(t.db, new Date('2026-11-20T12:00:00Z'));
  });
  afterAll(async () => {
    await t.destroy();
    rmSync(tmp, { recursive: true, force: true });
  });

  /** A refusal: exit 2, the fault in its first line, the command's usage after it. */
  const refused = (r: Ran, fault: RegExp | string, usage: RegExp) => {
    expect(r.code).toBe(2);
    const [first] = r.text.split('\n');
    if (typeof fault === 'string') expect(first).toBe(fault);
    else expect(first).toMatch(fault);
    expect(r.text).toMatch(usage);
    expect(r.text).not.toMatch(STACK);
  };

  it('groups link: --zone=3 and --zone 3 both narrow to zone 3; --zone3, a missing value, a repeat and a stray word are refused', async () => {
    expect((await groups('link', 'telegram:-2001', DEMO_ESTATE_CODE, '--zone=3')).text).toMatch(/→ .*zone 3/);
    expect((await groups('link', 'telegram:-2002', DEMO_ESTATE_CODE, '--zone', '3')).text).toMatch(/→ .*zone 3/);
    const usage = /linli groups link <chat> <estate>/;
    refused(await groups('link', 'telegram:-2003', DEMO_ESTATE_CODE, '--zone3'), 'unknown option --zone3 (did you mean --zone 3?)', usage);
    refused(await groups('link', 'telegram:-2003', DEMO_ESTATE_CODE, '--zone'), '--zone needs a value', usage);
    refused(await groups('link', 'telegram:-2003', DEMO_ESTATE_CODE, '--zone='), '--zone needs a value', usage);
    refused(await groups('link', 'telegram:-2003', DEMO_ESTATE_CODE, '--zone', '--building', '8'), /^--zone needs a value/, usage);
    refused(await groups('link', 'telegram:-2003', DEMO_ESTATE_CODE, '--zone', '3', '--zone', '4'), '--zone given twice', usage);
    refused(await groups('link', 'telegram:-2003', DEMO_ESTATE_CODE, '3'), 'unexpected argument "3"', usage);
    refused(await groups('link', 'telegram:-2003'), 'missing argument', usage);
    refused(await groups('unlink', 'telegram:-2001', '--force'), 'unknown option --force', usage);
    refused(await groups('list', 'extra'), 'unexpected argument "extra"', usage);
    refused(await groups('lnk'), 'unknown subcommand "lnk"', usage);
    // Nothing of the refused links reached the database.
    const linked = await t.db.selectFrom('chat_groups').select('chat_id').where('chat_id', 'like', '-200%').orderBy('chat_id').execute();
    expect(linked.map((g) => g.chat_id)).toEqual(['-2001', '-2002']);
    expect(await groups('--help')).toEqual({ code: 0, text: expect.stringMatching(/^usage:/) });
  });

  it('estates: each subcommand takes its flags in both forms and refuses the rest', async () => {
    const usage = /linli estates add <code> <name>/;
    expect((await estates('add', 'tokyo-a', '東', '--time-zone=Asia/Tokyo')).text).toMatch(/Asia\/Tokyo/);
    expect((await estates('add', 'tokyo-b', '東', '--time-zone', 'Asia/Tokyo')).text).toMatch(/Asia\/Tokyo/);
    refused(await estates('add', 'tokyo-c', '東', '--timezone', 'Asia/Tokyo'), 'unknown option --timezone', usage);
    refused(await estates('add', 'tokyo-c', '東', 'extra'), 'unexpected argument "extra"', usage);
    expect((await estates('fee', 'tokyo-a', '卫生费', '5', '--from=2026-01')).code).toBe(0);
    refused(await estates('fee', 'tokyo-a', '卫生费', '5'), '--from is required', usage);
    refused(await estates('fee', 'tokyo-a', '卫生费', '5', '--from2026-01'), 'unknown option --from2026-01 (did you mean --from 2026-01?)', usage);
    expect((await estates('schedule', 'tokyo-a', '--notice', '周六', '9:30')).text).toMatch(/周六 09:30/);
    expect((await estates('schedule', 'tokyo-a', '--notice=周五 8:00', '--tally=20:15')).text).toMatch(/周五 08:00, daily tally 20:15/);
    refused(await estates('schedule', 'tokyo-a', '9:30', '--notice', '周六'), 'unexpected argument "9:30"', usage);
    refused(await estates('schedule', 'tokyo-a'), /^give --notice/, usage);
    expect((await estates('sla', 'tokyo-a', '飞线充电', '--accept=15m', '--resolve', '2h')).code).toBe(0);
    refused(await estates('sla', 'tokyo-a', '飞线充电', '--accept'), '--accept needs a value', usage);
    refused(await estates('list', '--all'), 'unknown option --all', usage);
  });

  it('import and invite: both flag forms, and refusals with their usage', async () => {
    const csv = path.join(tmp, 'r.csv');
    writeFileSync(csv, '8,2,301\n');
    expect((await importer(csv, `--estate=${DEMO_ESTATE_CODE}`)).code).toBe(0);
    refused(await importer(csv, `--estate${DEMO_ESTATE_CODE}`), /^unknown option --estatejuxinyuan/, /usage: linli import/);
    refused(await importer(csv, csv), `unexpected argument "${csv}"`, /usage: linli import/);
    refused(await importer(), 'missing argument', /usage: linli import/);
    const code = /: ([A-Z0-9]{8})$/m;
    expect((await invite(DEMO_ESTATE_CODE, '--role=grid_worker', '--zone=3')).text).toMatch(/grid_worker of 聚心苑 第三片区[\s\S]*/);
    expect((await invite(DEMO_ESTATE_CODE, '--role', 'head', '--building', '8')).text).toMatch(code);
    refused(await invite(DEMO_ESTATE_CODE, '--role', 'grid_worker', '--zone3'), 'unknown option --zone3 (did you mean --zone 3?)', /usage:/);
    refused(await invite(DEMO_ESTATE_CODE, 'extra', '--group'), 'unexpected argument "extra"', /usage:/);
    refused(await invite(DEMO_ESTATE_CODE, '--group', '--days'), '--days needs a value', /usage:/);
    refused(await invite(DEMO_ESTATE_CODE, '--group=yes'), '--group takes no value', /usage:/);
  });

  it('start and console: --role=worker and --role worker are read alike; a bad flag starts nothing', async () => {
    const usage = /usage: linli start \[--role all\|bot\|worker\|web\]/;
    refused(await start('--role=cook'), 'unknown role "cook"', usage);
    refused(await start('--role', 'cook'), 'unknown role "cook"', usage);
    refused(await start('--role'), '--role needs a value', usage);
    refused(await start('--roleworker'), 'unknown option --roleworker (did you mean --role worker?)', usage);
    refused(await start('worker'), 'unexpected argument "worker"', usage);
    refused(await consoleCmd('--demo=1'), '--demo takes no value', /usage: linli console \[--demo\]/);
    refused(await consoleCmd('--dmeo'), 'unknown option --dmeo', /usage: linli console/);
    refused(await consoleCmd('demo'), 'unexpected argument "demo"', /usage: linli console/);
  });

  it('the real CLI refuses a bad command line before it opens any database, exit 2, no stack trace', async () => {
    // An unreachable database: a refusal must not need it.
    const env = { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none', REDIS_URL: undefined };
    const cases: Array<[string[], RegExp]> = [
      [['groups', 'link', '3', DEMO_ESTATE_CODE, '--zone3'], /^unknown option --zone3 \(did you mean --zone 3\?\)\nusage:/],
      [['migrate', 'now'], /^unexpected argument "now"\nusage: linli migrate/],
      [['backup'], /^missing argument\nusage: linli backup <file>/],
      [['restore', 'a.gz', '--force'], /^unknown option --force\nusage: linli restore <file>/],
      [['invite', DEMO_ESTATE_CODE, '--role', 'admin', '--zone', '3'], /^an admin is estate-wide: drop --zone \(for one zone, invite a grid worker\)\n$/],
      [['start', '--role=cook'], /^unknown role "cook"\nusage: linli start/],
    ];
    for (const [args, stderr] of cases) {
      const r = await runCli(args, { env });
      expect({ args, code: r.code, stderr: r.stderr }).toEqual({ args, code: 2, stderr: expect.stringMatching(stderr) });
      expect(r.stderr).not.toMatch(STACK);
    }
    // A failure past the command line is one line too (here: the database is unreachable).
    const down = await runCli(['groups'], { env });
    expect(down.code).not.toBe(0);
    expect(down.stderr.trim().split('\n')).toHaveLength(1);
  }, 120_000);
});
