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
  return roles.some((r) => r.role === 'admin' || (r.role === 'grid_worker' && r.zoneId !== null && r.zoneId === place.zoneId));
}

/** May look at a household's account: whoever can manage it, or the head of its building. */
export function canView(roles: HeldRole[], place: Place): boolean {
  return canManage(roles, place) || roles.some((r) => r.role === 'head' && r.buildingId === place.buildingId);
}
