import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { Database } from '../db/database.js';
import { translator } from '../i18n/translator.js';
import type { CommandJob } from '../queue/job-data.js';
import type { OutboundPort } from './outbound-port.js';

/** A command failed for good: tell the member, once (the outbox key `${key}-fail` is fixed). */
export async function tellFailed(deps: { db: Kysely<Database>; outbound: OutboundPort; clock: Clock }, data: CommandJob, failedReason: string): Promise<void> {
  const key = `${data.key}-fail`;
  const text = translator(data.locale).t('internal_error');
  const row = await deps.db
    .insertInto('outbox')
    .values({ key, platform: data.platform, chat_id: data.chatId, text, mentions: '[]', created_at: deps.clock.now(), reason: `job failed: ${failedReason}`.slice(0, 500) })
    .onConflict((c) => c.column('key').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (row) await deps.outbound.enqueue([{ platform: data.platform, outboxKey: key, chatId: data.chatId, outboxId: String(row.id), text, mentions: [] }]);
}
