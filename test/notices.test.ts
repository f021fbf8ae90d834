import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { postWeeklyNotice } from '../jobs/post-weekly-notice.js';
import { postNoticeNow } from '../jobs/post-notice-now.js';
import { dailyTally, tallyNow } from '../jobs/daily-tally.js';
import { urgeArrears } from '../jobs/urge-arrears.js';
import { noticeSlot, weekKey } from '../src/notices/week.js';
import { clearDatabase, initTestDb, type TestDb } from './support/db.js';
import { ROSTER, commandJob, pay, recordingDeps, seedFixture, type Fixture } from './support/notices-fixture.js';

// Sunday 22 Nov 2026, 20:00 in Shanghai: the default weekly slot.
const SLOT = new Date('2026-11-22T12:00:00Z');
const H = 3_600_000;

let t: TestDb;
let f: Fixture;

async function ledger() {
  await pay(t.db, f, '1-1-101', 3000, new Date('2026-10-10T11:00:00Z'));
  await pay(t.db, f, '1-1-102', 1500, new Date('2026-11-17T11:30:00Z'));
  await pay(t.db, f, '2-1-101', 1000, new Date('2026-11-14T02:00:00Z'), { decision: 'confirmed', at: new Date('2026-11-18T03:00:00Z') });
  await pay(t.db, f, '2-1-102', 1500, new Date('2026-11-19T02:00:00Z'), { decision: 'rejected', at: new Date('2026-11-19T05:00:00Z') });
  await pay(t.db, f, '3-101', 500, new Date('2026-11-20T12:30:00Z'));
  await pay(t.db, f, '3-102', 500, new Date('2026-11-19T02:00:00Z'), 'pending');
}

async function outbox(prefix = 'notice-') {
  return t.db.selectFrom('outbox').select(['key', 'chat_id', 'text', 'mentions']).where('key', 'like', `${prefix}%`).orderBy('id').execute();
}

function assertNoPersonalData(text: string) {
  for (const r of ROSTER) {
    expect(text).not.toContain(r.name);
    expect(text).not.toContain(r.phone);
    expect(text).not.toContain(r.phone.slice(-4));
  }
}

beforeAll(async () => {
  t = await initTestDb('notices');
});
afterAll(() => t.destroy());
beforeEach(async () => {
  await clearDatabase(t.db);
  f = await seedFixture(t.db);
  await ledger();
});

