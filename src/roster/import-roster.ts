import type { Insertable, Kysely, Transaction } from 'kysely';
import type { Database, HouseholdsTable } from '../db/database.js';
import type { CsvRecord } from '../books/parse-csv.js';
import type { RowIssue } from '../books/row-reason.js';
import { parseRoster, parseRosterCsv, type RosterRow } from './parse-roster-csv.js';

/** What an import did: households added, changed and left as they were, the rows refused and warned about. */
export interface ImportResult {
  added: number;
  updated: number;
  unchanged: number;
  errors: RowIssue[];
  warnings: RowIssue[];
}

const CHUNK = 1000;

/**
 * Loads a roster (CSV text, or records read from a sheet) into an estate in one transaction:
 * zones, buildings and units are created as needed and households upserted by room code.
 * Importing the same file again changes nothing; a row repeated exactly counts as unchanged.
 * An empty name, phone, area or owner/tenant cell (or a file without that column) keeps what
 * is stored: a partial roster must not erase what another one filled in.
 */
export async function importRoster(db: Kysely<Database>, estateId: number, input: string | readonly CsvRecord[]): Promise<ImportResult> {
  const parsed = typeof input === 'string' ? parseRosterCsv(input) : parseRoster(input);
  const errors = [...parsed.errors];
  const rows = assignZones(parsed.rows, errors);
  const result = await db.transaction().execute(async (trx) => {
    const zoneIds = await ensureZones(trx, estateId, rows);
    const buildingIds = await ensureBuildings(trx, estateId, rows, zoneIds);
    const unitIds = await ensureUnits(trx, rows, buildingIds);
    return upsertHouseholds(trx, estateId, rows, buildingIds, unitIds);
  });
  errors.sort((a, b) => a.line - b.line);
  return { ...result, unchanged: result.unchanged + parsed.duplicates, errors, warnings: parsed.warnings };
}

/** A building lies in one zone: a row that puts it in another than an earlier row did is refused. */
function assignZones(rows: RosterRow[], errors: RowIssue[]): RosterRow[] {
  const zoneOf = new Map<string, { code: string; line: number }>();
  const kept: RosterRow[] = [];
  for (const row of rows) {
    if (row.zone !== null) {
      const first = zoneOf.get(row.building);
      if (first !== undefined && first.code !== row.zone.code) {
        errors.push({ line: row.line, reason: { key: 'books_other_zone', p: { building: row.building, line: first.line } } });
        continue;
      }
      if (first === undefined) zoneOf.set(row.building, { code: row.zone.code, line: row.line });
    }
    kept.push(row);
  }
  return kept;
}

async function ensureZones(trx: Transaction<Database>, estateId: number, rows: RosterRow[]): Promise<Map<string, number>> {
  const wanted = new Map<string, string>();
  for (const r of rows) if (r.zone !== null && !wanted.has(r.zone.code)) wanted.set(r.zone.code, r.zone.name);
  if (wanted.size > 0) {
    await trx
      .insertInto('zones')
      .values([...wanted].map(([code, name]) => ({ estate_id: estateId, code, name })))
      .onConflict((oc) => oc.columns(['estate_id', 'code']).doNothing())
      .execute();
  }
  const zones = await trx.selectFrom('zones').select(['id', 'code']).where('estate_id', '=', estateId).execute();
  return new Map(zones.map((z) => [z.code, z.id]));
}

async function ensureBuildings(
  trx: Transaction<Database>,
  estateId: number,
  rows: RosterRow[],
  zoneIds: Map<string, number>,
): Promise<Map<string, number>> {
  const zoneOf = new Map<string, number | null>();
  for (const r of rows) {
    const z = r.zone === null ? null : zoneIds.get(r.zone.code)!;
    if (!zoneOf.has(r.building) || zoneOf.get(r.building) === null) zoneOf.set(r.building, z);
  }
  const existing = await trx.selectFrom('buildings').select(['id', 'code', 'zone_id']).where('estate_id', '=', estateId).execute();
  const byCode = new Map(existing.map((b) => [b.code, b]));
  const missing = [...zoneOf].filter(([code]) => !byCode.has(code));
  for (let i = 0; i < missing.length; i += CHUNK) {
    await trx
      .insertInto('buildings')
      .values(missing.slice(i, i + CHUNK).map(([code, zone_id]) => ({ estate_id: estateId, code, zone_id })))
      .onConflict((oc) => oc.columns(['estate_id', 'code']).doNothing())
      .execute();
  }
  // The roster is the newer word on which zone a building is in.
  for (const [code, zoneId] of zoneOf) {
    const b = byCode.get(code);
    if (b !== undefined && zoneId !== null && b.zone_id !== zoneId) {
      await trx.updateTable('buildings').set({ zone_id: zoneId }).where('id', '=', b.id).execute();
    }
  }
  const all = await trx.selectFrom('buildings').select(['id', 'code']).where('estate_id', '=', estateId).execute();
  return new Map(all.map((b) => [b.code, b.id]));
}

