import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInviteCommand } from '../src/cli/invite-command.js';
import { parseCommand } from '../src/commands/parse.js';
import { startPipeline, type Pipeline } from './support/pipeline.js';

describe('invitations', () => {
  let p: Pipeline;
  const invite = async (...args: string[]) => {
    const lines: string[] = [];
    const code = await runInviteCommand(args, p.t.db, (l) => lines.push(l), p.clock.now());
    expect(code).toBe(0);
    return /: ([A-Z0-9]{8})$/.exec(lines[0])![1];
  };
  beforeAll(async () => {
    p = await startPipeline('invitations', 'redis');
  });
  afterAll(() => p.close());

  it('parse as claims, with or without a code', () => {
    expect(parseCommand('邀请码 k7p2q9mx')).toMatchObject({ intent: 'claim', text: 'K7P2Q9MX' });
    expect(parseCommand('/claim@linli_bot K7P2Q9MX')).toMatchObject({ intent: 'claim', text: 'K7P2Q9MX' });
    expect(parseCommand('邀请码')).toMatchObject({ intent: 'claim', error: 'code_required' });
    expect(parseCommand('邀请码是什么')).toMatchObject({ intent: 'none' });
  });

  it('give a role to whoever sends the code, once', async () => {
    const code = await invite('juxinyuan', '--role', 'grid_worker', '--zone', '3');
    expect(await p.say('小王', '收费 8-1-101 5')).toEqual(['linli: 这个操作只有网格员或社区工作人员可以做。']);
    expect(await p.say('小王', `邀请码 ${code}`)).toEqual(['linli: 欢迎！您已成为聚心苑第三片区的网格员。发“帮助”查看可以做的事。']);
    expect((await p.say('小王', '收费 8-1-101 5'))[0]).toMatch(/^linli: 已收费 P\d+：8-1-101 5元（1个月）/);
    // The same code again, by someone else: nothing.
    expect(await p.say('路人丙', `邀请码 ${code}`)).toEqual(['linli: 这个邀请码无效、已用过或已过期。请向社区管理员要一个新的。']);
    expect(await p.say('路人丙', '收费 8-1-101 5')).toEqual(['linli: 这个操作只有网格员或社区工作人员可以做。']);
    const audit = await p.t.db.selectFrom('audit_log').select('action').where('action', 'like', 'invitation.%').execute();
    expect(audit).toEqual([{ action: 'invitation.role' }]);
  });

  it('link the group the code is sent in, narrowed to a building', async () => {
    const room = (who: string, text: string, id: string) => ({ ...p.message(who, text), chatId: 'room-8', messageId: id });
    expect(await p.deliver(room('张三', '查询', 'a1'))).toEqual([expect.stringMatching(/本群还没有关联小区/)]);
    const code = await invite('juxinyuan', '--group', '--building', '8');
    // Sent privately, a group code does nothing and stays usable.
    expect(await p.deliver({ ...p.message('张三', `邀请码 ${code}`), isPrivate: true, chatId: 'c-zhangsan' })).toEqual(['linli: 这是关联群的邀请码，请在要关联的群里发送。']);
    expect(await p.deliver(room('张三', `邀请码 ${code}`, 'a2'))).toEqual(['linli: 本群已关联到聚心苑8栋。居民可以发“绑定 房号”开始使用，发“帮助”查看全部功能。']);
    const list = await p.deliver(room('刘雅玲', '欠费名单', 'a3'));
    expect(list[0]).toMatch(/^linli: 聚心苑8栋欠费名单：/);
    expect(list.join('\n')).not.toMatch(/\b7-\d-\d{3}\(/);
  });

  it('expire', async () => {
    const code = await invite('juxinyuan', '--role', 'admin', '--days', '1');
    p.clock.advance(25 * 3600 * 1000);
    expect(await p.say('老李', `邀请码 ${code}`)).toEqual(['linli: 这个邀请码无效、已用过或已过期。请向社区管理员要一个新的。']);
  });

  it('refuse bad requests at the command line', async () => {
    const lines: string[] = [];
    expect(await runInviteCommand(['juxinyuan', '--role', 'grid_worker'], p.t.db, (l) => lines.push(l))).toBe(2);
    expect(await runInviteCommand(['nowhere', '--role', 'admin'], p.t.db, (l) => lines.push(l))).toBe(2);
    expect(lines.join('\n')).toMatch(/needs --zone[\s\S]*no estate with code "nowhere"/);
  });

  it('take a scope only where the role has one: every role × scope flag', async () => {
    const scopes: Record<string, string[]> = { none: [], zone: ['--zone', '3'], building: ['--building', '8'], both: ['--zone', '3', '--building', '8'] };
    const roles: Record<string, string[]> = { grid_worker: ['--role', 'grid_worker'], head: ['--role', 'head'], admin: ['--role', 'admin'], group: ['--group'] };
    const notBoth = 'give --zone or --building, not both';
    // [exit code, first line]; a scope that contradicts the role is refused in exactly one line.
    const expected: Record<string, Record<string, [number, string | RegExp]>> = {
      grid_worker: { none: [2, 'a grid worker needs --zone'], zone: [0, /^invitation \(grid_worker of 聚心苑 第三片区\)/], building: [2, 'a grid worker serves a zone: give --zone, not --building'], both: [2, notBoth] },
      head: { none: [2, 'a building head needs --building'], zone: [2, 'a building head serves a building: give --building, not --zone'], building: [0, /^invitation \(head of 聚心苑 8栋\)/], both: [2, notBoth] },
      admin: { none: [0, /^invitation \(admin of 聚心苑\)/], zone: [2, 'an admin is estate-wide: drop --zone (for one zone, invite a grid worker)'], building: [2, 'an admin is estate-wide: drop --building (for one zone, invite a grid worker)'], both: [2, notBoth] },
      group: { none: [0, /^invitation \(link a group to 聚心苑\)/], zone: [0, /^invitation \(link a group to 聚心苑 第三片区\)/], building: [0, /^invitation \(link a group to 聚心苑 8栋\)/], both: [2, notBoth] },
    };
    const rows = async () => (await p.t.db.selectFrom('invitations').select('id').execute()).length;
    for (const [role, roleArgs] of Object.entries(roles)) {
      for (const [scope, scopeArgs] of Object.entries(scopes)) {
        const lines: string[] = [];
        const before = await rows();
        const code = await runInviteCommand(['juxinyuan', ...roleArgs, ...scopeArgs], p.t.db, (l) => lines.push(...l.split('\n')), p.clock.now());
        const [wantCode, wantFirst] = expected[role][scope];
        expect({ role, scope, code }).toEqual({ role, scope, code: wantCode });
        if (typeof wantFirst === 'string') expect(lines[0]).toBe(wantFirst);
        else expect(lines[0]).toMatch(wantFirst);
        // A refused scope/role mismatch is one line; a missing flag adds the usage.
        if (code === 2 && /serves|estate-wide|not both/.test(lines[0])) expect(lines).toHaveLength(1);
        expect(await rows()).toBe(before + (code === 0 ? 1 : 0));
      }
    }
  });
});
