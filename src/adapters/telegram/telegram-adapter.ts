import http from 'node:http';
import { Bot, GrammyError, InputFile, webhookCallback, type Transformer } from 'grammy';
import type { MessageEntity, Update, UserFromGetMe } from 'grammy/types';
import { translator } from '../../i18n/translator.js';
import type { Logger } from '../../log.js';
import type { IncomingMessage } from '../../messages/incoming-message.js';
import type { OutgoingAttachment, ReplyButton } from '../../outbox/outgoing-message.js';
import { realTimer, telegramPacer, type PaceTimer } from '../../outbound/pacing.js';
import { PermanentSendError, type SendPort } from '../../outbound/send-port.js';
import type { Adapter, WebhookRoute } from '../adapter.js';
import { MENU_LANGUAGES, botCommands } from './bot-commands.js';
import { classifySendError } from './send-errors.js';
import { inlineKeyboard, pressToIncoming } from './reply-buttons.js';
import { toIncoming } from './to-incoming.js';
import { startupRetry } from './startup-retry.js';
import { RecentUpdates } from './update-dedup.js';

/** How updates arrive: long polling (default), a webhook, or only through `handleUpdate` (tests). */
export type TelegramReceive =
  | { mode: 'polling' }
  | { mode: 'webhook'; url: string; secret: string; port: number; host?: string }
  /** A webhook served by the web server of this process (`webhookRoute()`): no listener of its own. */
  | { mode: 'webhook-shared'; url: string; secret: string }
  | { mode: 'manual' };

/** Options of the Telegram adapter. */
export interface TelegramAdapterOptions {
  token: string;
  log: Logger;
  receive: TelegramReceive;
  /** Known bot identity (skips getMe; tests). */
  botInfo?: UserFromGetMe;
  /** Bot API server (tests against an emulator). */
  apiRoot?: string;
  /** Every Bot API call passes these (tests capture outgoing calls here). */
  transformers?: Transformer[];
  /** Time for the pacer and the start-up retries (tests run it scaled). */
  timer?: PaceTimer;
  /** Register the command menu at start. Default true. */
  setCommands?: boolean;
}

// Telegram takes 4096 characters of text after entity parsing, counted in UTF-16 code units (as
// JavaScript counts a string); the mention prefix is part of the text, so it is measured too.
const MAX_TEXT = 4096;

/** Telegram through grammY: updates in (polling or webhook), paced sendMessage out. */
export class TelegramAdapter implements Adapter {
  readonly platform = 'telegram' as const;
  readonly port: SendPort;
  readonly bot: Bot;
  private readonly pacer;
  private readonly recent = new RecentUpdates();
  // Display names seen in this process, for mention labels only; never stored.
  private readonly names = new Map<string, string>();
  private onMessage: ((msg: IncomingMessage) => Promise<void>) | null = null;
  private server: http.Server | null = null;
  private polling: Promise<void> | null = null;
  private lastReady: { at: number; result: Promise<{ ok: boolean; detail?: string }> } | null = null;

