import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runGroupsCommand } from '../src/cli/groups-command.js';
import { terminalSafe } from '../src/cli/terminal-safe.js';
import { initTestDb, type TestDb } from './support/db.js';

describe('linli groups prints what the platform named, harmlessly', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await initTestDb('groups_titles');
    const chat = (chat_id: string, title: string) => ({
      platform: 'wechat',
      chat_id,
      title,
      estate_id: null,
      zone_id: null,
      building_id: null,
      unlinked_notice_at: null,
    });
    await t.db
      .insertInto('chat_groups')
      .values([
        chat('a@chatroom', '\x1b[2J\x1b[H#1\tconsole:console-group\tjuxinyuan\t业主群'),
        chat('b@chatroom', '8栋\n#9\ttelegram:-100\tjuxinyuan\t假的一行'),
        chat('c@chatroom', '\u202e群主\u202c \x07\x9b31m'),
        chat('d\x1b]0;pwned\x07@chatroom', '聚心苑3片区居民群'),
      ])
      .execute();
  });
  afterAll(() => t.destroy());

  it('one row per chat: no escape sequence, line break or bidi override reaches the terminal', async () => {
    const lines: string[] = [];
    expect(await runGroupsCommand([], t.db, (l) => lines.push(l))).toBe(0);
    const printed = lines.join('\n');
    expect(printed.split('\n')).toHaveLength(4);
    expect(printed).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/);
    expect(lines[0]).toMatch(/\twechat:a@chatroom\t\(not linked\)\t\\x1b\[2J\\x1b\[H#1 console:console-group juxinyuan 业主群$/);
    expect(lines[1]).toMatch(/\t8栋 #9 telegram:-100 juxinyuan 假的一行$/);
    expect(lines[2]).toMatch(/\t\\u202e群主\\u202c \\x07\\x9b31m$/);
    expect(lines[3]).toMatch(/\twechat:d\\x1b\]0;pwned\\x07@chatroom\t/);
  });

  it('leaves ordinary titles as they are', () => {
    expect(terminalSafe('聚心苑 8栋 邻里群 🏠')).toBe('聚心苑 8栋 邻里群 🏠');
  });
});
