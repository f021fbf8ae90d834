/** One ballot as cast (chat or paper); later ballots for the same household replace earlier ones. */
export interface CastBallot {
  householdId: number;
  /** For an owners' decision 'yes' | 'no' | 'abstain'; for a poll the option's number (1-based) as text. */
  choice: string;
  castAt: Date;
  /** Order among ballots cast in the same millisecond (the ballot's row id). */
  seq: number;
}

/**
 * The ballot that counts for each household: its last one cast strictly before the deadline.
 * Nothing cast at or after the deadline counts.
 */
export function effectiveBallots(ballots: readonly CastBallot[], deadline: Date): Map<number, CastBallot> {
  const out = new Map<number, CastBallot>();
  for (const b of ballots) {
    if (b.castAt.getTime() >= deadline.getTime()) continue;
    const prior = out.get(b.householdId);
    if (!prior || later(b, prior)) out.set(b.householdId, b);
  }
  return out;
}

/** True when `a` was cast after `b`. */
export function later(a: CastBallot, b: CastBallot): boolean {
  const d = a.castAt.getTime() - b.castAt.getTime();
  return d > 0 || (d === 0 && a.seq > b.seq);
}
