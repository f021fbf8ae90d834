import type { Insertable, Kysely, Transaction } from 'kysely';
import { CONSOLE_CHAT_ID, consoleUserId } from '../adapters/console/identity.js';
import type { Database, HouseholdsTable, PaymentsTable } from '../db/database.js';
import { prng } from '../prng.js';

/**
 * 聚心苑, the estate from the stories: 21 buildings in 7 zones, 900+ households, a
 * 卫生费 of 5 yuan a month since May 2024, and a believable collection history.
 * Everything is derived from a fixed seed, so two runs with the same `now` agree.
 */

export const DEMO_ESTATE_CODE = 'juxinyuan';
const ESTATE_NAME = '聚心苑';
const FEE_PLAN = { name: '卫生费', amount_fen: 500, start_month: '2024-05' } as const;
// The estate's zone, fixed offset: Asia/Shanghai has had no daylight saving since 1991.
const TZ_OFFSET_HOURS = 8;
/** The household the demo transcript binds and pays for: it must start with no payments. */
export const DEMO_UNPAID_ROOM = '8-2-301';

const ZONE_NAMES = ['第一片区', '第二片区', '第三片区', '第四片区', '第五片区', '第六片区', '第七片区'];

/** Staff and residents of the demo; the console identifies them by display name. */
const PEOPLE: { name: string; role: 'admin' | 'grid_worker' | 'head' | null; zone?: string; building?: string }[] = [
  { name: '戴红霞', role: 'admin' },
  { name: '王建国', role: 'grid_worker', zone: '1' },
  { name: '李秀英', role: 'grid_worker', zone: '2' },
  { name: '刘雅玲', role: 'grid_worker', zone: '3' },
  { name: '陈志强', role: 'grid_worker', zone: '4' },
  { name: '杨桂芳', role: 'grid_worker', zone: '5' },
  { name: '赵德明', role: 'grid_worker', zone: '6' },
  { name: '黄丽华', role: 'grid_worker', zone: '7' },
  { name: '周阿姨', role: 'head', building: '8' },
  { name: '向大叔', role: null },
];

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英霞平刚桂兰华红玉萍建国志德文斌辉鹏飞琴云凤琳春梅海燕波宇浩凯丹淑珍荣新春利清慧';
const PHONE_PREFIXES = ['138', '139', '137', '136', '135', '150', '151', '152', '158', '159', '186', '187', '188', '133', '153', '180', '189', '177'];

/** Layout of building b (1..21): units, and rooms on each of 6 floors per unit. */
function layout(b: number): { units: number; roomsPerFloor: number } {
  return { units: b % 3 === 2 ? 2 : 3, roomsPerFloor: b % 4 === 0 ? 2 : 3 };
}
const FLOORS = 6;

/** Months since year 0 of a 'YYYY-MM' string. */
function monthIndex(ym: string): number {
  const [y, m] = ym.split('-').map(Number);
  return y * 12 + (m - 1);
}

/** Month index of `now` in the estate's zone. */
function localMonthIndex(now: Date): number {
  const local = new Date(now.getTime() + TZ_OFFSET_HOURS * 3_600_000);
  return local.getUTCFullYear() * 12 + local.getUTCMonth();
}

/** An evening collection round (19:00–21:30 local) on some day of local month `mi`, as UTC. */
function eveningIn(mi: number, rand: () => number): Date {
  const year = Math.floor(mi / 12);
  const month = mi % 12;
  const day = 1 + Math.floor(rand() * 28);
  const minute = 19 * 60 + Math.floor(rand() * 150);
  return new Date(Date.UTC(year, month, day, 0, minute) - TZ_OFFSET_HOURS * 3_600_000);
}

function randomName(rand: () => number): string {
  const pick = (s: string) => s[Math.floor(rand() * s.length)];
  return pick(SURNAMES) + pick(GIVEN) + (rand() < 0.7 ? pick(GIVEN) : '');
}

