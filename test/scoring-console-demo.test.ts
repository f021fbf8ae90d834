import { execFile } from 'node:child_process';
import path from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ConsoleAdapter } from '../src/adapters/console/console-adapter.js';
import { CONSOLE_CHAT_ID, consoleUserId } from '../src/adapters/console/identity.js';
import { runInviteCommand } from '../src/cli/invite-command.js';
import { initTestDb, type TestDb } from './support/db.js';

const BIN = path.resolve('bin/linli.js');

/** Run the real CLI with `input` on stdin; resolves with stdout. */
function linli(args: string[], input: string, env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, [BIN, ...args], { env: { ...process.env, LOG_LEVEL: 'warn', ...env }, timeout: 90_000 }, (err, stdout, stderr) =>
      err ? reject(Object.assign(err, { stdout, stderr })) : resolve(stdout),
    );
    child.stdin?.end(input);
  });
}

describe('红"栋"力 in the console demo: panelists write to the bot privately', () => {
  it('reads `NAME（私聊）: TEXT` as NAME’s private message to the bot, and every other line as the group', () => {
    const c = new ConsoleAdapter(() => {});
    expect(c.toMessage('评委社区（私聊）: 评分 8-2 卫生18', new Date())).toMatchObject({ chatId: consoleUserId('评委社区'), isPrivate: true, senderId: consoleUserId('评委社区'), senderName: '评委社区', text: '评分 8-2 卫生18' });
    expect(c.toMessage('评委社区 (private): 证据', new Date())).toMatchObject({ chatId: consoleUserId('评委社区'), isPrivate: true });
    expect(c.toMessage('评委社区: 评分 8-2 卫生18', new Date())).toMatchObject({ chatId: CONSOLE_CHAT_ID, isPrivate: false, senderName: '评委社区' });
  });

  describe('the real `linli console --demo`', () => {
    let t: TestDb;
    const prefix = `t-scoring-console-${process.pid}`;
    let env: Record<string, string>;
    beforeAll(async () => {
      t = await initTestDb('scoring_console');
      env = { DATABASE_URL: t.url, REDIS_URL: inject('redisUrl'), LINLI_QUEUE_PREFIX: prefix };
    });
    afterAll(async () => {
      await t.destroy();
      const r = new Redis(inject('redisUrl'));
      const keys = await r.keys(`${prefix}:*`);
      if (keys.length) await r.del(...keys);
      r.disconnect();
    });

    it('makes four panelists by invitation, takes their scores privately, and shows a flying-wire ticket as evidence', async () => {
      expect(await linli(['console', '--demo'], '', env)).toBe('');
      const panel = [['评委社区', 'community'], ['评委物业', 'property'], ['评委业委会', 'owners_committee'], ['评委居民', 'resident_rep']];
      const codes: string[] = [];
      for (const [, party] of panel) {
        const out: string[] = [];
        expect(await runInviteCommand(['juxinyuan', '--role', 'panelist', '--party', party], t.db, (l) => out.push(l))).toBe(0);
        codes.push(/([A-Z0-9]{8})$/.exec(out[0])![1]);
      }
      const card = '纠纷18 文明18 家风18 卫生18 志愿18';
      const input = [
        ...panel.map(([name], i) => `${name}（私聊）: 邀请码 ${codes[i]}`),
        `评委社区: 评分 8-1 ${card}`,
        ...panel.flatMap(([name]) => [`${name}（私聊）: 评分 8-1 ${card}`, `${name}（私聊）: 评分 8-2 ${card}`]),
        '向大叔: 投诉 8栋2单元楼道有人飞线充电',
        '评委社区（私聊）: 证据 8-2',
      ].join('\n');
      const lines = (await linli(['console', '--demo'], `${input}\n`, env)).trim().split('\n');
      expect(lines.filter((l) => l.includes('红“栋”力评委'))).toHaveLength(4);
      expect(lines).toContain('linli: 评分请私聊发给我，不要发在群里。本次没有记录。');
      expect(lines.filter((l) => /^linli: 已记录您对 8-[12] 的\d{4}年\d{1,2}月评分：矛盾纠纷18 文明新风18 家教家风18 环境卫生18 志愿服务18，合计90分。$/.test(l))).toHaveLength(8);
      expect(lines.some((l) => /^E\d+ 8-2（工单 T\d+）：建议一票否决（飞线充电） — 待处理$/.test(l))).toBe(true);
      const saved = await t.db.selectFrom('scoring_scores').select('panelist_id').distinct().execute();
      expect(saved).toHaveLength(4);
    }, 120_000);
  });
});
