import { currentMonth } from '../src/time/month.js';
import { balance } from '../src/ledger/balance.js';
import { pricedFor, type EstatePlan } from '../src/ledger/estate-plans.js';
import { compareRoomCodes } from '../src/members/households.js';
import { paidMonthsByHousehold, type HouseholdPaid, type Scope } from '../src/ledger/paid-months.js';
import { isStaff } from '../src/ledger/permissions.js';
import { readArrearsFilter } from '../src/ledger/arrears-filter.js';
import type { CommandContext } from './command-context.js';
import { commandProcessor } from './run-command.js';

/** The scope a list covers: the group's; in a private chat a grid worker's zone, an admin's estate. */
function listScope(ctx: CommandContext): Scope {
  const admin = ctx.roles.some((r) => r.role === 'admin');
  const zone = ctx.roles.find((r) => r.role === 'grid_worker')?.zoneId ?? null;
  // A grid worker in an estate-wide chat sees their own zone; a narrower group keeps its scope.
  if (ctx.group && (admin || ctx.scope.zoneId !== null || ctx.scope.buildingId !== null)) return ctx.scope;
  return { estateId: ctx.estate.id, zoneId: admin ? null : zone, buildingId: null };
}

/** Words for a scope: the estate, the zone, or the building. */
export async function scopeName(ctx: CommandContext, scope: Scope): Promise<string> {
  const { t } = ctx.i18n;
  if (scope.buildingId !== null) {
    const b = await ctx.tx.selectFrom('buildings').select('code').where('id', '=', scope.buildingId).executeTakeFirstOrThrow();
    return `${ctx.estate.name}${t('scope_building', { code: b.code })}`;
  }
  if (scope.zoneId !== null) {
    const z = await ctx.tx.selectFrom('zones').select('name').where('id', '=', scope.zoneId).executeTakeFirstOrThrow();
    return `${ctx.estate.name}${t('scope_zone', { name: z.name })}`;
  }
  return t('scope_estate', { name: ctx.estate.name });
}

/** 欠费名单: staff see the rooms in arrears in their scope, by building. */
export const listUnpaid = commandProcessor('unpaid', async (ctx) => {
  const { t } = ctx.i18n;
  if (!isStaff(ctx.roles)) return ctx.reply(t('staff_only'));
  const plans = await ctx.plans();
  if (plans.length === 0) return ctx.reply(t('no_fee_plan'));
  const filter = readArrearsFilter(ctx.job.command.text);
  if (filter === 'unclear') return ctx.reply(t('unpaid_filter_unclear'));
  const scope = listScope(ctx);
  const month = currentMonth(ctx.now, ctx.estate.time_zone);
  let rows = await paidMonthsByHousehold(ctx.tx, scope, plans[0].id);
  // 8栋 / 8栋2单元 narrow the staff member's scope, never widen it.
  if (filter.building !== null) {
    const unit = filter.unit;
    const inScope = rows.filter((r) => r.buildingCode === filter.building);
    if (inScope.length === 0) {
      const exists = await ctx.tx.selectFrom('buildings').select('id').where('estate_id', '=', ctx.estate.id).where('code', '=', filter.building).executeTakeFirst();
      if (exists) return ctx.reply(t('unpaid_building_out_of_scope', { building: filter.building }));
      const codes = [...new Set(rows.map((r) => r.buildingCode))].sort((a, b) => Number(a) - Number(b) || a.localeCompare(b));
      return ctx.reply(t('unpaid_building_unknown', { building: filter.building, buildings: codes.join('、') }));
    }
    rows = unit === null ? inScope : inScope.filter((r) => r.roomCode.startsWith(`${filter.building}-${unit}-`));
  }
  const narrowed = (filter.building === null ? '' : (filter.unit === null ? t('scope_building', { code: filter.building }) : t('unpaid_unit', { building: filter.building, unit: filter.unit }))) + (filter.minMonths === null ? '' : t('unpaid_min_months', { months: filter.minMonths }));
  const name = (filter.building === null ? await scopeName(ctx, scope) : ctx.estate.name) + narrowed;
  const wanted = new Set(rows.map((r) => r.householdId));
  // One section per plan, each over the households it charges; an estate of one plan reads as it always has.
  const sections: string[] = [];
  for (const plan of plans) {
    const paid = plan === plans[0] ? rows : (await paidMonthsByHousehold(ctx.tx, scope, plan.id)).filter((r) => wanted.has(r.householdId));
    const lines = arrearsLines(ctx, plan, paid, month, filter.minMonths ?? 1, name);
    sections.push(plans.length === 1 ? lines : `${t('unpaid_plan', { plan: plan.name })}\n${lines}`);
  }
  ctx.reply(sections.join('\n'));
});

/** The arrears of one plan: a header and the rooms behind by building, or that none are. */
function arrearsLines(ctx: CommandContext, plan: EstatePlan, rows: HouseholdPaid[], month: string, min: number, name: string): string {
  const { t } = ctx.i18n;
  const charged = rows.flatMap((r) => {
    const priced = pricedFor(plan, r);
    return priced ? [{ ...r, bal: balance(priced, r.paidMonths, month, r.creditFen) }] : [];
  });
  const behind = charged.filter((r) => r.bal.owedMonths >= min).sort((a, b) => compareRoomCodes(a.roomCode, b.roomCode));
  if (behind.length === 0) return t('unpaid_none', { scope: name });
  const byBuilding = new Map<string, string[]>();
  for (const r of behind) {
    const list = byBuilding.get(r.buildingCode) ?? [];
    list.push(t('unpaid_room', { room: r.roomCode, months: r.bal.owedMonths, fen: r.bal.owedFen }));
    byBuilding.set(r.buildingCode, list);
  }
  const total = behind.reduce((s, r) => s + r.bal.owedFen, 0);
  const lines = [t('unpaid_header', { scope: name, households: behind.length, total: charged.length, fen: total })];
  for (const [building, rooms] of byBuilding) lines.push(t('unpaid_building', { building, rooms: rooms.join(' ') }));
  return lines.join('\n');
}
