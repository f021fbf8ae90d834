import type { Generated } from 'kysely';
import type { CreatedAt } from './column-types.js';

// Estates, their zones, buildings, units and households.

export interface EstatesTable {
  id: Generated<number>;
  code: string;
  name: string;
  time_zone: Generated<string>;
  locale: Generated<string>;
  created_at: CreatedAt;
}
export interface ZonesTable {
  id: Generated<number>;
  estate_id: number;
  code: string;
  name: string;
}
export interface BuildingsTable {
  id: Generated<number>;
  estate_id: number;
  zone_id: number | null;
  code: string;
}
export interface UnitsTable {
  id: Generated<number>;
  building_id: number;
  code: string;
}
export interface HouseholdsTable {
  id: Generated<number>;
  estate_id: number;
  building_id: number;
  unit_id: number | null;
  room: string;
  room_code: string;
  resident_name: string | null;
  phone: string | null;
  /** Floor area (专有部分面积) in hundredths of m²; null = unknown (migration 0010, the council). */
  floor_area: number | null;
  /** Whether the roster lists the resident as owner (业主) or tenant (租户); null = not said (migration 2026-12-07-0100). */
  resident_relation: 'owner' | 'tenant' | null;
  created_at: CreatedAt;
}
