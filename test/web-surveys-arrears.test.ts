import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEstatesCommand } from '../src/cli/estates-command.js';
import { DEMO_ESTATE_CODE } from '../src/demo/seed-demo-estate.js';
import type { WebServer } from '../src/web/start-web.js';
import type { Pipeline } from './support/pipeline.js';
import { signIn as signInAt, startWebPipeline, type WebPipeline } from './support/web.js';

let wp: WebPipeline;
let p: Pipeline;
let web: WebServer;

/** Sign in over plain HTTP with a link asked for privately; returns a GET that carries the session. */
async function signIn(name: string) {
  const staff = await signInAt(p, web.url, name);
  return async (to: string) => {
    const r = await staff.get(to);
    return { status: r.status, text: await r.text() };
  };
}

/** Room codes of the ledger page's table, in order. */
const roomsOf = (page: string) => [...page.matchAll(/<td><a href="\/ledger\/[^"]+">([^<]+)<\/a><\/td>/g)].map((m) => m[1]);
/** The owed months shown for a room ('—' is 0). */
const owedOf = (page: string, room: string) => {
  const row = new RegExp(`>${room}</a></td><td>[^<]*</td><td>[^<]*</td><td[^>]*>([^<]*)</td>`).exec(page)?.[1] ?? '';
  return row === '—' ? 0 : Number(/^(\d+)个月/.exec(row)?.[1]);
};

beforeAll(async () => {
  wp = await startWebPipeline(`web_surveys_${process.pid}`);
  ({ p, web } = wp);
}, 120_000);
afterAll(() => wp?.close());

describe('survey results on the web', () => {
  it('shows each question’s results to the staff of the survey’s scope, comments masked, no names or rooms', async () => {
    expect((await p.say('戴红霞', '新建问卷 12月满意度 1.环境卫生 2.维修及时 3.最需要改进[保洁/维修/保安] 意见：其他建议 截止12-15 范围第三片区'))[0]).toMatch(/已发布问卷 S1/);
    expect((await p.say('戴红霞', '新建问卷 一片区停车 1.停车秩序 截止12-15 范围第一片区'))[0]).toMatch(/已发布问卷 S2/);
    await p.say('向大叔', '绑定 8-2-301');
    const bind = await p.t.db.selectFrom('bindings').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow();
    await p.say('刘雅玲', `确认 B${bind.id}`);
    expect(await p.say('向大叔', '问卷 S1 4 2 2 楼道灯修好了，电话13812345678，我住8-2-301')).toEqual(['linli: 已收到您对问卷 S1 的回答，谢谢！截止前可重新发送修改。']);
    await p.say('刘雅玲', '问卷 S1 9-1-101 5 5 1');

    expect((await fetch(`${web.url}/surveys`)).status).toBe(401);
    const liu = await signIn('刘雅玲');
    expect((await liu('/')).text).toContain('href="/surveys"');
    const page = (await liu('/surveys')).text;
    expect(page).toContain('S1《12月满意度》');
    expect(page).toContain('已答 2 / ');
    // The survey's own figures: (4+5)/2 and (2+5)/2, choices counted; the score is their mean.
    expect(page).toContain('1. 环境卫生</td><td>平均 4.50 分');
    expect(page).toContain('2. 维修及时</td><td>平均 3.50 分');
    expect(page).toContain('保洁：1');
    expect(page).toContain('维修：1');
    expect(page).toContain('满意度：4.00 分');
    // The comment, without the phone or the room, and nobody's name by any answer.
    expect(page).toContain('楼道灯修好了');
    expect(page).not.toMatch(/13812345678|8-2-301|9-1-101|向大叔/);
    // Zone 1's survey is not hers; an admin sees both.
    expect(page).not.toContain('一片区停车');
    const all = (await (await signIn('戴红霞'))('/surveys')).text;
    expect(all).toContain('S2《一片区停车》');
    expect(all).toContain('S1《12月满意度》');
    expect(all.indexOf('S2《')).toBeLessThan(all.indexOf('S1《'));
  }, 90_000);
});

describe('arrears filters on the web ledger', () => {
  it('narrows by building, unit and months owed, from the fields or from the chat’s own words', async () => {
    const liu = await signIn('刘雅玲');
    const building = roomsOf((await liu('/ledger?building=8')).text);
    expect(building.length).toBeGreaterThan(4);
    expect(building.every((r) => r.startsWith('8-'))).toBe(true);
    const unit = roomsOf((await liu('/ledger?building=8&unit=2')).text);
    expect(unit.length).toBeGreaterThan(0);
    expect(unit.every((r) => r.startsWith('8-2-'))).toBe(true);
    expect(unit.length).toBeLessThan(building.length);

    // 欠3个月以上: exactly the rooms of the unit owing three months or more.
    const unitPage = (await liu('/ledger?building=8&unit=2')).text;
    const owing3 = unit.filter((r) => owedOf(unitPage, r) >= 3);
    expect(owing3.length).toBeGreaterThan(0);
    expect(owing3.length).toBeLessThan(unit.length);
    expect(roomsOf((await liu('/ledger?building=8&unit=2&months=3')).text)).toEqual(owing3);
    // The same filter typed as in the chat's 欠费名单.
    const typed = (await liu(`/ledger?room=${encodeURIComponent('8栋2单元 欠3个月以上')}`)).text;
    expect(roomsOf(typed)).toEqual(owing3);
    expect(typed).toContain('value="3"');
    // …and the very rooms the chat's 欠费名单 lists for the same words.
    const chat = (await p.say('刘雅玲', '欠费名单 8栋2单元 欠3个月以上')).join('\n');
    expect([...chat.matchAll(/(8-2-\d+)\(\d+月\)/g)].map((m) => m[1])).toEqual(owing3);
    // A room typed the chat's way is still a room search.
    expect(roomsOf((await liu(`/ledger?room=${encodeURIComponent('8栋2单元301')}`)).text)).toEqual(['8-2-301']);
    // A building out of her reach narrows to nothing, never widens.
    expect(roomsOf((await liu(`/ledger?room=${encodeURIComponent('1栋 欠1个月以上')}`)).text)).toEqual([]);
  }, 90_000);
  it('shows a household\'s account on every plan it pays, each ledger row\'s plan, and who is bound to it', async () => {
    const code: string[] = [];
    expect(await runEstatesCommand(['fee', DEMO_ESTATE_CODE, '物业费', '1.2', '--from', '2026-10', '--per-m2', '--buildings', '8'], p.t.db, (l) => code.push(l))).toBe(0);
    await p.t.db.updateTable('households').set({ floor_area: 8635 }).where('room_code', '=', '8-2-301').execute();
    await p.say('向大叔', '绑定 8-2-301');
    const bound = await p.t.db.selectFrom('bindings as bi').innerJoin('households as h', 'h.id', 'bi.household_id').select(['bi.id', 'bi.status']).where('h.room_code', '=', '8-2-301').orderBy('bi.id', 'desc').executeTakeFirstOrThrow();
    const b = `B${bound.id}`;
    if (bound.status === 'pending') await p.say('刘雅玲', `确认 ${b}`);
    await p.say('刘雅玲', '收费 8-2-301 物业费 207.24');
    const page = (await (await signIn('刘雅玲'))('/ledger/8-2-301')).text;
    // 1.20元/m² × 86.35 m² = 103.62元 a month, from October: two months paid, through November.
    expect(page).toMatch(/<strong>物业费<\/strong> · 交到: <strong>2026年11月<\/strong>/);
    expect(page).toContain('<strong>卫生费</strong>');
    expect(page).toMatch(/物业费 · 207\.24元 · 2个月/);
    expect(page).toContain(`<td>${b}</td>`);
    expect(page).toContain('<td>已确认</td><td>向大叔</td>');
    expect(page).toContain('肖明平'); // the roster's name, to the zone's own grid worker
  }, 90_000);
});
