import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Adapter } from '../../src/adapters/adapter.js';
import type { IncomingMessage } from '../../src/messages/incoming-message.js';
import { freePort, portOpen, redisServerBinary } from '../support/services.js';

// Fault-injection helpers shared by the reliability tests and `npm run chaos`.

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A private redis-server that persists every write (AOF, fsync always), so it can crash and come back whole. */
export interface CrashableRedis {
  url: string;
  port: number;
  /** SIGKILL it (a crash), leaving its AOF behind. */
  crash(): Promise<void>;
  /** Start it again on the same port and directory. */
  start(): Promise<void>;
  /** Freeze (SIGSTOP) or thaw (SIGCONT) it: clients hang as on a network partition. */
  pause(): void;
  resume(): void;
  stop(): Promise<void>;
}

/** Start a redis-server with AOF on a free port (or `port`), extra args appended (e.g. a maxmemory-policy). */
export async function startCrashableRedis(opts: { port?: number; persist?: boolean; args?: string[] } = {}): Promise<CrashableRedis> {
  const bin = redisServerBinary();
  if (!bin) throw new Error('redis-server is not installed');
  const port = opts.port ?? (await freePort());
  const dir = mkdtempSync(path.join(os.tmpdir(), 'linli-redis-'));
  const persist = opts.persist ?? true;
  let child: ChildProcess | null = null;
  const start = async () => {
    const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', ''];
    args.push(...(persist ? ['--appendonly', 'yes', '--appendfsync', 'always'] : ['--appendonly', 'no']));
    args.push(...(opts.args ?? []));
    child = spawn(bin, args, { stdio: 'ignore' });
    for (let i = 0; i < 200 && !(await portOpen(port)); i++) await sleep(25);
    if (!(await portOpen(port))) throw new Error(`redis-server did not start on ${port}`);
  };
  const crash = () =>
    new Promise<void>((resolve) => {
      const c = child;
      if (!c || c.exitCode !== null || c.signalCode !== null) return resolve();
      c.once('exit', () => resolve());
      c.kill('SIGKILL');
    });
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    crash,
    start,
    pause: () => void child?.kill('SIGSTOP'),
    resume: () => void child?.kill('SIGCONT'),
    stop: async () => {
      await crash();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A `linli start --role worker` child process. */
export interface WorkerProcess {
  child: ChildProcess;
  /** What it wrote to stderr (its log). */
  log(): string;
  /** Resolves with the exit code (or signal) when it has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves when its log says it is running. */
  ready: Promise<void>;
}

/** Spawn a worker process on the given database (URL with search_path), Redis and queue prefix. */
export function spawnWorker(env: { DATABASE_URL: string; REDIS_URL: string; LINLI_QUEUE_PREFIX: string } & Record<string, string>): WorkerProcess {
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/linli.js'), 'start', '--role', 'worker'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'info', LINLI_JOB_LOCK_MS: '1500', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  let onReady: () => void = () => {};
  const ready = new Promise<void>((r) => (onReady = r));
  child.stderr!.on('data', (b: Buffer) => {
    err += b.toString();
    if (err.includes('linli running')) onReady();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      onReady();
      resolve({ code, signal });
    }),
  );
  return { child, log: () => err, exited, ready };
}

/** A TCP proxy on a free port to `targetPort`; cut() drops every connection and refuses new ones until restore(). */
export async function startTcpProxy(target: { host: string; port: number }): Promise<{ port: number; cut(): void; restore(): void; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  let open = true;
  const server = net.createServer((client) => {
    if (!open) return client.destroy();
    const upstream = net.connect(target.port, target.host);
    sockets.add(client).add(upstream);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    cut: () => {
      open = false;
      for (const s of sockets) s.destroy();
      sockets.clear();
    },
    restore: () => {
      open = true;
    },
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

/** One message the bot sent, as the platform saw it. */
export interface Sent {
  chatId: string;
  text: string;
  mentions: string[];
}

/** A console-platform adapter that records what the bot sends; messages are fed in with `bot.receive`. */
export function recordingAdapter(): Adapter & { sent: Sent[] } {
  const sent: Sent[] = [];
  return {
    platform: 'console',
    sent,
    port: { maxLength: 100_000, send: async (chatId, text, mentions) => void sent.push({ chatId, text, mentions }) },
    start: async () => {},
    stop: async () => {},
  };
}

/** A console group message from a platform user id. */
export function groupMessage(senderId: string, text: string, messageId: string, at = new Date()): IncomingMessage {
  return {
    platform: 'console',
    chatId: 'console-group',
    isPrivate: false,
    messageId,
    senderId,
    senderName: null,
    chatTitle: null,
    text,
    attachments: [],
    receivedAt: at,
  };
}

/** Poll `check` until it returns true or `ms` pass; returns whether it did. */
export async function until(check: () => Promise<boolean> | boolean, ms: number, every = 50): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return true;
    await sleep(every);
  }
  return check();
}

export { sleep };
