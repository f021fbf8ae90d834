import { ballotButtons } from '../council/ballot-buttons.js';
import type { Transaction } from 'kysely';
import type { Locale } from '../commands/locale.js';
import { noticeRecipients, recordNotice } from '../council/ballot-notices.js';
import { findVote } from '../council/ballots.js';
import { openVote } from '../council/open-vote.js';
import type { Database, Estate, PropertyCompany } from '../db/database.js';
import { localMonthBounds } from '../grid/local-day.js';
import { reachMember } from '../grid/reach-member.js';
import { translator, type Translator } from '../i18n/translator.js';
import type { ChatAddress } from '../messages/incoming-message.js';
import { writeScheduled } from '../outbox/write-outbox.js';
import { hundredths } from '../survey/survey-figures.js';
import { householdsInScope } from '../survey/survey-repository.js';
import { notifyAddress } from '../tickets/notify.js';
import { localTime } from '../time/local-time.js';
import { monthName } from '../time/month.js';
import { COMMITTEE_KEY_PREFIX, ratingOutcome, ratingSurvey, residentGroups } from './rating-survey.js';

/** How long the households have to vote on continuing after a trial. */
export const TRIAL_POLL_DAYS = 7;

/** True once a company's trial month is over and its end not yet handled. */
export function trialIsDue(c: Pick<PropertyCompany, 'trial_until' | 'trial_closed_at'>, tz: string, now: Date): boolean {
  return c.trial_until !== null && c.trial_closed_at === null && now >= localMonthBounds(c.trial_until, tz).to;
}

/**
 * End a trial period (先尝后买): the rating of its last month goes to the admins and the committee,
 * and where the estate asked for it a poll of households on continuing opens in the residents'
 * group (through the council's polls, so it is counted and closed like any poll). Once: the
 * conditional mark decides; every outbox key is fixed by the company and the trial month.
 */
export async function endTrial(tx: Transaction<Database>, estate: Estate, companyId: number, now: Date): Promise<boolean> {
  const c = await tx.updateTable('property_companies').set({ trial_closed_at: now }).where('id', '=', companyId).where('trial_closed_at', 'is', null).returningAll().executeTakeFirst();
  if (!c || c.trial_until === null) return false;
  const trial = { ...c, trial_until: c.trial_until };
  const i18n = translator(estate.locale as Locale);
  const { t } = i18n;
  const month = monthName(c.trial_until);
  const survey = await ratingSurvey(tx, c.id, c.trial_until);
  const outcome = survey ? await ratingOutcome(tx, survey) : { score: null, answered: 0, households: (await householdsInScope(tx, { estate_id: estate.id, zone_id: null, building_id: null })).length };
  const score = outcome.score === null ? null : hundredths(outcome.score);
  let vote: string | null = null;
  let noPoll: 'no_group' | 'no_staff' | null = null;
  if (c.trial_poll && c.ended_at === null) {
    const opened = await openContinuePoll(tx, estate, trial, score, i18n, now);
    if (typeof opened === 'number') vote = `V${opened}`;
    else noPoll = opened;
  }
  const text = t('trial_ended', { company: c.name, month, score, answered: outcome.answered, households: outcome.households, vote, noPoll });
  const told = new Set<string>();
  for (const m of await staffToTell(tx, estate.id)) {
    const to = await reachMember(tx, m, estate.id);
    if (to === null || told.has(`${to.platform}:${to.chatId}`)) continue;
    told.add(`${to.platform}:${to.chatId}`);
    await writeScheduled(tx, `${COMMITTEE_KEY_PREFIX}trial-${c.id}-${c.trial_until}-s${told.size}`, { to, text, mentions: [] }, now);
  }
  await tx
    .insertInto('audit_log')
    .values({ estate_id: estate.id, actor_member_id: null, action: 'property.trial-end', subject: c.name, detail: JSON.stringify({ month: c.trial_until, score: outcome.score, answered: outcome.answered, vote }), created_at: now })
    .execute();
  return true;
}

/** Admins and committee members of an estate, once each. */
async function staffToTell(tx: Transaction<Database>, estateId: number): Promise<{ platform: string; platformUserId: string }[]> {
  return tx
    .selectFrom('roles as r')
    .innerJoin('members as m', 'm.id', 'r.member_id')
    .select(['m.platform', 'm.platform_user_id as platformUserId'])
    .where('r.estate_id', '=', estateId)
    .where('r.role', 'in', ['admin', 'committee'])
    .distinct()
    .orderBy('m.platform_user_id')
    .execute();
}

/** Open the poll on continuing in the estate's (widest) residents' group, on the admins' behalf; its id, or why not. */
async function openContinuePoll(tx: Transaction<Database>, estate: Estate, c: PropertyCompany & { trial_until: string }, score: string | null, i18n: Translator, now: Date): Promise<number | 'no_group' | 'no_staff'> {
  const { t } = i18n;
  const [group] = await residentGroups(tx, estate.id);
  if (!group) return 'no_group';
  const admin = await tx.selectFrom('roles').select('member_id').where('estate_id', '=', estate.id).where('role', '=', 'admin').orderBy('id').executeTakeFirst();
  if (!admin) return 'no_staff';
  const options = [t('trial_poll_continue'), t('trial_poll_stop')];
  const title = t('trial_poll_title', { company: c.name }).slice(0, 200);
  const deadline = new Date(now.getTime() + TRIAL_POLL_DAYS * 24 * 3600_000);
  const here: ChatAddress = { platform: group.platform, chatId: group.chatId };
  const opened = await openVote(
    tx,
    { estateId: estate.id, kind: 'poll', matter: null, title, options, secret: false, buildingIds: [], deadline, createdBy: admin.member_id, platform: here.platform, chatId: here.chatId, sourceKey: `trial-${c.id}-${c.trial_until}`, proposalId: null },
    now,
  );
  if (!opened.ok) return 'no_group';
  await tx.updateTable('property_companies').set({ trial_vote_id: opened.voteId }).where('id', '=', c.id).execute();
  const ref = `V${opened.voteId}`;
  const key = `${COMMITTEE_KEY_PREFIX}trial-${c.id}-${c.trial_until}-poll`;
  const announce = [t('trial_poll_intro', { company: c.name, month: monthName(c.trial_until), score }), t('vote_opened_poll', { ref, title, options, deadline: localTime(deadline, estate.time_zone), secret: false, scope: t('vote_scope_estate') })].join('\n');
  const buttons = ballotButtons(i18n, ref, options);
  await writeScheduled(tx, key, { to: here, text: announce, mentions: [], buttons }, now);
  // As the council's own polls do: each household's notice is logged, privately where the platform allows.
  const vote = await findVote(tx, estate.id, opened.voteId);
  if (vote === null) return opened.voteId;
  for (const [i, r] of (await noticeRecipients(tx, vote)).entries()) {
    const to = notifyAddress(r, here);
    let noticeKey = key;
    if (to.chatId !== here.chatId || to.platform !== here.platform) {
      noticeKey = `${key}-n${i + 1}`;
      const text = t('vote_ballot_notice', { ref, title, rooms: r.households.map((h) => h.roomCode), deadline: localTime(deadline, estate.time_zone) });
      await writeScheduled(tx, noticeKey, { to, text, mentions: [], buttons }, now);
    }
    for (const h of r.households) await recordNotice(tx, { voteId: vote.id, householdId: h.id, channel: 'chat', memberId: r.memberId, outboxKey: noticeKey, at: now });
  }
  return opened.voteId;
}
