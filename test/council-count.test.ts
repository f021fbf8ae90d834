import { describe, expect, it } from 'vitest';
import type { CastBallot } from '../src/council/effective-ballots.js';
import { effectiveBallots } from '../src/council/effective-ballots.js';
import { mayCast, type VoterBinding } from '../src/council/eligibility.js';
import { countOwnersDecision, InvalidCountInputError, type DecisionChoice, type VotePart } from '../src/council/owners-decision.js';
import { personKeys } from '../src/council/persons.js';
import { countPoll } from '../src/council/poll.js';
import { atLeastShare, moreThanShare, perMille } from '../src/council/ratio.js';

const OPENED = new Date('2026-12-01T00:00:00Z');
const DEADLINE = new Date('2026-12-08T12:00:00Z');
const at = (minutes: number) => new Date(OPENED.getTime() + minutes * 60_000);
let seq = 0;
const ballot = (householdId: number, choice: string, minutes = 1): CastBallot => ({ householdId, choice, castAt: at(minutes), seq: ++seq });

/**
 * The known roster (areas in hundredths of m²):
 *   101  100.00 m²  owner A
 *   102   80.00 m²  owner B
 *   103  120.50 m²  owner C
 *   104   90.00 m²  owner D ─┐ one person, 150.00 m²
 *   105   60.00 m²  owner D ─┘
 *   106  110.00 m²  co-owners E and F: one person
 *   107   95.00 m²  a tenant bound, no owner: its own person all the same
 * 7 households, 6 persons, 655.50 m² = 65550.
 */
const AREAS: Record<number, number> = { 101: 10000, 102: 8000, 103: 12050, 104: 9000, 105: 6000, 106: 11000, 107: 9500 };
const OWNER_LINKS = [
  { memberId: 1, householdId: 101 },
  { memberId: 2, householdId: 102 },
  { memberId: 3, householdId: 103 },
  { memberId: 4, householdId: 104 },
  { memberId: 4, householdId: 105 },
  { memberId: 5, householdId: 106 },
  { memberId: 6, householdId: 106 },
];
function roster(): VotePart[] {
  const ids = Object.keys(AREAS).map(Number);
  const keys = personKeys(ids, OWNER_LINKS);
  return ids.map((id) => ({ householdId: id, buildingId: 1, area: AREAS[id], personKey: keys.get(id)! }));
}

/** Equal-area parts, one person each: for the persons boundaries. */
function equalParts(n: number, area = 10000): VotePart[] {
  return Array.from({ length: n }, (_, i) => ({ householdId: i + 1, buildingId: 1, area, personKey: i + 1 }));
}
const votes = (choices: Record<number, DecisionChoice>): CastBallot[] => Object.entries(choices).map(([h, c]) => ballot(Number(h), c));

describe('ratio: integer cross-multiplication', () => {
  it('includes the bound for 以上 and excludes it for 过半数', () => {
    expect(atLeastShare(2, 3, 2, 3)).toBe(true);
    expect(atLeastShare(20000, 30001, 2, 3)).toBe(false);
    expect(moreThanShare(1, 2, 1, 2)).toBe(false);
    expect(moreThanShare(50001, 100000, 1, 2)).toBe(true);
    expect(atLeastShare(3, 4, 3, 4)).toBe(true);
    expect(atLeastShare(74999, 100000, 3, 4)).toBe(false);
    expect(atLeastShare(0, 0, 2, 3)).toBe(false);
    expect(moreThanShare(0, 0, 1, 2)).toBe(false);
  });
  it('stays exact for a whole city’s area, one hundredth of m² either side of the bound', () => {
    const k = 1_000_000_000_001;
    expect(atLeastShare(2 * k, 3 * k, 2, 3)).toBe(true);
    expect(atLeastShare(2 * k - 1, 3 * k, 2, 3)).toBe(false);
    expect(moreThanShare(k + 1, 2 * k, 1, 2)).toBe(true);
    expect(perMille(2, 3)).toBe(666);
  });
});

describe('persons: one owner of several parts is one person, co-owners share one vote', () => {
  it('groups the known roster into 6 persons', () => {
    const keys = personKeys(Object.keys(AREAS).map(Number), OWNER_LINKS);
    expect(keys.get(104)).toBe(keys.get(105));
    expect(new Set(keys.values()).size).toBe(6);
    expect(keys.get(107)).toBe(107);
  });
  it('joins transitively and ignores households outside the scope', () => {
    const keys = personKeys([1, 2, 3], [
      { memberId: 9, householdId: 1 },
      { memberId: 9, householdId: 99 },
      { memberId: 8, householdId: 2 },
      { memberId: 8, householdId: 3 },
      { memberId: 7, householdId: 3 },
      { memberId: 7, householdId: 1 },
    ]);
    expect(new Set(keys.values())).toEqual(new Set([1]));
  });
});

