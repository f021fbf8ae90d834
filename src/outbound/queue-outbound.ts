import type { Queue } from 'bullmq';
import type { OutboundPort } from '../outbox/outbound-port.js';
import type { Platform } from '../messages/incoming-message.js';
import type { OutboundJob } from '../queue/job-data.js';
import { outboundJobId } from '../queue/job-ids.js';
import { OUTBOUND_JOB_OPTIONS } from '../queue/job-options.js';
import type { QueueFactory } from '../queue/backend.js';
import { outboundQueue } from '../queue/queue-names.js';

/** The outbound port on BullMQ: one queue per platform, jobId = outbox key. */
export function queueOutbound(factory: QueueFactory): OutboundPort & { queue(platform: Platform): Queue<OutboundJob> } {
  const queues = new Map<Platform, Queue<OutboundJob>>();
  const queue = (platform: Platform) => {
    let q = queues.get(platform);
    if (!q) {
      q = factory.queue<OutboundJob>(outboundQueue(platform));
      queues.set(platform, q);
    }
    return q;
  };
  return {
    queue,
    enqueue: async (jobs) => {
      const byPlatform = new Map<Platform, OutboundJob[]>();
      for (const j of jobs) byPlatform.set(j.platform, [...(byPlatform.get(j.platform) ?? []), j]);
      for (const [platform, some] of byPlatform) {
        await queue(platform).addBulk(some.map((data) => ({ name: 'send', data, opts: { ...OUTBOUND_JOB_OPTIONS, jobId: outboundJobId(data.outboxKey) } })));
      }
    },
  };
}
