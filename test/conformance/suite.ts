import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Adapter } from '../../src/adapters/adapter.js';
import { linkGroup } from '../../src/cli/groups-command.js';
import { DEMO_ESTATE_CODE } from '../../src/demo/seed-demo-estate.js';
import { translator } from '../../src/i18n/translator.js';
import type { Platform } from '../../src/messages/incoming-message.js';
import { messageKey } from '../../src/queue/job-ids.js';
import { handOverPending } from '../../src/outbox/hand-over-pending.js';
import { writeScheduled } from '../../src/outbox/write-outbox.js';
import { queueOutbound } from '../../src/outbound/queue-outbound.js';
import { startHarness, type Harness, type ShownFile } from './harness.js';

/** Something the platform showed in a chat, as the platform (or its emulator) saw it. */
export interface Shown {
  chatId: string;
  text: string;
}

/** What the suite needs from a platform: make members, post as them, see what the bot sent. */
export interface Driver {
  platform: Platform;
  adapter: Adapter;
  /** After the adapter started (e.g. log the mock account in). */
  ready(): Promise<void>;
  linkedChat: string;
  unlinkedChat: string;
  /** The platform user id of a (new) member called `name`. */
  member(name: string): Promise<string>;
  /** The platform delivers a group message; `redeliver` delivers the very same one again. */
  post(chatId: string, memberId: string, text: string, opts?: { mentionBot?: boolean }): Promise<{ redeliver(): Promise<void> }>;
  /** A message from the bot's own account arrives (as platforms echo it). */
  botPosts(chatId: string, text: string): Promise<void>;
  /** A private message to the bot, and the chat id its answer must go to; absent where the platform has none. */
  postPrivate?(memberId: string, text: string): Promise<string>;
  /** What reached the platform; null where only the port can be observed (console). */
  shown(): Shown[] | null;
  /** Images and files that reached the platform (or the console's folder). */
  files(): ShownFile[];
  /** From now on the platform refuses images and files in every chat (e.g. a group's rights); absent where it cannot. */
  refuseFiles?(): void;
  mentionBot: boolean;
  close?(): Promise<void>;
}

const zh = translator('zh-Hans');
// A 1×1 PNG: the smallest image every platform takes.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

