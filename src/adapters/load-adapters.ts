import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import type { Adapter } from './adapter.js';

/**
 * The chat platforms the configuration turns on. Platform libraries load only when used.
 * `webInProcess`: this process also runs the web server, which then serves Telegram's webhook.
 */
export async function loadAdapters(config: Config, log: Logger, opts: { webInProcess?: boolean } = {}): Promise<Adapter[]> {
  const adapters: Adapter[] = [];
  if (config.wechatyPuppet) {
    const { WechatAdapter } = await import('./wechat/wechat-adapter.js');
    await mkdir(config.dataDir, { recursive: true });
    adapters.push(
      new WechatAdapter({
        puppet: config.wechatyPuppet,
        token: config.wechatyPuppetToken,
        sendIntervalMs: config.wechatSendIntervalMs,
        // The login session survives a restart where the puppet supports it.
        sessionName: path.join(config.dataDir, 'wechat'),
        log,
      }),
    );
  }
  if (config.telegramBotToken) {
    const { TelegramAdapter } = await import('./telegram/telegram-adapter.js');
    adapters.push(
      new TelegramAdapter({
        token: config.telegramBotToken,
        log,
        receive:
          config.telegramWebhookUrl && config.telegramWebhookSecret
            ? opts.webInProcess
              ? { mode: 'webhook-shared', url: config.telegramWebhookUrl, secret: config.telegramWebhookSecret }
              : { mode: 'webhook', url: config.telegramWebhookUrl, secret: config.telegramWebhookSecret, port: config.telegramWebhookPort }
            : { mode: 'polling' },
      }),
    );
  }
  return adapters;
}
