import type { Kysely, Transaction } from 'kysely';
import type { Locale } from '../commands/locale.js';
import type { Database, Estate } from '../db/database.js';
import { translator } from '../i18n/translator.js';
import type { MonthName } from '../time/month.js';
import { localParts } from '../time/zoned-time.js';
import { loadEntry, standing, type LedgerEntry } from './ledger-entry.js';
import { householdBalance } from './paid-through.js';

type Db = Kysely<Database> | Transaction<Database>;

/** What an e-receipt (电子收据) shows: no names, the staff member by role only. */
export interface ReceiptFacts {
  number: string;
  ref: string;
  room: string;
  plan: string;
  fen: number;
  months: number;
  through: MonthName | null;
  byRole: 'grid_worker' | 'admin' | 'resident';
  at: Date;
}

/** The receipt of a counted entry (a collection, a confirmed claim), or why there is none. */
export async function receiptFacts(
  tx: Transaction<Database>,
  estate: Estate,
  id: number,
  now: Date,
): Promise<ReceiptFacts | 'not_found' | 'not_counted'> {
  const e = await loadEntry(tx, estate.id, id);
  if (!e) return 'not_found';
  if (e.kind === 'correction' || (e.kind === 'claim' && e.decision !== 'confirmed')) return 'not_counted';
  const plan = await tx.selectFrom('fee_plans').selectAll().where('id', '=', e.feePlanId).executeTakeFirstOrThrow();
  const correction = await tx.selectFrom('payments').select(['stands_fen', 'stands_months']).where('corrects_id', '=', e.id).executeTakeFirst();
  const bal = await householdBalance(tx, estate, plan, e.householdId, now);
  const staffId = e.kind === 'claim' ? e.decidedBy : e.memberId;
  return receiptOf(estate, e, {
    plan: plan.name,
    correction: correction ? { fen: correction.stands_fen, months: correction.stands_months } : null,
    through: bal.throughName,
    byRole: staffId === null ? 'resident' : await roleOf(tx, estate.id, staffId),
    at: e.kind === 'claim' ? e.decidedAt! : e.createdAt,
  });
}

/** What a receipt needs besides its entry, for a caller that read them its own way. */
export interface ReceiptParts {
  plan: string;
  /** The correction made to the entry (its chain's standing after it), if any. */
  correction: { fen: number | null; months: number | null } | null;
  through: MonthName | null;
  byRole: ReceiptFacts['byRole'];
  at: Date;
}

/** A counted entry's receipt from its parts. */
export function receiptOf(
  estate: Pick<Estate, 'code'>,
  e: Pick<LedgerEntry, 'id' | 'roomCode' | 'kind' | 'amountFen' | 'months' | 'standsFen' | 'standsMonths'>,
  parts: ReceiptParts,
): ReceiptFacts {
  const s = standing(e);
  const c = parts.correction;
  return {
    number: `${estate.code.toUpperCase()}-${String(e.id).padStart(6, '0')}`,
    ref: `P${e.id}`,
    room: e.roomCode,
    plan: parts.plan,
    // A corrected entry's receipt shows what it stands at now (the correction is its own entry).
    fen: c ? (c.fen ?? 0) : s.fen,
    months: c ? (c.months ?? 0) : s.months,
    through: parts.through,
    byRole: parts.byRole,
    at: parts.at,
  };
}

/** How a receipt names the staff member who booked it, from their roles in the estate: by role only. */
export function receiptRole(roles: readonly { role: string }[]): ReceiptFacts['byRole'] {
  if (roles.some((r) => r.role === 'admin')) return 'admin';
  return roles.some((r) => r.role === 'grid_worker') ? 'grid_worker' : 'resident';
}

async function roleOf(db: Db, estateId: number, memberId: number): Promise<ReceiptFacts['byRole']> {
  return receiptRole(await db.selectFrom('roles').select('role').where('member_id', '=', memberId).where('estate_id', '=', estateId).execute());
}

/** The receipt as text in a locale, times in the estate's zone. */
export function receiptText(f: ReceiptFacts, estate: Estate, locale: Locale): string {
  const { t } = translator(locale);
  const p = localParts(f.at, estate.time_zone);
  const pad = (n: number) => String(n).padStart(2, '0');
  const at = `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}`;
  const by = t(f.byRole === 'admin' ? 'role_admin' : f.byRole === 'grid_worker' ? 'role_grid_worker' : 'role_resident');
  return [t('receipt_title'), t('receipt_body', { number: f.number, estate: estate.name, room: f.room, plan: f.plan, fen: f.fen, months: f.months, through: f.through, by, at })].join('\n');
}