/** The conformance suite every adapter passes, through the real pipeline. */
export function conformanceSuite(name: string, makeDriver: () => Promise<Driver>, caps: { privateChats: boolean } = { privateChats: true }): void {
  describe(`adapter conformance: ${name}`, () => {
    let d: Driver;
    let h: Harness;
    const shown = (): Shown[] => d.shown() ?? h.rec.calls.map((c) => ({ chatId: c.chatId, text: c.text }));
    /** Run `act`, let the pipeline finish, return what the bot showed meanwhile. */
    const during = async (expectReceived: number, act: () => Promise<unknown>): Promise<Shown[]> => {
      const before = shown().length;
      const received = h.rec.received.length;
      await act();
      await h.rec.waitForReceived(received + expectReceived);
      await h.settle();
      return shown().slice(before);
    };

    beforeAll(async () => {
      d = await makeDriver();
      h = await startHarness(`conf_${name}`, d.adapter);
      await d.ready();
      const r = await linkGroup(h.t.db, { platform: d.platform, chatId: d.linkedChat }, DEMO_ESTATE_CODE, {});
      expect(r.ok).toBe(true);
    });
    afterAll(async () => {
      await h?.close();
      await d?.close?.();
    });

    it('turns a room message into the same IncomingMessage, @mention of the bot stripped', async () => {
      const wang = await d.member('王芳');
      const out = await during(1, () => d.post(d.linkedChat, wang, '查询', { mentionBot: d.mentionBot }));
      const msg = h.rec.received.at(-1)!;
      expect(msg).toMatchObject({ platform: d.platform, chatId: d.linkedChat, isPrivate: false, senderId: wang, senderName: '王芳', text: '查询', attachments: [] });
      expect(typeof msg.messageId).toBe('string');
      expect(msg.messageId.length).toBeGreaterThan(0);
      expect(msg.receivedAt).toBeInstanceOf(Date);
      expect(out).toEqual([{ chatId: d.linkedChat, text: zh.t('status_no_household') }]);
    });

    it('sends a reply to the chat the message came from', async () => {
      const li = await d.member('李强');
      expect(await during(1, () => d.post(d.linkedChat, li, '帮助'))).toEqual([{ chatId: d.linkedChat, text: zh.t('help') }]);
    });

    it('takes a message the platform delivers twice once', async () => {
      const zhao = await d.member('赵敏');
      const out = await during(1, async () => {
        const n = h.rec.received.length;
        const p = await d.post(d.linkedChat, zhao, '查询');
        await h.rec.waitForReceived(n + 1);
        await p.redeliver();
        await new Promise((r) => setTimeout(r, 200));
      });
      expect(out).toEqual([{ chatId: d.linkedChat, text: zh.t('status_no_household') }]);
      const msg = h.rec.received.at(-1)!;
      const rows = await h.t.db.selectFrom('processed_commands').select('key').where('key', '=', messageKey(msg)).execute();
      expect(rows).toHaveLength(1);
    });

    it('ignores its own messages', async () => {
      const before = h.rec.received.length;
      const out = await during(0, async () => {
        await d.botPosts(d.linkedChat, '查询');
        await new Promise((r) => setTimeout(r, 300));
      });
      expect(h.rec.received.length).toBe(before);
      expect(out).toEqual([]);
    });

    it('tells an unlinked chat once that it is not linked, and does nothing else there', async () => {
      const a = await d.member('孙丽');
      const b = await d.member('周杰');
      const out = await during(3, async () => {
        await d.post(d.unlinkedChat, a, '查询');
        await d.post(d.unlinkedChat, b, '已交60元');
        await d.post(d.unlinkedChat, a, '今天天气不错');
      });
      expect(out).toEqual([{ chatId: d.unlinkedChat, text: zh.t('group_unlinked') }]);
      const payments = await h.t.db.selectFrom('payments').select('id').where('source_key', 'like', `${d.platform}-%`).execute();
      expect(payments).toEqual([]);
    });

    // Only platforms with private chats have this case (the console is one group).
    if (caps.privateChats) it('answers a private message in private', async () => {
      const wu = await d.member('吴刚');
      let chat = '';
      const out = await during(1, async () => {
        chat = await d.postPrivate!(wu, '帮助');
      });
      expect(out).toEqual([{ chatId: chat, text: zh.t('help') }]);
      expect(h.rec.received.at(-1)).toMatchObject({ isPrivate: true, senderId: wu });
    });
    it('sends an image after its text, and forgets the bytes once it is delivered', async () => {
      const key = `conf-${name}-chart`;
      const out = await during(0, () => post(key, '本周公示（附图）'));
      expect(out).toEqual([{ chatId: d.linkedChat, text: '本周公示（附图）' }]);
      expect(d.files()).toContainEqual({ chatId: d.linkedChat, fileName: 'chart.png', size: PNG.length });
      expect(await delivered(key)).toMatchObject({ status: 'sent', reason: null });
      expect(await attachmentsLeft()).toBe(0);
    });

    // A platform that can refuse a file (Telegram: no right to send media there) still delivers the text.
    it('sends the text alone where the chat refuses the image', async () => {
      if (!d.refuseFiles) return;
      d.refuseFiles();
      const key = `conf-${name}-refused`;
      const before = d.files().length;
      const out = await during(0, () => post(key, '本周公示（图被拒）'));
      expect(out).toEqual([{ chatId: d.linkedChat, text: '本周公示（图被拒）' }]);
      expect(d.files().length).toBe(before);
      const row = await delivered(key);
      expect(row.status).toBe('sent');
      expect(row.reason).toMatch(/attachment refused/);
    });

    /** Write a message with a PNG to the outbox, as a job does, and hand it to the outbound queue. */
    async function post(key: string, text: string): Promise<void> {
      const to = { platform: d.platform, chatId: d.linkedChat };
      await h.t.db.transaction().execute((tx) => writeScheduled(tx, key, { to, text, mentions: [], attachment: { kind: 'image', mime: 'image/png', fileName: 'chart.png', bytes: PNG } }, new Date()));
      await handOverPending({ db: h.t.db, outbound: queueOutbound(h.factory) }, { keys: [key] });
    }
    /** The outbox row once its delivery is recorded (the report is batched). */
    async function delivered(key: string) {
      for (let i = 0; i < 500; i++) {
        const row = await h.t.db.selectFrom('outbox').select(['status', 'reason']).where('key', '=', key).executeTakeFirstOrThrow();
        if (row.status !== 'pending') return row;
        await new Promise((r) => setTimeout(r, 10));
      }
      throw new Error(`${key} was never recorded as delivered`);
    }
    /** Attachments still stored, once none are left or after a while (collection follows the delivery report). */
    async function attachmentsLeft(): Promise<number> {
      let n = 0;
      for (let i = 0; i < 500; i++) {
        const r = await h.t.db.selectFrom('outbox_attachments').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
        n = Number(r.n);
        if (n === 0) break;
        await new Promise((r) => setTimeout(r, 10));
      }
      return n;
    }
  });
}
