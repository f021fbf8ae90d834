import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/database.js';
import { compareRoomCodes } from '../members/households.js';
import type { Vote } from './ballots.js';
import { effectiveBallots, type CastBallot } from './effective-ballots.js';
import { countOwnersDecision, type DecisionCount, type MatterClass } from './owners-decision.js';
import { countPoll, type PollCount } from './poll.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Turnout of one building: households and area whose ballot counts. */
export interface BuildingTurnout {
  code: string;
  households: number;
  voted: number;
  area: number;
  votedArea: number;
}

/** A vote's count as of `at` (the deadline, or now for live turnout). */
export type VoteCount =
  | { kind: 'decision'; matter: MatterClass; count: DecisionCount; paper: number; buildings: BuildingTurnout[] }
  | { kind: 'poll'; options: string[]; count: PollCount; paper: number; buildings: BuildingTurnout[] };

interface Part {
  household_id: number;
  building_id: number;
  area: number | null;
  person_key: number;
  room_code: string;
  building_code: string;
}

async function partsOf(db: Db, voteId: number): Promise<Part[]> {
  return db
    .selectFrom('vote_parts as vp')
    .innerJoin('households as h', 'h.id', 'vp.household_id')
    .innerJoin('buildings as b', 'b.id', 'vp.building_id')
    .select(['vp.household_id', 'vp.building_id', 'vp.area', 'vp.person_key', 'h.room_code', 'b.code as building_code'])
    .where('vp.vote_id', '=', voteId)
    .execute();
}

async function ballotsOf(db: Db, voteId: number): Promise<(CastBallot & { channel: string })[]> {
  const rows = await db.selectFrom('ballots').select(['id', 'household_id', 'choice', 'cast_at', 'channel']).where('vote_id', '=', voteId).execute();
  return rows.map((r) => ({ householdId: r.household_id, choice: r.choice, castAt: r.cast_at, seq: Number(r.id), channel: r.channel }));
}

/** Count a vote from its snapshot and ballots: ballots at or after min(at, deadline) do not count. */
export async function countVote(db: Db, vote: Vote, at: Date): Promise<VoteCount> {
  const parts = await partsOf(db, vote.id);
  const ballots = await ballotsOf(db, vote.id);
  const cutoff = at < vote.deadline ? new Date(at.getTime() + 1) : vote.deadline;
  const counted = effectiveBallots(ballots, cutoff);
  const votedPersons = new Set(parts.filter((p) => counted.has(p.household_id)).map((p) => p.person_key));
  // A multi-unit owner who voted for one household has voted for all of them (one person).
  const hasVoted = (p: Part) => (vote.kind === 'decision' ? votedPersons.has(p.person_key) : counted.has(p.household_id));
  const byBuilding = new Map<string, BuildingTurnout>();
  for (const p of parts) {
    const b = byBuilding.get(p.building_code) ?? { code: p.building_code, households: 0, voted: 0, area: 0, votedArea: 0 };
    b.households += 1;
    b.area += p.area ?? 0;
    if (hasVoted(p)) {
      b.voted += 1;
      b.votedArea += p.area ?? 0;
    }
    byBuilding.set(p.building_code, b);
  }
  const buildings = [...byBuilding.values()].sort((a, b) => Number(a.code) - Number(b.code) || a.code.localeCompare(b.code));
  const paper = [...counted.values()].filter((b) => (b as CastBallot & { channel: string }).channel === 'paper').length;
  if (vote.kind === 'decision') {
    const count = countOwnersDecision(
      parts.map((p) => ({ householdId: p.household_id, buildingId: p.building_id, area: p.area ?? 0, personKey: p.person_key })),
      ballots,
      cutoff,
      vote.matter_class!,
    );
    return { kind: 'decision', matter: vote.matter_class!, count, paper, buildings };
  }
  const options = vote.options;
  return { kind: 'poll', options, count: countPoll(parts.map((p) => p.household_id), options.length, ballots, cutoff), paper, buildings };
}

/** Households in the vote's scope not yet voted (for a decision: whose owner has not voted for any of their parts), by room code. */
export async function notVotedHouseholds(db: Db, vote: Vote, at: Date): Promise<{ householdId: number; roomCode: string }[]> {
  const parts = await partsOf(db, vote.id);
  const counted = effectiveBallots(await ballotsOf(db, vote.id), at < vote.deadline ? new Date(at.getTime() + 1) : vote.deadline);
  const votedPersons = new Set(parts.filter((p) => counted.has(p.household_id)).map((p) => p.person_key));
  return parts
    .filter((p) => (vote.kind === 'decision' ? !votedPersons.has(p.person_key) : !counted.has(p.household_id)))
    .map((p) => ({ householdId: p.household_id, roomCode: p.room_code }))
    .sort((a, b) => compareRoomCodes(a.roomCode, b.roomCode));
}

/** Room codes in the vote's scope not yet voted. */
export async function notVotedRooms(db: Db, vote: Vote, at: Date): Promise<string[]> {
  return (await notVotedHouseholds(db, vote, at)).map((h) => h.roomCode);
}

/** Room codes whose ballot counts, with their area (published with a non-secret result; never names). */
export async function votedRooms(db: Db, vote: Vote): Promise<{ room: string; area: number | null; choice: string }[]> {
  const parts = await partsOf(db, vote.id);
  const counted = effectiveBallots(await ballotsOf(db, vote.id), vote.deadline);
  return parts
    .filter((p) => counted.has(p.household_id))
    .map((p) => ({ room: p.room_code, area: p.area, choice: counted.get(p.household_id)!.choice }))
    .sort((a, b) => compareRoomCodes(a.room, b.room));
}
