import type { Transaction } from 'kysely';
import type { ChatGroup, Database, Estate } from '../src/db/database.js';
import { translator } from '../src/i18n/translator.js';
import type { CommandJob, OutboundJob } from '../src/queue/job-data.js';
import { handOverPending } from '../src/outbox/hand-over-pending.js';
import type { OutgoingMessage } from '../src/outbox/outgoing-message.js';
import { writeReplies } from '../src/outbox/write-outbox.js';
import { loadCommandScene } from '../src/members/command-scene.js';
import type { CommandContext } from './command-context.js';
import { estateOfMember } from '../src/members/estate-of-member.js';
import { rolesOf } from '../src/members/roles-of.js';
import { upsertGroup } from '../src/members/upsert-group.js';
import { upsertMember } from '../src/members/upsert-member.js';
import type { JobInfo, WorkerDeps } from './worker-deps.js';

/** The body of one command, run inside its transaction. */
export type CommandHandler = (ctx: CommandContext) => Promise<void>;

/**
 * Wrap a command body so it takes effect once: one transaction records the message key,
 * resolves chat, member, estate and roles, runs the body, and writes its replies to the outbox;
 * then the replies go to the outbound queue (jobIds from outbox keys, so a retry re-sends nothing new).
 */
export function commandProcessor(name: string, body: CommandHandler) {
  return (data: CommandJob, deps: WorkerDeps, _info?: JobInfo): Promise<void> =>
    runOnce(data, deps, async (tx, now) => {
      const i18n = translator(data.locale);
      const scene = await loadCommandScene(tx, {
        key: data.key,
        jobName: name,
        now,
        platform: data.platform,
        senderId: data.senderId,
        chatId: data.isPrivate ? null : data.chatId,
      });
      if (!scene.fresh) return null;

      const out: OutgoingMessage[] = [];
      const here = { platform: data.platform, chatId: data.chatId };
      const member = scene.member ?? (await upsertMember(tx, data.platform, data.senderId));
      let group: ChatGroup | null = null;
      let estateId: number | null;
      if (!data.isPrivate) {
        group = scene.group ?? (await upsertGroup(tx, data.platform, data.chatId));
        estateId = group.estate_id;
        if (estateId === null) {
          // Say it once per chat, then stay quiet there until an admin links it.
          const first = await tx
            .updateTable('chat_groups')
            .set({ unlinked_notice_at: now })
            .where('id', '=', group.id)
            .where('unlinked_notice_at', 'is', null)
            .returning('id')
            .executeTakeFirst();
          if (first) out.push({ to: here, text: i18n.t('group_unlinked'), mentions: [] });
          return await writeReplies(tx, data.key, out, now);
        }
      } else {
        estateId = await estateOfMember(tx, member.id);
        if (estateId === null) {
          out.push({ to: here, text: i18n.t('private_no_estate'), mentions: [] });
          return await writeReplies(tx, data.key, out, now);
        }
      }
      // The scene already holds estate and roles when the member and a linked group were known.
      const known = scene.member !== null && scene.estate !== null && scene.estate.id === estateId;
      const estate: Estate = known ? scene.estate! : await tx.selectFrom('estates').selectAll().where('id', '=', estateId).executeTakeFirstOrThrow();
      const roles = known ? scene.roles : await rolesOf(tx, member.id, estate.id);
      const ctx: CommandContext = {
        tx,
        job: data,
        now,
        member,
        estate,
        group,
        scope: group
          ? { estateId: estate.id, zoneId: group.zone_id, buildingId: group.building_id }
          : { estateId: estate.id, zoneId: null, buildingId: null },
        roles,
        i18n,
        reply: (text, mentions = []) => out.push({ to: here, text, mentions }),
        send: (to, text, mentions = []) => out.push({ to, text, mentions }),
        audit: async (action, subject, detail = {}) => {
          await tx
            .insertInto('audit_log')
            .values({ estate_id: estate.id, actor_member_id: member.id, action, subject, detail: JSON.stringify({ ...detail, key: data.key }), created_at: now })
            .execute();
        },
      };
      await body(ctx);
      return await writeReplies(tx, data.key, out, now);
    });
}

/**
 * The exactly-once frame of every command job: `work` runs in one transaction and returns the
 * outbox rows it wrote, or null when the command was already done (it found its key recorded).
 * After the commit the rows go to the outbound queues; when already done, whatever is still
 * pending is handed over again (a retry after a crash between commit and enqueue). Outbound
 * jobIds come from outbox keys, so nothing is queued twice.
 */
export async function runOnce(
  data: CommandJob,
  deps: WorkerDeps,
  work: (tx: Transaction<Database>, now: Date) => Promise<OutboundJob[] | null>,
): Promise<void> {
  const now = deps.clock.now();
  const produced = await deps.db.transaction().execute((tx) => work(tx, now));
  if (produced === null) await handOverPending(deps, { prefix: `${data.key}-r` });
  else if (produced.length > 0) await deps.outbound.enqueue(produced);
}

/** Record that the command `key` took effect; false if it already had. For jobs outside `commandProcessor`. */
export async function recordCommand(tx: Transaction<Database>, key: string, jobName: string, now: Date): Promise<boolean> {
  const row = await tx
    .insertInto('processed_commands')
    .values({ key, job_name: jobName, created_at: now })
    .onConflict((c) => c.column('key').doNothing())
    .returning('key')
    .executeTakeFirst();
  return row !== undefined;
}
