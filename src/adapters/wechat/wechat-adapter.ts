import type { Contact, Message, Room, Wechaty } from 'wechaty';
import type { Logger } from '../../log.js';
import { toE6, type Attachment, type IncomingMessage } from '../../messages/incoming-message.js';
import type { OutgoingAttachment } from '../../outbox/outgoing-message.js';
import { wechatPacer, type PaceTimer } from '../../outbound/pacing.js';
import { PermanentSendError, RateLimitedError, type SendPort } from '../../outbound/send-port.js';
import type { Adapter } from '../adapter.js';
import { stripBotMention } from './strip-mention.js';

/** Options of the WeChat adapter. */
export interface WechatAdapterOptions {
  /** A puppet's npm name (WECHATY_PUPPET), or a puppet instance (tests: wechaty-puppet-mock). */
  puppet: string | object;
  /** Token for puppets that need one (wechaty-puppet-service). */
  token?: string | null;
  /** Minimum ms between two messages from the account; up to half again is added at random. */
  sendIntervalMs: number;
  log: Logger;
  /** Where the login QR code is printed. Default: standard error. */
  printQr?: (text: string) => void;
  timer?: PaceTimer;
  random?: () => number;
  /** Where Wechaty keeps its login session (`<name>.memory-card.json`); unset: memory only. */
  sessionName?: string;
  /** Messages older than this when they arrive are history replayed at login, not commands. */
  maxAgeSeconds?: number;
}

// WeChat cuts very long texts; 1500 characters stays well inside every puppet's limit.
const MAX_TEXT = 1500;
// What one mention adds at most: "@", a nickname of up to 16 characters, the separator.
const MENTION_COST = 18;
// While logged out, the sender holds the message and asks again after this long.
const LOGGED_OUT_RETRY_MS = 5000;

/** True for ids WeChat gives to group chats (`…@chatroom` on the iPad/service puppets, `@@…` on the web ones). */
export function looksLikeRoomId(id: string): boolean {
  return id.endsWith('@chatroom') || id.startsWith('@@');
}

/**
 * WeChat through Wechaty: room and private messages in, paced text out from the one logged-in
 * account. Wechaty loads only when this adapter starts.
 */
export class WechatAdapter implements Adapter {
  readonly platform = 'wechat' as const;
  readonly port: SendPort;
  private bot: Wechaty | null = null;
  private readonly pacer;
  private readonly rooms = new Set<string>();
  private onMessage: ((msg: IncomingMessage) => Promise<void>) | null = null;
  private qr: string | null = null;

  constructor(private readonly opts: WechatAdapterOptions) {
    this.pacer = wechatPacer(opts.sendIntervalMs, opts.timer, opts.random);
    this.port = {
      maxLength: MAX_TEXT,
      // Wechaty puts "@name\u2005" before the text for each mention; a nickname is at most 16 characters.
      measure: { length: (text) => Array.from(text).length, mention: () => MENTION_COST },
      send: (chatId, text, mentions) => this.send(chatId, text, mentions),
      sendAttachment: (chatId, a) => this.sendAttachment(chatId, a),
    };
  }

  /** The running Wechaty (tests reach the puppet through it). */
  get wechaty(): Wechaty | null {
    return this.bot;
  }

  /** The QR code to scan while WeChat waits for a login; null once logged in. */
  loginQr(): string | null {
    return this.bot?.isLoggedIn ? null : this.qr;
  }

  /** WeChat is usable only while the account is logged in (after a scan of the QR code). */
  async readyCheck(): Promise<{ ok: boolean; detail?: string }> {
    return this.bot?.isLoggedIn ? { ok: true, detail: 'logged in' } : { ok: false, detail: 'not logged in: scan the QR code' };
  }

  /** One account, one pace: faster sending gets a WeChat account restricted. */
  pace(_chatId: string): Promise<void> {
    return this.pacer.acquire(_chatId);
  }

  async start(onMessage: (msg: IncomingMessage) => Promise<void>): Promise<void> {
    this.onMessage = onMessage;
    const { log } = this.opts;
    const { WechatyBuilder, ScanStatus } = await import('wechaty');
    const puppet = this.opts.puppet;
    const bot =
      typeof puppet === 'string'
        ? WechatyBuilder.build({ name: this.opts.sessionName, puppet: puppet as never, puppetOptions: this.opts.token ? { token: this.opts.token } : undefined })
        : WechatyBuilder.build({ name: this.opts.sessionName, puppet: puppet as never });
    this.bot = bot;
    const printQr = this.opts.printQr ?? ((s: string) => process.stderr.write(s));
    bot.on('scan', async (qrcode, status) => {
      // Kept for the admins' web page while it waits for a scan; a login clears it.
      this.qr = status === ScanStatus.Waiting || status === ScanStatus.Timeout ? qrcode : this.qr;
      if (status !== ScanStatus.Waiting && status !== ScanStatus.Timeout) {
        log.info(`wechat: scan status ${ScanStatus[status]}`);
        return;
      }
      const qr = await import('qrcode');
      const art = await qr.toString(qrcode, { type: 'terminal', small: true }).catch(() => '');
      printQr(`\n扫码登录微信 / scan with WeChat to log in:\n${art}\nhttps://wechaty.js.org/qrcode/${encodeURIComponent(qrcode)}\n`);
    });
    bot.on('login', (user) => {
      this.qr = null;
      log.info(`wechat: logged in as ${user.name()} (${user.id})`);
    });
    bot.on('logout', (user, reason) => log.warn(`wechat: ${user.name()} logged out${reason ? ` (${reason})` : ''}; waiting to log in again — messages wait in the queue`));
    bot.on('ready', () => log.info('wechat: ready'));
    bot.on('error', (e) => log.error('wechat: error', { error: e }));
    bot.on('message', async (m) => {
      try {
        const msg = await this.toIncoming(m);
        if (msg && this.onMessage) await this.onMessage(msg);
      } catch (e) {
        // One error boundary per message: a bad message never stops the adapter.
        log.error('wechat: could not read a message', { error: e });
      }
    });
    await bot.start();
    log.info(`wechat: started with ${typeof puppet === 'string' ? puppet : 'a puppet instance'}; waiting for login`);
  }

