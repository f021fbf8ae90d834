import type { Kysely } from 'kysely';
import type { Database } from '../src/db/database.js';
import { currentMonth } from '../src/time/month.js';
import { translator } from '../src/i18n/translator.js';
import { balance } from '../src/ledger/balance.js';
import { mainFeePlan } from '../src/ledger/fee-plan.js';
import { paidMonthsByHousehold } from '../src/ledger/paid-months.js';

export interface NoticeResult {
  estates: number;
  households: number;
  totalSeconds: number;
  perEstateMs: { p50: number; max: number; mean: number };
  peakRssMb: number;
  peakHeapMb: number;
  /** What was measured: the notice builder, or the arrears query it rests on. */
  what: string;
}

/** Sample the process's memory until stopped; returns the peaks in MB. */
function memoryWatch() {
  let rss = 0;
  let heap = 0;
  const take = () => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
  };
  take();
  const timer = setInterval(take, 5);
  return {
    stop: () => {
      clearInterval(timer);
      take();
      return { rssMb: rss / 2 ** 20, heapMb: heap / 2 ** 20 };
    },
  };
}

/**
 * The arrears picture of one estate, as the weekly notice needs it: counted months per household
 * (one query), then months and fen owed, and the totals by building.
 */
async function estateArrears(db: Kysely<Database>, estateId: number, now: Date): Promise<number> {
  const plan = await mainFeePlan(db, estateId);
  if (!plan) return 0;
  const rows = await paidMonthsByHousehold(db, { estateId, zoneId: null, buildingId: null }, plan.id);
  const month = currentMonth(now, 'Asia/Shanghai');
  const byBuilding = new Map<string, { behind: number; owedFen: number }>();
  for (const r of rows) {
    const b = balance(plan, r.paidMonths, month);
    const agg = byBuilding.get(r.buildingCode) ?? { behind: 0, owedFen: 0 };
    if (b.owedMonths > 0) agg.behind++;
    agg.owedFen += b.owedFen;
    byBuilding.set(r.buildingCode, agg);
  }
  return rows.length;
}

// The notice builder (issue 5) is loaded by path, so the bench still runs on a tree without it.
interface NoticeModules {
  loadNoticeData(db: Kysely<Database>, estate: unknown, scope: { estateId: number; zoneId: number | null; buildingId: number | null }, from: Date, to: Date, late: boolean): Promise<unknown>;
  /** All of an estate's scopes at once (one query per kind of figure), when the tree has it. */
  loadEstateNoticeData?(db: Kysely<Database>, estate: unknown, scopes: { estateId: number; zoneId: number | null; buildingId: number | null }[], from: Date, to: Date, late: boolean): Promise<unknown[]>;
  buildNotice(d: unknown, t: unknown): string;
}
async function noticeBuilder(): Promise<NoticeModules | null> {
  const dataPath = '../src/notices/notice-data.js';
  const buildPath = '../src/notices/build-notice.js';
  try {
    const [d, b] = await Promise.all([import(dataPath), import(buildPath)]);
    return typeof d.loadNoticeData === 'function' && typeof b.buildNotice === 'function' ? { loadNoticeData: d.loadNoticeData, loadEstateNoticeData: d.loadEstateNoticeData, buildNotice: b.buildNotice } : null;
  } catch {
    return null;
  }
}

/** The weekly notice of every linked group of one estate, as the weekly job builds them; returns characters written. */
async function estateNotices(db: Kysely<Database>, m: NoticeModules, estateId: number, now: Date): Promise<{ households: number; groups: number }> {
  const estate = await db.selectFrom('estates').selectAll().where('id', '=', estateId).executeTakeFirstOrThrow();
  const groups = await db.selectFrom('chat_groups').select(['zone_id', 'building_id']).where('estate_id', '=', estateId).execute();
  const from = new Date(now.getTime() - 7 * 86_400_000);
  const { t } = translator('zh-Hans');
  let households = 0;
  if (m.loadEstateNoticeData) {
    // As the weekly job does: the estate's figures once, each group's scope a slice.
    const all = (await m.loadEstateNoticeData(db, estate, groups.map((g) => ({ estateId, zoneId: g.zone_id, buildingId: g.building_id })), from, now, false)) as { overall: { total: number } }[];
    for (const data of all) {
      households += data.overall.total;
      m.buildNotice(data, t);
    }
    return { households, groups: groups.length };
  }
  for (const g of groups) {
    const data = (await m.loadNoticeData(db, estate, { estateId, zoneId: g.zone_id, buildingId: g.building_id }, from, now, false)) as { overall: { total: number } };
    households += data.overall.total;
    m.buildNotice(data, t);
  }
  return { households, groups: groups.length };
}

/** Notices for every estate of the city, one after another, with time per estate and peak memory. */
export async function runNotices(db: Kysely<Database>, estateIds: number[], now: Date): Promise<NoticeResult> {
  const builder = await noticeBuilder();
  let groups = 0;
  const watch = memoryWatch();
  const per: number[] = [];
  let households = 0;
  const t0 = performance.now();
  for (const id of estateIds) {
    const s = performance.now();
    if (builder) {
      const r = await estateNotices(db, builder, id, now);
      households += r.households;
      groups += r.groups;
    } else households += await estateArrears(db, id, now);
    per.push(performance.now() - s);
  }
  const totalSeconds = (performance.now() - t0) / 1000;
  const mem = watch.stop();
  const sorted = [...per].sort((a, b) => a - b);
  return {
    estates: estateIds.length,
    households,
    totalSeconds,
    perEstateMs: { p50: sorted[Math.floor(sorted.length / 2)], max: sorted[sorted.length - 1], mean: per.reduce((a, b) => a + b, 0) / per.length },
    peakRssMb: mem.rssMb,
    peakHeapMb: mem.heapMb,
    what: builder
      ? builder.loadEstateNoticeData
        ? `weekly notice of every linked group (${groups} groups: loadEstateNoticeData once per estate + buildNotice per group, from src/notices)`
        : `weekly notice of every linked group (${groups} groups: loadNoticeData + buildNotice from src/notices)`
      : 'arrears query (src/ledger/paid-months.ts) + balances per household; the notice builder (issue 5) has not landed',
  };
}
