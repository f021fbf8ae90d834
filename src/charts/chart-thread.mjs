// The chart thread's entry (see threaded-renderer.ts). A thread does not inherit tsx's loader,
// so the TypeScript renderer is loaded through tsx's own API; then each chart asked for is drawn
// here, so the second or so it takes never stalls the worker process's jobs.
import { parentPort } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

const { renderPng } = await tsImport('./render-png.ts', import.meta.url);

parentPort?.on('message', async (m) => {
  try {
    const png = await renderPng(m.option, m.size);
    parentPort?.postMessage({ id: m.id, png }, [png.buffer]);
  } catch (e) {
    parentPort?.postMessage({ id: m.id, error: e instanceof Error ? e.message : String(e) });
  }
});
