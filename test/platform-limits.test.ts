import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TelegramAdapter } from '../src/adapters/telegram/telegram-adapter.js';
import { linkGroup } from '../src/cli/groups-command.js';
import { DEMO_ESTATE_CODE } from '../src/demo/seed-demo-estate.js';
import { balance } from '../src/ledger/balance.js';
import { mainFeePlan } from '../src/ledger/fee-plan.js';
import { paidMonthsByHousehold } from '../src/ledger/paid-months.js';
import { silentLogger } from '../src/log.js';
import { CODE_POINTS, splitMessage, type MessageMeasure } from '../src/outbound/split-text.js';
import { currentMonth } from '../src/time/month.js';
import { startHarness, type Harness } from './conformance/harness.js';
import { BOT, capture, messageUpdate, users, type ApiCall } from './conformance/telegram-fixtures.js';

// Telegram's sendMessage, as its documentation states it: "Text of the message to be sent, 1-4096
// characters after entities parsing", counted (like entity offsets) in UTF-16 code units.
function telegramLimits(c: ApiCall, refuse: (c: ApiCall) => unknown): unknown {
  if (c.method !== 'sendMessage') return undefined;
  const p = c.payload as { text: string; entities?: Array<{ offset: number; length: number }> };
  const custom = refuse(c);
  if (custom) return custom;
  if (p.text.trim().length === 0) return { ok: false, error_code: 400, description: 'Bad Request: message text is empty' };
  if (p.text.length > 4096) return { ok: false, error_code: 400, description: 'Bad Request: message is too long' };
  for (const e of p.entities ?? []) {
    if (e.offset + e.length > p.text.length) return { ok: false, error_code: 400, description: "Bad Request: can't parse entities" };
  }
  return undefined;
}

describe('platform length limits', () => {
  it('splits by UTF-16 code units and never inside an emoji or an astral character', () => {
    const utf16: MessageMeasure = { length: (t) => t.length, mention: () => 0 };
    const text = '😀'.repeat(3000) + '\n' + '𠀀👩‍👩‍👧'.repeat(400);
    // 3,000 code points fit the code-point count, yet are 6,000 code units: two parts at least.
    expect(splitMessage(text, [], null, 4096, CODE_POINTS)).toHaveLength(2);
    const parts = splitMessage(text, [], null, 4096, utf16);
    for (const p of parts) {
      expect(p.text.length).toBeLessThanOrEqual(4096);
      expect(p.text).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
      expect(p.text.startsWith('\u200d') || p.text.endsWith('\u200d')).toBe(false);
    }
    // Every family emoji (a ZWJ sequence) arrives whole in one part.
    expect(parts.reduce((n, p) => n + p.text.split('👩‍👩‍👧').length - 1, 0)).toBe(400);
    expect(parts.map((p) => p.text).join('').replace(/\n/g, '')).toBe(text.replace(/\n/g, ''));
  });

  it('keeps each mention with its line and counts mentions in the length', () => {
    const measure: MessageMeasure = { length: (t) => t.length, mention: (id) => `@${id} `.length };
    const lines = ['header', ...Array.from({ length: 30 }, (_, i) => `line ${i} ` + 'x'.repeat(40)), 'footer'];
    const mentions = Array.from({ length: 30 }, (_, i) => `user${i}`);
    const parts = splitMessage(lines.join('\n'), mentions, mentions.map((_, i) => i + 1), 200, measure);
    expect(parts.length).toBeGreaterThan(5);
    for (const p of parts) {
      expect(p.text.length + p.mentions.reduce((s, id) => s + measure.mention(id), 0)).toBeLessThanOrEqual(200);
      for (const id of p.mentions) expect(p.text).toContain(`line ${id.slice(4)} `);
    }
    expect(parts.flatMap((p) => p.mentions)).toEqual(mentions);
  });
});