describe('weekly notice', () => {
  it('week keys and slots in Asia/Shanghai', () => {
    const at = { weekday: 0, hour: 20, minute: 0 };
    expect(noticeSlot(at, SLOT, 'Asia/Shanghai')).toEqual(SLOT);
    expect(noticeSlot(at, new Date(SLOT.getTime() - 1), 'Asia/Shanghai')).toEqual(new Date(SLOT.getTime() - 7 * 24 * H));
    expect(weekKey(SLOT, 'Asia/Shanghai')).toBe('2026-W47');
    // Sunday 3 Jan 2027 belongs to ISO week 53 of 2026.
    expect(weekKey(new Date('2027-01-03T12:00:00Z'), 'Asia/Shanghai')).toBe('2026-W53');
  });

  it('shows the golden text for a known ledger, with no names or phone numbers', async () => {
    const { deps, sent } = recordingDeps(t.db, SLOT);
    await postWeeklyNotice({ estateId: f.estateId }, deps);
    const rows = await outbox();
    expect(rows.map((r) => r.chat_id)).toEqual(['g-estate', 'g-west']);
    expect(rows[0].text).toBe(GOLDEN_ESTATE);
    expect(rows[1].text).toBe(GOLDEN_WEST);
    expect(sent.map((s) => s.outboxKey)).toEqual(rows.map((r) => r.key));
    for (const r of rows) assertNoPersonalData(r.text);
  });

  it('counts tickets opened, resolved and overdue this week in the group\'s scope', async () => {
    const ticket = (n: number, building: string, status: 'open' | 'accepted' | 'resolved', created: string, acceptDue: string) => ({
      estate_id: f.estateId, category: 'clutter', text: '楼道堆放杂物', status, zone_id: building === '3' ? f.zoneB : f.zoneA, building_id: null, owner_member_id: null,
      reporter_member_id: f.residentId, origin_platform: 'console', origin_chat_id: 'g-estate', cycle_started_at: new Date(created), accept_due_at: new Date(acceptDue),
      resolve_due_at: new Date('2026-12-31T00:00:00Z'), source_key: `k${n}`, created_at: new Date(created), updated_at: new Date(created),
    });
    const ids = await t.db
      .insertInto('tickets')
      .values([
        ticket(1, '1', 'open', '2026-11-20T01:00:00Z', '2026-11-21T01:00:00Z'), // new, overdue
        ticket(2, '1', 'resolved', '2026-11-10T01:00:00Z', '2026-11-11T01:00:00Z'), // older, resolved this week
        ticket(3, '3', 'accepted', '2026-11-21T01:00:00Z', '2026-11-22T01:00:00Z'), // new, on time, zone B
      ])
      .returning('id')
      .execute();
    await t.db.insertInto('ticket_events').values({ ticket_id: ids[1].id, kind: 'resolved', actor_member_id: f.staffId, detail: '{}', created_at: new Date('2026-11-19T03:00:00Z') }).execute();
    const { deps } = recordingDeps(t.db, SLOT);
    await postWeeklyNotice({ estateId: f.estateId }, deps);
    const [estate, west] = await outbox();
    expect(estate.text).toContain('工单：本周新增2件，办结1件，超期未办1件');
    expect(west.text).toContain('工单：本周新增1件，办结0件，超期未办0件');
  });

  it('posts one notice per group per week under double firing and concurrent runs', async () => {
    const a = recordingDeps(t.db, SLOT);
    const b = recordingDeps(t.db, new Date(SLOT.getTime() + 5));
    await Promise.all([postWeeklyNotice({ estateId: f.estateId }, a.deps), postWeeklyNotice({ estateId: f.estateId }, b.deps), postWeeklyNotice({ estateId: null }, a.deps)]);
    await postWeeklyNotice({ estateId: f.estateId }, b.deps);
    expect(await outbox()).toHaveLength(2);
    const posted = await t.db.selectFrom('posted_notices').select(['group_id', 'week', 'late']).orderBy('group_id').execute();
    expect(posted).toEqual([
      { group_id: f.groups.estate.id, week: '2026-W47', late: false },
      { group_id: f.groups.zoneB.id, week: '2026-W47', late: false },
    ]);
    // Re-sends of the same outbox keys are harmless: the outbound jobId is the key.
    expect(new Set([...a.sent, ...b.sent].map((s) => s.outboxKey)).size).toBe(2);
  });

  it('after a crash between commit and hand-over, a re-run sends the same notice, writes no new one', async () => {
    const r = recordingDeps(t.db, SLOT);
    r.setFailSends(true);
    await expect(postWeeklyNotice({ estateId: f.estateId }, r.deps)).rejects.toThrow('outbound down');
    r.setFailSends(false);
    r.clock.advance(2000);
    await postWeeklyNotice({ estateId: f.estateId }, r.deps);
    await postWeeklyNotice({ estateId: f.estateId }, r.deps);
    const rows = await outbox();
    expect(rows).toHaveLength(2);
    expect(new Set(r.sent.map((s) => s.outboxKey))).toEqual(new Set(rows.map((x) => x.key)));
  });

  it('catches up a week missed while down: once, marked late; the next week is on time', async () => {
    // Down from Sunday 19:00 until Monday 9:00; the catch-up tick runs at start.
    const r = recordingDeps(t.db, new Date(SLOT.getTime() + 13 * H));
    await postWeeklyNotice({ estateId: null }, r.deps);
    await postWeeklyNotice({ estateId: null }, r.deps);
    let rows = await outbox();
    expect(rows).toHaveLength(2);
    expect(rows[0].text).toContain('（补发：上次公示时系统未运行）');
    expect((await t.db.selectFrom('posted_notices').select('late').execute()).every((x) => x.late)).toBe(true);
    r.clock.set(new Date(SLOT.getTime() + 7 * 24 * H));
    await postWeeklyNotice({ estateId: f.estateId }, r.deps);
    rows = await outbox();
    expect(rows).toHaveLength(4);
    expect(rows[2].key).toContain('2026-W48');
    expect(rows[2].text).not.toContain('补发');
  });

  it('gives a group linked after the scheduled time nothing until the next one', async () => {
    await t.db.insertInto('chat_groups').values({ platform: 'console', chat_id: 'g-new', title: null, estate_id: f.estateId, zone_id: null, building_id: null, unlinked_notice_at: null, created_at: new Date(SLOT.getTime() + H) }).execute();
    const r = recordingDeps(t.db, new Date(SLOT.getTime() + 2 * H));
    await postWeeklyNotice({ estateId: null }, r.deps);
    expect((await outbox()).map((x) => x.chat_id)).toEqual(['g-estate', 'g-west']);
  });

  it('公示 on demand: staff only, the last seven days, no names; the weekly one still goes out', async () => {
    const at = new Date(SLOT.getTime() - 2 * H);
    const r = recordingDeps(t.db, at);
    await postNoticeNow(commandJob('g-estate', f.residentUserId, { intent: 'notice' }, at), r.deps);
    expect(r.sent.at(-1)!.text).toBe('这个操作只有网格员或社区工作人员可以做。');
    await postNoticeNow(commandJob('g-estate', f.staffUserId, { intent: 'notice' }, at), r.deps);
    const text = r.sent.at(-1)!.text;
    expect(text).toContain('1-1-102 15元');
    expect(text).toContain('2-1-101 10元');
    assertNoPersonalData(text);
    r.clock.set(SLOT);
    await postWeeklyNotice({ estateId: f.estateId }, r.deps);
    expect(await outbox()).toHaveLength(2);
  });
});

