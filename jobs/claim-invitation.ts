import type { Transaction } from 'kysely';
import type { Database } from '../src/db/database.js';
import { translator, type Translator } from '../src/i18n/translator.js';
import type { CommandJob } from '../src/queue/job-data.js';
import { upsertGroup } from '../src/members/upsert-group.js';
import { upsertMember } from '../src/members/upsert-member.js';
import type { OutgoingMessage } from '../src/outbox/outgoing-message.js';
import { writeReplies } from '../src/outbox/write-outbox.js';
import { recordCommand, runOnce } from './run-command.js';
import type { WorkerDeps } from './worker-deps.js';

async function scopeWords(tx: Transaction<Database>, zoneId: number | null, buildingId: number | null, i18n: Translator): Promise<string | null> {
  if (buildingId !== null) {
    const b = await tx.selectFrom('buildings').select('code').where('id', '=', buildingId).executeTakeFirstOrThrow();
    return i18n.t('scope_building', { code: b.code });
  }
  if (zoneId !== null) {
    const z = await tx.selectFrom('zones').select('name').where('id', '=', zoneId).executeTakeFirstOrThrow();
    return i18n.t('scope_zone', { name: z.name });
  }
  return null;
}

/**
 * 邀请码 K7P2Q9MX: a one-time code from `linli invite` gives its sender a role, or links the group
 * it is sent in. This is how an admin reaches a platform user id without knowing it: the code is
 * handed over in person, and whoever sends it is the one. It runs before any estate is known
 * (an unlinked group, a private chat), so it resolves member and chat itself; once per message.
 */
export function claimInvitation(data: CommandJob, deps: WorkerDeps): Promise<void> {
  const i18n = translator(data.locale);
  const { t } = i18n;
  return runOnce(data, deps, async (tx, now) => {
    if (!(await recordCommand(tx, data.key, 'claim', now))) return null;
    const out: OutgoingMessage[] = [];
    const reply = (text: string) => out.push({ to: { platform: data.platform, chatId: data.chatId }, text, mentions: [] });
    const member = await upsertMember(tx, data.platform, data.senderId);
    // Locked, so two people racing with one code: the first wins, the second is told it is used.
    const inv = await tx.selectFrom('invitations').selectAll().where('code', '=', data.command.text ?? '').forUpdate().executeTakeFirst();
    if (!inv || inv.used_at !== null || new Date(inv.expires_at) <= now) {
      reply(t('claim_invalid'));
      return writeReplies(tx, data.key, out, now);
    }
    const estate = await tx.selectFrom('estates').select(['id', 'name']).where('id', '=', inv.estate_id).executeTakeFirstOrThrow();
    const scope = await scopeWords(tx, inv.zone_id, inv.building_id, i18n);
    if (inv.kind === 'group') {
      if (data.isPrivate) {
        reply(t('claim_group_in_private'));
        return writeReplies(tx, data.key, out, now);
      }
      const group = await upsertGroup(tx, data.platform, data.chatId);
      // A linked group is moved (to another estate, or a narrower scope) only by an admin of the
      // estate it is in: a code that leaked must not let a stranger re-scope a working group.
      if (group.estate_id !== null) {
        const admin = await tx
          .selectFrom('roles')
          .select('id')
          .where('member_id', '=', member.id)
          .where('estate_id', '=', group.estate_id)
          .where('role', '=', 'admin')
          .executeTakeFirst();
        if (!admin) {
          reply(t('claim_group_already_linked'));
          return writeReplies(tx, data.key, out, now);
        }
      }
      await tx
        .updateTable('chat_groups')
        .set({ estate_id: estate.id, zone_id: inv.zone_id, building_id: inv.building_id, unlinked_notice_at: null })
        .where('id', '=', group.id)
        .execute();
      reply(t('claim_group_ok', { estate: estate.name, scope }));
    } else {
      await tx
        .insertInto('roles')
        .values({ member_id: member.id, estate_id: estate.id, role: inv.role!, zone_id: inv.zone_id, building_id: inv.building_id })
        .onConflict((c) => c.doNothing())
        .execute();
      const role = t(inv.role === 'admin' ? 'role_admin' : inv.role === 'head' ? 'role_head' : 'role_grid_worker');
      reply(t('claim_role_ok', { estate: estate.name, role, scope }));
    }
    await tx.updateTable('invitations').set({ used_at: now, used_by: member.id }).where('id', '=', inv.id).execute();
    await tx
      .insertInto('audit_log')
      .values({
        estate_id: estate.id,
        actor_member_id: member.id,
        action: inv.kind === 'group' ? 'invitation.link-group' : 'invitation.role',
        subject: `invitation ${inv.id}`,
        detail: JSON.stringify({ key: data.key, role: inv.role, zoneId: inv.zone_id, buildingId: inv.building_id, chat: inv.kind === 'group' ? `${data.platform}:${data.chatId}` : null }),
        created_at: now,
      })
      .execute();
    return writeReplies(tx, data.key, out, now);
  });
}
