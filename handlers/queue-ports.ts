import { createHash } from 'node:crypto';
import type { OutboundPort } from '../src/outbox/outbound-port.js';
import type { ChatNoteJob, CommandJob, MemberNote } from '../src/queue/job-data.js';
import type { JobsQueue } from '../src/queue/jobs-queue.js';
import { chatKey, commandJobId } from '../src/queue/job-ids.js';
import { COMMAND_JOB_OPTIONS, NOTE_MEMBER_OPTIONS } from '../src/queue/job-options.js';
import type { HandlerPorts } from './handle-message.js';

/**
 * Items handed over in one turn of the event loop go out together: every caller's promise settles
 * when their batch is flushed (so a message is acknowledged only once its note is queued).
 */
function perTick<T>(flush: (items: T[]) => Promise<void>): (item: T) => Promise<void> {
  let batch: { items: T[]; done: Promise<void> } | null = null;
  return (item) => {
    if (!batch) {
      const items: T[] = [];
      const done = new Promise<void>((resolve, reject) =>
        setImmediate(() => {
          batch = null;
          flush(items).then(resolve, reject);
        }),
      );
      batch = { items, done };
    }
    batch.items.push(item);
    return batch.done;
  };
}

/** A job id for a batch of notes: the same batch queued twice is one job. */
const batchId = (kind: string, ids: string[]) => `${kind}-${createHash('sha1').update(ids.join('\n')).digest('hex').slice(0, 16)}`;

/** Handler ports on BullMQ: commands to the jobs queue, answers to the outbound queue. */
export function queuePorts(jobs: JobsQueue, outbound: OutboundPort): HandlerPorts {
  // Notes of the messages handled in one turn of the event loop: one job each kind, one statement each.
  const queueChats = perTick<ChatNoteJob>((items) =>
    jobs.add('note-chats', { items }, { ...COMMAND_JOB_OPTIONS, jobId: batchId('chats', items.map((c) => `${chatKey(c)}\u0000${c.title ?? ''}`)) }).then(() => {}),
  );
  const queueMembers = perTick<MemberNote>((items) =>
    jobs
      .add('note-members', { items }, { ...COMMAND_JOB_OPTIONS, ...NOTE_MEMBER_OPTIONS, jobId: batchId('members', items.map((m) => `${m.platform}\u0000${m.userId}\u0000${m.displayName ?? ''}\u0000${m.isPrivate}`)) })
      .then(() => {}),
  );
  // Groups already noted by this process, with the name they had: a note per new group or rename.
  const noted = new Map<string, string | null>();
  // Members noted by this process: the name they had, and whether their private chat was noted.
  const members = new Map<string, { name: string | null; privateNoted: boolean }>();
  return {
    noteChat: async (chat) => {
      const id = chatKey(chat);
      if (noted.has(id) && noted.get(id) === chat.title) return;
      noted.set(id, chat.title);
      // Not queued (Redis away): the platform redelivers the message, and the note must go then.
      await queueChats({ platform: chat.platform, chatId: chat.chatId, title: chat.title }).catch((e) => {
        noted.delete(id);
        throw e;
      });
    },
    noteMember: async (m) => {
      const id = `${m.platform}-${chatKey({ platform: m.platform, chatId: m.userId })}`;
      const seen = members.get(id);
      // Once per member per process, again on a rename or a first private message.
      if (seen && seen.name === m.displayName && (seen.privateNoted || !m.isPrivate)) return;
      members.set(id, { name: m.displayName, privateNoted: (seen?.privateNoted ?? false) || m.isPrivate });
      if (members.size > 50_000) members.delete(members.keys().next().value!);
      await queueMembers(m).catch((e) => {
        members.delete(id);
        throw e;
      });
    },
    enqueueCommand: async (name, data: CommandJob) => {
      await jobs.add(name, data, { ...COMMAND_JOB_OPTIONS, jobId: commandJobId(data.key) });
    },
    answer: async (msg, key, text) => {
      await outbound.enqueue([{ platform: msg.platform, outboxKey: key, chatId: msg.chatId, outboxId: null, text, mentions: [] }]);
    },
  };
}
