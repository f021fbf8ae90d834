import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/database.js';
import type { CommandJob } from '../../src/queue/job-data.js';
import type { WorkerDeps } from '../../jobs/worker-deps.js';
import type { OutboundPort } from '../../src/outbox/outbound-port.js';
import type { SchedulerPort } from '../../src/queue/schedule-spec.js';
import { manualClock } from '../../src/clock.js';
import { silentLogger } from '../../src/log.js';
import { emptyCommand, type ParsedCommand } from '../../src/commands/parsed-command.js';
import type { ScheduleSpec } from '../../src/queue/schedule-spec.js';

/** Residents of the fixture estate: their names and phones must never reach a notice. */
export const ROSTER = [
  { room: '1-1-101', name: '张秀英', phone: '13812345678' },
  { room: '1-1-102', name: '王建华', phone: '13998765432' },
  { room: '2-1-101', name: '李桂兰', phone: '15011112222' },
  { room: '2-1-102', name: '赵德胜', phone: '18633334444' },
  { room: '3-101', name: '陈美玲', phone: '17755556666' },
  { room: '3-102', name: '孙国庆', phone: '13377778888' },
];

export interface Fixture {
  estateId: number;
  planId: number;
  zoneA: number;
  zoneB: number;
  households: Map<string, number>;
  staffId: number;
  staffUserId: string;
  residentId: number;
  residentUserId: string;
  /** Estate-wide group and a zone-B group. */
  groups: { estate: { id: number; chatId: string }; zoneB: { id: number; chatId: string } };
}

/**
 * 和园 (Asia/Shanghai): zone A = buildings 1, 2 (units), zone B = building 3 (no units); 卫生费
 * 5 yuan a month from 2026-09; one grid worker for zone A, one resident bound to 1-1-101.
 */
