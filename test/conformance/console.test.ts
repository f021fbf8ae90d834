import { readdirSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ConsoleAdapter } from '../../src/adapters/console/console-adapter.js';
import { CONSOLE_CHAT_ID } from '../../src/adapters/console/identity.js';
import { consoleUserId } from '../../src/adapters/console/identity.js';
import { conformanceSuite, type Driver } from './suite.js';

// The console has one terminal: what reached "the platform" is what the sender handed the port.
conformanceSuite('console', async () => {
  // Images and files sent to the terminal land in a folder, and their path is printed.
  const dir = await mkdtemp(path.join(os.tmpdir(), 'linli-console-files-'));
  const adapter = new ConsoleAdapter(() => {}, { filesDir: dir });
  const names = new Map<string, string>();
  let seq = 0;
  const deliver = async (chatId: string, name: string, text: string) => {
    const msg = adapter.toMessage(`${name}: ${text}`, new Date());
    if (!msg) return { redeliver: async () => {} };
    const m = { ...msg, chatId, messageId: `conf-${++seq}` };
    await adapter.deliver(m);
    return { redeliver: () => adapter.deliver({ ...m }) };
  };
  const driver: Driver = {
    platform: 'console',
    adapter,
    ready: async () => {},
    linkedChat: CONSOLE_CHAT_ID,
    unlinkedChat: 'console-elsewhere',
    mentionBot: false,
    member: async (name) => {
      const id = consoleUserId(name);
      names.set(id, name);
      return id;
    },
    post: (chatId, memberId, text) => deliver(chatId, names.get(memberId)!, text),
    botPosts: async (chatId, text) => {
      await deliver(chatId, 'linli', text);
    },
    shown: () => null,
    files: () =>
      readdirSync(dir).map((f) => ({ chatId: CONSOLE_CHAT_ID, fileName: f.replace(/^\d{4}-\d\d-\d\dT[\d-]+Z-\d+-/, ''), size: statSync(path.join(dir, f)).size })),
    close: () => rm(dir, { recursive: true, force: true }),
  };
  return driver;
}, { privateChats: false });
