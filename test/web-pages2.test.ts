import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { castBallots } from '../src/council/ballots.js';
import { openVote } from '../src/council/open-vote.js';
import { countVote } from '../src/council/vote-count.js';
import type { WebServer } from '../src/web/start-web.js';
import type { Pipeline } from './support/pipeline.js';
import { roomsInLedger } from './support/ledger-file.js';
import { signIn as signInAt, startWebPipeline, type WebPipeline } from './support/web.js';

let wp: WebPipeline;
let p: Pipeline;
let web: WebServer;

/** Sign in over plain HTTP with a one-time link asked for privately; returns a GET that carries the session. */
async function signIn(name: string) {
  return (await signInAt(p, web.url, name)).get;
}


beforeAll(async () => {
  wp = await startWebPipeline(`web_pages2_${process.pid}`);
  ({ p, web } = wp);
}, 120_000);
afterAll(() => wp?.close());

describe('the ledger export on the web', () => {
  it('gives a grid worker her zone’s 台账 as an xlsx, an admin the estate, and nobody without a session', async () => {
    expect((await fetch(`${web.url}/export/ledger.xlsx`)).status).toBe(401);
    const liu = await signIn('刘雅玲');
    expect(await (await liu('/ledger')).text()).toContain('action="/export/ledger.xlsx"');
    const res = await liu('/export/ledger.xlsx');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; .*filename\*=UTF-8''.*\.xlsx$/);
    const bytes = await res.arrayBuffer();
    expect(Buffer.from(bytes).subarray(0, 2).toString('latin1')).toBe('PK');
    // Zone 3 is buildings 7–9.
    const zone = await roomsInLedger(bytes);
    expect(zone.has('8-2-301')).toBe(true);
    expect([...zone].every((room) => ['7', '8', '9'].includes(room.split('-')[0]))).toBe(true);
    // Another zone is not hers.
    const other = (await p.t.db.selectFrom('zones').select('id').where('code', '=', '1').executeTakeFirstOrThrow()).id;
    expect((await liu(`/export/ledger.xlsx?zone=${other}`)).status).toBe(403);

    const admin = await signIn('戴红霞');
    const estate = await roomsInLedger(await (await admin('/export/ledger.xlsx')).arrayBuffer());
    const total = await p.t.db.selectFrom('households').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(estate.size).toBe(Number(total.n));
  }, 90_000);
});

describe('the notices archive', () => {
  it('lists the weekly notices posted to the staff member’s groups, newest first, with their text', async () => {
    const db = p.t.db;
    const estateId = (await db.selectFrom('estates').select('id').executeTakeFirstOrThrow()).id;
    const zones = await db.selectFrom('zones').select(['id', 'code']).execute();
    const zone = (code: string) => zones.find((z) => z.code === code)!.id;
    /** A group of the given zone with a weekly notice posted for each week given (text names the week). */
    const post = async (chatId: string, zoneId: number, weeks: [string, Date][]) => {
      const g = await db.insertInto('chat_groups').values({ platform: 'console', chat_id: chatId, title: null, estate_id: estateId, zone_id: zoneId, building_id: null, unlinked_notice_at: null }).returning('id').executeTakeFirstOrThrow();
      for (const [week, slot] of weeks) {
        const key = `web-pages2-${chatId}-${week}`;
        await db.insertInto('outbox').values({ key, platform: 'console', chat_id: chatId, text: `公示 ${chatId} ${week}\n收缴率 80%`, mentions: JSON.stringify([]), created_at: slot }).execute();
        await db.insertInto('posted_notices').values({ group_id: g.id, week, slot, outbox_key: key, created_at: slot }).execute();
      }
    };
    await post('g-zone3', zone('3'), [['2026-W47', new Date('2026-11-22T12:00:00Z')], ['2026-W48', new Date('2026-11-29T12:00:00Z')]]);
    await post('g-zone1', zone('1'), [['2026-W48', new Date('2026-11-29T12:00:00Z')]]);

    expect((await fetch(`${web.url}/notices`)).status).toBe(401);
    const liu = await signIn('刘雅玲');
    expect(await (await liu('/')).text()).toContain('href="/notices"');
    const mine = await (await liu('/notices')).text();
    const newer = mine.indexOf('公示 g-zone3 2026-W48');
    const older = mine.indexOf('公示 g-zone3 2026-W47');
    expect(newer).toBeGreaterThan(-1);
    expect(older).toBeGreaterThan(newer);
    expect(mine).toContain('收缴率 80%');
    // Another zone's group is not hers; an admin sees every group's.
    expect(mine).not.toContain('g-zone1');
    const all = await (await (await signIn('戴红霞'))('/notices')).text();
    expect(all).toContain('公示 g-zone1 2026-W48');
    expect(all).toContain('公示 g-zone3 2026-W47');
  }, 90_000);
});