describe('countOwnersDecision on the known roster', () => {
  it('adds a multi-unit owner’s areas into one person and counts co-owners once', () => {
    const c = countOwnersDecision(roster(), [ballot(104, 'yes'), ballot(106, 'no'), ballot(106, 'yes', 2)], DEADLINE, 'ordinary');
    expect(c.total).toEqual({ persons: 6, area: 65550 });
    // D voted for 104 only, yet carries 105's area too.
    expect(c.participating).toEqual({ persons: 2, area: 15000 + 11000 });
    expect(c.byChoice.yes).toEqual({ persons: 2, area: 26000 });
    expect(c.householdsVoted).toBe(2);
  });

  it('a multi-unit owner who voted twice differently counts once, with the latest choice', () => {
    const c = countOwnersDecision(roster(), [ballot(104, 'yes', 1), ballot(105, 'no', 5)], DEADLINE, 'ordinary');
    expect(c.byChoice.no).toEqual({ persons: 1, area: 15000 });
    expect(c.byChoice.yes).toEqual({ persons: 0, area: 0 });
  });

  it('is valid with ≥ 2/3 of area and persons, and passes an ordinary matter with > 1/2 of both', () => {
    // A, C, D (two parts), E/F vote: 4 of 6 persons (exactly 2/3), area 10000+12050+15000+11000 = 48050 of 65550 (> 2/3).
    const c = countOwnersDecision(roster(), votes({ 101: 'yes', 103: 'yes', 104: 'yes', 106: 'no' }), DEADLINE, 'ordinary');
    expect(c.participating).toEqual({ persons: 4, area: 48050 });
    expect(c.quorum).toEqual({ area: true, persons: true, met: true });
    expect(c.byChoice.yes).toEqual({ persons: 3, area: 37050 });
    expect(c.majority.met).toBe(true);
    expect(c.passed).toBe(true);
    // The same ballots do not carry a special matter: 3/4 of persons but 37050/48050 < 3/4 of area.
    const s = countOwnersDecision(roster(), votes({ 101: 'yes', 103: 'yes', 104: 'yes', 106: 'no' }), DEADLINE, 'special');
    expect(s.majority).toEqual({ area: true, persons: true, met: true });
    // 37050 * 4 = 148200 ≥ 48050 * 3 = 144150: met on area too.
    expect(s.passed).toBe(true);
  });

  it('fails the quorum on both weights when only 3 of 6 owners take part, though the majority is there', () => {
    // B, C, 107 do not vote: A, D, E/F = 3 of 6 persons (< 2/3), area 36000 of 65550 (< 2/3).
    const c = countOwnersDecision(roster(), votes({ 101: 'yes', 104: 'yes', 106: 'yes' }), DEADLINE, 'ordinary');
    expect(c.quorum).toEqual({ area: false, persons: false, met: false });
    expect(c.majority.met).toBe(true);
    expect(c.passed).toBe(false);
  });
});

