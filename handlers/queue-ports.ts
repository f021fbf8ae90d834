import type { Queue } from 'bullmq';
import type { OutboundPort } from '../jobs/worker-deps.js';
import type { CommandJob } from '../src/queue/job-data.js';
import { commandJobId } from '../src/queue/job-ids.js';
import { COMMAND_JOB_OPTIONS } from '../src/queue/job-options.js';
import type { HandlerPorts } from './handle-message.js';

/** Handler ports on BullMQ: commands to the jobs queue, answers to the outbound queue. */
export function queuePorts(jobs: Queue, outbound: OutboundPort): HandlerPorts {
  return {
    enqueueCommand: async (name, data: CommandJob) => {
      await jobs.add(name, data, { ...COMMAND_JOB_OPTIONS, jobId: commandJobId(data.key) });
    },
    answer: async (msg, key, text) => {
      await outbound.enqueue(msg.platform, [{ outboxKey: key, chatId: msg.chatId, outboxId: null, text, mentions: [] }]);
    },
  };
}
