import { agendaOf, setAgenda } from '../src/council/meetings.js';
import { pendingAgenda } from '../src/council/proposals.js';
import { readMeeting } from '../src/council/read-args.js';
import { userText } from '../src/i18n/user-text.js';
import { localTime } from '../src/time/local-time.js';
import { councilOut, councilStaff } from './council-out.js';
import { commandProcessor } from './run-command.js';

/**
 * 会议 12月10日 19:00 8栋议事点 议题 Y3 Y5: staff schedule a round-table meeting; its agenda is the
 * proposals named plus every proposal that reached its support threshold and is on no agenda yet.
 */
export const scheduleMeeting = commandProcessor('meeting', async (ctx) => {
  const out = councilOut(ctx);
  const { t } = ctx.i18n;
  if (!councilStaff(ctx)) return void out.reply(t('council_staff_only'));
  const args = readMeeting(ctx.job.command.text ?? '', ctx.now, ctx.estate.time_zone);
  if (!args.ok) return void out.reply(t('council_arg_error', { error: args.error }));
  const named = [...new Set(args.value.proposals)].filter((id) => id <= 2_147_483_647);
  const known = named.length === 0 ? [] : await ctx.tx.selectFrom('proposals').select('id').where('estate_id', '=', ctx.estate.id).where('id', 'in', named).where('status', 'in', ['open', 'agenda']).execute();
  const knownIds = new Set(known.map((k) => k.id));
  const unknown = args.value.proposals.filter((id) => !knownIds.has(id));
  const agenda = [...new Set([...named.filter((id) => knownIds.has(id)), ...(await pendingAgenda(ctx.tx, ctx.estate.id))])];
  const meeting = await ctx.tx
    .insertInto('meetings')
    .values({
      estate_id: ctx.estate.id,
      starts_at: args.value.startsAt,
      place: args.value.place.slice(0, 100),
      minutes: null,
      minutes_at: null,
      created_by: ctx.member.id,
      platform: ctx.job.platform,
      chat_id: ctx.job.chatId,
      source_key: ctx.job.key,
      created_at: ctx.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await setAgenda(ctx.tx, meeting.id, agenda);
  await ctx.audit('meeting.schedule', `M${meeting.id}`, { agenda });
  const items = (await agendaOf(ctx.tx, meeting.id)).map((a) => ({ ref: `Y${a.id}`, text: userText(a.text) }));
  out.reply(t('meeting_scheduled', { ref: `M${meeting.id}`, at: localTime(args.value.startsAt, ctx.estate.time_zone), place: userText(args.value.place, 100), agenda: items }));
  if (unknown.length > 0) out.reply(t('meeting_unknown_proposals', { refs: unknown.map((id) => `Y${id}`) }));
});