describe('the votes page', () => {
  it('shows an open owners’ decision’s live turnout by persons and by area against two thirds, as the council counts it', async () => {
    const db = p.t.db;
    const now = p.clock.now();
    const estateId = (await db.selectFrom('estates').select('id').executeTakeFirstOrThrow()).id;
    const building = await db.selectFrom('buildings').select('id').where('code', '=', '8').where('estate_id', '=', estateId).executeTakeFirstOrThrow();
    await db.updateTable('households').set({ floor_area: 10_000 }).where('building_id', '=', building.id).where('floor_area', 'is', null).execute();
    const memberId = (await db.selectFrom('members').select('id').executeTakeFirstOrThrow()).id;
    const opened = await db.transaction().execute((tx) =>
      openVote(tx, { estateId, kind: 'decision', matter: 'ordinary', title: '更换电梯', options: [], secret: false, buildingIds: [building.id], deadline: new Date(now.getTime() + 7 * 86_400_000), createdBy: memberId, platform: 'console', chatId: 'g-vote', sourceKey: 'web-pages2-vote', proposalId: null }, now),
    );
    if (!opened.ok) throw new Error(JSON.stringify(opened));
    const vote = await db.selectFrom('votes').selectAll().where('id', '=', opened.voteId).executeTakeFirstOrThrow();

    expect((await fetch(`${web.url}/votes`)).status).toBe(401);
    const liu = await signIn('刘雅玲');
    expect(await (await liu('/')).text()).toContain('href="/votes"');
    const before = await (await liu('/votes')).text();
    expect(before).toContain(`V${vote.id} 更换电梯`);
    expect(before).toContain(`0 / ${opened.persons}`);
    expect(before.match(/未达到/g)).toHaveLength(2);

    // Every household of the building votes: both thresholds are reached, with the council's own figures.
    const households = await db.selectFrom('households').select('id').where('building_id', '=', building.id).execute();
    await db.transaction().execute((tx) => castBallots(tx, { voteId: vote.id, householdIds: households.map((h) => h.id), choice: 'yes', channel: 'paper', memberId, photoFileId: null, sourceKey: 'web-pages2-ballots', at: now }));
    const after = await (await liu('/votes')).text();
    const count = await countVote(db, vote, p.clock.now());
    if (count.kind !== 'decision') throw new Error('not a decision');
    expect(after).toContain(`${count.count.participating.persons} / ${count.count.total.persons}`);
    expect(count.count.quorum.met).toBe(true);
    expect(after.match(/已达到/g)).toHaveLength(2);
    expect(after).not.toContain('未达到');
  }, 90_000);
});

