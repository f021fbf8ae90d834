import { describe, expect, it } from 'vitest';
import { renderPng } from '../src/charts/render-png.js';
import { threadedChartRenderer } from '../src/charts/threaded-renderer.js';

const OPTION = { xAxis: { type: 'category' as const, data: ['8栋', '9栋'] }, yAxis: { type: 'value' as const }, series: [{ type: 'bar' as const, data: [80, 60] }] };
const SIZE = { width: 320, height: 200 };
const PNG = [0x89, 0x50, 0x4e, 0x47];

describe('charts drawn on a thread of their own', () => {
  it('draws the same PNG as on the main thread, while the main thread stays free', async () => {
    const render = threadedChartRenderer();
    try {
      await render(OPTION, SIZE); // started and warm: what follows is drawing alone
      // Four notice-sized charts: drawn on the main thread (warm, synchronous) the event loop would not turn at all.
      const big = { width: 1080, height: 840 };
      const started = Date.now();
      let ticks = 0;
      const ticker = setInterval(() => ticks++, 5);
      const drawn = await Promise.all([10, 20, 30, 40].map((n) => render({ ...OPTION, series: [{ type: 'bar' as const, data: [n, 60] }] }, big)));
      clearInterval(ticker);
      const elapsed = Date.now() - started;
      for (const png of drawn) expect([...png.slice(0, 4)]).toEqual(PNG);
      // The loop kept turning for at least a fifth of the time the thread drew.
      expect(ticks).toBeGreaterThan(2);
      expect(ticks).toBeGreaterThanOrEqual(Math.floor((elapsed / 5) * 0.2));
      const [a, b] = await Promise.all([render(OPTION, SIZE), render({ ...OPTION, series: [{ type: 'bar' as const, data: [10, 20] }] }, SIZE)]);
      expect([...a.slice(0, 4)]).toEqual(PNG);
      expect([...b.slice(0, 4)]).toEqual(PNG);
      expect(Buffer.from(a).equals(Buffer.from(await renderPng(OPTION, SIZE)))).toBe(true);
    } finally {
      await render.close();
    }
  }, 60_000);

  it('gives up on a chart that takes too long, with the error the notice falls back on, and draws the next', async () => {
    const render = threadedChartRenderer({ timeoutMs: 1 });
    try {
      await expect(render(OPTION, SIZE)).rejects.toMatchObject({ name: 'ChartUnavailableError' });
    } finally {
      await render.close();
    }
    const patient = threadedChartRenderer();
    try {
      expect([...(await patient(OPTION, SIZE)).slice(0, 4)]).toEqual(PNG);
    } finally {
      await patient.close();
    }
  }, 60_000);
});
