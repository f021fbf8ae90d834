import { PuppetMock, mock } from 'wechaty-puppet-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TelegramAdapter } from '../src/adapters/telegram/telegram-adapter.js';
import { WechatAdapter } from '../src/adapters/wechat/wechat-adapter.js';
import { linkGroup } from '../src/cli/groups-command.js';
import { DEMO_ESTATE_CODE } from '../src/demo/seed-demo-estate.js';
import { translator } from '../src/i18n/translator.js';
import { silentLogger } from '../src/log.js';
import { PermanentSendError } from '../src/outbound/send-port.js';
import { startHarness, type Harness } from './conformance/harness.js';
import { BOT, capture, messageUpdate, users, type ApiCall } from './conformance/telegram-fixtures.js';

const zh = translator('zh-Hans');

describe('private messages Telegram will not deliver', () => {
  let h: Harness;
  const calls: ApiCall[] = [];
  // Users who never pressed Start: Telegram answers a bot's sendMessage to them with 403.
  const neverStarted = new Set<number>();
  const adapter = new TelegramAdapter({
    token: '123:test',
    log: silentLogger,
    receive: { mode: 'manual' },
    botInfo: BOT,
    setCommands: false,
    transformers: [
      capture(calls, (c) =>
        c.method === 'sendMessage' && neverStarted.has(Number(c.payload.chat_id))
          ? { ok: false, error_code: 403, description: "Forbidden: bot can't initiate conversation with a user" }
          : undefined,
      ),
    ],
  });
  const resident = 700_001;
  const staff = 700_002;
  const sends = (chatId: number) => calls.filter((c) => c.method === 'sendMessage' && Number(c.payload.chat_id) === chatId);
  const post = async (chatId: number, from: number, text: string) => {
    const n = h.rec.received.length;
    await adapter.handleUpdate(messageUpdate(chatId, from, text));
    await h.rec.waitForReceived(n + 1);
    await h.settle();
    await h.settle();
  };

  beforeAll(async () => {
    h = await startHarness('pfallback', adapter);
    expect((await linkGroup(h.t.db, { platform: 'telegram', chatId: '-1001' }, DEMO_ESTATE_CODE, {})).ok).toBe(true);
    const estate = await h.t.db.selectFrom('estates').select('id').where('code', '=', DEMO_ESTATE_CODE).executeTakeFirstOrThrow();
    const m = await h.t.db.insertInto('members').values({ platform: 'telegram', platform_user_id: String(staff), display_name: null }).returning('id').executeTakeFirstOrThrow();
    await h.t.db.insertInto('roles').values({ member_id: m.id, estate_id: estate.id, role: 'admin' }).execute();
    users.set(resident, '王阿姨');
    users.set(staff, '戴红霞');
    neverStarted.add(resident);
  }, 120_000);
  afterAll(() => h?.close());

  it('points the member to the private chat from the group they were seen in, with nothing personal, and records it', async () => {
    await post(-1001, resident, '投诉 3栋楼道堆放杂物很久了');
    const ref = /T\d+/.exec(String(sends(-1001).at(-1)!.payload.text))![0];
    const before = sends(-1001).length;
    await post(-1001, staff, `受理 ${ref}`);
    // The reporter's private update was refused (403) ...
    expect(sends(resident).length).toBeGreaterThan(0);
    const failed = await h.t.db.selectFrom('outbox').selectAll().where('chat_id', '=', String(resident)).where('status', '=', 'failed').execute();
    expect(failed).toHaveLength(1);
    expect(failed[0].reason).toMatch(/403.*can't initiate conversation.*member pointed to it in group -1001/);
    // ... so the group got one pointer with an @mention of them, and nothing of the ticket.
    const pointer = sends(-1001).slice(before).find((c) => String(c.payload.text).includes(zh.t('private_fallback')))!;
    expect(pointer).toBeDefined();
    expect(pointer.payload.entities).toEqual([expect.objectContaining({ type: 'text_mention', user: expect.objectContaining({ id: resident }) })]);
    expect(String(pointer.payload.text)).not.toMatch(/T\d+|楼道|杂物|受理/);
    const member = await h.t.db.selectFrom('members').selectAll().where('platform_user_id', '=', String(resident)).executeTakeFirstOrThrow();
    expect(member.private_chat).toBe('closed');

    // A second refused message the same day points again? No: one pointer per member and day.
    await post(-1001, staff, `完成 ${ref} 已清理`);
    expect(sends(-1001).filter((c) => String(c.payload.text).includes(zh.t('private_fallback')))).toHaveLength(1);
  }, 120_000);

  it('learns that the private chat is open from a private message, even /start (which runs no command), and keeps the name the platform gave', async () => {
    neverStarted.delete(resident);
    await post(resident, resident, '/start');
    expect(await h.t.db.selectFrom('members').select(['private_chat', 'display_name']).where('platform_user_id', '=', String(resident)).executeTakeFirstOrThrow()).toEqual({
      private_chat: 'open',
      display_name: '王阿姨',
    });
  }, 60_000);

  it('labels staff steps in the history by role, with the platform name for staff eyes only', async () => {
    await post(-1001, staff, '查询');
    const ref = (await h.t.db.selectFrom('tickets').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow()).id;
    await post(-1001, staff, `工单 T${ref}`);
    const forStaff = String(sends(-1001).at(-1)!.payload.text);
    expect(forStaff).toMatch(/社区（戴红霞）受理/);
    expect(forStaff).toMatch(/居民提交/);
    await post(-1001, resident, `工单 T${ref}`);
    const forResident = String(sends(-1001).at(-1)!.payload.text);
    expect(forResident).toMatch(/^工单 T/);
    const history = forResident.split('\n').filter((l) => /^\d+月\d+日|^今天|^昨天|\d+:\d+ /.test(l));
    expect(history.join('\n')).toMatch(/社区受理/);
    // The history names no one to a resident (who owns the ticket is another line, and another rule).
    expect(history.join('\n')).not.toContain('戴红霞');
    expect(history.length).toBeGreaterThan(1);
  }, 60_000);
});

describe('private messages WeChat will not deliver', () => {
  it('refuses to write privately to a contact who is not a friend of the account, as a closed private chat', async () => {
    const mocker = new mock.Mocker();
    const puppet = new PuppetMock({ mocker });
    const adapter = new WechatAdapter({ puppet, sendIntervalMs: 10, log: silentLogger, printQr: () => {} });
    await adapter.start(async () => {});
    const self = mocker.createContact({ name: '邻里' });
    mocker.login(self);
    puppet.emit('ready', { data: 'ready' });
    for (let i = 0; i < 200 && !adapter.wechaty?.isLoggedIn; i++) await new Promise((r) => setTimeout(r, 5));
    const friend = mocker.createContact({ name: '张三' });
    const stranger = mocker.createContact({ name: '李四', friend: false } as never);
    await adapter.port.send(friend.id, '您好', []);
    const err = await adapter.port.send(stranger.id, '您好', []).catch((e) => e);
    expect(err).toBeInstanceOf(PermanentSendError);
    expect(err.privateClosed).toBe(true);
    const sentTo = [...mocker.cacheMessagePayload.values()].filter((m) => m.talkerId === self.id).map((m) => (m as { listenerId?: string }).listenerId);
    expect(sentTo).toEqual([friend.id]);
    await adapter.stop();
  }, 60_000);
});
