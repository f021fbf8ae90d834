import { parseFloorArea, setFloorArea } from '../src/council/floor-area.js';
import { readPaperBallot } from '../src/council/read-args.js';
import { canManage } from '../src/ledger/permissions.js';
import { findHousehold } from '../src/members/households.js';
import { councilOut, councilStaff } from './council-out.js';
import { commandProcessor } from './run-command.js';

/** 面积 8-2-301 89.5 (/area 8-2-301 89.5): staff set a household's floor area in m² (kept in hundredths); votes already open keep theirs. */
export const setFloorAreaJob = commandProcessor('floor-area', async (ctx) => {
  const out = councilOut(ctx);
  const { t } = ctx.i18n;
  if (!councilStaff(ctx)) return void out.reply(t('staff_only'));
  const args = readPaperBallot(ctx.job.command.text ?? '');
  if (!args.ok) return void out.reply(t('council_arg_error', { error: 'area_required' }));
  const area = parseFloorArea(args.value.choiceText);
  if (area === null) return void out.reply(t('council_arg_error', { error: 'area_required' }));
  const household = await findHousehold(ctx.tx, ctx.estate.id, args.value.room);
  if (!household) return void out.reply(t('area_no_room', { room: args.value.room }));
  if (!canManage(ctx.roles, household)) return void out.reply(t('not_your_zone', { room: household.roomCode }));
  const before = await setFloorArea(ctx.tx, household.id, area);
  await ctx.audit('household.area', household.roomCode, { before, after: area });
  out.reply(t('area_set', { room: household.roomCode, area, before }));
});
