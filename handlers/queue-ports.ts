import { createHash } from 'node:crypto';
import type { OutboundPort } from '../src/outbox/outbound-port.js';
import type { CommandJob } from '../src/queue/job-data.js';
import type { JobsQueue } from '../src/queue/jobs-queue.js';
import { chatKey, commandJobId } from '../src/queue/job-ids.js';
import { COMMAND_JOB_OPTIONS, NOTE_MEMBER_OPTIONS } from '../src/queue/job-options.js';
import type { HandlerPorts } from './handle-message.js';

/** Handler ports on BullMQ: commands to the jobs queue, answers to the outbound queue. */
export function queuePorts(jobs: JobsQueue, outbound: OutboundPort): HandlerPorts {
  // Groups already noted by this process, with the name they had: one job per new group or rename.
  const noted = new Map<string, string | null>();
  // Members noted by this process: the name they had, and whether their private chat was noted.
  const members = new Map<string, { name: string | null; privateNoted: boolean }>();
  return {
    noteChat: async (chat) => {
      const id = chatKey(chat);
      if (noted.has(id) && noted.get(id) === chat.title) return;
      noted.set(id, chat.title);
      const name = createHash('sha1').update(chat.title ?? '').digest('hex').slice(0, 8);
      await jobs.add('note-chat', chat, { ...COMMAND_JOB_OPTIONS, jobId: `chat-${id}-${name}` });
    },
    noteMember: async (m) => {
      const id = `${m.platform}-${chatKey({ platform: m.platform, chatId: m.userId })}`;
      const seen = members.get(id);
      // Once per member per process, again on a rename or a first private message.
      if (seen && seen.name === m.displayName && (seen.privateNoted || !m.isPrivate)) return;
      members.set(id, { name: m.displayName, privateNoted: (seen?.privateNoted ?? false) || m.isPrivate });
      if (members.size > 50_000) members.delete(members.keys().next().value!);
      const name = createHash('sha1').update(m.displayName ?? '').digest('hex').slice(0, 8);
      await jobs.add('note-member', m, { ...COMMAND_JOB_OPTIONS, ...NOTE_MEMBER_OPTIONS, jobId: `member-${chatKey({ platform: m.platform, chatId: m.userId })}-${name}-${m.isPrivate ? 'p' : 'g'}` });
    },
    enqueueCommand: async (name, data: CommandJob) => {
      await jobs.add(name, data, { ...COMMAND_JOB_OPTIONS, jobId: commandJobId(data.key) });
    },
    answer: async (msg, key, text) => {
      await outbound.enqueue([{ platform: msg.platform, outboxKey: key, chatId: msg.chatId, outboxId: null, text, mentions: [] }]);
    },
  };
}
