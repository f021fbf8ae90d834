import type { Transaction } from 'kysely';
import type { Database } from '../db/database.js';
import type { MatterClass } from './owners-decision.js';
import { personKeys } from './persons.js';
import type { VoteKind } from '../db/tables/council.js';

/** What staff asked to open. */
export interface NewVote {
  estateId: number;
  kind: VoteKind;
  matter: MatterClass | null;
  title: string;
  options: string[];
  secret: boolean;
  /** Empty: the whole estate. */
  buildingIds: number[];
  deadline: Date;
  createdBy: number;
  platform: string;
  chatId: string;
  sourceKey: string;
  proposalId: number | null;
}

export type OpenVoteOutcome = { ok: true; voteId: number; households: number; persons: number } | { ok: false; error: 'area_unknown'; rooms: string[] } | { ok: false; error: 'scope_empty' };

/** Confirmed owner bindings of households in an estate, as they stood at `at`. */
export async function ownerLinks(tx: Transaction<Database>, estateId: number, at: Date): Promise<{ memberId: number; householdId: number }[]> {
  const rows = await tx
    .selectFrom('bindings as bi')
    .innerJoin('households as h', 'h.id', 'bi.household_id')
    .select(['bi.member_id', 'bi.household_id'])
    .where('h.estate_id', '=', estateId)
    .where('bi.status', '=', 'confirmed')
    .where('bi.relation', '=', 'owner')
    .where('bi.decided_at', '<=', at)
    .where('bi.relation_at', '<=', at)
    .execute();
  return rows.map((r) => ({ memberId: r.member_id, householdId: r.household_id }));
}

/**
 * Open a vote: the scope's households are snapshotted with their areas and the owner (person) each
 * belongs to, so the count at the deadline uses the roster as it was at opening. An owners' decision
 * refuses to open while any household in scope has no floor area (the thresholds would be wrong).
 */
export async function openVote(tx: Transaction<Database>, v: NewVote, now: Date): Promise<OpenVoteOutcome> {
  let q = tx.selectFrom('households').select(['id', 'building_id', 'floor_area', 'room_code']).where('estate_id', '=', v.estateId);
  if (v.buildingIds.length > 0) q = q.where('building_id', 'in', v.buildingIds);
  const households = await q.orderBy('id').execute();
  if (households.length === 0) return { ok: false, error: 'scope_empty' };
  if (v.kind === 'decision') {
    const unknown = households.filter((h) => h.floor_area === null).map((h) => h.room_code);
    if (unknown.length > 0) return { ok: false, error: 'area_unknown', rooms: unknown };
  }
  const keys = personKeys(households.map((h) => h.id), await ownerLinks(tx, v.estateId, now));
  const vote = await tx
    .insertInto('votes')
    .values({
      estate_id: v.estateId,
      kind: v.kind,
      matter_class: v.matter,
      scope: v.buildingIds.length > 0 ? 'buildings' : 'estate',
      title: v.title,
      options: JSON.stringify(v.options),
      secret: v.secret,
      proposal_id: v.proposalId,
      opened_at: now,
      deadline: v.deadline,
      result: null,
      closed_at: null,
      created_by: v.createdBy,
      platform: v.platform,
      chat_id: v.chatId,
      source_key: v.sourceKey,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (v.buildingIds.length > 0) await tx.insertInto('vote_buildings').values(v.buildingIds.map((b) => ({ vote_id: vote.id, building_id: b }))).execute();
  for (let i = 0; i < households.length; i += 1000) {
    await tx
      .insertInto('vote_parts')
      .values(households.slice(i, i + 1000).map((h) => ({ vote_id: vote.id, household_id: h.id, building_id: h.building_id, area: h.floor_area, person_key: keys.get(h.id)! })))
      .execute();
  }
  return { ok: true, voteId: vote.id, households: households.length, persons: new Set(keys.values()).size };
}