const unitKey = (buildingId: number, code: string) => `${buildingId}/${code}`;

async function ensureUnits(trx: Transaction<Database>, rows: RosterRow[], buildingIds: Map<string, number>): Promise<Map<string, number>> {
  const wanted = new Map<string, { building_id: number; code: string }>();
  for (const r of rows) {
    if (r.unit === null) continue;
    const building_id = buildingIds.get(r.building)!;
    wanted.set(unitKey(building_id, r.unit), { building_id, code: r.unit });
  }
  const values = [...wanted.values()];
  for (let i = 0; i < values.length; i += CHUNK) {
    await trx
      .insertInto('units')
      .values(values.slice(i, i + CHUNK))
      .onConflict((oc) => oc.columns(['building_id', 'code']).doNothing())
      .execute();
  }
  const ids = [...buildingIds.values()];
  if (ids.length === 0) return new Map();
  const all = await trx.selectFrom('units').select(['id', 'building_id', 'code']).where('building_id', 'in', ids).execute();
  return new Map(all.map((u) => [unitKey(u.building_id, u.code), u.id]));
}

async function upsertHouseholds(
  trx: Transaction<Database>,
  estateId: number,
  rows: RosterRow[],
  buildingIds: Map<string, number>,
  unitIds: Map<string, number>,
): Promise<Omit<ImportResult, 'errors' | 'warnings'>> {
  const existing = await trx
    .selectFrom('households')
    .select(['room_code', 'building_id', 'unit_id', 'room', 'resident_name', 'phone', 'floor_area', 'resident_relation'])
    .where('estate_id', '=', estateId)
    .execute();
  const byCode = new Map(existing.map((h) => [h.room_code, h]));
  const writes: Insertable<HouseholdsTable>[] = [];
  let added = 0;
  let updated = 0;
  let unchanged = 0;
  for (const r of rows) {
    const building_id = buildingIds.get(r.building)!;
    const unit_id = r.unit === null ? null : unitIds.get(unitKey(building_id, r.unit))!;
    const old = byCode.get(r.roomCode);
    const next = {
      estate_id: estateId,
      building_id,
      unit_id,
      room: r.room,
      room_code: r.roomCode,
      resident_name: r.name ?? old?.resident_name ?? null,
      phone: r.phone ?? old?.phone ?? null,
      floor_area: r.area ?? old?.floor_area ?? null,
      resident_relation: r.relation ?? old?.resident_relation ?? null,
    };
    if (old === undefined) {
      added++;
    } else if (
      old.building_id === next.building_id && old.unit_id === next.unit_id && old.room === next.room &&
      old.resident_name === next.resident_name && old.phone === next.phone &&
      old.floor_area === next.floor_area && old.resident_relation === next.resident_relation
    ) {
      unchanged++;
      continue;
    } else {
      updated++;
    }
    writes.push(next);
  }
  for (let i = 0; i < writes.length; i += CHUNK) {
    await trx
      .insertInto('households')
      .values(writes.slice(i, i + CHUNK))
      .onConflict((oc) =>
        oc.columns(['estate_id', 'room_code']).doUpdateSet((eb) => ({
          building_id: eb.ref('excluded.building_id'),
          unit_id: eb.ref('excluded.unit_id'),
          room: eb.ref('excluded.room'),
          resident_name: eb.ref('excluded.resident_name'),
          phone: eb.ref('excluded.phone'),
          floor_area: eb.ref('excluded.floor_area'),
          resident_relation: eb.ref('excluded.resident_relation'),
        })),
      )
      .execute();
  }
  return { added, updated, unchanged };
}
