import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cancelReminder } from '../jobs/cancel-reminder.js';
import { fireReminder } from '../jobs/fire-reminder.js';
import { listReminders } from '../jobs/list-reminders.js';
import { scheduleReminder } from '../jobs/schedule-reminder.js';
import { nextFiring, parseReminderSpec, cronPattern, type ReminderSchedule } from '../src/time/reminder-schedule.js';
import { clearDatabase, initTestDb, type TestDb } from './support/db.js';
import { commandJob, recordingDeps, seedFixture, type Fixture } from './support/notices-fixture.js';

const TZ = 'Asia/Shanghai';
/** A Shanghai wall-clock time as an instant (UTC+8, no daylight saving). */
const sh = (s: string) => new Date(`${s}+08:00`);

function next(text: string, now: string): { schedule: ReminderSchedule; next: Date | null; message: string } {
  const p = parseReminderSpec(text, sh(now), TZ);
  if (!p.ok) throw new Error(`${text}: ${p.error}`);
  return { schedule: p.schedule, next: nextFiring(p.schedule, sh(now), TZ), message: p.message };
}

describe('reminder schedules (pure)', () => {
  it('reads each form, its cron and its next firing', () => {
    const m = next('每月1日 9:00 请缴纳本月卫生费', '2026-11-22T14:00:00');
    expect(m.schedule).toEqual({ kind: 'monthly', day: 1, hour: 9, minute: 0 });
    expect(cronPattern(m.schedule)).toBe('0 9 1 * *');
    expect(m.next).toEqual(sh('2026-12-01T09:00:00'));
    expect(m.message).toBe('请缴纳本月卫生费');

    const t = next('明天 18:00 开居民会', '2026-11-22T14:00:00');
    expect(t.schedule).toEqual({ kind: 'once', year: 2026, month: 11, day: 23, hour: 18, minute: 0 });
    expect(t.next).toEqual(sh('2026-11-23T18:00:00'));

    const w = next('每周一 8:00 垃圾分类检查', '2026-11-22T14:00:00');
    expect(cronPattern(w.schedule)).toBe('0 8 * * 1');
    expect(w.next).toEqual(sh('2026-11-23T08:00:00'));

    const d = next('11月25日 9:00 消防检查', '2026-11-22T14:00:00');
    expect(cronPattern(d.schedule)).toBe('0 9 25 11 *');
    expect(d.next).toEqual(sh('2026-11-25T09:00:00'));

    const e = next('每天 18:00 收费时间到了', '2026-11-22T18:00:00');
    // Exactly at 18:00 the next one is tomorrow's.
    expect(e.next).toEqual(sh('2026-11-23T18:00:00'));
    expect(next('每天 下午6点半 收费', '2026-11-22T08:00:00').next).toEqual(sh('2026-11-22T18:30:00'));
    expect(next('每周日 晚上八点 例会', '2026-11-22T08:00:00').next).toEqual(sh('2026-11-22T20:00:00'));
    expect(next('每月十五号 ９：３０ 抄表', '2026-11-22T08:00:00').next).toEqual(sh('2026-12-15T09:30:00'));
  });

  it('crosses month and year ends in Asia/Shanghai', () => {
    expect(next('每月1日 9:00 交费', '2027-01-31T23:59:00').next).toEqual(sh('2027-02-01T09:00:00'));
    // No 31st in February: like cron, the month is skipped.
    expect(next('每月31日 9:00 月底对账', '2027-01-31T10:00:00').next).toEqual(sh('2027-03-31T09:00:00'));
    expect(next('每月30日 9:00 对账', '2028-02-01T10:00:00').next).toEqual(sh('2028-03-30T09:00:00'));
    expect(next('明天 8:00 新年好', '2026-12-31T22:00:00').next).toEqual(sh('2027-01-01T08:00:00'));
    // A date already past this year is next year's.
    expect(next('11月25日 9:00 消防检查', '2026-11-26T08:00:00').next).toEqual(sh('2027-11-25T09:00:00'));
    expect(next('2月29日 9:00 闰日', '2027-03-01T08:00:00').next).toEqual(sh('2028-02-29T09:00:00'));
    // 9:00 in Shanghai is 01:00 UTC, all year round.
    expect(next('每天 9:00 早安', '2026-06-30T12:00:00').next!.toISOString()).toBe('2026-07-01T01:00:00.000Z');
    expect(next('每周一 8:00 周会', '2026-12-28T09:00:00').next).toEqual(sh('2027-01-04T08:00:00'));
  });

  it('says what it could not read', () => {
    const err = (text: string, now = '2026-11-22T14:00:00') => {
      const p = parseReminderSpec(text, sh(now), TZ);
      return p.ok ? 'ok' : p.error;
    };
    expect(err('下周找时间 开会')).toBe('time_unclear');
    expect(err('每月1日 请缴费')).toBe('time_unclear');
    expect(err('每天 25:00 hi')).toBe('time_unclear');
    expect(err('每天 18:00')).toBe('text_missing');
    expect(err('每月32日 9:00 x')).toBe('date_invalid');
    expect(err('2月30日 9:00 x')).toBe('date_invalid');
    expect(err('今天 9:00 x')).toBe('in_past');
  });
});