function randomPhone(rand: () => number): string {
  let digits = PHONE_PREFIXES[Math.floor(rand() * PHONE_PREFIXES.length)];
  for (let i = 0; i < 8; i++) digits += Math.floor(rand() * 10);
  return digits;
}

/** Runs `fn` on slices of at most 1000 rows: one statement each, well under Postgres's parameter limit. */
async function inChunks<T>(rows: T[], fn: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) await fn(rows.slice(i, i + 1000));
}

/**
 * Loads 聚心苑 once. When the estate code already exists nothing changes and
 * `created` is false; a concurrent second caller waits on the unique code and backs off.
 */
export async function seedDemoEstate(db: Kysely<Database>, now: Date): Promise<{ estateId: number; created: boolean }> {
  return db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('estates')
      .values({ code: DEMO_ESTATE_CODE, name: ESTATE_NAME, time_zone: 'Asia/Shanghai' })
      .onConflict((oc) => oc.column('code').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (inserted === undefined) {
      const existing = await trx.selectFrom('estates').select('id').where('code', '=', DEMO_ESTATE_CODE).executeTakeFirstOrThrow();
      return { estateId: existing.id, created: false };
    }
    const estateId = inserted.id;
    await loadEstate(trx, estateId, now);
    return { estateId, created: true };
  });
}

async function loadEstate(trx: Transaction<Database>, estateId: number, now: Date): Promise<void> {
  const rand = prng(20241105);

  const zones = await trx
    .insertInto('zones')
    .values(ZONE_NAMES.map((name, i) => ({ estate_id: estateId, code: String(i + 1), name })))
    .returning(['id', 'code'])
    .execute();
  const zoneId = new Map(zones.map((z) => [z.code, z.id]));

  const buildings = await trx
    .insertInto('buildings')
    .values(
      Array.from({ length: 21 }, (_, i) => ({
        estate_id: estateId,
        code: String(i + 1),
        zone_id: zoneId.get(String(Math.floor(i / 3) + 1))!,
      })),
    )
    .returning(['id', 'code'])
    .execute();
  const buildingId = new Map(buildings.map((b) => [b.code, b.id]));

  const unitRows: { building_id: number; code: string }[] = [];
  for (let b = 1; b <= 21; b++) {
    for (let u = 1; u <= layout(b).units; u++) unitRows.push({ building_id: buildingId.get(String(b))!, code: String(u) });
  }
  const units = await trx.insertInto('units').values(unitRows).returning(['id', 'building_id', 'code']).execute();
  const unitId = new Map(units.map((u) => [`${u.building_id}/${u.code}`, u.id]));

  const households: Insertable<HouseholdsTable>[] = [];
  for (let b = 1; b <= 21; b++) {
    const { units: unitCount, roomsPerFloor } = layout(b);
    const bId = buildingId.get(String(b))!;
    for (let u = 1; u <= unitCount; u++) {
      for (let floor = 1; floor <= FLOORS; floor++) {
        for (let r = 1; r <= roomsPerFloor; r++) {
          const room = String(floor * 100 + r);
          // A few households never gave a name or number to the roster.
          const known = rand() < 0.93;
          households.push({
            estate_id: estateId,
            building_id: bId,
            unit_id: unitId.get(`${bId}/${u}`)!,
            room,
            room_code: `${b}-${u}-${room}`,
            resident_name: known ? randomName(rand) : null,
            phone: known ? randomPhone(rand) : null,
          });
        }
      }
    }
  }
  await inChunks(households, (chunk) => trx.insertInto('households').values(chunk).execute());
  const householdIds = await trx.selectFrom('households').select(['id', 'room_code']).where('estate_id', '=', estateId).execute();
  const householdId = new Map(householdIds.map((h) => [h.room_code, h.id]));

  const plan = await trx
    .insertInto('fee_plans')
    .values({ estate_id: estateId, ...FEE_PLAN })
    .returning('id')
    .executeTakeFirstOrThrow();

  const payments = collectionHistory(households.map((h) => h.room_code), now, rand).map(
    (p): Insertable<PaymentsTable> => ({
      estate_id: estateId,
      household_id: householdId.get(p.roomCode)!,
      fee_plan_id: plan.id,
      kind: 'collection',
      amount_fen: p.months * FEE_PLAN.amount_fen,
      months: p.months,
      method: p.method,
      member_id: null,
      corrects_id: null,
      source_key: null,
      created_at: p.at,
    }),
  );
  await inChunks(payments, (chunk) => trx.insertInto('payments').values(chunk).execute());

  const members = await trx
    .insertInto('members')
    .values(PEOPLE.map((p) => ({ platform: 'console', platform_user_id: consoleUserId(p.name), display_name: p.name })))
    .onConflict((oc) => oc.columns(['platform', 'platform_user_id']).doUpdateSet((eb) => ({ display_name: eb.ref('excluded.display_name') })))
    .returning(['id', 'platform_user_id'])
    .execute();
  const memberId = new Map(members.map((m) => [m.platform_user_id, m.id]));
  await trx
    .insertInto('roles')
    .values(
      PEOPLE.filter((p) => p.role !== null).map((p) => ({
        member_id: memberId.get(consoleUserId(p.name))!,
        estate_id: estateId,
        role: p.role!,
        zone_id: p.zone === undefined ? null : zoneId.get(p.zone)!,
        building_id: p.building === undefined ? null : buildingId.get(p.building)!,
      })),
    )
    .execute();

  // The console group may exist already (a message arrived before the seed); link it
  // unless it already belongs to another estate.
  await trx
    .insertInto('chat_groups')
    .values({ platform: 'console', chat_id: CONSOLE_CHAT_ID, title: '聚心苑业主群', estate_id: estateId, zone_id: null, building_id: null })
    .onConflict((oc) =>
      oc
        .columns(['platform', 'chat_id'])
        .doUpdateSet({ title: '聚心苑业主群', estate_id: estateId, zone_id: null, building_id: null })
        .where('chat_groups.estate_id', 'is', null),
    )
    .execute();
}

