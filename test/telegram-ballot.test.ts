import type { Update } from 'grammy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inlineKeyboard } from '../src/adapters/telegram/reply-buttons.js';
import { ballotButtons } from '../src/council/ballot-buttons.js';
import { translator } from '../src/i18n/translator.js';
import { TelegramAdapter } from '../src/adapters/telegram/telegram-adapter.js';
import { linkGroup } from '../src/cli/groups-command.js';
import { DEMO_ESTATE_CODE } from '../src/demo/seed-demo-estate.js';
import { silentLogger } from '../src/log.js';
import { startHarness, type Harness } from './conformance/harness.js';
import { BOT, capture, messageUpdate, type ApiCall } from './conformance/telegram-fixtures.js';

// The Telegram ballot keyboard through the real pipeline: the ballot notice carries 同意 / 反对 / 弃权
// buttons (seen at grammY's transformer seam), and a tap becomes the same cast-ballot job, once per
// callback query id.
const GROUP = -1001;
const STAFF = 900;
const OWNER = 501;
const STRANGER = 503;
const calls: ApiCall[] = [];
let h: Harness;
let adapter: TelegramAdapter;
let updateId = 50_000;

const sent = (chatId: number) => calls.filter((c) => c.method === 'sendMessage' && String(c.payload.chat_id) === String(chatId));
const tap = (from: number, data: string, queryId: string, text: string): Update =>
  ({
    update_id: ++updateId,
    callback_query: {
      id: queryId,
      from: { id: from, is_bot: false, first_name: 'x' },
      chat_instance: 'ci',
      data,
      message: { message_id: 1, date: 1_790_000_000, chat: { id: from, type: 'private', first_name: 'x' }, text },
    },
  }) as Update;
const deliver = async (n: number, act: () => Promise<unknown>) => {
  const before = h.rec.received.length;
  await act();
  await h.rec.waitForReceived(before + n);
  await h.settle();
};

