import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { freePort } from './support/services.js';
import { initTestDb, type TestDb } from './support/db.js';

const run = promisify(execFile);
const BIN = path.resolve('bin/linli.js');

/** Run the real CLI with `input` on stdin; resolves with stdout. */
function linli(args: string[], input: string, env: Record<string, string>): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, [BIN, ...args], { env: { ...process.env, LOG_LEVEL: 'warn', ...env }, timeout: 90_000 }, (err, stdout, stderr) =>
      err ? reject(Object.assign(err, { stdout, stderr })) : resolve({ stdout, stderr }),
    );
    child.stdin!.end(input);
  });
}

describe('linli console', () => {
  let t: TestDb;
  const prefix = `t-console-${process.pid}`;
  let env: Record<string, string>;
  beforeAll(async () => {
    t = await initTestDb('console_cli');
    env = { DATABASE_URL: t.url, REDIS_URL: inject('redisUrl'), LINLI_QUEUE_PREFIX: prefix };
  });
  afterAll(async () => {
    await t.destroy();
    const r = new Redis(inject('redisUrl'));
    const keys = await r.keys(`${prefix}:*`);
    if (keys.length) await r.del(...keys);
    r.disconnect();
  });

  it('runs the demo transcript, one reply per line, and keeps the data for the next run', async () => {
    const first = await linli(['console', '--demo'], '向大叔: 绑定 8-2-301\n', env);
    const lines1 = first.stdout.trim().split('\n');
    expect(lines1).toHaveLength(1);
    const b = /B\d+/.exec(lines1[0])![0];
    expect(lines1[0]).toBe(`linli: 已收到绑定申请 ${b}：8-2-301。网格员确认后生效。`);

    const second = await linli(['console', '--demo'], `刘雅玲: 确认 ${b}\n向大叔: 已交60元\n`, env);
    const lines2 = second.stdout.trim().split('\n');
    expect(lines2).toHaveLength(2);
    expect(lines2[0]).toBe(`linli: 绑定 ${b} 已确认：8-2-301 已绑定。`);
    const p = /P\d+/.exec(lines2[1])![0];

    const third = await linli(['console', '--demo'], `路人甲: 确认 ${p}\n刘雅玲: 确认 ${p}\n向大叔: 查询\n`, env);
    expect(third.stdout.trim().split('\n')).toEqual([
      'linli: 这个操作只有网格员或社区工作人员可以做。',
      expect.stringMatching(new RegExp(`^linli: 已确认 ${p}：8-2-301 60元（12个月）已入账，交到2025年4月。$`)),
      // The resident's receipt, an @mention without the sum (this run has not seen 向大叔's name yet).
      expect.stringMatching(new RegExp(`^linli: @\\S+ 您的电子收据 ${p} 已生成，请私聊我发“收据 ${p}”查看。$`)),
      expect.stringMatching(/^linli: 8-2-301 卫生费（每月5元）：已交到2025年4月，欠\d+个月，共\d+元。$/),
    ]);
    // --demo loads the estate once, however often it is given.
    const estates = await t.db.selectFrom('estates').select('code').execute();
    expect(estates).toEqual([{ code: 'juxinyuan' }]);
    // Three CLI processes, each starting tsx: on a loaded machine that is more than the default 30 s.
  }, 120_000);

  it('explains the line format and ignores ordinary chatter', async () => {
    const out = await linli(['console', '--demo'], 'no colon here\n向大叔: 今天天气真好\n', env);
    expect(out.stdout).toBe('');
    expect(out.stderr).toContain('NAME: TEXT');
  }, 60_000);
});

describe('zero-config start', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'linli-zero-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('starts an embedded Postgres under LINLI_DATA_DIR and migrates it, twice', async () => {
    const port = String(await freePort());
    const env = { LINLI_DATA_DIR: dir, LINLI_EMBEDDED_PG_PORT: port, DATABASE_URL: '', REDIS_URL: '' };
    const a = await linli(['migrate'], '', env);
    expect(a.stdout).toMatch(/^applied: 2026-11-22-0001-core/);
    const b = await linli(['migrate'], '', env);
    expect(b.stdout).toBe('schema already up to date\n');
  }, 90_000);
});

void run;
