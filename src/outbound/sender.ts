import { UnrecoverableError, type Job, type Worker } from 'bullmq';
import type { Logger } from '../log.js';
import type { Platform } from '../messages/incoming-message.js';
import type { AttachmentSource } from '../outbox/outbox-attachment.js';
import type { QueueFactory } from '../queue/backend.js';
import type { DeliveryJob, OutboundJob } from '../queue/job-data.js';
import { deliveryJobId } from '../queue/job-ids.js';
import type { JobsQueue } from '../queue/jobs-queue.js';
import { COMMAND_JOB_OPTIONS } from '../queue/job-options.js';
import { outboundQueue } from '../queue/queue-names.js';
import { PermanentSendError, RateLimitedError, type SendPort } from './send-port.js';
import { splitMessage } from './split-text.js';

/** Reports deliveries to the workers (who own the database). */
export interface DeliveryReporter {
  report(d: DeliveryJob): Promise<void>;
  /** Hand over whatever is still buffered (at shutdown). */
  flush?(): Promise<void>;
}

/** Options for a platform's sender. */
export interface SenderOptions {
  factory: QueueFactory;
  platform: Platform;
  port: SendPort;
  reporter: DeliveryReporter;
  log: Logger;
  /** Wait before each message to one chat so the platform's pace is kept; returns ms waited. */
  pace?: (chatId: string) => Promise<void>;
  /** Where attachments' bytes are read; without it messages go as text alone. */
  attachments?: AttachmentSource;
  /** Messages in flight at once (different chats). Default 1. */
  concurrency?: number;
}

/**
 * Drain a platform's outbound queue in the adapter's process: send each message (split at the
 * platform's limit), then report it sent; a message that fails for good is reported failed,
 * never dropped silently.
 */
export function startSender(opts: SenderOptions): Worker<OutboundJob> {
  const { platform, port, reporter, log } = opts;
  const report = (job: OutboundJob, status: 'sent' | 'failed', reason: string | null, privateClosed = false) =>
    reporter.report({
      ...(privateClosed ? { privateClosed } : {}),
      outboxKey: job.outboxKey,
      platform,
      chatId: job.chatId,
      status,
      reason: reason ?? job.note ?? null,
      at: new Date().toISOString(),
      text: job.outboxId === null ? job.text : null,
    });

  const worker = opts.factory.worker<OutboundJob>(
    outboundQueue(platform),
    async (job: Job<OutboundJob>) => {
      const data = job.data;
      // Split by the platform's own measure, each mention in the part holding its line.
      const pieces = splitMessage(data.text, data.mentions, data.mentionLines, port.maxLength, port.measure);
      // The attachment is one more step after the text, where the platform takes one.
      const file = data.attachmentId && port.sendAttachment && opts.attachments ? data.attachmentId : null;
      const steps = pieces.length + (file ? 1 : 0);
      let note: string | null = null;
      // Resume after the last step that went out, so a retry does not repeat earlier pieces.
      const done = Number((job.progress as number) || 0);
      for (let i = done; i < steps; i++) {
        const attachment = i < pieces.length ? null : await opts.attachments!.load(file!);
        if (i >= pieces.length && !attachment) {
          note = 'attachment no longer stored; the text went alone';
          break;
        }
        await opts.pace?.(data.chatId);
        try {
          if (attachment) await port.sendAttachment!(data.chatId, attachment);
          else if (i === pieces.length - 1 && data.buttons?.length) await port.send(data.chatId, pieces[i].text, pieces[i].mentions, { buttons: data.buttons });
          else await port.send(data.chatId, pieces[i].text, pieces[i].mentions);
        } catch (e) {
          if (e instanceof PermanentSendError && attachment) {
            // A chat that takes no images or files (rights, size) still got the text: that is the message.
            note = `attachment refused, the text went alone: ${e.message}`.slice(0, 500);
            break;
          }
          if (e instanceof PermanentSendError) {
            await report(data, 'failed', e.message, e.privateClosed);
            throw new UnrecoverableError(e.message);
          }
          if (e instanceof RateLimitedError) {
            await new Promise((r) => setTimeout(r, e.retryAfterMs));
            i--;
            continue;
          }
          throw e;
        }
        // Only a message of several steps needs to remember how far it got (one Redis call saved per message).
        if (steps > 1) await job.updateProgress(i + 1);
      }
      if (note) log.warn(`${platform}: ${note}`, { outboxKey: data.outboxKey });
      await report(data, 'sent', note);
    },
    { concurrency: opts.concurrency ?? 1 },
  );
  worker.on('failed', (job, err) => {
    if (!job) return;
    const final = job.attemptsMade >= (job.opts.attempts ?? 1) || err instanceof UnrecoverableError;
    if (final && !(err instanceof UnrecoverableError)) {
      void report(job.data, 'failed', err.message).catch((e) => log.error('could not record a failed message', { error: e }));
    }
    log.warn(`${platform} send failed${final ? ' for good' : ', will retry'}`, { outboxKey: job.data.outboxKey, error: err.message });
  });
  worker.on('error', (err) => log.error(`${platform} sender error`, { error: err.message }));
  return worker;
}

/**
 * A reporter that hands deliveries to the workers. Failures go at once, one job each; successes
 * are batched (up to `maxBatch`, or after `delayMs`) into one 'record-deliveries' job, because a
 * job and a commit per sent message would cost more than sending it. A batch Redis cannot take
 * is kept and offered again; one lost in a crash of this process leaves its rows 'pending' in
 * the outbox, and the outbound jobIds still keep them from going twice.
 */
export function queueReporter(
  factory: QueueFactory,
  jobsQueue: string,
  opts: { maxBatch?: number; delayMs?: number; log?: Logger } = {},
): DeliveryReporter & { flush(): Promise<void> } {
  const q: JobsQueue = factory.queue(jobsQueue);
  const maxBatch = opts.maxBatch ?? 200;
  const delayMs = opts.delayMs ?? 25;
  let buffer: DeliveryJob[] = [];
  let timer: NodeJS.Timeout | null = null;
  const flush = async () => {
    if (timer) clearTimeout(timer);
    timer = null;
    const items = buffer;
    buffer = [];
    if (items.length === 0) return;
    try {
      await q.add('record-deliveries', { items }, { ...COMMAND_JOB_OPTIONS, jobId: `${deliveryJobId(items[0].outboxKey)}-n${items.length}` });
    } catch (e) {
      // Redis is away: keep the reports and try again in a second (one log line a second, not one a message).
      buffer = [...items, ...buffer];
      if (!timer) timer = setTimeout(flushLogged, 1000);
      throw e;
    }
  };
  const flushLogged = () => void flush().catch((e) => opts.log?.error('could not record deliveries', { error: e }));
  return {
    flush,
    report: async (d) => {
      if (d.status === 'failed') {
        await q.add('record-delivery', d, { ...COMMAND_JOB_OPTIONS, jobId: deliveryJobId(d.outboxKey) });
        return;
      }
      buffer.push(d);
      if (buffer.length >= maxBatch) flushLogged();
      else if (!timer) timer = setTimeout(flushLogged, delayMs);
    },
  };
}