beforeAll(async () => {
  adapter = new TelegramAdapter({ token: '123:test', log: silentLogger, receive: { mode: 'manual' }, botInfo: BOT, transformers: [capture(calls)], setCommands: false });
  h = await startHarness(`tg_ballot_${process.pid}`, adapter);
  expect((await linkGroup(h.t.db, { platform: 'telegram', chatId: String(GROUP) }, DEMO_ESTATE_CODE, {})).ok).toBe(true);
  const db = h.t.db;
  const estate = await db.selectFrom('estates').select('id').where('code', '=', DEMO_ESTATE_CODE).executeTakeFirstOrThrow();
  const rooms = await db.selectFrom('households as hh').innerJoin('buildings as b', 'b.id', 'hh.building_id').select(['hh.id', 'hh.room_code']).where('b.code', '=', '8').where('hh.estate_id', '=', estate.id).execute();
  await db.updateTable('households').set({ floor_area: 8950 }).where('id', 'in', rooms.map((r) => r.id)).execute();
  const staff = await db.insertInto('members').values({ platform: 'telegram', platform_user_id: String(STAFF), display_name: null }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('roles').values({ member_id: staff.id, estate_id: estate.id, role: 'admin', zone_id: null, building_id: null }).execute();
  const owner = await db.insertInto('members').values({ platform: 'telegram', platform_user_id: String(OWNER), display_name: null }).returning('id').executeTakeFirstOrThrow();
  const room = rooms.find((r) => r.room_code === '8-1-101')!;
  const before = new Date('2026-11-01T00:00:00Z');
  await db
    .insertInto('bindings')
    .values({ member_id: owner.id, household_id: room.id, status: 'confirmed', source_key: null, decided_by: staff.id, decided_at: before, reason: null, relation: 'owner', designated: false, relation_at: before, created_at: before })
    .execute();
});
afterAll(async () => {
  await h?.close();
});

describe('Telegram ballot keyboard', () => {
  it('draws the buttons a message carries: a decision side by side in the reader\'s script, a poll one option a row', () => {
    const zh = (locale: 'zh-Hans' | 'zh-Hant' | 'en') => inlineKeyboard(ballotButtons(translator(locale), 'V4', null))?.inline_keyboard;
    expect(zh('zh-Hans')).toEqual([
      [
        { text: '同意', callback_data: 's:投票 V4 同意' },
        { text: '反对', callback_data: 's:投票 V4 反对' },
        { text: '弃权', callback_data: 's:投票 V4 弃权' },
      ],
    ]);
    expect(zh('zh-Hant')?.[0].map((b) => b.text)).toEqual(['同意', '反對', '棄權']);
    expect(zh('en')?.[0][2]).toEqual({ text: 'abstain', callback_data: 's:/ballot V4 abstain' });
    const poll = inlineKeyboard(ballotButtons(translator('zh-Hans'), 'V5', ['续聘现物业公司', '另选物业公司']))?.inline_keyboard;
    expect(poll).toEqual([[{ text: '1. 续聘现物业公司', callback_data: 's:投票 V5 1' }], [{ text: '2. 另选物业公司', callback_data: 's:投票 V5 2' }]]);
    // Words longer than Telegram's 64 bytes of callback data are left out (the text says what to type); no buttons, no keyboard.
    expect(inlineKeyboard([{ label: '太长', says: '投'.repeat(30) }])).toBeUndefined();
    expect(inlineKeyboard([])).toBeUndefined();
  });

  it('puts the buttons under the private ballot notice; a tap casts the ballot once, however often Telegram delivers it', async () => {
    await deliver(1, () => adapter.handleUpdate(messageUpdate(GROUP, STAFF, '表决 8栋加装电动车充电桩 截止11月27日 20:00 8栋')));
    const announced = sent(GROUP).at(-1)!;
    const v = /业主表决 (V\d+)/.exec(String(announced.payload.text))![1];
    const id = v.slice(1);
    const notice = sent(OWNER).at(-1)!;
    expect(notice.payload.text).toContain(`表决通知 ${v}：8栋加装电动车充电桩`);
    expect(notice.payload.reply_markup).toEqual({
      inline_keyboard: [
        [
          { text: '同意', callback_data: `s:投票 ${v} 同意` },
          { text: '反对', callback_data: `s:投票 ${v} 反对` },
          { text: '弃权', callback_data: `s:投票 ${v} 弃权` },
        ],
      ],
    });
    // The group's announcement carries them too; the answer to a tap in the group never says the choice.
    expect(announced.payload.reply_markup).toEqual(notice.payload.reply_markup);

    const update = tap(OWNER, `s:投票 ${v} 反对`, '9001', String(notice.payload.text));
    await deliver(1, () => adapter.handleUpdate(update));
    // The same update again (dropped by update id), and the same tap in a new update (one job by callback query id).
    await adapter.handleUpdate(structuredClone(update));
    await deliver(1, () => adapter.handleUpdate({ ...structuredClone(update), update_id: ++updateId }));
    expect(sent(OWNER).slice(1).map((c) => c.payload.text)).toEqual([`已收到您的投票（${v}，1户：反对）。截止前可改票，以最后一次为准。`]);
    expect(calls.filter((c) => c.method === 'answerCallbackQuery').map((c) => c.payload.callback_query_id)).toEqual(['9001', '9001']);
    const ballots = await h.t.db.selectFrom('ballots').select(['choice', 'channel']).where('vote_id', '=', Number(id)).execute();
    expect(ballots).toEqual([{ choice: 'no', channel: 'chat' }]);

    // A new tap changes the ballot (here on a button sent before buttons were data: b:<vote>:<choice>);
    // a stranger's tap casts nothing; data not ours is ignored.
    await deliver(1, () => adapter.handleUpdate(tap(OWNER, `b:${id}:yes`, '9002', String(notice.payload.text))));
    expect(sent(OWNER).at(-1)?.payload.text).toBe(`已收到您的投票（${v}，1户：同意），已按新的选择改票。截止前可改票，以最后一次为准。`);
    await deliver(1, () => adapter.handleUpdate(tap(STRANGER, `s:投票 ${v} 同意`, '9003', String(notice.payload.text))));
    // Unknown to the bot in a private chat: told how to bind, and nothing is cast.
    expect(sent(STRANGER).at(-1)?.payload.text).toBe('请先在小区群里发“绑定 房号”，绑定后可以私聊查询。');
    const received = h.rec.received.length;
    await adapter.handleUpdate(tap(OWNER, 'x:1', '9004', ''));
    expect(h.rec.received.length).toBe(received);
    expect((await h.t.db.selectFrom('ballots').select('choice').where('vote_id', '=', Number(id)).orderBy('id').execute()).map((b) => b.choice)).toEqual(['no', 'yes']);
  }, 60_000);
});
