import { effectiveBallots, later, type CastBallot } from './effective-ballots.js';
import { atLeastShare, moreThanShare } from './ratio.js';

/** The class of a matter under Civil Code art. 278: items 6–8 are special, the rest ordinary. */
export type MatterClass = 'ordinary' | 'special';
/** How an owner answers a decision; an abstention still takes part. */
export type DecisionChoice = 'yes' | 'no' | 'abstain';
export const DECISION_CHOICES: readonly DecisionChoice[] = ['yes', 'no', 'abstain'];

/** One exclusive part (household) in the vote's scope, as snapshotted when the vote opened. */
export interface VotePart {
  householdId: number;
  buildingId: number;
  /** Floor area in hundredths of m² (a positive integer). */
  area: number;
  /** Households with the same key belong to one owner (see persons.ts). */
  personKey: number;
}

/** Persons and area: the two weights of every figure. */
export interface Weight {
  persons: number;
  area: number;
}

/** The count of an owners' decision, every figure an integer. */
export interface DecisionCount {
  total: Weight;
  participating: Weight;
  byChoice: Record<DecisionChoice, Weight>;
  /** Households (not persons) whose ballot counts, by channel is left to the caller. */
  householdsVoted: number;
  /** ≥ 2/3 of the scope's area, and ≥ 2/3 of its owners. */
  quorum: { area: boolean; persons: boolean; met: boolean };
  /** Ordinary: > 1/2 of participating area and persons; special: ≥ 3/4 of both. */
  majority: { area: boolean; persons: boolean; met: boolean };
  /** Valid (quorum met) and carried. */
  passed: boolean;
}

/** A ballot naming something other than yes / no / abstain, or a part without a usable area. */
export class InvalidCountInputError extends Error {
  constructor(readonly detail: string) {
    super(`owners' decision count: ${detail}`);
    this.name = 'InvalidCountInputError';
  }
}

const zero = (): Weight => ({ persons: 0, area: 0 });

/**
 * Count an owners' decision under art. 278. Each person (an owner of one or more parts) is one
 * voter carrying the area of all their parts in scope; their choice is their latest ballot that
 * counts (the last before the deadline, for any of their parts).
 */
export function countOwnersDecision(parts: readonly VotePart[], ballots: readonly CastBallot[], deadline: Date, matter: MatterClass): DecisionCount {
  const persons = new Map<number, { area: number; households: number[] }>();
  for (const p of parts) {
    if (!Number.isSafeInteger(p.area) || p.area <= 0) throw new InvalidCountInputError(`household ${p.householdId} has no floor area`);
    const person = persons.get(p.personKey) ?? { area: 0, households: [] };
    person.area += p.area;
    person.households.push(p.householdId);
    persons.set(p.personKey, person);
  }
  const inScope = new Set(parts.map((p) => p.householdId));
  const counted = effectiveBallots(
    ballots.filter((b) => inScope.has(b.householdId)),
    deadline,
  );
  const total = zero();
  const participating = zero();
  const byChoice: Record<DecisionChoice, Weight> = { yes: zero(), no: zero(), abstain: zero() };
  for (const person of persons.values()) {
    total.persons += 1;
    total.area += person.area;
    let latest: CastBallot | undefined;
    for (const h of person.households) {
      const b = counted.get(h);
      if (b && (!latest || later(b, latest))) latest = b;
    }
    if (!latest) continue;
    const choice = latest.choice as DecisionChoice;
    if (!DECISION_CHOICES.includes(choice)) throw new InvalidCountInputError(`choice ${latest.choice}`);
    participating.persons += 1;
    participating.area += person.area;
    byChoice[choice].persons += 1;
    byChoice[choice].area += person.area;
  }
  const quorumArea = atLeastShare(participating.area, total.area, 2, 3);
  const quorumPersons = atLeastShare(participating.persons, total.persons, 2, 3);
  const yes = byChoice.yes;
  const [num, den] = matter === 'special' ? [3, 4] : [1, 2];
  const share = matter === 'special' ? atLeastShare : moreThanShare;
  const majArea = share(yes.area, participating.area, num, den);
  const majPersons = share(yes.persons, participating.persons, num, den);
  const quorumMet = quorumArea && quorumPersons;
  const majorityMet = majArea && majPersons;
  return {
    total,
    participating,
    byChoice,
    householdsVoted: counted.size,
    quorum: { area: quorumArea, persons: quorumPersons, met: quorumMet },
    majority: { area: majArea, persons: majPersons, met: majorityMet },
    passed: quorumMet && majorityMet,
  };
}
