import { PuppetMock, mock } from 'wechaty-puppet-mock';
import { types } from 'wechaty';
import { describe, expect, it } from 'vitest';
import { TelegramAdapter } from '../../src/adapters/telegram/telegram-adapter.js';
import { WechatAdapter } from '../../src/adapters/wechat/wechat-adapter.js';
import { silentLogger } from '../../src/log.js';
import type { IncomingMessage } from '../../src/messages/incoming-message.js';
import { BOT, capture, messageUpdate } from './telegram-fixtures.js';

// Location messages (a grid worker on patrol) reach the core as a 'location' attachment, in
// integer millionths of a degree, from both platforms.
describe('location messages', () => {
  it('grammY: a location, and a venue with its title, through the transformer seam', async () => {
    const got: IncomingMessage[] = [];
    const adapter = new TelegramAdapter({ token: '123:test', log: silentLogger, receive: { mode: 'manual' }, botInfo: BOT, transformers: [capture([])], setCommands: false });
    await adapter.start(async (m) => void got.push(m));
    await adapter.handleUpdate(messageUpdate(-1001, 555, '', { text: undefined, location: { latitude: 28.228123, longitude: 112.938456 } }));
    await adapter.handleUpdate(
      messageUpdate(-1001, 555, '', { text: undefined, location: { latitude: 28.2, longitude: 112.9 }, venue: { location: { latitude: 28.2, longitude: 112.9 }, title: '9栋', address: '聚心苑' } }),
    );
    expect(got.map((m) => m.attachments)).toEqual([
      [{ kind: 'location', id: got[0].messageId, latitudeE6: 28_228_123, longitudeE6: 112_938_456, label: null }],
      [{ kind: 'location', id: got[1].messageId, latitudeE6: 28_200_000, longitudeE6: 112_900_000, label: '9栋' }],
    ]);
    expect(got[0].text).toBe('');
    await adapter.stop();
  });

  it('Wechaty: a location message through wechaty-puppet-mock', async () => {
    const mocker = new mock.Mocker();
    const puppet = new PuppetMock({ mocker });
    const adapter = new WechatAdapter({ puppet, sendIntervalMs: 10, log: silentLogger, printQr: () => {} });
    const got: IncomingMessage[] = [];
    await adapter.start(async (m) => void got.push(m));
    const self = mocker.createContact({ name: '邻里' });
    mocker.login(self);
    puppet.emit('ready', { data: 'ready' });
    for (let i = 0; i < 200 && !adapter.wechaty?.isLoggedIn; i++) await new Promise((r) => setTimeout(r, 5));
    const room = mocker.createRoom({ topic: '聚心苑工作群', memberIdList: [] });
    const worker = mocker.createContact({ name: '刘雅玲' });
    // The mock's say() sends no locations: make the message the way say() does, with the Location type.
    const msg = mocker.MessageMock.create({ id: 'loc-msg-1', talkerId: worker.id, roomId: room.id, mentionIdList: [], timestamp: Date.now(), type: types.Message.Location });
    puppet.emit('message', { messageId: msg.id });
    for (let i = 0; i < 200 && got.length < 1; i++) await new Promise((r) => setTimeout(r, 5));
    // wechaty-puppet-mock answers every location with the same place (Beijing, 45 Chengfu Rd).
    expect(got[0]).toMatchObject({ platform: 'wechat', chatId: room.id, senderId: worker.id, text: '' });
    expect(got[0].attachments).toEqual([{ kind: 'location', id: 'loc-msg-1', latitudeE6: 39_995_121, longitudeE6: 116_334_154, label: expect.any(String) }]);
    await adapter.stop();
  });
});