describe('countOwnersDecision at the boundaries', () => {
  it('participation exactly 2/3 of area and persons is valid; one hundredth of m² less is not', () => {
    const exact = countOwnersDecision(equalParts(3), votes({ 1: 'yes', 2: 'yes' }), DEADLINE, 'ordinary');
    expect(exact.quorum).toEqual({ area: true, persons: true, met: true });
    expect(exact.passed).toBe(true);
    const parts = equalParts(3);
    parts[2].area = 10001; // the one who did not vote is larger: 20000 / 30001 < 2/3
    const short = countOwnersDecision(parts, votes({ 1: 'yes', 2: 'yes' }), DEADLINE, 'ordinary');
    expect(short.quorum).toEqual({ area: false, persons: true, met: false });
    expect(short.passed).toBe(false);
  });

  it('area at 2/3 but persons below 2/3 is not valid', () => {
    // Persons 2 of 4 (1/2); their area 2 × 20000 = 40000 of 60000 (exactly 2/3).
    const parts: VotePart[] = [
      { householdId: 1, buildingId: 1, area: 20000, personKey: 1 },
      { householdId: 2, buildingId: 1, area: 20000, personKey: 2 },
      { householdId: 3, buildingId: 1, area: 10000, personKey: 3 },
      { householdId: 4, buildingId: 1, area: 10000, personKey: 4 },
    ];
    const c = countOwnersDecision(parts, votes({ 1: 'yes', 2: 'yes' }), DEADLINE, 'ordinary');
    expect(c.quorum).toEqual({ area: true, persons: false, met: false });
  });

  it('ordinary: exactly 1/2 of persons does not pass, one more does', () => {
    const half = countOwnersDecision(equalParts(6), votes({ 1: 'yes', 2: 'yes', 3: 'no', 4: 'no' }), DEADLINE, 'ordinary');
    expect(half.quorum.met).toBe(true);
    expect(half.majority).toEqual({ area: false, persons: false, met: false });
    const more = countOwnersDecision(equalParts(6), votes({ 1: 'yes', 2: 'yes', 3: 'yes', 4: 'no' }), DEADLINE, 'ordinary');
    expect(more.passed).toBe(true);
  });

  it('ordinary: > 1/2 of persons but exactly 1/2 of area does not pass', () => {
    const parts: VotePart[] = [
      { householdId: 1, buildingId: 1, area: 5000, personKey: 1 },
      { householdId: 2, buildingId: 1, area: 5000, personKey: 2 },
      { householdId: 3, buildingId: 1, area: 10000, personKey: 3 },
    ];
    const c = countOwnersDecision(parts, votes({ 1: 'yes', 2: 'yes', 3: 'no' }), DEADLINE, 'ordinary');
    expect(c.majority).toEqual({ area: false, persons: true, met: false });
    expect(c.passed).toBe(false);
  });

  it('special: exactly 3/4 of both passes; just under on area does not', () => {
    const exact = countOwnersDecision(equalParts(4), votes({ 1: 'yes', 2: 'yes', 3: 'yes', 4: 'no' }), DEADLINE, 'special');
    expect(exact.majority).toEqual({ area: true, persons: true, met: true });
    expect(exact.passed).toBe(true);
    const parts = equalParts(4);
    parts[3].area = 10001;
    const under = countOwnersDecision(parts, votes({ 1: 'yes', 2: 'yes', 3: 'yes', 4: 'no' }), DEADLINE, 'special');
    expect(under.majority).toEqual({ area: false, persons: true, met: false });
    // The same ballots carry an ordinary matter.
    expect(countOwnersDecision(parts, votes({ 1: 'yes', 2: 'yes', 3: 'yes', 4: 'no' }), DEADLINE, 'ordinary').passed).toBe(true);
  });

  it('abstentions count as participation: they make the quorum and dilute the majority', () => {
    const without = countOwnersDecision(equalParts(6), votes({ 1: 'yes', 2: 'yes', 3: 'yes' }), DEADLINE, 'ordinary');
    expect(without.quorum.met).toBe(false);
    const withAbstain = countOwnersDecision(equalParts(6), votes({ 1: 'yes', 2: 'yes', 3: 'yes', 4: 'abstain' }), DEADLINE, 'ordinary');
    expect(withAbstain.quorum.met).toBe(true);
    expect(withAbstain.byChoice.abstain).toEqual({ persons: 1, area: 10000 });
    expect(withAbstain.passed).toBe(true);
    // 3 yes of 4 participating: a special matter passes at exactly 3/4; with two abstentions (3 of 5) it does not.
    expect(countOwnersDecision(equalParts(6), votes({ 1: 'yes', 2: 'yes', 3: 'yes', 4: 'abstain' }), DEADLINE, 'special').passed).toBe(true);
    expect(countOwnersDecision(equalParts(6), votes({ 1: 'yes', 2: 'yes', 3: 'yes', 4: 'abstain', 5: 'abstain' }), DEADLINE, 'special').passed).toBe(false);
  });

  it('an empty scope or no ballots is never valid', () => {
    expect(countOwnersDecision([], [], DEADLINE, 'ordinary').passed).toBe(false);
    const none = countOwnersDecision(equalParts(3), [], DEADLINE, 'ordinary');
    expect(none.participating).toEqual({ persons: 0, area: 0 });
    expect(none.quorum.met).toBe(false);
  });

  it('refuses a part without a floor area and a ballot that is not yes / no / abstain', () => {
    const parts = equalParts(2);
    parts[0].area = 0;
    expect(() => countOwnersDecision(parts, [], DEADLINE, 'ordinary')).toThrow(InvalidCountInputError);
    expect(() => countOwnersDecision(equalParts(2), [ballot(1, 'maybe')], DEADLINE, 'ordinary')).toThrow(InvalidCountInputError);
  });

  it('ignores ballots of households outside the scope', () => {
    const c = countOwnersDecision(equalParts(3), votes({ 1: 'yes', 2: 'yes', 9: 'no' }), DEADLINE, 'ordinary');
    expect(c.participating.persons).toBe(2);
    expect(c.byChoice.no.persons).toBe(0);
  });
});