  /** A Wechaty message as an `IncomingMessage`, or null when the bot should not look at it. */
  private async toIncoming(m: Message): Promise<IncomingMessage | null> {
    const bot = this.bot!;
    const { types } = await import('wechaty');
    if (m.self()) return null;
    if (m.age() > (this.opts.maxAgeSeconds ?? 600)) return null;
    const talker = m.talker();
    if (talker.type() === types.Contact.Official) return null;
    const attachments: Attachment[] = [];
    const type = m.type();
    // The message id is the handle to fetch the file later (Message.find({ id }).toFileBox()).
    if (type === types.Message.Image) attachments.push({ kind: 'image', id: m.id });
    else if (type === types.Message.Attachment) attachments.push({ kind: 'file', id: m.id });
    else if (type === types.Message.Location) {
      // A grid worker on patrol sharing where they are. Asked of the puppet: Wechaty 1.x's
      // Message.toLocation() builds an un-wechatified Location and throws.
      const loc = await bot.puppet.messageLocation(m.id);
      attachments.push({ kind: 'location', id: m.id, latitudeE6: toE6(loc.latitude), longitudeE6: toE6(loc.longitude), label: loc.name || loc.address || null });
    } else if (type !== types.Message.Text) return null;
    const room = m.room();
    let text = type === types.Message.Text ? m.text() : '';
    let chatTitle: string | null = null;
    let mentionsBot = false;
    if (room) {
      this.rooms.add(room.id);
      chatTitle = (await room.topic().catch(() => null)) || null;
      const self = bot.currentUser;
      const alias = await room.alias(self).catch(() => undefined);
      const stripped = stripBotMention(text, [self.name(), alias ?? '']);
      // Stripping a mention of the bot changes more than the edges: the message was for the bot.
      mentionsBot = stripped !== text.replace(/^[\s\u2005,，:：]+/, '').trim();
      text = stripped;
    }
    return {
      platform: 'wechat',
      chatId: room ? room.id : talker.id,
      isPrivate: !room,
      mentionsBot,
      messageId: m.id,
      // Identity is the contact id, never a nickname or alias.
      senderId: talker.id,
      senderName: talker.name() || null,
      chatTitle,
      text,
      attachments,
      receivedAt: m.date(),
    };
  }

  private async send(chatId: string, text: string, mentions: string[]): Promise<void> {
    await this.sayTo(chatId, async (bot, to) => {
      if (to.kind === 'room') {
        const members = (await Promise.all(mentions.map((id) => bot.Contact.find({ id })))).filter((c) => c !== undefined);
        await to.room.say(text, ...members);
      } else await to.contact.say(text);
    });
  }

  /** An image or file as a FileBox (base64, so a puppet service can carry it too). */
  private async sendAttachment(chatId: string, a: OutgoingAttachment): Promise<void> {
    const { FileBox } = await import('file-box');
    const box = FileBox.fromBase64(Buffer.from(a.bytes).toString('base64'), a.fileName);
    await this.sayTo(chatId, async (_bot, to) => {
      await (to.kind === 'room' ? to.room.say(box) : to.contact.say(box));
    });
  }

  /** Find the room or friend `chatId` names and say something there; refusals classified for the sender. */
  private async sayTo(chatId: string, say: (bot: Wechaty, to: { kind: 'room'; room: Room } | { kind: 'contact'; contact: Contact }) => Promise<void>): Promise<void> {
    const bot = this.bot;
    if (!bot?.isLoggedIn) throw new RateLimitedError(LOGGED_OUT_RETRY_MS);
    try {
      if (this.rooms.has(chatId) || looksLikeRoomId(chatId)) {
        const room = await bot.Room.find({ id: chatId });
        if (!room) throw new PermanentSendError(`wechat: room ${chatId} not found (the bot left or was removed)`);
        await say(bot, { kind: 'room', room });
        return;
      }
      const contact = await bot.Contact.find({ id: chatId });
      if (!contact) throw new PermanentSendError(`wechat: contact ${chatId} not found (not a friend any more)`, { privateClosed: true });
      // WeChat delivers a private message only to a friend of the account; anyone else is told in the group.
      if (contact.friend() === false) throw new PermanentSendError(`wechat: ${chatId} is not a friend of the bot's account`, { privateClosed: true });
      await say(bot, { kind: 'contact', contact });
    } catch (e) {
      if (e instanceof PermanentSendError || e instanceof RateLimitedError) throw e;
      if (!bot.isLoggedIn) throw new RateLimitedError(LOGGED_OUT_RETRY_MS, { cause: e });
      throw e;
    }
  }

  async stop(): Promise<void> {
    this.onMessage = null;
    await this.bot?.stop();
    this.bot = null;
  }
}
