import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runGroupsCommand } from '../src/cli/groups-command.js';
import { JOBS_QUEUE } from '../src/queue/queue-names.js';
import { waitForEmpty } from '../src/runtime/settle.js';
import { startPipeline, type Pipeline } from './support/pipeline.js';

describe('groups the bot is in', () => {
  let p: Pipeline;
  beforeAll(async () => {
    p = await startPipeline('note_chat', 'redis');
  });
  afterAll(() => p.close());

  it('are listed with their names for the admin as soon as anyone speaks, linked or not, and say nothing', async () => {
    const chatter = { ...p.message('张阿姨', '大家晚上好'), chatId: 'room-42', chatTitle: '幸福里3栋邻居群' };
    expect(await p.deliver(chatter)).toEqual([]);
    await p.deliver({ ...chatter, messageId: 'again' });
    await waitForEmpty(p.factory.queue(JOBS_QUEUE), 10_000);
    const lines: string[] = [];
    expect(await runGroupsCommand([], p.t.db, (l) => lines.push(l))).toBe(0);
    const line = lines.find((l) => l.includes('console:room-42'));
    expect(line).toBeDefined();
    expect(line).toContain('幸福里3栋邻居群');
    const rows = await p.t.db.selectFrom('chat_groups').select(['title', 'estate_id', 'unlinked_notice_at']).where('chat_id', '=', 'room-42').execute();
    expect(rows).toEqual([{ title: '幸福里3栋邻居群', estate_id: null, unlinked_notice_at: null }]);

    // A renamed group shows its new name; a command there still gets the one "not linked" notice.
    await p.deliver({ ...chatter, messageId: 'renamed', chatTitle: '幸福里3栋业主群' });
    expect(await p.deliver({ ...chatter, messageId: 'cmd', text: '查询' })).toEqual([expect.stringMatching(/^linli: 您好，我是邻里。本群还没有关联小区/)]);
    await waitForEmpty(p.factory.queue(JOBS_QUEUE), 10_000);
    const after = await p.t.db.selectFrom('chat_groups').select('title').where('chat_id', '=', 'room-42').executeTakeFirstOrThrow();
    expect(after.title).toBe('幸福里3栋业主群');
  });
});
