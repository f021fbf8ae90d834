import { Worker } from 'node:worker_threads';
import { ChartUnavailableError } from './cjk-font.js';
import type { ChartRenderer } from './render-png.js';

type Reply = { id: number; png?: Uint8Array; error?: string };
type Waiting = { resolve: (png: Uint8Array) => void; reject: (e: Error) => void; timer: NodeJS.Timeout };

/**
 * A ChartRenderer that draws on a thread of its own: ECharts and resvg take about a second per
 * chart, which on the worker's own thread would stall every other job (and BullMQ's lock
 * renewals) for as long. One thread, started on the first chart, stopped after `idleMs` without
 * one (it holds the renderer and the font, ~100 MB); it never keeps the process alive. A chart
 * that fails or takes longer than `timeoutMs` throws ChartUnavailableError, as renderPng does,
 * and the notice goes out as text.
 */
export function threadedChartRenderer(opts: { timeoutMs?: number; idleMs?: number } = {}): ChartRenderer & { close(): Promise<void> } {
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const idleMs = opts.idleMs ?? 60_000;
  let worker: Worker | null = null;
  let idle: NodeJS.Timeout | null = null;
  let next = 0;
  const waiting = new Map<number, Waiting>();

  const failAll = (why: string) => {
    for (const [id, w] of waiting) {
      clearTimeout(w.timer);
      w.reject(new ChartUnavailableError(why));
      waiting.delete(id);
    }
  };
  const stop = async () => {
    if (idle) clearTimeout(idle);
    idle = null;
    const w = worker;
    worker = null;
    if (w) await w.terminate();
  };
  const start = (): Worker => {
    const w = new Worker(new URL('./chart-thread.mjs', import.meta.url));
    w.unref();
    w.on('message', (r: Reply) => {
      const p = waiting.get(r.id);
      if (!p) return;
      waiting.delete(r.id);
      clearTimeout(p.timer);
      if (r.png) p.resolve(r.png);
      else p.reject(new ChartUnavailableError(`could not draw the chart: ${r.error ?? 'no reply'}`));
      if (waiting.size === 0) idleSoon();
    });
    w.on('error', (e) => {
      if (worker === w) worker = null;
      failAll(`the chart thread failed: ${e.message}`);
    });
    w.on('exit', () => {
      if (worker === w) worker = null;
      failAll('the chart thread stopped');
    });
    return w;
  };
  const idleSoon = () => {
    if (idle) clearTimeout(idle);
    idle = setTimeout(() => void stop(), idleMs);
    idle.unref();
  };

  const render: ChartRenderer = (option, size) =>
    new Promise<Uint8Array>((resolve, reject) => {
      if (idle) clearTimeout(idle);
      idle = null;
      worker ??= start();
      const id = ++next;
      const timer = setTimeout(() => {
        waiting.delete(id);
        reject(new ChartUnavailableError(`the chart took longer than ${timeoutMs} ms`));
        // A thread stuck on one chart is of no use to the next: start afresh.
        void stop();
      }, timeoutMs);
      timer.unref();
      waiting.set(id, { resolve, reject, timer });
      try {
        worker.postMessage({ id, option, size });
      } catch (e) {
        waiting.delete(id);
        clearTimeout(timer);
        reject(new ChartUnavailableError(`could not send the chart to its thread: ${(e as Error).message}`));
      }
    });
  return Object.assign(render, {
    close: async () => {
      failAll('the chart renderer was closed');
      await stop();
    },
  });
}

let shared: ReturnType<typeof threadedChartRenderer> | null = null;

/** The process's one chart thread, shared by the worker's notices and the web's dashboard. */
export function sharedChartRenderer(): ChartRenderer {
  shared ??= threadedChartRenderer();
  return shared;
}