describe('daily tally', () => {
  it('sends each grid worker their zone’s day privately, once a day; 统计 gives it on demand', async () => {
    // Thursday 19 Nov, 21:00 Shanghai.
    const at = new Date('2026-11-19T13:00:00Z');
    const r = recordingDeps(t.db, at);
    await dailyTally({ estateId: f.estateId }, r.deps);
    await dailyTally({ estateId: null }, r.deps);
    const rows = await outbox('tally-');
    expect(rows).toHaveLength(1);
    expect(rows[0].chat_id).toBe(f.staffUserId);
    expect(rows[0].text).toBe(
      [
        '【东片区 2026-11-19 统计】',
        '收到缴费登记 1笔，确认 0笔，驳回 1笔',
        '上门收费 0笔',
        '超过48小时未确认 0笔',
        '今日入账 0元',
        '工单：今日新增0件，超期未办0件',
      ].join('\n'),
    );
    await tallyNow(commandJob('g-estate', f.staffUserId, { intent: 'tally' }, at), r.deps);
    expect(r.sent.at(-1)!.text).toBe(rows[0].text);
  });
});

describe('催缴', () => {
  it('posts rooms behind with @mentions of bound members, at most once a day per group and scope', async () => {
    // The bound resident's household falls behind in March 2027.
    const at = new Date('2027-03-02T02:00:00Z');
    const r = recordingDeps(t.db, at);
    await urgeArrears(commandJob('g-estate', f.staffUserId, { intent: 'urge' }, at), r.deps);
    const first = r.sent.at(-1)!;
    // A zone-A grid worker's 催缴 in the estate-wide group covers her zone: buildings 1 and 2, not 3.
    expect(first.text.split('\n')[0]).toMatch(/^【和园东片区催缴】以下\d户欠费/);
    expect(first.text).toContain('1栋：1-1-101(1个月5元) 1-1-102(4个月20元)');
    expect(first.text).not.toMatch(/^3栋/m);
    expect(first.mentions).toEqual([f.residentUserId]);
    assertNoPersonalData(first.text);

    r.clock.advance(3 * H);
    await urgeArrears(commandJob('g-estate', f.staffUserId, { intent: 'urge' }, r.clock.now()), r.deps);
    expect(r.sent.at(-1)!.text).toBe('今天已经催缴过了（今天（3月2日 周二）10:00），同一个群、同一范围一天最多催缴一次。');
    // Another group the same day, and this group the next day, may.
    await urgeArrears(commandJob('g-west', f.staffUserId, { intent: 'urge' }, r.clock.now()), r.deps);
    expect(r.sent.at(-1)!.text).toMatch(/^【和园西片区催缴】/);
    // The estate's admin, in the estate-wide group the same day: the whole estate, a slot of its own.
    const admin = await t.db.insertInto('members').values({ platform: 'console', platform_user_id: 'u-admin', display_name: null }).returning('id').executeTakeFirstOrThrow();
    await t.db.insertInto('roles').values({ member_id: admin.id, estate_id: f.estateId, role: 'admin', zone_id: null, building_id: null }).execute();
    await urgeArrears(commandJob('g-estate', 'u-admin', { intent: 'urge' }, r.clock.now()), r.deps);
    expect(r.sent.at(-1)!.text.split('\n')[0]).toBe('【和园催缴】以下6户欠费，共150元，请尽快缴纳：');
    expect(r.sent.at(-1)!.text).toMatch(/^3栋/m);
    await urgeArrears(commandJob('g-estate', 'u-admin', { intent: 'urge' }, r.clock.now()), r.deps);
    expect(r.sent.at(-1)!.text).toMatch(/^今天已经催缴过了/);
    r.clock.set(new Date('2027-03-03T01:00:00Z'));
    await urgeArrears(commandJob('g-estate', f.staffUserId, { intent: 'urge' }, r.clock.now()), r.deps);
    expect(r.sent.at(-1)!.text).toMatch(/^【和园东片区催缴】/);
    expect(await t.db.selectFrom('urge_log').select('day').orderBy('day').execute()).toHaveLength(4);
    // Residents cannot.
    await urgeArrears(commandJob('g-west', f.residentUserId, { intent: 'urge' }, r.clock.now()), r.deps);
    expect(r.sent.at(-1)!.text).toBe('这个操作只有网格员或社区工作人员可以做。');
  });
});

const GOLDEN_ESTATE = [
  '【和园 卫生费公示】',
  '11月15日（周日）20:00 至 11月22日（周日）20:00',
  '',
  '本周缴费 3户，共30元：',
  '1栋：1-1-102 15元',
  '2栋：2-1-101 10元',
  '3栋：3-101 5元',
  '',
  '2026年11月收缴率 33%（2/6户）',
  '东片区 50%：1栋100% 2栋0%',
  '西片区 0%：3栋0%',
  '本周收款 30元，今年累计 60元',
  '欠费 4户，共45元',
  '工单：本周新增0件，办结0件，超期未办0件',
  '',
  '以上只公示房号和金额。如有疑问请联系网格员。',
].join('\n');
const GOLDEN_WEST = [
  '【和园西片区 卫生费公示】',
  '11月15日（周日）20:00 至 11月22日（周日）20:00',
  '',
  '本周缴费 1户，共5元：',
  '3栋：3-101 5元',
  '',
  '2026年11月收缴率 0%（0/2户）',
  '本周收款 5元，今年累计 5元',
  '欠费 2户，共25元',
  '工单：本周新增0件，办结0件，超期未办0件',
  '',
  '以上只公示房号和金额。如有疑问请联系网格员。',
].join('\n');
