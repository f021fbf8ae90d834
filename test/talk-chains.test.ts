import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPipeline, type Pipeline } from './support/pipeline.js';

// 接龙 chains (issue 11 item 8): WeChat reposts the whole list each time a member adds a line;
// only the lines a post adds count, as its poster's claims; a staff member's list is held until
// 确认收费. Real console adapter, Redis and Postgres.

const T = 120_000;
const refOf = (line: string | undefined, kind: string) => new RegExp(`${kind}\\d+`).exec(line ?? '')?.[0] ?? '';
const chain = (header: string, lines: string[]) => [header, '', ...lines.map((l, i) => `${i + 1}. ${l}`)].join('\n');

describe('接龙 chains', () => {
  let p: Pipeline;
  const bind = async (who: string, room: string) => {
    const b = refOf((await p.say(who, `绑定 ${room}`))[0], 'B');
    await p.say('刘雅玲', `确认 ${b}`);
  };
  const claims = async (room: string) =>
    (
      await p.t.db
        .selectFrom('payments as p')
        .innerJoin('households as h', 'h.id', 'p.household_id')
        .select(['p.id', 'p.kind'])
        .where('h.room_code', '=', room)
        .where('p.method', '=', '接龙')
        .execute()
    ).length;
  const payments = async () => Number((await p.t.db.selectFrom('payments').select((e) => e.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    p = await startPipeline('talk-chains', 'redis');
    await bind('向大叔', '8-2-301');
    await bind('张奶奶', '8-2-302');
    await bind('李爷爷', '8-2-201');
    await bind('王阿姨', '8-2-202');
  }, 180_000);
  afterAll(() => p.close());

  const H = '#接龙 卫生费已交';

  it('counts a one-line chain as its poster\'s claim, and never again when reposted', async () => {
    const first = await p.say('向大叔', chain(H, ['8-2-301 60元']));
    expect(first).toEqual([expect.stringMatching(/^linli: 已登记 P\d+：8-2-301 交 60元（12个月），等网格员确认后入账。$/)]);
    const before = await payments();
    expect(await p.say('向大叔', chain(H, ['8-2-301 60元']))).toEqual([]);
    expect(await payments()).toBe(before);
  }, T);

  it('counts only the line a member adds; a line for a household not bound to them is refused', async () => {
    const said = await p.say('张奶奶', chain(H, ['8-2-301 60元', '8-2-302 30元', '8-1-102 60元']));
    expect(said).toEqual([
      expect.stringMatching(/^linli: 已登记 P\d+：8-2-302 交 30元（6个月），等网格员确认后入账。$/),
      '您没有绑定 8-1-102，只能为自己绑定的房号登记缴费。',
    ]);
    expect(await claims('8-2-301')).toBe(1);
    expect(await claims('8-1-102')).toBe(0);
  }, T);

  it('does not count an edited line again', async () => {
    const before = await payments();
    expect(await p.say('向大叔', chain(H, ['8-2-301 60元 已微信转给王姐', '8-2-302 30元', '8-1-102 60元']))).toEqual([
      'linli: 8-2-301 在这条接龙里已经登记过了，没有重复计入。',
    ]);
    expect(await payments()).toBe(before);
  }, T);

  it('counts two members adding at once, each their own line, once', async () => {
    const base = ['8-2-301 60元', '8-2-302 30元', '8-1-102 60元'];
    await Promise.all([
      p.deliver(p.message('李爷爷', chain(H, [...base, '8-2-201 60元']))),
      p.deliver(p.message('王阿姨', chain(H, [...base, '8-2-202 60元']))),
    ]);
    // Each then reposts the list with both lines: nothing more is counted.
    const both = [...base, '8-2-201 60元', '8-2-202 60元'];
    expect(await p.say('李爷爷', chain(H, both))).toEqual([]);
    expect(await p.say('王阿姨', chain(H, both))).toEqual([]);
    expect([await claims('8-2-201'), await claims('8-2-202'), await claims('8-2-301'), await claims('8-2-302')]).toEqual([1, 1, 1, 1]);
  }, T);

  it('holds a staff member\'s 30-line chain until 确认收费, then books it through the batch collection', async () => {
    const rooms = [...Array.from({ length: 18 }, (_, i) => `7-1-${Math.floor(i / 3) + 1}0${(i % 3) + 1}`), ...Array.from({ length: 12 }, (_, i) => `7-2-${Math.floor(i / 3) + 1}0${(i % 3) + 1}`)];
    const before = await payments();
    const held = await p.say('刘雅玲', chain('#接龙 7栋卫生费（上门收）', rooms.map((r) => `${r} 60元`)));
    expect(held[0]).toBe('linli: 接龙里有 30 户新的缴费：');
    expect(held[1]).toBe('7-1-101 60元（12个月）');
    expect(held).toContain('网格员收了钱的，回复“确认收费”记为收费（30分钟内有效）；不回复则不入账。');
    expect(await payments()).toBe(before);
    const booked = (await p.say('刘雅玲', '确认收费')).filter((l) => /已记录|P\d+/.test(l));
    expect(booked.length).toBeGreaterThanOrEqual(30);
    expect(await payments()).toBe(before + 30);
    expect(await p.say('刘雅玲', '确认收费')).toEqual([expect.stringMatching(/^linli: /)]);
    expect(await payments()).toBe(before + 30);
  }, T);

  it('lists a staff member\'s lines again when they were never confirmed, so they are not lost to the chain', async () => {
    const before = await payments();
    const first = await p.say('刘雅玲', chain('#接龙 9栋卫生费（上门收）', ['9-1-101 60元', '9-1-102 60元']));
    expect(first[0]).toBe('linli: 接龙里有 2 户新的缴费：');
    // Never confirmed; 40 minutes later the list is posted again with one more line.
    p.clock.advance(40 * 60_000);
    const again = await p.say('刘雅玲', chain('#接龙 9栋卫生费（上门收）', ['9-1-101 60元', '9-1-102 60元', '9-1-103 60元']));
    expect(again[0]).toBe('linli: 接龙里有 3 户新的缴费（其中 2 户是之前列出、还没有确认收费的）：');
    expect(again.slice(1, 4).sort()).toEqual(['9-1-101 60元（12个月）', '9-1-102 60元（12个月）', '9-1-103 60元（12个月）']);
    await p.say('刘雅玲', '确认收费');
    expect(await payments()).toBe(before + 3);
    // Booked: a repost lists nothing again, and a second 确认收费 books nothing.
    expect(await p.say('刘雅玲', chain('#接龙 9栋卫生费（上门收）', ['9-1-101 60元', '9-1-102 60元', '9-1-103 60元']))).toEqual([]);
    p.clock.advance(40 * 60_000);
    expect(await p.say('刘雅玲', chain('#接龙 9栋卫生费（上门收）', ['9-1-101 60元', '9-1-102 60元', '9-1-103 60元']))).toEqual([]);
    expect(await payments()).toBe(before + 3);
  }, T);

  it('reads a 300-line chain and counts only the one line a resident adds to it', async () => {
    const rows = await p.t.db.selectFrom('households').select('room_code').where('room_code', 'not like', '8-2-%').orderBy('id').limit(299).execute();
    const lines = rows.map((r) => `${r.room_code} 60元`);
    const header = '#接龙 全小区卫生费';
    // The community admin started it with 299 households (held, not booked: no 确认收费).
    const held = await p.say('戴红霞', chain(header, lines));
    expect(held[0]).toBe('linli: 接龙里有 299 户新的缴费：');
    const before = await payments();
    expect(await p.say('向大叔', chain(header, [...lines, '8-2-301 5元']))).toEqual([
      expect.stringMatching(/^linli: 已登记 P\d+：8-2-301 交 5元（1个月），等网格员确认后入账。$/),
    ]);
    expect(await payments()).toBe(before + 1);
    const sizes = await p.t.db.selectFrom('chain_lines').select((e) => e.fn.countAll<string>().as('n')).groupBy('chain_key').execute();
    expect(Math.max(...sizes.map((r) => Number(r.n)))).toBe(300);
  }, T);
});