describe('a 催缴 with many mentions on Telegram', () => {
  let h: Harness;
  const calls: ApiCall[] = [];
  let refuseGroup = false;
  const adapter = new TelegramAdapter({
    token: '123:test',
    log: silentLogger,
    receive: { mode: 'manual' },
    botInfo: BOT,
    setCommands: false,
    transformers: [
      capture(calls, (c) =>
        telegramLimits(c, (call) =>
          refuseGroup && String(call.payload.chat_id) === '-1001' ? { ok: false, error_code: 403, description: 'Forbidden: bot was kicked from the supergroup chat' } : undefined,
        ),
      ),
    ],
  });
  const staffId = 900_001;
  const bound: Array<{ userId: string; building: string; room: string }> = [];

  beforeAll(async () => {
    h = await startHarness('plimits', adapter);
    const r = await linkGroup(h.t.db, { platform: 'telegram', chatId: '-1001' }, DEMO_ESTATE_CODE, {});
    expect(r.ok).toBe(true);
    const estate = await h.t.db.selectFrom('estates').select(['id', 'time_zone']).where('code', '=', DEMO_ESTATE_CODE).executeTakeFirstOrThrow();
    const plan = (await mainFeePlan(h.t.db, estate.id))!;
    const month = currentMonth(new Date('2026-11-20T12:00:00Z'), estate.time_zone);
    const behind = (await paidMonthsByHousehold(h.t.db, { estateId: estate.id, zoneId: null, buildingId: null }, plan.id)).filter(
      (x) => balance(plan, x.paidMonths, month).owedMonths > 0,
    );
    // 65 members owing, spread over the buildings, each with a long Telegram name (what mentions show).
    const chosen = behind.filter((_, i) => i % Math.floor(behind.length / 65) === 0).slice(0, 65);
    expect(chosen).toHaveLength(65);
    const members = await h.t.db
      .insertInto('members')
      .values([...chosen.map((_, i) => ({ platform: 'telegram', platform_user_id: String(800_000 + i), display_name: null })), { platform: 'telegram', platform_user_id: String(staffId), display_name: null }])
      .returning(['id', 'platform_user_id'])
      .execute();
    await h.t.db
      .insertInto('bindings')
      .values(chosen.map((x, i) => ({ member_id: members[i].id, household_id: x.householdId, status: 'confirmed' as const, created_at: new Date() })))
      .execute();
    await h.t.db.insertInto('roles').values({ member_id: members.at(-1)!.id, estate_id: estate.id, role: 'admin' }).execute();
    for (const [i, x] of chosen.entries()) bound.push({ userId: String(800_000 + i), building: x.buildingCode, room: x.roomCode });
    // The members have spoken in the group, so the adapter shows their (long) names in mentions.
    for (const [i, b] of bound.entries()) {
      users.set(Number(b.userId), `邻居${i}号🏠张秀英的家人`);
      await adapter.handleUpdate(messageUpdate(-1001, Number(b.userId), '今天天气不错'));
    }
  }, 120_000);
  afterAll(() => h?.close());

  it('goes out in parts Telegram takes, with no name in the group; each member is told privately, once', async () => {
    users.set(staffId, '戴红霞');
    await adapter.handleUpdate(messageUpdate(-1001, staffId, '催缴'));
    await h.rec.waitForReceived(h.rec.received.length);
    await h.settle();
    const sent = calls.filter((c) => c.method === 'sendMessage' && c.payload.chat_id === '-1001');
    expect(sent.length).toBeGreaterThan(1);
    for (const c of sent) {
      const p = c.payload as { text: string; entities?: Array<{ offset: number; length: number; user?: { id: number } }> };
      expect(p.text.length).toBeLessThanOrEqual(4096);
      // Nobody's name or mention beside the sums: the members who can be written to are told privately.
      expect((p.entities ?? []).filter((e) => e.user)).toEqual([]);
      expect(p.text).not.toMatch(/邻居\d+号/);
    }
    const listed = sent.map((c) => String(c.payload.text)).join('\n');
    for (const b of bound) expect(listed).toContain(b.room);
    for (const b of bound) {
      const mine = calls.filter((c) => c.method === 'sendMessage' && String(c.payload.chat_id) === b.userId);
      expect(mine).toHaveLength(1);
      expect(String(mine[0].payload.text)).toContain(b.room);
    }
    const failed = await h.t.db.selectFrom('outbox').select('key').where('status', '=', 'failed').execute();
    expect(failed).toEqual([]);
    expect(await h.t.db.selectFrom('urge_log').select('day').execute()).toHaveLength(1);
  }, 120_000);

  it('gives the day back when the 催缴 did not go out', async () => {
    await h.t.db.deleteFrom('urge_log').execute();
    refuseGroup = true;
    await adapter.handleUpdate(messageUpdate(-1001, staffId, '催缴'));
    await h.settle();
    for (let i = 0; i < 100 && (await h.t.db.selectFrom('urge_log').select('day').execute()).length > 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(await h.t.db.selectFrom('outbox').select('status').where('status', '=', 'failed').execute()).toHaveLength(1);
    expect(await h.t.db.selectFrom('urge_log').select('day').execute()).toEqual([]);
    refuseGroup = false;
    const before = calls.length;
    await adapter.handleUpdate(messageUpdate(-1001, staffId, '催缴'));
    await h.settle();
    const again = calls.slice(before).filter((c) => c.method === 'sendMessage');
    expect(again.length).toBeGreaterThan(1);
    expect(String(again[0].payload.text)).toMatch(/催缴/);
  }, 120_000);
});
