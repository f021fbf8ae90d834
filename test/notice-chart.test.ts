import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { postWeeklyNotice } from '../jobs/post-weekly-notice.js';
import { ChartUnavailableError } from '../src/charts/cjk-font.js';
import { renderPng } from '../src/charts/render-png.js';
import { translator } from '../src/i18n/translator.js';
import type { Logger } from '../src/log.js';
import { monthTrends } from '../src/notices/month-trend.js';
import { noticeChart, noticeChartOption } from '../src/notices/notice-chart.js';
import { loadNoticeData } from '../src/notices/notice-data.js';
import { loadAttachment } from '../src/outbox/outbox-attachment.js';
import { pendingOutbox } from '../src/outbox/pending-outbox.js';
import { initTestDb, type TestDb } from './support/db.js';
import { runCli } from './support/run-cli.js';
import { pay, recordingDeps, seedFixture, type Fixture } from './support/notices-fixture.js';

// Sunday 22 Nov 2026, 20:00 in Shanghai: the default weekly slot.
const SLOT = new Date('2026-11-22T12:00:00Z');
const OUT = path.join(os.tmpdir(), `linli-chart-${process.pid}`);
const zh = translator('zh-Hans').t;

let t: TestDb;
let f: Fixture;

/** Width and height from a PNG's header, or null when the bytes are not a PNG. */
function pngSize(bytes: Uint8Array): { width: number; height: number } | null {
  const b = Buffer.from(bytes);
  if (!b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) || b.toString('ascii', 12, 16) !== 'IHDR') return null;
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

beforeAll(async () => {
  t = await initTestDb('notice_chart');
  f = await seedFixture(t.db);
  await pay(t.db, f, '1-1-101', 3000, new Date('2026-10-10T11:00:00Z'));
  await pay(t.db, f, '1-1-102', 1500, new Date('2026-11-17T11:30:00Z'));
  await pay(t.db, f, '2-1-101', 1000, new Date('2026-11-14T02:00:00Z'), { decision: 'confirmed', at: new Date('2026-11-18T03:00:00Z') });
  await pay(t.db, f, '2-1-102', 1500, new Date('2026-11-19T02:00:00Z'), { decision: 'rejected', at: new Date('2026-11-19T05:00:00Z') });
  await pay(t.db, f, '3-101', 500, new Date('2026-11-20T12:30:00Z'));
  await pay(t.db, f, '3-102', 500, new Date('2026-11-19T02:00:00Z'), 'pending');
  mkdirSync(OUT, { recursive: true });
});
afterAll(() => t.destroy());

