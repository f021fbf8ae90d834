import type { Worker } from 'bullmq';
import { handleMessage, type Handled, type HandlerPorts } from '../../handlers/handle-message.js';
import { floodGuard } from '../../handlers/flood-guard.js';
import { queuePorts } from '../../handlers/queue-ports.js';
import { systemClock } from '../clock.js';
import type { Adapter } from '../adapters/adapter.js';
import type { IncomingMessage } from '../messages/incoming-message.js';
import { queueOutbound } from '../outbound/queue-outbound.js';
import { queueReporter, startSender } from '../outbound/sender.js';
import { dbAttachments } from '../outbox/outbox-attachment.js';
import { jobsQueue } from '../queue/jobs-queue.js';
import { JOBS_QUEUE } from '../queue/queue-names.js';
import type { Services } from './services.js';

/** The bot role: adapters in, handler, and each adapter's sender draining its outbound queue. */
export interface Bot {
  ports: HandlerPorts;
  /** Feed one message through the handler; errors are logged, never thrown. */
  receive(msg: IncomingMessage): Promise<Handled | 'error'>;
  stop(): Promise<void>;
}

/** Start the senders and adapters given. */
export async function startBot(services: Services, adapters: Adapter[]): Promise<Bot> {
  const { factory, log } = services;
  const jobs = jobsQueue(factory);
  const outbound = queueOutbound(factory);
  // Flood control sits in front of the queues: a member's flood costs one warning, not N jobs.
  const ports = floodGuard(queuePorts(jobs, outbound), systemClock, {
    burst: services.config.floodBurst,
    refillMs: services.config.floodRefillMs,
  });
  const reporter = queueReporter(factory, JOBS_QUEUE, { log });
  const senders: Worker[] = [];
  const receive = async (msg: IncomingMessage): Promise<Handled | 'error'> => {
    try {
      return await handleMessage(msg, ports);
    } catch (e) {
      // One error boundary per entry point: a message never takes the adapter down.
      log.error('could not handle a message', { platform: msg.platform, chatId: msg.chatId, error: e });
      return 'error';
    }
  };
  for (const adapter of adapters) {
    senders.push(
      startSender({ factory, platform: adapter.platform, port: adapter.port, reporter, log, pace: adapter.pace?.bind(adapter), attachments: dbAttachments(services.db) }),
    );
    await adapter.start(async (msg) => {
      await receive(msg);
    });
  }
  return {
    ports,
    receive,
    stop: async () => {
      for (const a of adapters) await a.stop().catch((e) => log.warn('adapter stop failed', { error: e }));
      await Promise.allSettled(senders.map((s) => s.close()));
      await reporter.flush().catch((e) => log.warn('could not record the last deliveries', { error: e }));
    },
  };
}
