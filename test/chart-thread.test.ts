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
      let ticks = 0;
      const ticker = setInterval(() => ticks++, 10);
      const [a, b] = await Promise.all([render(OPTION, SIZE), render({ ...OPTION, series: [{ type: 'bar' as const, data: [10, 20] }] }, SIZE)]);
      clearInterval(ticker);
      expect([...a.slice(0, 4)]).toEqual(PNG);
      expect([...b.slice(0, 4)]).toEqual(PNG);
      expect(Buffer.from(a).equals(Buffer.from(await renderPng(OPTION, SIZE)))).toBe(true);
      // The event loop kept turning while the thread drew (drawn on the main thread, warm, it does not turn at all).
      expect(ticks).toBeGreaterThan(5);
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