describe('the work page', () => {
  it('shows this month’s patrol hours: every grid worker’s to an admin, her own to a grid worker', async () => {
    const db = p.t.db;
    const now = p.clock.now();
    const estateId = (await db.selectFrom('estates').select('id').executeTakeFirstOrThrow()).id;
    const patrol = async (name: string, minutes: number, key: string) => {
      const m = await db.selectFrom('members').select('id').where('display_name', '=', name).executeTakeFirstOrThrow();
      await db.insertInto('patrols').values({ estate_id: estateId, member_id: m.id, zone_id: null, started_at: new Date(now.getTime() - (minutes + 1) * 60_000), ended_at: new Date(now.getTime() - 60_000), origin_platform: 'console', origin_chat_id: 'dm', source_key: key }).execute();
    };
    await patrol('刘雅玲', 95, 'web-pages2-patrol-liu');
    await patrol('王建国', 40, 'web-pages2-patrol-wang');
    expect((await fetch(`${web.url}/work`)).status).toBe(401);
    const all = await (await (await signIn('戴红霞'))('/work')).text();
    expect(all).toContain('1:35');
    expect(all).toContain('0:40');
    const own = await (await (await signIn('刘雅玲'))('/work')).text();
    expect(own).toContain('1:35');
    expect(own).not.toContain('王建国');
  }, 90_000);
});

describe('the tickets page’s filters', () => {
  it('filters by status (open, overdue, all), zone and category, within the staff member’s reach', async () => {
    const db = p.t.db;
    const ref = (lines: string[]) => /工单 (T\d+)/.exec(lines.join('\n'))?.[1] ?? '';
    const clutter = ref(await p.say('向大叔', '投诉 8栋楼道堆放杂物'));
    const leak = ref(await p.say('向大叔', '投诉 8栋地下室漏水'));
    const far = ref(await p.say('向大叔', '投诉 1栋路灯不亮'));
    expect([clutter, leak, far].every((r) => /^T\d+$/.test(r))).toBe(true);
    const ticket = (r: string) => db.selectFrom('tickets').select(['id', 'zone_id', 'category']).where('id', '=', Number(r.slice(1))).executeTakeFirstOrThrow();
    const [c, l, f] = [await ticket(clutter), await ticket(leak), await ticket(far)];
    expect(c.zone_id).not.toBe(f.zone_id);
    expect([c.category, l.category, f.category]).toEqual(['clutter', 'leak_drain', 'lighting_wiring']);
    // The leak is past its time to be accepted; the clutter is done.
    await db.updateTable('tickets').set({ accept_due_at: new Date(p.clock.now().getTime() - 3_600_000) }).where('id', '=', l.id).execute();
    await db.updateTable('tickets').set({ status: 'resolved' }).where('id', '=', c.id).execute();
    const refs = (page: string) => [...page.matchAll(/<a href="\/tickets\/(T\d+)">/g)].map((m) => m[1]).filter((r) => [clutter, leak, far].includes(r)).sort();

    const admin = await signIn('戴红霞');
    const page = await (await admin('/tickets')).text();
    expect(refs(page)).toEqual([leak, far].sort());
    expect(page).toContain('<option value="overdue" >已超时</option>');
    expect(page).toContain('<option value="leak_drain" >');
    expect(page).toContain('name="zone"');
    expect(refs(await (await admin('/tickets?status=overdue')).text())).toEqual([leak]);
    expect(refs(await (await admin('/tickets?status=all')).text())).toEqual([clutter, leak, far].sort());
    expect(refs(await (await admin('/tickets?all=1')).text())).toEqual([clutter, leak, far].sort());
    expect(refs(await (await admin(`/tickets?status=all&zone=${f.zone_id}`)).text())).toEqual([far]);
    expect(refs(await (await admin('/tickets?status=all&category=leak_drain')).text())).toEqual([leak]);
    expect(refs(await (await admin('/tickets?category=clutter')).text())).toEqual([]);
    // A bad value is ignored, not an error.
    expect(refs(await (await admin('/tickets?status=nope&category=nope&zone=x')).text())).toEqual([leak, far].sort());

    // A grid worker: her zone only, whatever the query asks.
    const liu = await signIn('刘雅玲');
    const hers = await (await liu('/tickets?status=all')).text();
    expect(refs(hers)).toEqual([clutter, leak].sort());
    expect(hers).not.toContain('name="zone"');
    expect(refs(await (await liu(`/tickets?status=all&zone=${f.zone_id}`)).text())).toEqual([]);
    expect(refs(await (await liu('/tickets?status=all&category=lighting_wiring')).text())).toEqual([]);
  }, 90_000);
});
