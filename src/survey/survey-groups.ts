import type { Kysely, Transaction } from 'kysely';
import type { Database, Survey } from '../db/database.js';
import type { ChatAddress, Platform } from '../messages/incoming-message.js';

type Db = Kysely<Database> | Transaction<Database>;

/** The groups of the estate whose residents a survey asks (not staff groups, not `except`, the chat it was made in). */
export async function surveyGroups(db: Db, s: Pick<Survey, 'estate_id' | 'zone_id' | 'building_id'>, except: ChatAddress | null = null): Promise<(ChatAddress & { id: number })[]> {
  const rows = await db
    .selectFrom('chat_groups as g')
    .leftJoin('buildings as b', 'b.id', 'g.building_id')
    .select(['g.id', 'g.platform', 'g.chat_id', 'g.zone_id', 'g.building_id', 'b.zone_id as buildingZone'])
    .where('g.estate_id', '=', s.estate_id)
    .where('g.is_staff', '=', false)
    .orderBy('g.id')
    .execute();
  const scopeZone = s.building_id === null ? s.zone_id : ((await db.selectFrom('buildings').select('zone_id').where('id', '=', s.building_id).executeTakeFirst())?.zone_id ?? null);
  const fits = (g: (typeof rows)[number]) => {
    if (s.building_id === null && s.zone_id === null) return true;
    // A building's group hears of its building's survey and of its zone's; a zone's group of its zone's; the estate's group of all.
    if (g.building_id !== null) return g.building_id === s.building_id || (s.building_id === null && g.buildingZone === s.zone_id);
    if (g.zone_id !== null) return g.zone_id === scopeZone;
    return true;
  };
  return rows
    .filter((g) => fits(g) && !(except !== null && g.platform === except.platform && g.chat_id === except.chatId))
    .map((g) => ({ id: g.id, platform: g.platform as Platform, chatId: g.chat_id }));
}
