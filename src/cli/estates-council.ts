import type { Kysely } from 'kysely';
import { parseFloorArea, roomsWithoutArea, setFloorArea } from '../council/floor-area.js';
import type { Database } from '../db/database.js';
import { squareMetres } from '../i18n/catalog-council-zh-hans.js';
import { compareRoomCodes, findHousehold } from '../members/households.js';
import { foldText } from '../text/fold-text.js';
import { findRoomCode } from '../text/room-code.js';

const RELATIONS = ['owner', 'tenant', 'family', 'designate'] as const;

async function estateId(db: Kysely<Database>, code: string): Promise<number | null> {
  return (await db.selectFrom('estates').select('id').where('code', '=', code).executeTakeFirst())?.id ?? null;
}

/** `linli estates area <code> <room> <m²>` sets a floor area (audited); without a room it lists the rooms that have none. */
export async function runEstatesArea(req: { code: string; room?: string; area?: string }, db: Kysely<Database>, out: (line: string) => void, now: Date): Promise<number> {
  const id = await estateId(db, req.code);
  if (id === null) return (out(`no estate with code "${req.code}"`), 1);
  if (req.room === undefined || req.area === undefined) {
    const rooms = (await roomsWithoutArea(db, id)).sort(compareRoomCodes);
    out(rooms.length === 0 ? `estate ${req.code}: every household has a floor area` : `estate ${req.code}: ${rooms.length} households without a floor area:\n${rooms.join(' ')}`);
    return 0;
  }
  const area = parseFloorArea(req.area);
  if (area === null) return (out(`"${req.area}" is not an area in m² (e.g. 89.5, at most two decimals)`), 2);
  const room = findRoomCode(foldText(req.room.normalize('NFKC')))?.room ?? null;
  const household = room === null ? null : await findHousehold(db, id, room);
  if (!household) return (out(`estate ${req.code} has no room "${req.room}"`), 1);
  const before = await db.transaction().execute(async (tx) => {
    const prior = await setFloorArea(tx, household.id, area);
    await tx.insertInto('audit_log').values({ estate_id: id, actor_member_id: null, action: 'household.area', subject: household.roomCode, detail: JSON.stringify({ before: prior, after: area, via: 'cli' }), created_at: now }).execute();
    return prior;
  });
  out(`${household.roomCode}: ${squareMetres(area)} m²${before !== null && before !== area ? ` (was ${squareMetres(before)} m²)` : ''}; votes already open keep the areas they opened with`);
  return 0;
}

/** `linli estates relation <code> B3 owner`: how a confirmed binding relates to its household (audited). */
export async function runEstatesRelation(req: { code: string; ref: string; relation: string }, db: Kysely<Database>, out: (line: string) => void, now: Date): Promise<number> {
  const relation = RELATIONS.find((r) => r === req.relation.toLowerCase());
  if (relation === undefined) return (out(`the relation is one of ${RELATIONS.join(', ')}, got "${req.relation}"`), 2);
  const m = /^#?B(\d{1,9})$/i.exec(req.ref.trim());
  if (!m) return (out(`"${req.ref}" is not a binding reference such as B3`), 2);
  const id = await estateId(db, req.code);
  if (id === null) return (out(`no estate with code "${req.code}"`), 1);
  const binding = await db
    .selectFrom('bindings as bi')
    .innerJoin('households as h', 'h.id', 'bi.household_id')
    .select(['bi.id', 'bi.status', 'h.room_code'])
    .where('bi.id', '=', Number(m[1]))
    .where('h.estate_id', '=', id)
    .executeTakeFirst();
  if (!binding) return (out(`estate ${req.code} has no binding B${Number(m[1])}`), 1);
  if (binding.status !== 'confirmed') return (out(`B${binding.id} is ${binding.status}: staff confirm it in the chat (确认业主 B${binding.id})`), 1);
  const set = relation === 'designate' ? { designated: true, relation_at: now } : { relation, designated: false, relation_at: now };
  await db.transaction().execute(async (tx) => {
    await tx.updateTable('bindings').set(set).where('id', '=', binding.id).execute();
    await tx.insertInto('audit_log').values({ estate_id: id, actor_member_id: null, action: 'binding.relation', subject: `B${binding.id}`, detail: JSON.stringify({ relation, via: 'cli' }), created_at: now }).execute();
  });
  out(`B${binding.id} (${binding.room_code}): ${relation}; votes opened from now on count it so`);
  return 0;
}