describe('the chart in the weekly notice', () => {
  it('follows the month by the ledger’s rule: confirmed claims from their confirmation, rejected and pending never', async () => {
    const estate = await t.db.selectFrom('estates').selectAll().where('id', '=', f.estateId).executeTakeFirstOrThrow();
    const [all, west] = await monthTrends(t.db, estate, f.planId, [
      { estateId: f.estateId, zoneId: null, buildingId: null },
      { estateId: f.estateId, zoneId: f.zoneB, buildingId: null },
    ], SLOT);
    expect(all).toHaveLength(22);
    const at = (points: typeof all, day: number) => points.find((p) => p.day === day)?.cumulativeFen;
    expect([at(all, 16), at(all, 17), at(all, 18), at(all, 19), at(all, 20), at(all, 22)]).toEqual([0, 1500, 2500, 2500, 3000, 3000]);
    expect([at(west, 19), at(west, 20), at(west, 22)]).toEqual([0, 500, 500]);
  });

  it('draws each building’s rate as the notice text counts it, labelled in Chinese', async () => {
    const estate = await t.db.selectFrom('estates').selectAll().where('id', '=', f.estateId).executeTakeFirstOrThrow();
    const data = await loadNoticeData(t.db, estate, { estateId: f.estateId, zoneId: null, buildingId: null }, new Date(SLOT.getTime() - 7 * 86_400_000), SLOT, false);
    const option = noticeChartOption(data, [], zh) as { xAxis: Array<{ data: string[] }>; series: Array<{ data: number[] }> };
    const buildings = data.zones.flatMap((z) => z.buildings);
    expect(option.xAxis[0].data).toEqual(buildings.map((b) => `${b.code}栋`));
    expect(option.series[0].data).toEqual(buildings.map((b) => Math.round((b.rate.paid * 100) / b.rate.total)));
    // No fee plan, nothing to draw: the notice is text.
    expect(noticeChartOption({ ...data, planName: null }, [], zh)).toBeNull();
  });

  it('goes out with the notice as a PNG of plausible size, one per group', async () => {
    const { deps, sent } = recordingDeps(t.db, SLOT);
    await postWeeklyNotice({ estateId: f.estateId }, { ...deps, charts: renderPng });
    expect(sent).toHaveLength(2);
    // What the outbound queue gets from the outbox: the attachment's id, never its bytes.
    for (const job of await pendingOutbox(t.db, { prefix: 'notice-' })) {
      expect(job.attachmentId).toBeTruthy();
      const file = await loadAttachment(t.db, job.attachmentId!);
      expect(file).toMatchObject({ kind: 'image', mime: 'image/png', fileName: 'collection-2026-11.png' });
      expect(pngSize(file!.bytes)).toEqual({ width: 1080, height: 840 });
      // A drawn chart with text, not an empty canvas (a blank PNG of this size is a few kB).
      expect(file!.bytes.length).toBeGreaterThan(20_000);
      expect(file!.bytes.length).toBeLessThan(1_000_000);
      writeFileSync(path.join(OUT, `notice-${job.chatId}.png`), file!.bytes);
    }
    console.log(`notice charts: ${OUT}`);
  });

  it('when the chart cannot be drawn, the notice is text and the reason is logged', async () => {
    const estate = await t.db.selectFrom('estates').selectAll().where('id', '=', f.estateId).executeTakeFirstOrThrow();
    const data = await loadNoticeData(t.db, estate, { estateId: f.estateId, zoneId: null, buildingId: null }, new Date(SLOT.getTime() - 7 * 86_400_000), SLOT, false);
    const warned: string[] = [];
    const log = { warn: (m: string) => void warned.push(m), info: () => {}, error: () => {}, debug: () => {} } as unknown as Logger;
    const chart = await noticeChart(data, [], zh, log, async () => {
      throw new ChartUnavailableError('no CJK font for charts');
    });
    expect(chart).toBeNull();
    expect(warned).toEqual(['the weekly notice goes out without its chart']);
  });
});

describe('the chart in the console demo', () => {
  it('公示 prints the notice, then the path of its chart, a PNG in the data dir', async () => {
    const db = await initTestDb('notice_chart_console');
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'linli-console-chart-'));
    const prefix = `t-chart-console-${process.pid}`;
    try {
      const r = await runCli(['console', '--demo'], {
        input: '刘雅玲: 收费 8-2-301 60\n刘雅玲: 公示\n',
        env: { DATABASE_URL: db.url, REDIS_URL: inject('redisUrl'), LINLI_QUEUE_PREFIX: prefix, LINLI_DATA_DIR: dataDir },
      });
      expect(r.code, r.stderr).toBe(0);
      const lines = r.stdout.trim().split('\n');
      const notice = lines.findIndex((l) => l.startsWith('linli: 【聚心苑 卫生费公示】'));
      expect(notice).toBeGreaterThan(0);
      const saved = lines.find((l) => l.startsWith('linli: [图片] 已保存到 '));
      expect(saved).toBeDefined();
      expect(lines.indexOf(saved!)).toBeGreaterThan(notice);
      const file = saved!.slice('linli: [图片] 已保存到 '.length);
      expect(file.startsWith(path.join(dataDir, 'console-files'))).toBe(true);
      const png = readFileSync(file);
      expect(pngSize(png)).toEqual({ width: 1080, height: 840 });
      copyFileSync(file, path.join(OUT, 'console-notice.png'));
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
      await db.destroy();
    }
  }, 120_000);
});