  constructor(private readonly opts: TelegramAdapterOptions) {
    this.bot = new Bot(opts.token, { botInfo: opts.botInfo, client: opts.apiRoot ? { apiRoot: opts.apiRoot } : undefined });
    for (const t of opts.transformers ?? []) this.bot.api.config.use(t);
    // Installed last, so it wraps the others: a retried call passes them again.
    this.bot.api.config.use(startupRetry({ log: opts.log, sleep: (opts.timer ?? realTimer).sleep }));
    this.pacer = telegramPacer(opts.timer);
    this.bot.use(async (ctx, next) => {
      // A repeated update id is dropped here; a failed one is released so its redelivery counts.
      if (!this.recent.claim(ctx.update.update_id)) return;
      try {
        await next();
      } catch (e) {
        this.recent.release(ctx.update.update_id);
        throw e;
      }
    });
    this.bot.on('message', async (ctx) => {
      const msg = toIncoming(ctx.message, ctx.me);
      if (!msg || !this.onMessage) return;
      if (msg.senderName) this.names.set(msg.senderId, msg.senderName);
      await this.onMessage(msg);
    });
    // A press of a reply button is the presser saying the button's words in that chat (reply-buttons.ts).
    this.bot.on('callback_query:data', async (ctx) => {
      const msg = pressToIncoming(ctx.callbackQuery, ctx.me, new Date());
      // Stops the button's spinner; the answer itself comes as a message through the pipeline.
      await ctx.answerCallbackQuery().catch((e: unknown) => opts.log.warn('telegram: answerCallbackQuery failed', { error: e }));
      if (!msg || !this.onMessage) return;
      await this.onMessage(msg);
    });
    this.bot.catch((err) => opts.log.error('telegram update failed', { updateId: err.ctx.update.update_id, error: err.error }));
    this.port = {
      maxLength: MAX_TEXT,
      measure: { length: (text) => text.length, mention: (id) => (/^\d+$/.test(id) ? `@${this.mentionLabel(id)} `.length : 0) },
      send: (chatId, text, mentions, extra) => this.send(chatId, text, mentions, extra?.buttons),
      sendAttachment: (chatId, a) => this.sendAttachment(chatId, a),
    };
  }

  /** Wait for Telegram's limits: 30 messages a second per bot, 20 a minute per group. */
  pace(chatId: string): Promise<void> {
    return this.pacer.acquire(chatId);
  }

  /** Handle one update as if Telegram had delivered it (webhook and tests). */
  handleUpdate(update: Update): Promise<void> {
    return this.bot.handleUpdate(update);
  }

  async start(onMessage: (msg: IncomingMessage) => Promise<void>): Promise<void> {
    this.onMessage = onMessage;
    const { log, receive } = this.opts;
    // getMe through our bounded retry: grammY's own init would retry a 5xx for ever.
    if (!this.bot.isInited()) this.bot.botInfo = await this.bot.api.getMe();
    await this.bot.init();
    log.info(`telegram: bot @${this.bot.botInfo.username} (${this.bot.botInfo.id}), ${receive.mode}`);
    if (this.opts.setCommands !== false) await this.setCommands();
    if (!this.bot.botInfo.can_read_all_group_messages && receive.mode !== 'manual') {
      log.warn('telegram: privacy mode is on — in groups the bot sees only /commands, replies and @mentions unless it is an admin (see README)');
    }
    if (receive.mode === 'polling') {
      // Polling and a webhook exclude each other: drop any webhook left from an earlier run.
      await this.bot.api.deleteWebhook();
      this.polling = this.bot.start({ allowed_updates: ['message', 'callback_query'], onStart: () => log.info('telegram: long polling') }).catch((e) => {
        log.error('telegram: polling stopped', { error: e });
      });
    } else if (receive.mode === 'webhook') {
      await this.startWebhook(receive);
    } else if (receive.mode === 'webhook-shared') {
      // Telegram retries an update the server could not take yet, so the order of start-up does not matter.
      await this.bot.api.setWebhook(receive.url, { secret_token: receive.secret, allowed_updates: ['message'] });
      log.info(`telegram: webhook ${receive.url} (served by the web server)`);
    }
  }

  /**
   * Telegram reachable: the Bot API answers getWebhookInfo (not a start-up call, so no start-up
   * retries), at most once every 30 s whatever polls /readyz.
   */
  readyCheck(): Promise<{ ok: boolean; detail?: string }> {
    const now = Date.now();
    if (this.lastReady && now - this.lastReady.at < 30_000) return this.lastReady.result;
    const result = this.bot.api.getWebhookInfo().then(
      (info) => ({ ok: true, detail: info.last_error_message ? `reachable; last webhook error: ${info.last_error_message}` : 'reachable' }),
      (e: unknown) => ({ ok: false, detail: `Bot API: ${(e as Error).message}` }),
    );
    this.lastReady = { at: now, result };
    return result;
  }

