import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/database.js';
import { currentMonth, monthFromIndex, monthIndex } from '../time/month.js';
import { DEFAULT_RULES, validateRules, type ScoringRules } from './rules.js';

type Db = Kysely<Database> | Transaction<Database>;

/** The rules in force for an estate's month: the latest version effective at or before it, else the defaults. */
export async function rulesForMonth(db: Db, estateId: number, month: string): Promise<ScoringRules> {
  const row = await db
    .selectFrom('scoring_rules')
    .select('rules')
    .where('estate_id', '=', estateId)
    .where('effective_month', '<=', month)
    .orderBy('effective_month', 'desc')
    .executeTakeFirst();
  return row ? { ...DEFAULT_RULES, ...row.rules } : DEFAULT_RULES;
}

/**
 * Change an estate's rules: they take effect from the next month (in the estate's zone), so a
 * month being scored keeps the rules it started with; the change is in the audit log. Returns
 * the month they take effect.
 */
export async function setRules(tx: Transaction<Database>, estate: { id: number; time_zone: string }, rules: ScoringRules, actorId: number | null, now: Date): Promise<string> {
  validateRules(rules);
  const month = monthFromIndex(monthIndex(currentMonth(now, estate.time_zone)) + 1);
  const json = JSON.stringify(rules);
  await tx
    .insertInto('scoring_rules')
    .values({ estate_id: estate.id, effective_month: month, rules: json, created_by: actorId, created_at: now })
    .onConflict((c) => c.columns(['estate_id', 'effective_month']).doUpdateSet({ rules: json, created_by: actorId, created_at: now }))
    .execute();
  await tx
    .insertInto('audit_log')
    .values({ estate_id: estate.id, actor_member_id: actorId, action: 'scoring.rules', subject: `rules ${month}`, detail: json, created_at: now })
    .execute();
  return month;
}
