import type { Transaction } from 'kysely';
import type { Database, RoleName } from '../src/db/database.js';
import type { Translator } from '../src/i18n/translator.js';
import { commandProcessor } from './run-command.js';

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

/** What the role is called to the one who claimed it (a property member: with the company's name). */
async function roleWords(tx: Transaction<Database>, role: RoleName, companyId: number | null, i18n: Translator): Promise<string> {
  const { t } = i18n;
  if (role === 'property') {
    const c = companyId === null ? null : await tx.selectFrom('property_companies').select('name').where('id', '=', companyId).executeTakeFirst();
    return t('role_property', { company: c?.name ?? null });
  }
  if (role === 'committee') return t('role_committee');
  return t(role === 'admin' ? 'role_admin' : role === 'head' ? 'role_head' : role === 'panelist' ? 'role_panelist' : 'role_grid_worker');
}

/**
 * 邀请码 K7P2Q9MX: a one-time code from `linli invite` gives its sender a role, or links the group
 * it is sent in. This is how an admin reaches a platform user id without knowing it: the code is
 * handed over in person, and whoever sends it is the one. It runs before any estate is known
 * (an unlinked group, a private chat), so the estate comes from the code, not the chat.
 */
export const claimInvitation = commandProcessor(
  'claim',
  async (ctx) => {
    const { tx, now, member, i18n } = ctx;
    const { t } = i18n;
    const data = ctx.job;
    const reply = (text: string) => ctx.reply(text);
    // Locked, so two people racing with one code: the first wins, the second is told it is used.
    const inv = await tx.selectFrom('invitations').selectAll().where('code', '=', data.command.text ?? '').forUpdate().executeTakeFirst();
    if (!inv || inv.used_at !== null || new Date(inv.expires_at) <= now) return reply(t('claim_invalid'));
    const estate = await tx.selectFrom('estates').select(['id', 'name']).where('id', '=', inv.estate_id).executeTakeFirstOrThrow();
    const scope = await scopeWords(tx, inv.zone_id, inv.building_id, i18n);
    if (inv.kind === 'group') {
      if (!ctx.group) return reply(t('claim_group_in_private'));
      const group = ctx.group;
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
        if (!admin) return reply(t('claim_group_already_linked'));
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
        .values({ member_id: member.id, estate_id: estate.id, role: inv.role!, zone_id: inv.zone_id, building_id: inv.building_id, party: inv.party, property_company_id: inv.property_company_id })
        .onConflict((c) => c.doNothing())
        .execute();
      reply(t('claim_role_ok', { estate: estate.name, role: await roleWords(tx, inv.role!, inv.property_company_id, i18n), scope }));
    }
    await tx.updateTable('invitations').set({ used_at: now, used_by: member.id }).where('id', '=', inv.id).execute();
    await ctx.auditIn(estate.id, inv.kind === 'group' ? 'invitation.link-group' : 'invitation.role', `invitation ${inv.id}`, {
      role: inv.role,
      party: inv.party,
      propertyCompanyId: inv.property_company_id,
      zoneId: inv.zone_id,
      buildingId: inv.building_id,
      chat: inv.kind === 'group' ? `${data.platform}:${data.chatId}` : null,
    });
  },
  { beforeLink: true },
);
