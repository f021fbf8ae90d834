import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPipeline, type Pipeline } from './support/pipeline.js';

const rooms = (reply: string[]) => reply.join('\n').match(/\d+-\d+-\d+(?=\()/g) ?? [];
const months = (reply: string[]) => [...reply.join('\n').matchAll(/\d+-\d+-\d+\((\d+)月\)/g)].map((m) => Number(m[1]));

// 欠费名单 with filters through the real pipeline: what 刘雅玲 (zone 3, buildings 7–9) sees.
describe('arrears filters', () => {
  let p: Pipeline;
  beforeAll(async () => {
    p = await startPipeline('arrears_filters', 'redis', { env: { LINLI_FLOOD_BURST: '1000' } });
  }, 120_000);
  afterAll(() => p.close());

  it('欠费名单 8栋 lists only building 8; 8栋2单元 only that unit; 八栋 and /unpaid building 8 the same', async () => {
    const all = await p.say('刘雅玲', '欠费名单');
    expect(new Set(rooms(all).map((r) => r.split('-')[0]))).toEqual(new Set(['7', '8', '9']));
    const eight = await p.say('刘雅玲', '欠费名单 8栋');
    expect(rooms(eight).length).toBeGreaterThan(0);
    expect(rooms(eight).every((r) => r.startsWith('8-'))).toBe(true);
    expect(rooms(eight)).toEqual(rooms(all).filter((r) => r.startsWith('8-')));
    expect(rooms(await p.say('刘雅玲', '欠费名单 八栋'))).toEqual(rooms(eight));
    const unit = await p.say('刘雅玲', '欠费名单 8栋2单元');
    expect(unit[0]).toMatch(/8栋2单元/);
    expect(rooms(unit)).toEqual(rooms(eight).filter((r) => r.startsWith('8-2-')));
    expect(rooms(await p.say('刘雅玲', '/unpaid building 8 unit 2'))).toEqual(rooms(unit));
  });

  it('欠3个月以上 keeps only households owing that many months or more, and combines with a building', async () => {
    const all = await p.say('刘雅玲', '欠费名单 8栋');
    const threshold = Math.max(...months(all));
    const deep = await p.say('刘雅玲', `欠费名单 8栋 欠${threshold}个月以上`);
    expect(deep[0]).toMatch(new RegExp(`欠${threshold}个月及以上`));
    expect(months(deep).length).toBeGreaterThan(0);
    expect(months(deep).every((m) => m >= threshold)).toBe(true);
    expect(rooms(deep).length).toBeLessThan(rooms(all).length);
    expect(rooms(await p.say('刘雅玲', `/unpaid building 8 months ${threshold}`))).toEqual(rooms(deep));
  });

  it('refuses a building outside her zone, names the buildings for one that does not exist, and hints when unread', async () => {
    expect(await p.say('刘雅玲', '欠费名单 3栋')).toEqual(['linli: 3栋不在您负责的网格内。']);
    expect(await p.say('刘雅玲', '欠费名单 88栋')).toEqual(['linli: 没有88栋。您负责的楼栋是：7、8、9。']);
    expect((await p.say('刘雅玲', '欠费名单 随便看看'))[0]).toMatch(/^linli: 没看懂要筛选什么。可以这样写：欠费名单 8栋/);
    // Residents still cannot see the list, filter or not.
    expect(await p.say('路人甲', '欠费名单 8栋')).toEqual(['linli: 这个操作只有网格员或社区工作人员可以做。']);
  });
});
