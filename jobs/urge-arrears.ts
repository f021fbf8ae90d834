import { currentMonth } from '../src/time/month.js';
import { arrearsByHousehold, type HouseholdArrears } from '../src/ledger/arrears.js';
import type { Scope } from '../src/ledger/paid-months.js';
import { isStaff } from '../src/ledger/permissions.js';
import { when } from '../src/time/when-words.js';
import { localDayKey } from '../src/time/zoned-time.js';
import { scopeName } from './list-unpaid.js';
import { outboxKey } from '../src/queue/job-ids.js';
import type { CommandContext } from './command-context.js';
import { commandProcessor } from './run-command.js';
import { notifyAddress } from '../src/tickets/notify.js';
import type { ChatAddress, Platform } from '../src/messages/incoming-message.js';

/**
 * What a 催缴 covers: the group's scope, narrowed to a grid worker's zone when the group is the
 * whole estate (a zone-3 worker's 催缴 lists zone 3, not all 21 buildings). A narrower group
 * keeps its own scope.
 */
function urgeScope(ctx: CommandContext): { scope: Scope; key: string } {
  const admin = ctx.roles.some((r) => r.role === 'admin');
  const zone = ctx.roles.find((r) => r.role === 'grid_worker')?.zoneId ?? null;
  const wide = ctx.scope.zoneId === null && ctx.scope.buildingId === null;
  const scope = !admin && zone !== null && wide ? { ...ctx.scope, zoneId: zone } : ctx.scope;
  const key = scope.buildingId !== null ? `b${scope.buildingId}` : scope.zoneId !== null ? `z${scope.zoneId}` : 'all';
  return { scope, key };
}

/**
 * 催缴 / /urge: post the rooms in the group's scope that are behind, by building, and tell their
 * bound members privately (or @mention, apart from the sums, those who cannot be written to). At most once a day per group and scope (the (group, scope, day) row).
 */
export const urgeArrears = commandProcessor('urge', async (ctx) => {
  const { t } = ctx.i18n;
  if (!isStaff(ctx.roles)) return ctx.reply(t('staff_only'));
  if (!ctx.group) return ctx.reply(t('urge_group_only'));
  const plans = await ctx.plans();
  if (plans.length === 0) return ctx.reply(t('no_fee_plan'));
  const tz = ctx.estate.time_zone;
  const day = localDayKey(ctx.now, tz);
  const { scope, key } = urgeScope(ctx);
  const earlier = await ctx.tx
    .selectFrom('urge_log')
    .select('created_at')
    .where('group_id', '=', ctx.group.id)
    .where('scope_key', '=', key)
    .where('day', '=', day)
    .executeTakeFirst();
  if (earlier) return ctx.reply(t('urge_already', { at: when(earlier.created_at, ctx.now, tz) }));
  const month = currentMonth(ctx.now, tz);
  // Every plan the household pays, each at its own price (per household, or per m² of its area).
  const behind = await arrearsByHousehold(ctx.tx, scope, plans, month);
  const room = (r: HouseholdArrears) =>
    plans.length === 1
      ? t('urge_room', { room: r.roomCode, months: r.owed[0].months, fen: r.owed[0].fen })
      : t('urge_room_plans', { room: r.roomCode, owed: r.owed.map((o) => t('urge_plan_owed', { plan: o.plan.name, months: o.months, fen: o.fen })) });
  const name = await scopeName(ctx, scope);
  if (behind.length === 0) return ctx.reply(t('urge_none', { scope: name }));
  // Two staff asking at once: the primary key lets one through; the other waits and is told.
  const fresh = await ctx.tx
    .insertInto('urge_log')
    // The reply below is this command's first message: if it never goes out, the slot is given back.
    .values({ group_id: ctx.group.id, scope_key: key, day, member_id: ctx.member.id, households: behind.length, outbox_key: outboxKey(ctx.job.key, 1), created_at: ctx.now })
    .onConflict((c) => c.columns(['group_id', 'scope_key', 'day']).doNothing())
    .returning('day')
    .executeTakeFirst();
  if (!fresh) return ctx.reply(t('urge_already', { at: when(ctx.now, ctx.now, tz) }));
  const bound = await ctx.tx
    .selectFrom('bindings as bi')
    .innerJoin('members as m', 'm.id', 'bi.member_id')
    .select(['m.platform', 'm.platform_user_id', 'm.private_chat', 'bi.household_id'])
    .where('bi.status', '=', 'confirmed')
    .where('bi.household_id', 'in', behind.map((r) => r.householdId))
    .where('m.platform', '=', ctx.group.platform)
    .orderBy('m.platform_user_id')
    .execute();
  const byBuilding = new Map<string, string[]>();
  for (const r of behind) {
    const list = byBuilding.get(r.buildingCode) ?? [];
    list.push(room(r));
    byBuilding.set(r.buildingCode, list);
  }
  const lines = [t('urge_header', { scope: name, households: behind.length, fen: behind.reduce((s, r) => s + r.fen, 0) })];
  for (const [building, rooms] of byBuilding) lines.push(t('urge_building', { building, rooms: rooms.join(' ') }));
  lines.push(t('urge_footer'));
  // Nobody's name goes next to a sum in the group: each bound member is told their household's
  // debt privately where the platform allows (a refused private message points them to the group,
  // see src/outbox/fall-back-to-group.ts); only members who cannot be written to privately are
  // @mentioned, on a line of their own after the list.
  const group = { platform: ctx.group.platform as Platform, chatId: ctx.group.chat_id };
  const owed = new Map(behind.map((r) => [r.householdId, r]));
  const nudges = new Map<string, { to: ChatAddress; rooms: string[] }>();
  const inGroup = new Set<string>();
  for (const b of bound) {
    const to = notifyAddress({ platform: b.platform, platformUserId: b.platform_user_id }, group);
    const r = owed.get(b.household_id)!;
    if (to.chatId === group.chatId || b.private_chat === 'closed') {
      inGroup.add(b.platform_user_id);
      continue;
    }
    const n = nudges.get(b.platform_user_id) ?? { to, rooms: [] };
    n.rooms.push(room(r));
    nudges.set(b.platform_user_id, n);
  }
  if (inGroup.size > 0) lines.push(t('urge_mentioned'));
  await ctx.audit('arrears.urge', `group-${ctx.group.id}`, { day, scope: key, households: behind.length, privately: nudges.size, mentioned: inGroup.size });
  const mentions = [...inGroup];
  ctx.reply(
    lines.join('\n'),
    mentions,
    mentions.map(() => lines.length - 1),
  );
  for (const n of nudges.values()) ctx.send(n.to, t('urge_private', { rooms: n.rooms.join(' ') }));
});
