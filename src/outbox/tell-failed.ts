import { translator } from '../i18n/translator.js';
import type { CommandJob } from '../queue/job-data.js';
import type { OutboundPort } from './outbound-port.js';

/**
 * Tell the member about their command straight through the outbound queue, never through the
 * database, which may be the very thing that is down: the outbox row is written when the
 * delivery is recorded. The key is fixed per command and notice, so each is said at most once.
 */
async function tell(deps: { outbound: OutboundPort }, data: CommandJob, suffix: string, text: string, note: string): Promise<void> {
  await deps.outbound.enqueue([{ platform: data.platform, outboxKey: `${data.key}-${suffix}`, chatId: data.chatId, outboxId: null, text, mentions: [], note: note.slice(0, 500) }]);
}

/** A command failed for good: tell the member, once (outbox key `${key}-fail`). */
export async function tellFailed(deps: { outbound: OutboundPort }, data: CommandJob, failedReason: string, opts: { outage?: boolean } = {}): Promise<void> {
  const { t } = translator(data.locale);
  await tell(deps, data, 'fail', t(opts.outage ? 'command_failed_outage' : 'internal_error'), `job failed: ${failedReason}`);
}

/** A command waits for the database to come back: tell the member, once (outbox key `${key}-delay`). */
export async function tellDelayed(deps: { outbound: OutboundPort }, data: CommandJob, cause: string): Promise<void> {
  await tell(deps, data, 'delay', translator(data.locale).t('command_delayed'), `delayed: ${cause}`);
}
