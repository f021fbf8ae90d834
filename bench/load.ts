import type { IncomingMessage } from '../src/messages/incoming-message.js';
import { messageKey } from '../src/queue/job-ids.js';
import { prng } from '../src/prng.js';
import type { BenchPipeline } from './pipeline.js';
import { groupChatId, gridWorkerId, residentId, type City } from './seed-city.js';
import { summary } from './stats.js';

export type CommandKind = 'pay' | 'status' | 'confirm' | 'complain';

/** The mix: mostly pay claims and status queries, some confirmations and complaints. */
export const MIX: Array<[CommandKind, number]> = [
  ['pay', 0.45],
  ['status', 0.35],
  ['confirm', 0.1],
  ['complain', 0.1],
];

// What residents write; some in traditional characters (replies then go through OpenCC).
const PAY = ['已交60元', '交了一年卫生费', '已交30元', '已缴 15元', '已繳六十元', '我已经交了半年的卫生费'];
const STATUS = ['查询', '查询', '查询', '查詢', '/status'];
const COMPLAIN = ['投诉 楼道堆放杂物', '报修 3单元水管漏水', '反映 车辆占用消防通道', '投诉 有人飞线充电'];

/** Makes messages of the mix over the city, each a new platform message. */
export function messageSource(city: City, seed: number, run: string, pending: City['pendingClaims']) {
  const rand = prng(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
  const kinds = new Map<string, CommandKind>();
  let seq = 0;
  const counts: Record<CommandKind, number> = { pay: 0, status: 0, confirm: 0, complain: 0 };
  const next = (): { msg: IncomingMessage; kind: CommandKind } => {
    let r = rand();
    let kind: CommandKind = 'status';
    for (const [k, w] of MIX) {
      if (r < w) {
        kind = k;
        break;
      }
      r -= w;
    }
    if (kind === 'confirm' && pending.length === 0) kind = 'status';
    const h = pick(city.households);
    let chatId = groupChatId(h.buildingId);
    let senderId = residentId(h.id);
    let text: string;
    if (kind === 'pay') text = pick(PAY);
    else if (kind === 'status') text = pick(STATUS);
    else if (kind === 'complain') text = pick(COMPLAIN);
    else {
      // Confirmations come from the zone's grid worker, in the claim's building group.
      const c = pending.splice(Math.floor(rand() * pending.length), 1)[0];
      chatId = groupChatId(c.buildingId);
      senderId = gridWorkerId(c.zoneId);
      text = `确认 P${c.id}`;
    }
    counts[kind]++;
    const msg: IncomingMessage = {
      platform: 'telegram',
      chatId,
      isPrivate: false,
      messageId: `${run}-${++seq}`,
      senderId,
      senderName: null,
      chatTitle: null,
      text,
      attachments: [],
      receivedAt: new Date(),
    };
    kinds.set(messageKey(msg), kind);
    return { msg, kind };
  };
  return { next, counts, kinds };
}

export interface ThroughputResult {
  commands: number;
  seconds: number;
  perSecond: number;
  missing: number;
  latency: ReturnType<typeof summary>;
}

/**
 * Closed loop: keep `window` commands in flight (entered, no reply yet) until `n` have been
 * sent; commands per second from the first entry to the last reply.
 */
export async function runThroughput(p: BenchPipeline, source: ReturnType<typeof messageSource>, n: number, window: number, timeoutMs = 120_000): Promise<ThroughputResult> {
  const keys: string[] = [];
  const t0 = performance.now();
  let inFlight = 0;
  const stopAt = Date.now() + timeoutMs;
  for (let i = 0; i < n && Date.now() < stopAt; i++) {
    while (inFlight >= window) {
      await new Promise((r) => setTimeout(r, 2));
      inFlight = keys.length - countReplied(p, keys);
    }
    const { msg } = source.next();
    keys.push(messageKey(msg));
    inFlight++;
    p.receive(msg).catch(() => {});
    if (i % 16 === 0) await new Promise((r) => setImmediate(r));
  }
  const missing = await p.waitForReplies(keys, Math.max(1000, stopAt - Date.now()));
  const last = Math.max(...keys.map((k) => p.firstReply.get(k) ?? 0));
  const seconds = (last - t0) / 1000;
  return { commands: keys.length - missing, seconds, perSecond: (keys.length - missing) / seconds, missing, latency: latencies(p, keys) };
}

const repliedCursor = new WeakMap<string[], number>();
function countReplied(p: BenchPipeline, keys: string[]): number {
  // Replies mostly arrive in order: advance a cursor past the answered prefix, then count the rest.
  let c = repliedCursor.get(keys) ?? 0;
  while (c < keys.length && p.firstReply.has(keys[c])) c++;
  repliedCursor.set(keys, c);
  let n = c;
  for (let i = c; i < keys.length; i++) if (p.firstReply.has(keys[i])) n++;
  return n;
}

/** Entry-to-reply latencies of keys, in ms. */
export function latencies(p: BenchPipeline, keys: string[]) {
  const xs: number[] = [];
  for (const k of keys) {
    const a = p.entered.get(k);
    const b = p.firstReply.get(k);
    if (a !== undefined && b !== undefined) xs.push(b - a);
  }
  return summary(xs);
}

export interface OpenLoopResult {
  offered: number;
  achieved: number;
  latency: ReturnType<typeof summary>;
  missing: number;
}

/**
 * Open loop: offer `rate` commands per second for `seconds`, each entering at its scheduled
 * time (so a late generator counts against the pipeline, not for it).
 */
export async function runOpenLoop(p: BenchPipeline, source: ReturnType<typeof messageSource>, rate: number, seconds: number, drainMs = 30_000): Promise<OpenLoopResult> {
  const total = Math.round(rate * seconds);
  const keys: string[] = [];
  const t0 = performance.now() + 5;
  let i = 0;
  while (i < total) {
    const now = performance.now();
    while (i < total && t0 + (i * 1000) / rate <= now) {
      const { msg } = source.next();
      keys.push(messageKey(msg));
      p.receive(msg, t0 + (i * 1000) / rate).catch(() => {});
      i++;
    }
    await new Promise((r) => setTimeout(r, 1));
  }
  const missing = await p.waitForReplies(keys, drainMs);
  const last = Math.max(...keys.map((k) => p.firstReply.get(k) ?? 0));
  return { offered: rate, achieved: (keys.length - missing) / ((last - t0) / 1000), latency: latencies(p, keys), missing };
}
