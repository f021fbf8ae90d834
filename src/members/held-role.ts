import type { RoleName } from '../db/database.js';

/** A role the member holds in the estate the command runs in (looked up, never taken from the job). */
export interface HeldRole {
  role: RoleName;
  zoneId: number | null;
  buildingId: number | null;
}
