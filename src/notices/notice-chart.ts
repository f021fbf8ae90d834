import type { EChartsOption } from 'echarts';
import { renderPng, type ChartRenderer, type ChartSize } from '../charts/render-png.js';
import type { Translator } from '../i18n/translator.js';
import type { Logger } from '../log.js';
import type { OutgoingAttachment } from '../outbox/outgoing-message.js';
import { monthName } from '../time/month.js';
import type { TrendPoint } from './month-trend.js';
import type { NoticeData } from './notice-data.js';

/** The notice chart's size: readable on a phone held upright, sharp at 1.5×. */
export const NOTICE_CHART_SIZE: ChartSize = { width: 720, height: 560, scale: 1.5 };

/** Whole percent, as the notice text rounds it. */
function percent(paid: number, total: number): number {
  return total === 0 ? 0 : Math.round((paid * 100) / total);
}

/**
 * The notice's figures as a chart: this month's collection rate by building (bars), and money
 * counted day by day this month (a line). Room codes and sums only, like the text. Null when
 * there is nothing to draw (no fee plan, no buildings).
 */
export function noticeChartOption(d: NoticeData, trend: TrendPoint[], t: Translator['t']): EChartsOption | null {
  const buildings = d.zones.flatMap((z) => z.buildings);
  if (d.planName === null || buildings.length === 0) return null;
  const month = monthName(d.month);
  const small = { fontSize: 13, color: '#333' };
  return {
    backgroundColor: '#ffffff',
    color: ['#c0392b', '#2471a3'],
    title: [
      { text: t('chart_rate_title', { month, paid: d.overall.paid, total: d.overall.total }), left: 'center', top: 10, textStyle: { fontSize: 17 } },
      { text: t('chart_trend_title', { month }), left: 'center', top: 300, textStyle: { fontSize: 17 } },
    ],
    grid: [
      { top: 56, height: 200, left: 56, right: 24 },
      { top: 344, height: 170, left: 72, right: 24 },
    ],
    xAxis: [
      { gridIndex: 0, type: 'category', data: buildings.map((b) => t('chart_building', { code: b.code })), axisLabel: { ...small, interval: 0, rotate: buildings.length > 10 ? 45 : 0 } },
      { gridIndex: 1, type: 'category', data: trend.map((p) => t('chart_day', { day: p.day })), axisLabel: small, boundaryGap: false },
    ],
    yAxis: [
      { gridIndex: 0, type: 'value', min: 0, max: 100, interval: 25, axisLabel: { ...small, formatter: '{value}%' } },
      { gridIndex: 1, type: 'value', min: 0, minInterval: 1, axisLabel: small },
    ],
    series: [
      {
        type: 'bar',
        xAxisIndex: 0,
        yAxisIndex: 0,
        barMaxWidth: 48,
        data: buildings.map((b) => percent(b.rate.paid, b.rate.total)),
        label: { show: true, position: 'top', formatter: '{c}%', fontSize: 13 },
      },
      {
        type: 'line',
        xAxisIndex: 1,
        yAxisIndex: 1,
        // Yuan on the axis; the ledger stays in fen.
        data: trend.map((p) => p.cumulativeFen / 100),
        areaStyle: { opacity: 0.15 },
        symbol: 'none',
      },
    ],
  };
}

/**
 * The notice chart as a PNG attachment, or null (nothing to draw, or it could not be drawn: the
 * notice then goes out as text, on time, and the reason is logged).
 */
export async function noticeChart(d: NoticeData, trend: TrendPoint[], t: Translator['t'], log: Logger, render: ChartRenderer = renderPng): Promise<OutgoingAttachment | null> {
  const option = noticeChartOption(d, trend, t);
  if (!option) return null;
  try {
    const bytes = await render(option, NOTICE_CHART_SIZE);
    return { kind: 'image', mime: 'image/png', fileName: `collection-${d.month}.png`, bytes };
  } catch (e) {
    log.warn('the weekly notice goes out without its chart', { error: (e as Error).message });
    return null;
  }
}
