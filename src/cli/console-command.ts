import path from 'node:path';
import readline from 'node:readline';
import { ConsoleAdapter } from '../adapters/console/console-adapter.js';
import { CONSOLE_CHAT_ID } from '../adapters/console/identity.js';
import type { Config } from '../config.js';
import { seedDemoEstate } from '../demo/seed-demo-estate.js';
import type { Logger } from '../log.js';
import { commandJobId, messageKey } from '../queue/job-ids.js';
import { JOBS_QUEUE, outboundQueue } from '../queue/queue-names.js';
import { waitForEmpty, waitForJob } from '../runtime/settle.js';
import { openServices } from '../runtime/services.js';
import { startBot } from '../runtime/start-bot.js';
import { startWorker } from '../runtime/start-worker.js';
import { workerDeps } from '../runtime/worker-deps.js';
import { systemClock } from '../clock.js';
import { startWeb, webDepsFrom, type WebServer } from '../web/start-web.js';
import { parseFlags } from './parse-flags.js';

/** I/O of the console: a line source and a sink. */
export interface ConsoleIo {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
}

/**
 * `linli console [--demo]`: a group chat in the terminal, running every role in this process.
 * Lines are handled one at a time, each after the replies to the previous one are printed.
 */
export async function runConsoleCommand(args: string[], config: Config, log: Logger, io: ConsoleIo): Promise<number> {
  const parsed = parseFlags(args, { demo: 'boolean' }, { min: 0, max: 0 }, 'usage: linli console [--demo]');
  if (!parsed.ok) return (io.stderr.write(`${parsed.text}\n`), parsed.code);
  const services = await openServices(config, log, { console: true });
  const { db, factory } = services;
  try {
    if (parsed.flags.demo) {
      const seeded = await seedDemoEstate(db, new Date());
      if (seeded.created) io.stderr.write('已载入演示小区 聚心苑 (demo estate loaded)\n');
    }
    const linked = await db.selectFrom('chat_groups').select('estate_id').where('platform', '=', 'console').where('chat_id', '=', CONSOLE_CHAT_ID).executeTakeFirst();
    if (!linked?.estate_id) {
      io.stderr.write(`note: the console group is not linked to an estate; try \`linli console --demo\`, or \`linli groups link console ${CONSOLE_CHAT_ID} <estate>\`\n`);
    }
    const worker = await startWorker(factory, workerDeps(services), config.workerConcurrency);
    const adapter = new ConsoleAdapter((s) => io.stdout.write(s), { filesDir: path.join(config.dataDir, 'console-files') });
    const bot = await startBot(services, [adapter]);
    const jobs = factory.queue(JOBS_QUEUE);
    const outbound = factory.queue(outboundQueue('console'));
    const interactive = Boolean(io.stdin.isTTY);
    // At the terminal, 登录 gives a link to open: the web server runs too. Piped runs (scripts,
    // tests, many at once) leave the port alone unless LINLI_WEB_ADDR asks for it.
    let web: WebServer | null = null;
    if (interactive || config.webAddrSet) {
      web = await startWeb(webDepsFrom(services, systemClock), config.webHost, config.webPort).catch((e: Error) => {
        io.stderr.write(`${e.message}; the console runs without the web dashboard\n`);
        return null;
      });
      if (web) io.stderr.write(`web dashboard: ${config.webBaseUrl} (send 登录 to get a sign-in link)\n`);
    }
    if (interactive) io.stderr.write('邻里 console — type `名字: 消息`, e.g. `向大叔: 查询`. Ctrl-D to quit.\n');
    const rl = readline.createInterface({ input: io.stdin, terminal: false, crlfDelay: Infinity });
    // Ctrl-C / SIGTERM: stop reading, let in-flight jobs finish, then stop Postgres (finally, below).
    process.once('SIGINT', () => rl.close()).once('SIGTERM', () => rl.close());
    for await (const line of rl) {
      if (!line.trim()) continue;
      const msg = adapter.toMessage(line, new Date());
      if (!msg) {
        io.stderr.write('format: NAME: TEXT   (e.g. 向大叔: 绑定 8-2-301)\n');
        continue;
      }
      const handled = await bot.receive(msg);
      if (handled === 'queued') await waitForJob(jobs, commandJobId(messageKey(msg)));
      await waitForEmpty(outbound);
    }
    // Let delivery records land before leaving, so the outbox is complete.
    await waitForEmpty(jobs, 10_000);
    await web?.close();
    await bot.stop();
    await worker.close();
    return 0;
  } finally {
    await services.close();
  }
}
