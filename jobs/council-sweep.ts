import type { Locale } from '../src/commands/locale.js';
import { agendaOf, dueReminders } from '../src/council/meetings.js';
import { resultText } from '../src/council/render-count.js';
import { countVote, votedRooms } from '../src/council/vote-count.js';
import { translator } from '../src/i18n/translator.js';
import { userText } from '../src/i18n/user-text.js';
import type { Platform } from '../src/messages/incoming-message.js';
import { outboxKey } from '../src/queue/job-ids.js';
import { localTime } from '../src/time/local-time.js';
import { handOverPending } from '../src/outbox/hand-over-pending.js';
import { writeScheduled } from '../src/outbox/write-outbox.js';
import type { WorkerDeps } from './worker-deps.js';

/**
 * The council's scheduled sweep: each vote past its deadline is closed and its result posted to the
 * group it was opened in, and each meeting reminder that has come due goes out. Exactly once: the
 * vote's conditional close and the (meeting, kind) row decide, and the outbox keys are fixed.
 */
export async function councilSweep(_data: { estateId: null }, deps: WorkerDeps): Promise<void> {
  const now = deps.clock.now();
  const keys: string[] = [];
  const due = await deps.db.selectFrom('votes').select('id').where('status', '=', 'open').where('deadline', '<=', now).orderBy('id').execute();
  for (const { id } of due) {
    const key = await deps.db.transaction().execute(async (tx) => {
      const vote = await tx.updateTable('votes').set({ status: 'closed', closed_at: now }).where('id', '=', id).where('status', '=', 'open').returningAll().executeTakeFirst();
      if (!vote) return null;
      const estate = await tx.selectFrom('estates').select(['locale']).where('id', '=', vote.estate_id).executeTakeFirstOrThrow();
      const count = await countVote(tx, vote, vote.deadline);
      const text = resultText(vote, count, await votedRooms(tx, vote), translator(estate.locale as Locale).t);
      await tx.updateTable('votes').set({ result: JSON.stringify(count) }).where('id', '=', id).execute();
      const k = outboxKey(`vote-${id}-result`, 1);
      await writeScheduled(tx, k, { to: { platform: vote.platform as Platform, chatId: vote.chat_id }, text, mentions: [] }, now);
      return k;
    });
    if (key) keys.push(key);
  }
  for (const r of await dueReminders(deps.db, now)) {
    const key = await deps.db.transaction().execute(async (tx) => {
      const fresh = await tx.insertInto('meeting_reminders').values({ meeting_id: r.meetingId, kind: r.kind, created_at: now }).onConflict((c) => c.columns(['meeting_id', 'kind']).doNothing()).returning('meeting_id').executeTakeFirst();
      if (!fresh) return null;
      const m = await tx.selectFrom('meetings as m').innerJoin('estates as e', 'e.id', 'm.estate_id').select(['m.id', 'm.starts_at', 'm.place', 'm.platform', 'm.chat_id', 'e.locale', 'e.time_zone']).where('m.id', '=', r.meetingId).executeTakeFirstOrThrow();
      const agenda = (await agendaOf(tx, m.id)).map((a) => `Y${a.id}`);
      const text = translator(m.locale as Locale).t('meeting_reminder', { ref: `M${m.id}`, at: localTime(m.starts_at, m.time_zone), place: userText(m.place, 100), kind: r.kind, agenda });
      const k = outboxKey(`meeting-${m.id}-${r.kind}`, 1);
      await writeScheduled(tx, k, { to: { platform: m.platform as Platform, chatId: m.chat_id }, text, mentions: [] }, now);
      return k;
    });
    if (key) keys.push(key);
  }
  if (keys.length > 0) await handOverPending(deps, { keys });
}
