import type { HeldRole } from '../members/held-role.js';

/** A household's place in the estate, for permission checks. */
export interface Place {
  zoneId: number | null;
  buildingId: number;
}

/** Grid workers and admins are staff; heads (楼栋长) are residents who may look, not decide. */
export function isStaff(roles: HeldRole[]): boolean {
  return roles.some((r) => r.role === 'admin' || r.role === 'grid_worker');
}

/** May confirm, reject and collect for a household: an admin, or the grid worker of its zone. */
export function canManage(roles: HeldRole[], place: Place): boolean {
  const reach = manageReach(roles);
  return reach.all || (place.zoneId !== null && reach.zoneIds.includes(place.zoneId));
}

/** What `canManage` allows, as a query can test it: every household (an admin), else those of these zones. */
export function manageReach(roles: HeldRole[]): { all: boolean; zoneIds: number[] } {
  return {
    all: roles.some((r) => r.role === 'admin'),
    zoneIds: roles.flatMap((r) => (r.role === 'grid_worker' && r.zoneId !== null ? [r.zoneId] : [])),
  };
}

/** May look at a household's account: whoever can manage it, or the head of its building. */
export function canView(roles: HeldRole[], place: Place): boolean {
  return canManage(roles, place) || roles.some((r) => r.role === 'head' && r.buildingId === place.buildingId);
}
