import { mainFeePlan } from '../ledger/fee-plan.js';
import type { Scope } from '../ledger/paid-months.js';
import { monthTrends } from '../notices/month-trend.js';
import { noticeChartOption, NOTICE_CHART_SIZE } from '../notices/notice-chart.js';
import { loadEstateNoticeData } from '../notices/notice-data.js';
import { sharedChartRenderer } from '../charts/threaded-renderer.js';
import { zonesInReach, type StaffContext } from './staff-context.js';
import type { WebDeps } from './web-deps.js';


/** What the chart route answers: the PNG, a zone out of reach, or nothing to draw. */
export type ChartAnswer = { png: Uint8Array } | 'forbidden' | 'empty';

/**
 * The weekly notice's chart for the dashboard, drawn now: the estate (`zone` absent, admins) or
 * one zone in the staff member's reach, over the last seven days and this month.
 */
export async function collectionChart(deps: WebDeps, staff: StaffContext, zone: string | undefined): Promise<ChartAnswer> {
  const reach = zonesInReach(staff.roles);
  const zoneId = zone === undefined || zone === '' ? null : Number(zone);
  if (zoneId !== null && !Number.isSafeInteger(zoneId)) return 'forbidden';
  // A grid worker sees her zones only; the estate as a whole is for admins.
  if (reach !== null && (zoneId === null || !reach.includes(zoneId))) return 'forbidden';
  const now = deps.clock.now();
  const scope: Scope = { estateId: staff.estate.id, zoneId, buildingId: null };
  const plan = await mainFeePlan(deps.db, staff.estate.id);
  if (!plan) return 'empty';
  const [data] = await loadEstateNoticeData(deps.db, staff.estate, [scope], new Date(now.getTime() - 7 * 86_400_000), now, false);
  const [trend] = await monthTrends(deps.db, staff.estate, plan.id, [scope], now);
  const option = noticeChartOption(data, trend, staff.i18n.t);
  // Drawn on the chart thread, so a chart (about a second) never holds up the server's other requests.
  return option ? { png: await sharedChartRenderer()(option, NOTICE_CHART_SIZE) } : 'empty';
}
