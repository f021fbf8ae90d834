import { FileBox } from 'file-box';
import { PuppetMock, mock } from 'wechaty-puppet-mock';
import { describe, expect, it } from 'vitest';
import { WechatAdapter } from '../../src/adapters/wechat/wechat-adapter.js';
import { stripBotMention } from '../../src/adapters/wechat/strip-mention.js';
import { silentLogger } from '../../src/log.js';
import type { IncomingMessage } from '../../src/messages/incoming-message.js';
import { conformanceSuite, type Driver, type Shown } from './suite.js';

interface MockWorld {
  mocker: mock.Mocker;
  puppet: PuppetMock;
  adapter: WechatAdapter;
  self: mock.ContactMock;
  contacts: Map<string, mock.ContactMock>;
}

function mockWorld(): MockWorld {
  const mocker = new mock.Mocker();
  const puppet = new PuppetMock({ mocker });
  const adapter = new WechatAdapter({ puppet, sendIntervalMs: 10, log: silentLogger, printQr: () => {} });
  return { mocker, puppet, adapter, self: undefined as never, contacts: new Map() };
}

/** Log the mock account in; wechaty-puppet-mock never emits `ready` by itself. */
async function login(w: MockWorld): Promise<void> {
  w.self = w.mocker.createContact({ name: '邻里' });
  w.mocker.login(w.self);
  w.puppet.emit('ready', { data: 'ready' });
  for (let i = 0; i < 200 && !w.adapter.wechaty?.isLoggedIn; i++) await new Promise((r) => setTimeout(r, 5));
}

/** The last message the mock holds (the one `say` just created). */
function lastMessageId(w: MockWorld): string {
  return [...w.mocker.cacheMessagePayload.keys()].at(-1)!;
}

conformanceSuite('wechat', async () => {
  const w = mockWorld();
  const room = w.mocker.createRoom({ topic: '聚心苑8栋', memberIdList: [] });
  const other = w.mocker.createRoom({ topic: '新群', memberIdList: [] });
  const driver: Driver = {
    platform: 'wechat',
    adapter: w.adapter,
    ready: () => login(w),
    linkedChat: room.id,
    unlinkedChat: other.id,
    mentionBot: true,
    member: async (name) => {
      const c = w.mocker.createContact({ name });
      w.contacts.set(c.id, c);
      return c.id;
    },
    post: async (chatId, memberId, text, opts) => {
      const c = w.contacts.get(memberId)!;
      const r = chatId === room.id ? room : other;
      if (opts?.mentionBot) c.say(`@邻里\u2005${text}`, [w.self]).to(r);
      else c.say(text).to(r);
      const id = lastMessageId(w);
      // A redelivery is the puppet emitting the same message id again.
      return { redeliver: async () => void w.puppet.emit('message', { messageId: id }) };
    },
    botPosts: async (chatId, text) => {
      w.self.say(text).to(chatId === room.id ? room : other);
    },
    postPrivate: async (memberId, text) => {
      const c = w.contacts.get(memberId)!;
      c.say(text).to(w.self);
      return memberId;
    },
    shown: () =>
      [...w.mocker.cacheMessagePayload.values()]
        .filter((m) => m.talkerId === w.self.id && m.text !== undefined && ('roomId' in m ? m.roomId : m.listenerId))
        .filter((m) => !selfPosts.has(m.id))
        .map((m): Shown => ({ chatId: ('roomId' in m && m.roomId ? m.roomId : (m as { listenerId: string }).listenerId), text: m.text! })),
    files: () =>
      [...w.mocker.cacheFileBoxPayload.entries()]
        .map(([id, box]) => ({ m: w.mocker.cacheMessagePayload.get(id)!, box: box as { name: string; base64?: string } }))
        .filter(({ m }) => m.talkerId === w.self.id)
        .map(({ m, box }) => ({
          chatId: 'roomId' in m && m.roomId ? m.roomId : (m as { listenerId: string }).listenerId,
          fileName: box.name,
          size: Buffer.from(box.base64 ?? '', 'base64').length,
        })),
    close: async () => {},
  };
  // Messages the test itself posts as the bot are not the bot's replies.
  const selfPosts = new Set<string>();
  const botPosts = driver.botPosts;
  driver.botPosts = async (chatId, text) => {
    await botPosts(chatId, text);
    selfPosts.add(lastMessageId(w));
  };
  return driver;
});

describe('wechat adapter specifics', () => {
  it('is ready for /readyz only while logged in', async () => {
    const w = mockWorld();
    await w.adapter.start(async () => {});
    expect(await w.adapter.readyCheck()).toEqual({ ok: false, detail: 'not logged in: scan the QR code' });
    await login(w);
    expect(await w.adapter.readyCheck()).toEqual({ ok: true, detail: 'logged in' });
    await w.adapter.stop();
  });

  it('strips only the bot’s mention, under its name or room alias', () => {
    expect(stripBotMention('@邻里\u2005查询', ['邻里'])).toBe('查询');
    expect(stripBotMention('@小邻 绑定 8-2-301', ['邻里', '小邻'])).toBe('绑定 8-2-301');
    expect(stripBotMention('@张三\u2005投诉 楼道', ['邻里'])).toBe('@张三\u2005投诉 楼道');
  });

  it('keeps images as attachments, and two members with one display name are two members', async () => {
    const w = mockWorld();
    const got: IncomingMessage[] = [];
    await w.adapter.start(async (m) => void got.push(m));
    await login(w);
    const room = w.mocker.createRoom({ topic: '8栋', memberIdList: [] });
    const a = w.mocker.createContact({ name: '王芳' });
    const b = w.mocker.createContact({ name: '王芳' });
    a.say(FileBox.fromBase64('iVBORw0KGgo=', 'receipt.png')).to(room);
    b.say('查询').to(room);
    for (let i = 0; i < 200 && got.length < 2; i++) await new Promise((r) => setTimeout(r, 5));
    const img = got.find((m) => m.senderId === a.id)!;
    expect(img.attachments).toEqual([{ kind: 'image', id: img.messageId }]);
    expect(got.find((m) => m.senderId === b.id)!.senderName).toBe('王芳');
    expect(a.id).not.toBe(b.id);
    await w.adapter.stop();
  });
});
