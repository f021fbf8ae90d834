import { GROUP_COMMIT_DEFAULTS } from '../../jobs/group-commit.js';
import type { Adapter } from '../adapters/adapter.js';
import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import { openServices } from '../runtime/services.js';
import { startBot } from '../runtime/start-bot.js';
import { startWorker } from '../runtime/start-worker.js';
import { workerDeps } from '../runtime/worker-deps.js';
import { systemClock } from '../clock.js';
import { startWeb, webDepsFrom } from '../web/start-web.js';
import { runConsoleCommand, type ConsoleIo } from './console-command.js';
import { parseFlags } from './parse-flags.js';

/** The roles `linli start --role` runs; `all` is every role in one process. */
export const START_ROLES = ['all', 'bot', 'worker', 'web'] as const;
export type StartRole = (typeof START_ROLES)[number];
const USAGE = `usage: linli start [--role ${START_ROLES.join('|')}]`;

/** Build the adapters the configuration names (WeChat, Telegram). */
export type AdapterLoader = (config: Config, log: Logger, opts?: { webInProcess?: boolean }) => Promise<Adapter[]>;

/**
 * `linli start [--role all|bot|worker|web]`: run the bot, the workers, the web server, or all (the default).
 * With no chat platform configured, the bot role is the terminal console with the demo estate.
 */
export async function runStartCommand(args: string[], config: Config, log: Logger, io: ConsoleIo, loadAdapters: AdapterLoader): Promise<number> {
  const parsed = parseFlags(args, { role: 'string' }, { min: 0, max: 0 }, USAGE);
  if (!parsed.ok) return (io.stderr.write(`${parsed.text}\n`), parsed.code);
  const role = (parsed.flags.role ?? 'all') as StartRole;
  if (!START_ROLES.includes(role)) return (io.stderr.write(`unknown role "${role}"\n${USAGE}\n`), 2);
  // With the web role in this process, Telegram's webhook is one more route of the web server.
  const adapters = role === 'worker' || role === 'web' ? [] : await loadAdapters(config, log, { webInProcess: role === 'all' });
  if ((role === 'all' || role === 'bot') && adapters.length === 0) {
    if (role === 'bot') {
      io.stderr.write('no chat platform configured: set TELEGRAM_BOT_TOKEN or WECHATY_PUPPET (see .env.example)\n');
      return 2;
    }
    io.stderr.write('no chat platform configured (TELEGRAM_BOT_TOKEN / WECHATY_PUPPET): starting the terminal console with the demo estate\n');
    return runConsoleCommand(['--demo'], config, log, io);
  }
  const services = await openServices(config, log);
  const worker = role === 'bot' || role === 'web' ? null : await startWorker(services.factory, workerDeps(services), config.workerConcurrency, { lockMs: config.jobLockMs, groupCommit: config.groupCommit > 0 ? { ...GROUP_COMMIT_DEFAULTS, maxBatch: config.groupCommit } : false });
  const bot = adapters.length ? await startBot(services, adapters) : null;
  const webhooks = adapters.flatMap((a) => a.webhookRoute?.() ?? []);
  // /readyz also asks each platform of this process: WeChat logged in, Telegram's API answering.
  const readyChecks = Object.fromEntries(adapters.flatMap((a) => (a.readyCheck ? [[a.platform, () => a.readyCheck!()] as const] : [])));
  const wechat = adapters.find((a) => a.loginQr);
  const wechatQr = wechat ? () => wechat.loginQr?.() ?? null : undefined;
  const web = role === 'all' || role === 'web' ? await startWeb({ ...webDepsFrom(services, systemClock, readyChecks), webhooks, ...(wechatQr ? { wechatQr } : {}) }, config.webHost, config.webPort) : null;
  log.info(`linli running (${role}; queues on ${services.factory.spec.kind}${adapters.length ? `; ${adapters.map((a) => a.platform).join(', ')}` : ''}${web ? `; web on ${web.url}` : ''})`);
  await new Promise<void>((resolve) => {
    const stop = (sig: string) => {
      log.info(`${sig}: finishing in-flight jobs, then stopping`);
      resolve();
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
  // Bounded shutdown: in-flight jobs finish (worker.close waits for them), but not forever.
  const deadline = new Promise((r) => setTimeout(r, 30_000).unref());
  await Promise.race([
    (async () => {
      await web?.close();
      await bot?.stop();
      await worker?.close();
      await services.close();
    })(),
    deadline,
  ]);
  return 0;
}
