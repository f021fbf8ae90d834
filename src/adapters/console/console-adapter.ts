import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { translator } from '../../i18n/translator.js';
import type { IncomingMessage } from '../../messages/incoming-message.js';
import type { SendPort } from '../../outbound/send-port.js';
import type { Adapter } from '../adapter.js';
import { CONSOLE_CHAT_ID, consoleUserId } from './identity.js';

const BOT_MENTION = /[@＠](?:邻里|linli)/i;
const PRIVATE_NAME = /^(.+?)\s*[（(](?:私聊|private)[)）]$/i;

/** One typed line: `NAME: TEXT` (an ASCII or full-width colon). */
export function parseConsoleLine(line: string): { name: string; text: string } | null {
  const m = /^\s*([^:：]{1,40}?)\s*[:：]\s?(.*)$/s.exec(line.replace(/\r$/, ''));
  if (!m || !m[1].trim()) return null;
  return { name: m[1].trim(), text: m[2] };
}

/** A file name that stays inside its folder and is safe on any file system. */
function safeFileName(name: string): string {
  return path.basename(name).replace(/[^\p{L}\p{N}._-]+/gu, '_').slice(-80) || 'file';
}

/**
 * The terminal as a group chat: each line is a message from the member it names, each bot
 * message prints as `linli: ...`. Identity is the name's derived id, as a platform id would be.
 */
export class ConsoleAdapter implements Adapter {
  readonly platform = 'console' as const;
  readonly port: SendPort;
  private onMessage: ((msg: IncomingMessage) => Promise<void>) | null = null;
  private readonly names = new Map<string, string>();
  private seq = 0;
  private files = 0;
  // Unique across runs, so a message typed again tomorrow is a new message.
  private readonly runId = Date.now().toString(36);

  /** `filesDir`: where images and files sent to the terminal are written (their path is printed); unset: text only. */
  constructor(
    private readonly write: (text: string) => void,
    opts: { filesDir?: string } = {},
  ) {
    const { filesDir } = opts;
    this.port = {
      maxLength: 100_000,
      send: async (_chatId, text, mentions) => {
        // A member not seen in this session (the bot restarted) is shown as a neighbour, never by the internal id.
        const at = mentions.map((id) => `@${this.names.get(id) ?? translator('zh-Hans').t('mention_fallback')}`).join(' ');
        this.write(`linli: ${at ? at + ' ' : ''}${text}\n`);
      },
      ...(filesDir
        ? {
            sendAttachment: async (_chatId, a) => {
              await mkdir(filesDir, { recursive: true });
              // A fresh name each time: the terminal keeps every file it was shown.
              const file = path.join(filesDir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${++this.files}-${safeFileName(a.fileName)}`);
              await writeFile(file, a.bytes);
              this.write(`linli: ${translator('zh-Hans').t(a.kind === 'image' ? 'console_image_saved' : 'console_file_saved', { path: file })}\n`);
            },
          }
        : {}),
    };
  }

  async start(onMessage: (msg: IncomingMessage) => Promise<void>): Promise<void> {
    this.onMessage = onMessage;
  }

  async stop(): Promise<void> {
    this.onMessage = null;
  }

  /** Turn a typed line into a message; returns it, or null for a line that names no one. */
  toMessage(line: string, now: Date): IncomingMessage | null {
    const parsed = parseConsoleLine(line);
    // `linli: ...` is the bot's own line (pasted back in): the bot ignores itself.
    if (!parsed || parsed.name === 'linli') return null;
    // `NAME（私聊）: TEXT` is NAME writing to the bot privately (a panelist's 评分 must not go to the group).
    const privately = PRIVATE_NAME.exec(parsed.name);
    const name = privately ? privately[1].trim() : parsed.name;
    const senderId = consoleUserId(name);
    this.names.set(senderId, name);
    return {
      platform: 'console',
      chatId: privately ? senderId : CONSOLE_CHAT_ID,
      isPrivate: privately !== null,
      messageId: `${this.runId}-${++this.seq}`,
      senderId,
      senderName: name,
      chatTitle: null,
      // The terminal has no mention entities: @邻里 / @linli typed in the line is the mention.
      mentionsBot: BOT_MENTION.test(parsed.text),
      text: parsed.text,
      attachments: [],
      receivedAt: now,
    };
  }

  /** Deliver a message to the bot. */
  async deliver(msg: IncomingMessage): Promise<void> {
    await this.onMessage?.(msg);
  }
}