interface Collection {
  roomCode: string;
  months: number;
  method: string;
  at: Date;
}

/**
 * Door-to-door collections up to `now`. Each household gets a habit: never pays (a
 * few), keeps up (about half, some paying a year ahead), or stopped some months ago.
 * A collection is made in the month its period starts, in an evening round.
 */
function collectionHistory(roomCodes: string[], now: Date, rand: () => number): Collection[] {
  const start = monthIndex(FEE_PLAN.start_month);
  const current = localMonthIndex(now);
  const due = current - start + 1; // months owed through the current month
  const out: Collection[] = [];
  for (const roomCode of roomCodes) {
    const habit = rand();
    const yearly = rand() < 0.4;
    const method = rand() < 0.55 ? '微信' : '现金';
    if (roomCode === DEMO_UNPAID_ROOM || due <= 0 || habit < 0.04) continue;
    // Months this household pays for before it stops.
    let target: number;
    if (habit < 0.52) target = due; // up to date
    else if (habit < 0.85) target = due - 1 - Math.floor(rand() * 8); // a little behind
    else target = due - 9 - Math.floor(rand() * 12); // well behind
    let covered = 0;
    while (covered < target) {
      const months = yearly && covered + 12 <= Math.max(target, due) + 6 ? 12 : 6;
      if (covered + months > target && target < due) break; // the behind never overpay
      let at = eveningIn(start + covered, rand);
      // The round for the current month may be later than now: it happened earlier today.
      if (at.getTime() >= now.getTime()) at = new Date(now.getTime() - (1 + Math.floor(rand() * 600)) * 60_000);
      out.push({ roomCode, months, method, at });
      covered += months;
    }
  }
  return out;
}