describe('effectiveBallots: the last before the deadline counts', () => {
  it('keeps the latest per household and drops anything at or after the deadline', () => {
    const minutesToDeadline = (DEADLINE.getTime() - OPENED.getTime()) / 60_000;
    const bs = [ballot(1, 'yes', 1), ballot(1, 'no', 2), ballot(2, 'yes', 3), ballot(2, 'no', minutesToDeadline), ballot(3, 'abstain', minutesToDeadline + 1)];
    const e = effectiveBallots(bs, DEADLINE);
    expect(e.get(1)?.choice).toBe('no');
    expect(e.get(2)?.choice).toBe('yes');
    expect(e.has(3)).toBe(false);
  });
  it('breaks a tie in the same millisecond by the later row', () => {
    const a = { householdId: 1, choice: 'yes', castAt: at(1), seq: 5 };
    const b = { householdId: 1, choice: 'no', castAt: at(1), seq: 6 };
    expect(effectiveBallots([b, a], DEADLINE).get(1)?.choice).toBe('no');
  });
});

describe('countPoll: one per household, simple majority of votes cast', () => {
  it('has a winner only with more than half of the votes cast', () => {
    const c = countPoll([1, 2, 3, 4, 5], 3, [ballot(1, '1'), ballot(2, '1'), ballot(3, '2'), ballot(4, '1')], DEADLINE);
    expect(c).toEqual({ votes: [3, 1, 0], cast: 4, eligible: 5, winner: 0 });
    const tie = countPoll([1, 2, 3, 4], 2, [ballot(1, '1'), ballot(2, '1'), ballot(3, '2'), ballot(4, '2')], DEADLINE);
    expect(tie.winner).toBeNull();
    const plurality = countPoll([1, 2, 3], 3, [ballot(1, '1'), ballot(2, '2'), ballot(3, '3')], DEADLINE);
    expect(plurality.winner).toBeNull();
  });
  it('counts one household once, its last choice, and ignores bad options and outsiders', () => {
    const c = countPoll([1, 2], 2, [ballot(1, '1', 1), ballot(1, '2', 2), ballot(2, '7'), ballot(9, '1')], DEADLINE);
    expect(c).toEqual({ votes: [0, 1], cast: 1, eligible: 2, winner: 1 });
  });
});

describe('mayCast', () => {
  const owner: VoterBinding = { status: 'confirmed', relation: 'owner', designated: false, decidedAt: at(-60), relationAt: at(-60) };
  it('lets an owner confirmed before the vote opened cast an owners’ decision', () => {
    expect(mayCast(owner, 'decision', OPENED)).toBe(true);
  });
  it('refuses owners confirmed after opening, pending bindings, and tenants or family not designated', () => {
    expect(mayCast({ ...owner, decidedAt: at(1) }, 'decision', OPENED)).toBe(false);
    expect(mayCast({ ...owner, relationAt: at(1) }, 'decision', OPENED)).toBe(false);
    expect(mayCast({ ...owner, status: 'pending' }, 'decision', OPENED)).toBe(false);
    expect(mayCast({ ...owner, relation: 'tenant' }, 'decision', OPENED)).toBe(false);
    expect(mayCast({ ...owner, relation: 'family' }, 'decision', OPENED)).toBe(false);
    expect(mayCast({ ...owner, relation: null }, 'decision', OPENED)).toBe(false);
  });
  it('lets a designated tenant vote, and any confirmed binding answer a poll', () => {
    expect(mayCast({ ...owner, relation: 'tenant', designated: true }, 'decision', OPENED)).toBe(true);
    expect(mayCast({ ...owner, relation: 'tenant' }, 'poll', OPENED)).toBe(true);
    expect(mayCast({ ...owner, relation: null, relationAt: null }, 'poll', OPENED)).toBe(true);
    expect(mayCast({ ...owner, decidedAt: at(1) }, 'poll', OPENED)).toBe(false);
  });
});
