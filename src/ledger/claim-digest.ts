import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/database.js';

/** Most often a zone's staff hear of new claims: one digest per 15 minutes, not one message per claim. */
export const DIGEST_EVERY_MS = 15 * 60_000;

/** Claims older than this when the sweep first sees them are not news (the 待确认 list has them). */
export const NEWS_FOR_MS = 24 * 3600_000;

/** Outbox keys of digests start with this, then `z<zone id or 0>-`. */
export const DIGEST_KEY_PREFIX = 'claim-digest-';

/** A zone of an estate with claims its staff have not been told of (zone 0: households in no zone). */
export interface DigestZone {
  estateId: number;
  zoneId: number | null;
}

/** A claim being announced, still waiting for a decision. */
export interface DigestClaim {
  id: number;
  roomCode: string;
  planName: string;
  amountFen: number;
  createdAt: Date;
}

/** The zones (per estate) that have claims of the last day not yet announced. */
export async function zonesWithNewClaims(db: Kysely<Database>, estateId: number | null, now: Date): Promise<DigestZone[]> {
  return db
    .selectFrom('payments as p')
    .innerJoin('households as h', 'h.id', 'p.household_id')
    .innerJoin('buildings as b', 'b.id', 'h.building_id')
    .select(['p.estate_id as estateId', 'b.zone_id as zoneId'])
    .distinct()
    .where('p.kind', '=', 'claim')
    .where('p.created_at', '>', new Date(now.getTime() - NEWS_FOR_MS))
    .$if(estateId !== null, (q) => q.where('p.estate_id', '=', estateId!))
    .where((eb) => eb.not(eb.exists(eb.selectFrom('claim_announcements as a').select('a.payment_id').whereRef('a.payment_id', '=', 'p.id'))))
    .execute();
}

/** The digest key of a zone: `claim-digest-z3-`. */
export function zoneKey(zoneId: number | null): string {
  return `${DIGEST_KEY_PREFIX}z${zoneId ?? 0}-`;
}

/** Did the zone's staff get a digest less than 15 minutes ago? Then its new claims wait for the next. */
export async function digestedRecently(tx: Transaction<Database>, zone: DigestZone, now: Date): Promise<boolean> {
  const row = await tx
    .selectFrom('outbox')
    .select('id')
    .where('key', 'like', `${zoneKey(zone.zoneId)}e${zone.estateId}-%`)
    .where('created_at', '>', new Date(now.getTime() - DIGEST_EVERY_MS))
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Mark the zone's new claims announced and return those still waiting (a claim decided before
 * the digest ran is marked, not listed). The mark's primary key makes each claim announced once,
 * whichever worker's sweep gets there first; a concurrent sweep waits on it and takes none.
 */
export async function takeNewClaims(tx: Transaction<Database>, zone: DigestZone, now: Date): Promise<DigestClaim[]> {
  const { rows: marked } = await sql<{ payment_id: number }>`
    insert into claim_announcements (payment_id, announced_at)
    select p.id, ${now}::timestamptz
    from payments p
    join households h on h.id = p.household_id
    join buildings b on b.id = h.building_id
    where p.kind = 'claim' and p.estate_id = ${zone.estateId} and p.created_at > ${new Date(now.getTime() - NEWS_FOR_MS)}::timestamptz
      and b.zone_id is not distinct from ${zone.zoneId}::int
      and not exists (select 1 from claim_announcements a where a.payment_id = p.id)
    order by p.id
    on conflict (payment_id) do nothing
    returning payment_id`.execute(tx);
  if (marked.length === 0) return [];
  return tx
    .selectFrom('payments as p')
    .innerJoin('households as h', 'h.id', 'p.household_id')
    .innerJoin('fee_plans as f', 'f.id', 'p.fee_plan_id')
    .leftJoin('payment_decisions as d', 'd.payment_id', 'p.id')
    .select(['p.id', 'h.room_code as roomCode', 'f.name as planName', 'p.amount_fen as amountFen', 'p.created_at as createdAt'])
    .where('p.id', 'in', marked.map((m) => m.payment_id))
    .where('d.payment_id', 'is', null)
    .orderBy('p.id')
    .execute();
}

/** Who hears of a zone's claims: its grid workers, else (no zone, or nobody in it) the estate's admins. */
export async function digestRecipients(tx: Transaction<Database>, zone: DigestZone): Promise<{ memberId: number; platform: string; platformUserId: string }[]> {
  const q = (role: 'grid_worker' | 'admin') =>
    tx
      .selectFrom('roles as r')
      .innerJoin('members as m', 'm.id', 'r.member_id')
      .select(['m.id as memberId', 'm.platform', 'm.platform_user_id as platformUserId'])
      .distinct()
      .where('r.estate_id', '=', zone.estateId)
      .where('r.role', '=', role)
      .$if(role === 'grid_worker', (w) => w.where('r.zone_id', '=', zone.zoneId!))
      .orderBy('m.id')
      .execute();
  const workers = zone.zoneId === null ? [] : await q('grid_worker');
  return workers.length > 0 ? workers : q('admin');
}