describe('reminder commands and firing', () => {
  let t: TestDb;
  let f: Fixture;
  beforeAll(async () => {
    t = await initTestDb('reminders');
  });
  afterAll(() => t.destroy());
  beforeEach(async () => {
    await clearDatabase(t.db);
    f = await seedFixture(t.db);
  });

  const NOW = sh('2026-11-22T14:00:00');

  it('answers with an R-ref and the next time in words, upserts its scheduler, lists and cancels', async () => {
    const r = recordingDeps(t.db, NOW);
    await scheduleReminder(commandJob('g-estate', f.staffUserId, { intent: 'remind', text: '每月1日 9:00 请缴纳本月卫生费' }, NOW), r.deps);
    const reply = r.sent.at(-1)!.text;
    const ref = /R\d+/.exec(reply)![0];
    expect(reply).toBe(`已设置提醒 ${ref}（每月1日 9:00）：请缴纳本月卫生费\n下次提醒：12月1日（周二）9:00\n取消请发：取消 ${ref}`);
    expect(r.upserted).toEqual([{ id: `sched-reminder-${ref.slice(1)}`, name: 'fire-reminder', data: { reminderId: Number(ref.slice(1)) }, repeat: { pattern: '0 9 1 * *', tz: TZ } }]);

    await scheduleReminder(commandJob('g-estate', f.staffUserId, { intent: 'remind', text: '明天 18:00 开居民会' }, NOW), r.deps);
    expect(r.sent.at(-1)!.text).toContain('下次提醒：明天（11月23日 周一）18:00');
    await scheduleReminder(commandJob('g-estate', f.staffUserId, { intent: 'remind', text: '下周找时间开会' }, NOW), r.deps);
    expect(r.sent.at(-1)!.text).toMatch(/^提醒时间没看懂。请这样写：提醒 每月1日 9:00/);
    await scheduleReminder(commandJob('g-estate', f.residentUserId, { intent: 'remind', text: '每天 9:00 x' }, NOW), r.deps);
    expect(r.sent.at(-1)!.text).toBe('这个操作只有网格员或社区工作人员可以做。');

    await listReminders(commandJob('g-estate', f.staffUserId, { intent: 'reminders' }, NOW), r.deps);
    const list = r.sent.at(-1)!.text.split('\n');
    expect(list[0]).toBe('本群的提醒（2个）：');
    expect(list[1]).toBe(`${ref} 每月1日 9:00｜下次 12月1日（周二）9:00｜请缴纳本月卫生费`);

    await cancelReminder(commandJob('g-estate', f.staffUserId, { intent: 'cancel', ref }, NOW), r.deps);
    expect(r.sent.at(-1)!.text).toBe(`已取消提醒 ${ref}。`);
    expect(r.removed).toEqual([`sched-reminder-${ref.slice(1)}`]);
    await cancelReminder(commandJob('g-estate', f.staffUserId, { intent: 'cancel', ref }, NOW), r.deps);
    expect(r.sent.at(-1)!.text).toBe(`提醒 ${ref} 已经取消或已经提醒过了。`);
    await cancelReminder(commandJob('g-west', f.staffUserId, { intent: 'cancel', ref: 'R999' }, NOW), r.deps);
    expect(r.sent.at(-1)!.text).toBe('没有找到 R999，请核对编号。');
    // A cancelled reminder that fires anyway says nothing and drops its scheduler.
    r.clock.set(sh('2026-12-01T09:00:00'));
    await fireReminder({ reminderId: Number(ref.slice(1)) }, r.deps);
    expect(await t.db.selectFrom('outbox').where('key', 'like', 'reminder-%').selectAll().execute()).toHaveLength(0);
  });

  it('echoes reminder text through the quoted-text sanitiser: @所有人 and @username mention no one', async () => {
    const r = recordingDeps(t.db, NOW);
    await scheduleReminder(commandJob('g-estate', f.staffUserId, { intent: 'remind', text: '明天 18:00 @所有人 @zhangsan 开会\u202e' }, NOW), r.deps);
    const created = r.sent.at(-1)!.text;
    expect(created).toContain('＠所有人 ＠zhangsan 开会');
    await listReminders(commandJob('g-estate', f.staffUserId, { intent: 'reminders' }, NOW), r.deps);
    const listed = r.sent.at(-1)!.text;
    r.clock.set(sh('2026-11-23T18:00:00'));
    const ref = Number(/R(\d+)/.exec(created)![1]);
    await fireReminder({ reminderId: ref }, r.deps);
    const fired = (await t.db.selectFrom('outbox').select('text').where('key', 'like', 'reminder-%').executeTakeFirstOrThrow()).text;
    for (const text of [created, listed, fired]) {
      // A platform treats an ASCII @ followed by a name as a mention; the full-width ＠ it does not.
      expect(text).not.toMatch(/@/);
      expect(text).not.toContain('\u202e');
    }
    expect(fired).toBe('⏰ 提醒：＠所有人 ＠zhangsan 开会');
  });

  it('fires once per firing under double firing, across month ends; a one-shot retires', async () => {
    const r = recordingDeps(t.db, NOW);
    await scheduleReminder(commandJob('g-estate', f.staffUserId, { intent: 'remind', text: '每月1日 9:00 请缴纳本月卫生费' }, NOW), r.deps);
    await scheduleReminder(commandJob('g-west', f.staffUserId, { intent: 'remind', text: '明天 18:00 开居民会' }, NOW), r.deps);
    const [monthly, once] = await t.db.selectFrom('reminders').select('id').orderBy('id').execute();

    r.clock.set(sh('2026-12-01T09:00:00'));
    await Promise.all([fireReminder({ reminderId: monthly.id }, r.deps), fireReminder({ reminderId: monthly.id }, r.deps)]);
    r.clock.set(sh('2027-01-01T09:00:02'));
    await fireReminder({ reminderId: monthly.id }, r.deps);
    await fireReminder({ reminderId: monthly.id }, r.deps);
    const rows = await t.db.selectFrom('outbox').select(['key', 'text', 'chat_id']).where('key', 'like', 'reminder-%').orderBy('id').execute();
    expect(rows.map((x) => x.text)).toEqual(['⏰ 提醒：请缴纳本月卫生费', '⏰ 提醒：请缴纳本月卫生费']);
    expect(rows.map((x) => x.key)).toEqual([
      `reminder-${monthly.id}-${sh('2026-12-01T09:00:00').getTime()}-r1`,
      `reminder-${monthly.id}-${sh('2027-01-01T09:00:00').getTime()}-r1`,
    ]);

    // The one-shot was due while the bot was down: it fires once, late, and retires.
    r.clock.set(sh('2026-11-23T19:30:00'));
    await fireReminder({ reminderId: once.id }, r.deps);
    await fireReminder({ reminderId: once.id }, r.deps);
    const last = await t.db.selectFrom('outbox').select(['text', 'chat_id']).where('key', 'like', `reminder-${once.id}-%`).execute();
    expect(last).toEqual([{ text: '⏰ 提醒：开居民会（补发）', chat_id: 'g-west' }]);
    expect((await t.db.selectFrom('reminders').select('status').where('id', '=', once.id).executeTakeFirstOrThrow()).status).toBe('done');
    expect(r.removed).toContain(`sched-reminder-${once.id}`);
  });
});
