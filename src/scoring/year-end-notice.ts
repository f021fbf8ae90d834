import type { Transaction } from 'kysely';
import type { Locale } from '../commands/locale.js';
import type { Database, Estate, FeePlan } from '../db/database.js';
import { yuan } from '../i18n/money.js';
import { translator } from '../i18n/translator.js';
import type { Platform } from '../messages/incoming-message.js';
import { householdMembers } from '../ledger/household-members.js';
import { writeScheduled } from '../outbox/write-outbox.js';
import { outboxKey } from '../queue/job-ids.js';
import type { YearEndCredit } from './credits.js';
import { estateGroups } from './estate-groups.js';
import { rulesForMonth } from './rules-repository.js';

/** The prefix of the year-end messages' outbox keys: the hourly scoring tick hands them over. */
export const YEAR_END_KEY_PREFIX = 'scoring-yearend-';

/**
 * Write the year's subsidies to the outbox with the credits: a notice to the estate's groups
 * (units and the sum, never a name) and a private word to each bound member of a credited
 * household. Keys are fixed by the credit, so a second run writes nothing new.
 */
export async function writeYearEndNotices(tx: Transaction<Database>, estate: Estate, year: number, plan: FeePlan, credits: YearEndCredit[], now: Date): Promise<number> {
  if (credits.length === 0) return 0;
  const { t } = translator(estate.locale as Locale);
  const rules = await rulesForMonth(tx, estate.id, `${year}-12`);
  const unitCredits = credits.filter((c) => c.why === 'unit');
  let written = 0;
  const units = [...new Set(unitCredits.map((c) => `${c.unit}（${c.flags}面）`))].join('、');
  if (units !== '') {
    const text = t('sc_year_end_notice', { year, units, plan: plan.name, yuan: yuan(unitCredits[0].fen), percent: rules.yearEnd.unitPercent, heads: credits.some((c) => c.why !== 'unit') });
    for (const g of await estateGroups(tx, estate.id)) {
      await writeScheduled(tx, outboxKey(`${YEAR_END_KEY_PREFIX}${estate.id}-${year}-${plan.id}-${g.platform}-${g.chatId}`, 1), { to: g, text, mentions: [] }, now);
      written++;
    }
  }
  for (const c of credits) {
    const text = t('sc_year_end_household', { year, room: c.roomCode, plan: plan.name, yuan: yuan(c.fen), ref: `P${c.paymentId}` });
    for (const m of await householdMembers(tx, c.householdId)) {
      await writeScheduled(tx, outboxKey(`${YEAR_END_KEY_PREFIX}${c.paymentId}-${m.id}`, 1), { to: { platform: m.platform as Platform, chatId: m.platformUserId }, text, mentions: [] }, now);
      written++;
    }
  }
  return written;
}
