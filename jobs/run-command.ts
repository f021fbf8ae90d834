import type { Transaction } from 'kysely';
import type { Database, Estate } from '../src/db/database.js';
import { translator } from '../src/i18n/translator.js';
import type { CommandJob } from '../src/queue/job-data.js';
import { handOverPending } from '../src/outbox/hand-over-pending.js';
import type { OutgoingMessage } from '../src/outbox/outgoing-message.js';
import { writeReplyBatches, type ReplyBatch } from '../src/outbox/write-outbox.js';
import { loadCommandScene, type CommandScene, type SceneQuery } from '../src/members/command-scene.js';
import { estatePlans, type EstatePlan } from '../src/ledger/estate-plans.js';
import type { ArrivalContext, CommandContext } from './command-context.js';
import { estateOfMember } from '../src/members/estate-of-member.js';
import { rolesOf } from '../src/members/roles-of.js';
import { upsertGroup } from '../src/members/upsert-group.js';
import { upsertMember } from '../src/members/upsert-member.js';
import { noteSeen } from '../src/members/note-seen.js';
import type { JobInfo, WorkerDeps } from './worker-deps.js';

/** The body of one command, run inside its transaction. */
export type CommandHandler = (ctx: CommandContext) => Promise<void>;

/** The body of a command that runs before its chat is linked to an estate. */
export type ArrivalHandler = (ctx: ArrivalContext) => Promise<void>;

/**
 * Wrap a command body so it takes effect once: one transaction records the message key,
 * resolves chat, member, estate and roles, runs the body, and writes its replies to the outbox;
 * then the replies go to the outbound queue (jobIds from outbox keys, so a retry re-sends nothing new).
 * With `beforeLink`, the body runs once member and chat are known, before any estate is
 * (an unlinked group, a private chat of someone the bot does not know yet).
 */
export function commandProcessor(name: string, body: CommandHandler): CommandProcessor;
export function commandProcessor(name: string, body: ArrivalHandler, opts: { beforeLink: true }): CommandProcessor;
export function commandProcessor(name: string, body: CommandHandler | ArrivalHandler, opts: { beforeLink?: boolean } = {}): CommandProcessor {
  return (data, deps) => {
    const now = deps.clock.now();
    const query: SceneQuery = { key: data.key, jobName: name, now, platform: data.platform, senderId: data.senderId, chatId: data.isPrivate ? null : data.chatId, isPrivate: data.isPrivate };
    return runOnce(data, deps, query, async (tx, preloaded) => {
      const i18n = translator(data.locale);
      const scene = preloaded ?? (await loadCommandScene(tx, query));
      if (!scene.fresh) return null;

      const out: OutgoingMessage[] = [];
      const replies = (): ReplyBatch => ({ key: data.key, out, now });
      const here = { platform: data.platform, chatId: data.chatId };
      // The scene created and noted them; only one a concurrent transaction created meanwhile is looked up here.
      const member = scene.member ?? (await upsertMember(tx, data.platform, data.senderId));
      const group = data.isPrivate ? null : (scene.group ?? (await upsertGroup(tx, data.platform, data.chatId)));
      await noteSeen(tx, member, { isPrivate: data.isPrivate, groupId: group?.id ?? null }, now);
      const arrival: ArrivalContext = {
        tx,
        job: data,
        now,
        member,
        group,
        i18n,
        reply: (text, mentions = [], mentionLines) => out.push({ to: here, text, mentions, ...(mentionLines ? { mentionLines } : {}) }),
        replyWithFile: (text, attachment) => out.push({ to: here, text, mentions: [], attachment }),
        ...(deps.charts ? { charts: deps.charts } : {}),
        log: deps.log,
        replyWithButtons: (text, buttons) => out.push({ to: here, text, mentions: [], buttons }),
        send: (to, text, mentions = [], buttons) => out.push({ to, text, mentions, ...(buttons?.length ? { buttons } : {}) }),
        auditIn: async (estateId, action, subject, detail = {}) => {
          await tx
            .insertInto('audit_log')
            .values({ estate_id: estateId, actor_member_id: member.id, action, subject, detail: JSON.stringify({ ...detail, key: data.key }), created_at: now })
            .execute();
        },
      };
      if (opts.beforeLink) {
        await (body as ArrivalHandler)(arrival);
        return replies();
      }

      let estateId: number | null;
      if (group) {
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
          if (first) arrival.reply(i18n.t('group_unlinked'));
          return replies();
        }
      } else {
        estateId = await estateOfMember(tx, member.id);
        if (estateId === null) {
          arrival.reply(i18n.t('private_no_estate'));
          return replies();
        }
      }
      // The scene already holds estate and roles when the member and a linked group were known.
      const known = scene.member !== null && scene.estate !== null && scene.estate.id === estateId;
      const estate: Estate = known ? scene.estate! : await tx.selectFrom('estates').selectAll().where('id', '=', estateId).executeTakeFirstOrThrow();
      const roles = known ? scene.roles : await rolesOf(tx, member.id, estate.id);
      let plans: Promise<EstatePlan[]> | null = known ? Promise.resolve(scene.plans) : null;
      const ctx: CommandContext = {
        ...arrival,
        estate,
        scope: group
          ? { estateId: estate.id, zoneId: group.zone_id, buildingId: group.building_id }
          : { estateId: estate.id, zoneId: null, buildingId: null },
        roles,
        audit: (action, subject, detail) => arrival.auditIn(estate.id, action, subject, detail),
        plans: () => (plans ??= estatePlans(tx, estate.id)),
      };
      await (body as CommandHandler)(ctx);
      return replies();
    });
  };
}

/** A command job's processor. */
export type CommandProcessor = (data: CommandJob, deps: WorkerDeps, info?: JobInfo) => Promise<void>;

/**
 * The exactly-once frame of every command job: `work` runs in one transaction and returns the
 * replies it has, written to the outbox in the same transaction, or null when the command was
 * already done (it found its key recorded). After the commit the rows go to the outbound queues; when already done, whatever is still
 * pending is handed over again (a retry after a crash between commit and enqueue). Outbound
 * jobIds come from outbox keys, so nothing is queued twice.
 */
async function runOnce(
  data: CommandJob,
  deps: WorkerDeps,
  scene: SceneQuery,
  work: (tx: Transaction<Database>, scene: CommandScene | null) => Promise<ReplyBatch | null>,
): Promise<void> {
  if (deps.commit) return deps.commit.run(data.key, work, scene);
  const produced = await deps.db.transaction().execute(async (tx) => {
    const replies = await work(tx, null);
    return replies && writeReplyBatches(tx, [replies]);
  });
  if (produced === null) await handOverPending(deps, { prefix: `${data.key}-r` });
  else if (produced.length > 0) await deps.outbound.enqueue(produced);
}