  /** With a shared webhook: the path and handler the web server serves (the secret token checked by grammY). */
  webhookRoute(): WebhookRoute | null {
    const receive = this.opts.receive;
    if (receive.mode !== 'webhook-shared') return null;
    const callback = webhookCallback(this.bot, 'std/http', { secretToken: receive.secret });
    return {
      path: new URL(receive.url).pathname || '/',
      handle: async (req) => {
        try {
          return await callback(req);
        } catch (e) {
          this.opts.log.error('telegram: webhook call failed', { error: e });
          return new Response('error', { status: 500 });
        }
      },
    };
  }

  private async startWebhook(receive: Extract<TelegramReceive, { mode: 'webhook' }>): Promise<void> {
    const path = new URL(receive.url).pathname || '/';
    // grammY answers 401 to a call without the right X-Telegram-Bot-Api-Secret-Token, before any handler runs.
    const callback = webhookCallback(this.bot, 'http', { secretToken: receive.secret });
    this.server = http.createServer((req, res) => {
      if (req.method !== 'POST' || (req.url ?? '').split('?')[0] !== path) {
        res.writeHead(404).end();
        return;
      }
      callback(req, res).catch((e: unknown) => {
        this.opts.log.error('telegram: webhook call failed', { error: e });
        if (!res.headersSent) res.writeHead(500).end();
      });
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(receive.port, receive.host ?? '0.0.0.0', () => resolve());
    });
    await this.bot.api.setWebhook(receive.url, { secret_token: receive.secret, allowed_updates: ['message', 'callback_query'] });
    this.opts.log.info(`telegram: webhook ${receive.url} (listening on ${receive.port})`);
  }

  /** The port the webhook server listens on (tests pass 0). */
  webhookPort(): number | null {
    const a = this.server?.address();
    return a && typeof a === 'object' ? a.port : null;
  }

  private async setCommands(): Promise<void> {
    for (const { languageCode, locale } of MENU_LANGUAGES) {
      try {
        await this.bot.api.setMyCommands(botCommands(locale), languageCode ? { language_code: languageCode } : undefined);
      } catch (e) {
        this.opts.log.warn('telegram: could not set the command menu', { languageCode, error: e });
      }
    }
  }

  /** What a mention of `id` shows: the name seen in this process, or a neutral word. */
  private mentionLabel(id: string): string {
    return this.names.get(id) ?? translator('zh-Hans').t('mention_fallback');
  }

  private async send(chatId: string, text: string, mentions: string[], buttons?: ReplyButton[]): Promise<void> {
    // No parse mode: user text goes out as is, and mentions are entities, so nothing needs escaping.
    let prefix = '';
    const entities: MessageEntity[] = [];
    for (const id of mentions) {
      if (!/^\d+$/.test(id)) continue;
      const label = this.mentionLabel(id);
      entities.push({ type: 'text_mention', offset: prefix.length, length: label.length + 1, user: { id: Number(id), is_bot: false, first_name: label } });
      prefix += `@${label} `;
    }
    try {
      const reply_markup = inlineKeyboard(buttons);
      await this.bot.api.sendMessage(chatId, prefix + text, {
        ...(entities.length ? { entities } : {}),
        ...(reply_markup ? { reply_markup } : {}),
        link_preview_options: { is_disabled: true },
      });
    } catch (e) {
      throw classifySendError(e, chatId);
    }
  }

  /** An image as a photo (shown inline), anything else as a document with its file name. */
  private async sendAttachment(chatId: string, a: OutgoingAttachment): Promise<void> {
    const file = new InputFile(a.bytes, a.fileName);
    try {
      if (a.kind === 'image') await this.bot.api.sendPhoto(chatId, file);
      else await this.bot.api.sendDocument(chatId, file);
    } catch (e) {
      // Too large for the Bot API (photos 10 MB, files 50 MB): sending it again cannot help.
      if (e instanceof GrammyError && e.error_code === 413) throw new PermanentSendError(`telegram 413: ${e.description}`, { cause: e });
      throw classifySendError(e, chatId);
    }
  }

  async stop(): Promise<void> {
    this.onMessage = null;
    if (this.polling) {
      await this.bot.stop();
      await this.polling;
      this.polling = null;
    }
    if (this.server) {
      const s = this.server;
      this.server = null;
      await new Promise<void>((r) => s.close(() => r()));
    }
  }
}
