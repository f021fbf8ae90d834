import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPayment } from '../jobs/collect-payment.js';
import { postNoticeNow } from '../jobs/post-notice-now.js';
import { postWeeklyNotice } from '../jobs/post-weekly-notice.js';
import { urgeArrears } from '../jobs/urge-arrears.js';
import { CONSOLE_CHAT_ID, consoleUserId } from '../src/adapters/console/identity.js';
import { seedDemoEstate } from '../src/demo/seed-demo-estate.js';
import { initTestDb, type TestDb } from './support/db.js';
import { commandJob, recordingDeps } from './support/notices-fixture.js';

// Saturday 21 Nov 2026, 20:30 in Shanghai.
const NOW = new Date('2026-11-21T12:30:00Z');

describe('公示 in the demo estate', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await initTestDb('notices_demo');
    await seedDemoEstate(t.db, new Date('2026-11-20T12:00:00Z'));
    // The console group was linked before this week's scheduled notice.
    await t.db.updateTable('chat_groups').set({ created_at: new Date('2026-11-01T00:00:00Z') } as never).execute();
  });
  afterAll(() => t.destroy());

  it('lists the rooms 刘雅玲 just collected for, and no resident’s name or phone number in any notice', async () => {
    const r = recordingDeps(t.db, NOW);
    const lyl = consoleUserId('刘雅玲');
    for (const text of ['8-2-301 60', '8-1-101 30', '9-1-202 15']) {
      const [room, yuan] = text.split(' ');
      await collectPayment(commandJob(CONSOLE_CHAT_ID, lyl, { intent: 'collect', room, amountFen: Number(yuan) * 100 }, NOW), r.deps);
      expect(r.sent.at(-1)!.text).toMatch(/^已收费 P\d+/);
    }
    await postNoticeNow(commandJob(CONSOLE_CHAT_ID, lyl, { intent: 'notice' }, NOW), r.deps);
    const notice = r.sent.at(-1)!.text;
    expect(notice).toMatch(/^【聚心苑 卫生费公示】/);
    expect(notice).toMatch(/8-2-301 60元/);
    expect(notice).toMatch(/9-1-202 15元/);
    expect(notice).toMatch(/8-1-101 \d+元/);

    // The weekly one and a 催缴, too: none of them may carry the roster's personal data.
    r.clock.set(new Date('2026-11-22T12:00:00Z'));
    await postWeeklyNotice({ estateId: null }, r.deps);
    await urgeArrears(commandJob(CONSOLE_CHAT_ID, lyl, { intent: 'urge' }, r.clock.now()), r.deps);
    const texts = r.sent.map((s) => s.text).filter((s) => /公示】|催缴】/.test(s));
    expect(texts).toHaveLength(3);
    const roster = await t.db.selectFrom('households').select(['resident_name', 'phone']).execute();
    const all = texts.join('\n');
    for (const h of roster) {
      if (h.resident_name) expect(all.includes(h.resident_name), h.resident_name).toBe(false);
      if (h.phone) expect(all.includes(h.phone), h.phone).toBe(false);
    }
    expect(all).not.toMatch(/1[3-9]\d{9}/);
  });
});
