/** How a member relates to the household they are bound to. */
export type BindingRelation = 'owner' | 'tenant' | 'family';
export const BINDING_RELATIONS: readonly BindingRelation[] = ['owner', 'tenant', 'family'];

/** A binding as the vote sees it. */
export interface VoterBinding {
  status: 'pending' | 'confirmed' | 'rejected';
  relation: BindingRelation | null;
  /** A tenant or family member the owner designated to vote for the household. */
  designated: boolean;
  /** When staff confirmed the binding. */
  decidedAt: Date | null;
  /** When the relation (or designation) was last set. */
  relationAt: Date | null;
}

/**
 * May this binding cast the household's ballot in a vote opened at `openedAt`? Owners' decisions:
 * only an owner (or a member the owner designated), confirmed and so described before the vote
 * opened, so nobody can be bound in a hurry to swing it. Polls: any confirmed binding, same cut-off.
 */
export function mayCast(b: VoterBinding, kind: 'poll' | 'decision', openedAt: Date): boolean {
  if (b.status !== 'confirmed' || b.decidedAt === null || b.decidedAt.getTime() > openedAt.getTime()) return false;
  if (kind === 'poll') return true;
  if (b.relation !== 'owner' && !b.designated) return false;
  return b.relationAt !== null && b.relationAt.getTime() <= openedAt.getTime();
}
