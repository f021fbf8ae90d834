import { effectiveBallots, type CastBallot } from './effective-ballots.js';
import { moreThanShare } from './ratio.js';

/** The count of a poll: one vote per household, simple majority of votes cast. */
export interface PollCount {
  /** Votes per option, in the options' order. */
  votes: number[];
  cast: number;
  /** Households that could vote (the scope). */
  eligible: number;
  /** 0-based index of the option with more than half of the votes cast; null when none has. */
  winner: number | null;
}

/** Count a poll over the households in scope; ballots name an option by its 1-based number. */
export function countPoll(householdIds: readonly number[], options: number, ballots: readonly CastBallot[], deadline: Date): PollCount {
  const inScope = new Set(householdIds);
  const counted = effectiveBallots(
    ballots.filter((b) => inScope.has(b.householdId)),
    deadline,
  );
  const votes = Array.from({ length: options }, () => 0);
  let cast = 0;
  for (const b of counted.values()) {
    const n = Number(b.choice);
    if (!Number.isInteger(n) || n < 1 || n > options) continue;
    votes[n - 1] += 1;
    cast += 1;
  }
  const winner = votes.findIndex((v) => moreThanShare(v, cast, 1, 2));
  return { votes, cast, eligible: inScope.size, winner: winner < 0 ? null : winner };
}
