import type { SurveyHousehold } from './survey-repository.js';
import { percent } from './survey-figures.js';

/** Households answered of households asked, in one group (a zone or a building). */
export interface ProgressRow {
  key: string;
  zoneName: string | null;
  buildingCode: string | null;
  answered: number;
  households: number;
  percent: number;
}

/** Response rates by zone and by building, zones and buildings in their natural order. */
export function progressRows(households: readonly SurveyHousehold[], answered: ReadonlySet<number>): { zones: ProgressRow[]; buildings: ProgressRow[] } {
  const zones = new Map<string, ProgressRow>();
  const buildings = new Map<string, ProgressRow>();
  const bump = (m: Map<string, ProgressRow>, key: string, row: Omit<ProgressRow, 'answered' | 'households' | 'percent'>, yes: boolean) => {
    const r = m.get(key) ?? { ...row, answered: 0, households: 0, percent: 0 };
    r.households += 1;
    if (yes) r.answered += 1;
    r.percent = percent(r.answered, r.households);
    m.set(key, r);
  };
  for (const h of households) {
    const yes = answered.has(h.id);
    bump(zones, String(h.zoneId ?? ''), { key: String(h.zoneId ?? ''), zoneName: h.zoneName, buildingCode: null }, yes);
    bump(buildings, h.buildingCode, { key: h.buildingCode, zoneName: h.zoneName, buildingCode: h.buildingCode }, yes);
  }
  const byNumber = (a: ProgressRow, b: ProgressRow) => Number(a.key || 1e9) - Number(b.key || 1e9);
  return { zones: [...zones.values()].sort(byNumber), buildings: [...buildings.values()].sort(byNumber) };
}
