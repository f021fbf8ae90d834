import type { Kysely, Transaction } from 'kysely';
import type { Database, PropertyCompany } from '../db/database.js';

type Db = Kysely<Database> | Transaction<Database>;

/** What an estate engages a property-service company for. */
export interface CompanyTerms {
  categories: string[];
  acceptMinutes: number | null;
  resolveMinutes: number | null;
  /** Last month of the trial (先尝后买), 'YYYY-MM'; null: engaged outright. */
  trialUntil: string | null;
  trialPoll: boolean;
}

/** Every property company of an estate, the ended ones too, oldest first. */
export function companiesOf(db: Db, estateId: number): Promise<PropertyCompany[]> {
  return db.selectFrom('property_companies').selectAll().where('estate_id', '=', estateId).orderBy('id').execute();
}

/** The estate's companies that serve it now (not ended). */
export async function activeCompanies(db: Db, estateId: number): Promise<PropertyCompany[]> {
  return (await companiesOf(db, estateId)).filter((c) => c.ended_at === null);
}

/** A company of an estate by its name; null if there is none. */
export async function companyNamed(db: Db, estateId: number, name: string): Promise<PropertyCompany | null> {
  return (await db.selectFrom('property_companies').selectAll().where('estate_id', '=', estateId).where('name', '=', name).executeTakeFirst()) ?? null;
}

/** Categories of `categories` that another active company of the estate already serves, with its name. */
export async function takenCategories(db: Db, estateId: number, name: string, categories: string[]): Promise<{ category: string; company: string }[]> {
  const others = (await activeCompanies(db, estateId)).filter((c) => c.name !== name);
  return categories.flatMap((category) => others.filter((o) => o.categories.includes(category)).map((o) => ({ category, company: o.name })));
}

/**
 * Engage a company (or change its terms, or engage an ended one again): one row per estate and name.
 * Returns whether it was new.
 */
export async function engageCompany(db: Db, estateId: number, name: string, terms: CompanyTerms, now: Date): Promise<{ id: number; created: boolean }> {
  const values = {
    categories: JSON.stringify(terms.categories),
    accept_minutes: terms.acceptMinutes,
    resolve_minutes: terms.resolveMinutes,
    trial_until: terms.trialUntil,
    trial_poll: terms.trialPoll,
    ended_at: null,
  };
  const existing = await companyNamed(db, estateId, name);
  if (existing) {
    // A new trial month is a new trial: its end is handled again.
    const trialChanged = existing.trial_until !== terms.trialUntil;
    await db
      .updateTable('property_companies')
      .set({ ...values, ...(trialChanged ? { trial_closed_at: null, trial_vote_id: null } : {}) })
      .where('id', '=', existing.id)
      .execute();
    return { id: existing.id, created: false };
  }
  const row = await db.insertInto('property_companies').values({ estate_id: estateId, name, ...values, created_at: now }).returning('id').executeTakeFirstOrThrow();
  return { id: row.id, created: true };
}

/** End a company's service: new tickets of its categories go to the grid again; its staff lose the role. */
export async function endCompany(tx: Transaction<Database>, companyId: number, now: Date): Promise<number> {
  await tx.updateTable('property_companies').set({ ended_at: now }).where('id', '=', companyId).where('ended_at', 'is', null).execute();
  const gone = await tx.deleteFrom('roles').where('role', '=', 'property').where('property_company_id', '=', companyId).executeTakeFirst();
  return Number(gone.numDeletedRows);
}
