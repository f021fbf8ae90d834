/**
 * Who the "owners" (persons) of art. 278 are. Per the Supreme People's Court interpretation
 * (法释〔2009〕7号 art. 9) one exclusive part counts as one person, except that one owner of several
 * parts counts once; co-owners of one part share its one vote. We know owners only through their
 * confirmed owner bindings, so two households are the same person when an owner member is bound to
 * both (transitively: union-find). A household no owner is bound to is a person of its own.
 */

/** An owner binding as the counting sees it: a member bound as owner to a household. */
export interface OwnerLink {
  memberId: number;
  householdId: number;
}

/** Person key of each household: the smallest household id of its person (stable across runs). */
export function personKeys(householdIds: readonly number[], links: readonly OwnerLink[]): Map<number, number> {
  const parent = new Map<number, number>(householdIds.map((id) => [id, id]));
  const find = (x: number): number => {
    let root = x;
    while (parent.get(root)! !== root) root = parent.get(root)!;
    // Path compression keeps a 900-household estate linear.
    let at = x;
    while (parent.get(at)! !== root) {
      const next = parent.get(at)!;
      parent.set(at, root);
      at = next;
    }
    return root;
  };
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(Math.max(ra, rb), Math.min(ra, rb));
  };
  const firstOfMember = new Map<number, number>();
  for (const l of links) {
    if (!parent.has(l.householdId)) continue; // a household outside the scope
    const first = firstOfMember.get(l.memberId);
    if (first === undefined) firstOfMember.set(l.memberId, l.householdId);
    else union(first, l.householdId);
  }
  return new Map(householdIds.map((id) => [id, find(id)]));
}