export async function seedFixture(db: Kysely<Database>, groupsCreatedAt = new Date('2026-11-16T00:00:00Z')): Promise<Fixture> {
  const estate = await db.insertInto('estates').values({ code: 'heyuan', name: '和园', time_zone: 'Asia/Shanghai' }).returning('id').executeTakeFirstOrThrow();
  const [za, zb] = await db
    .insertInto('zones')
    .values([
      { estate_id: estate.id, code: '1', name: '东片区' },
      { estate_id: estate.id, code: '2', name: '西片区' },
    ])
    .returning('id')
    .execute();
  const buildings = await db
    .insertInto('buildings')
    .values([
      { estate_id: estate.id, zone_id: za.id, code: '1' },
      { estate_id: estate.id, zone_id: za.id, code: '2' },
      { estate_id: estate.id, zone_id: zb.id, code: '3' },
    ])
    .returning(['id', 'code'])
    .execute();
  const bid = new Map(buildings.map((b) => [b.code, b.id]));
  const households = new Map<string, number>();
  for (const r of ROSTER) {
    const row = await db
      .insertInto('households')
      .values({ estate_id: estate.id, building_id: bid.get(r.room.split('-')[0])!, unit_id: null, room: r.room.split('-').at(-1)!, room_code: r.room, resident_name: r.name, phone: r.phone })
      .returning('id')
      .executeTakeFirstOrThrow();
    households.set(r.room, row.id);
  }
  const plan = await db.insertInto('fee_plans').values({ estate_id: estate.id, name: '卫生费', amount_fen: 500, start_month: '2026-09' }).returning('id').executeTakeFirstOrThrow();
  const staff = await db.insertInto('members').values({ platform: 'console', platform_user_id: 'u-staff', display_name: '网格员甲' }).returning('id').executeTakeFirstOrThrow();
  const resident = await db.insertInto('members').values({ platform: 'console', platform_user_id: 'u-resident', display_name: ROSTER[0].name }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('roles').values({ member_id: staff.id, estate_id: estate.id, role: 'grid_worker', zone_id: za.id, building_id: null }).execute();
  await db.insertInto('bindings').values({ member_id: resident.id, household_id: households.get('1-1-101')!, status: 'confirmed', source_key: null, decided_by: staff.id, decided_at: groupsCreatedAt, reason: null, created_at: groupsCreatedAt }).execute();
  const g1 = await db
    .insertInto('chat_groups')
    .values({ platform: 'console', chat_id: 'g-estate', title: null, estate_id: estate.id, zone_id: null, building_id: null, unlinked_notice_at: null, created_at: groupsCreatedAt })
    .returning('id')
    .executeTakeFirstOrThrow();
  const g2 = await db
    .insertInto('chat_groups')
    .values({ platform: 'console', chat_id: 'g-west', title: null, estate_id: estate.id, zone_id: zb.id, building_id: null, unlinked_notice_at: null, created_at: groupsCreatedAt })
    .returning('id')
    .executeTakeFirstOrThrow();
  return {
    estateId: estate.id,
    planId: plan.id,
    zoneA: za.id,
    zoneB: zb.id,
    households,
    staffId: staff.id,
    staffUserId: 'u-staff',
    residentId: resident.id,
    residentUserId: 'u-resident',
    groups: { estate: { id: g1.id, chatId: 'g-estate' }, zoneB: { id: g2.id, chatId: 'g-west' } },
  };
}

/** Add a payment: a collection (counts at once) or a claim with an optional decision. */
export async function pay(
  db: Kysely<Database>,
  f: Fixture,
  room: string,
  fen: number,
  at: Date,
  claim?: { decision: 'confirmed' | 'rejected'; at: Date } | 'pending',
): Promise<void> {
  const p = await db
    .insertInto('payments')
    .values({ estate_id: f.estateId, household_id: f.households.get(room)!, fee_plan_id: f.planId, kind: claim ? 'claim' : 'collection', amount_fen: fen, months: fen / 500, method: null, member_id: null, corrects_id: null, source_key: null, created_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (claim && claim !== 'pending') {
    await db.insertInto('payment_decisions').values({ payment_id: p.id, decision: claim.decision, decided_by: f.staffId, reason: null, decided_at: claim.at }).execute();
  }
}

/** Outbound and scheduler ports that remember what they were given (the queue is tested elsewhere with BullMQ). */
export function recordingDeps(db: Kysely<Database>, now: Date) {
  const clock = manualClock(now);
  const sent: { platform: string; outboxKey: string; chatId: string; text: string; mentions: string[] }[] = [];
  const upserted: ScheduleSpec[] = [];
  const removed: string[] = [];
  let failSends = false;
  const outbound: OutboundPort = {
    enqueue: async (jobs) => {
      if (failSends) throw new Error('outbound down');
      for (const j of jobs) sent.push({ platform: j.platform, outboxKey: j.outboxKey, chatId: j.chatId, text: j.text, mentions: j.mentions });
    },
  };
  const schedules: SchedulerPort = {
    upsert: async (s) => void upserted.push(s),
    remove: async (id) => void removed.push(id),
  };
  const deps: WorkerDeps = { db, clock, outbound, log: silentLogger, schedules };
  return { deps, clock, sent, upserted, removed, setFailSends: (v: boolean) => (failSends = v) };
}

let seq = 0;
/** A command job as the handler would queue it. */
export function commandJob(chatId: string, senderId: string, command: Partial<ParsedCommand> & { intent: ParsedCommand['intent'] }, at: Date, isPrivate = false): CommandJob {
  const messageId = `m${++seq}-${Date.now()}`;
  return {
    key: `console-${chatId}-${messageId}`,
    platform: 'console',
    chatId,
    isPrivate,
    messageId,
    senderId,
    receivedAt: at.toISOString(),
    locale: 'zh-Hans',
    command: { ...emptyCommand(command.intent), ...command } as ParsedCommand,
    attachments: [],
  };
}
